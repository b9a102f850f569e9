/* theme_curses.c: the colour table and its monochrome fallback.
 *
 * Every style has a monochrome rendering made of attributes alone (bold,
 * reverse, underline, dim), so meaning never rests on colour; with colours
 * the same attributes are kept and a colour pair added. */
#include <config.h>

#include <string.h>

#include "ui/theme.h"
#include "ui/theme_curses.h"

struct style_def {
	short fg, bg;      /* -1: the terminal's default */
	attr_t color_attr; /* attributes added in colour */
	attr_t mono_attr;  /* the whole rendering in monochrome */
};

static const struct style_def dark[ST_COUNT] = {
	[ST_NORMAL]       = { -1, -1, A_NORMAL, A_NORMAL },
	[ST_DIM]          = { -1, -1, A_DIM, A_DIM },
	[ST_BOLD]         = { -1, -1, A_BOLD, A_BOLD },
	[ST_TITLE]        = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD | A_REVERSE },
	[ST_TAB]          = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
	[ST_TAB_ACTIVE]   = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_BOLD | A_UNDERLINE },
	[ST_SELECTED]     = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ST_OK]           = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ST_WARN]         = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ST_ALERT]        = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ST_BANNER_INFO]  = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ST_BANNER_WARN]  = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE | A_BOLD },
	[ST_BANNER_ALERT] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD | A_UNDERLINE },
	[ST_LINK]         = { COLOR_CYAN, -1, A_UNDERLINE, A_UNDERLINE },
	[ST_STATUS]       = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[ST_DIALOG]       = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_NORMAL },
	[ST_SERIES_0]     = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_1]     = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_2]     = { COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_3]     = { COLOR_YELLOW, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_4]     = { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_5]     = { COLOR_RED, -1, A_NORMAL, A_NORMAL },
};

/* On a light background yellow, cyan and white text fade out: darker
 * foregrounds, and the same attributes as the dark scheme (monochrome is
 * shared), so both read the same without colour. */
static const struct style_def light[ST_COUNT] = {
	[ST_NORMAL]       = { -1, -1, A_NORMAL, A_NORMAL },
	[ST_DIM]          = { -1, -1, A_DIM, A_DIM },
	[ST_BOLD]         = { -1, -1, A_BOLD, A_BOLD },
	[ST_TITLE]        = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD | A_REVERSE },
	[ST_TAB]          = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[ST_TAB_ACTIVE]   = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD | A_UNDERLINE },
	[ST_SELECTED]     = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
	[ST_OK]           = { COLOR_GREEN, -1, A_BOLD, A_NORMAL },
	[ST_WARN]         = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD },
	[ST_ALERT]        = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ST_BANNER_INFO]  = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
	[ST_BANNER_WARN]  = { COLOR_WHITE, COLOR_MAGENTA, A_BOLD, A_REVERSE | A_BOLD },
	[ST_BANNER_ALERT] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD | A_UNDERLINE },
	[ST_LINK]         = { COLOR_BLUE, -1, A_UNDERLINE, A_UNDERLINE },
	[ST_STATUS]       = { COLOR_WHITE, COLOR_BLACK, A_NORMAL, A_REVERSE },
	[ST_DIALOG]       = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_NORMAL },
	[ST_SERIES_0]     = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_1]     = { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_2]     = { COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_3]     = { COLOR_RED, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_4]     = { COLOR_BLACK, -1, A_NORMAL, A_NORMAL },
	[ST_SERIES_5]     = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
};

static const struct style_def *table = dark;
static int colors_on;

enum theme_scheme
theme_scheme_parse(const char *name)
{
	if (name && strcmp(name, "light") == 0)
		return THEME_LIGHT;
	if (name && strcmp(name, "mono") == 0)
		return THEME_MONO;
	return THEME_DARK;
}

void
theme_curses_init(enum theme_scheme scheme)
{
	short i;

	colors_on = 0;
	table = scheme == THEME_LIGHT ? light : dark;
	if (theme_choose(scheme != THEME_MONO && has_colors()))
		return;
	if (start_color() == ERR)
		goto mono;
	use_default_colors();
	if (COLOR_PAIRS < ST_COUNT + 1)
		goto mono;
	for (i = 0; i < ST_COUNT; i++)
		init_pair((short)(i + 1), table[i].fg, table[i].bg);
	colors_on = 1;
	return;
mono:
	theme_choose(0);
}

attr_t
theme_attr(int style)
{
	if (style < 0 || style >= ST_COUNT)
		style = ST_NORMAL;
	if (!colors_on)
		return table[style].mono_attr;
	if (table[style].fg == -1 && table[style].bg == -1)
		return table[style].color_attr;   /* no colour needed */
	return table[style].color_attr | COLOR_PAIR(style + 1);
}
