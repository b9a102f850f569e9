/* theme.h: semantic styles; theme.c maps them to colours, or to plain
 * attributes (bold, reverse, underline) when the terminal is monochrome or
 * NO_COLOR is set, so meaning never depends on colour alone. */
#ifndef BILLTOP_THEME_H
#define BILLTOP_THEME_H

enum style {
	ST_NORMAL = 0,
	ST_DIM,           /* secondary text, axis labels */
	ST_BOLD,          /* headings, figures that matter */
	ST_TITLE,         /* the top line */
	ST_TAB,           /* an inactive tab */
	ST_TAB_ACTIVE,    /* the current tab */
	ST_SELECTED,      /* the selected row */
	ST_OK,            /* paid, active, succeeded */
	ST_WARN,          /* trial, expiring soon, stale data */
	ST_ALERT,         /* past due, failed, exhausted, urgent */
	ST_BANNER_INFO,
	ST_BANNER_WARN,
	ST_BANNER_ALERT,
	ST_LINK,          /* URLs */
	ST_STATUS,        /* the status line */
	ST_DIALOG,        /* dialog body */
	ST_SERIES_0,      /* chart series; monochrome: distinct fill patterns */
	ST_SERIES_1,
	ST_SERIES_2,
	ST_SERIES_3,
	ST_SERIES_4,
	ST_SERIES_5,
	ST_COUNT
};
#define ST_SERIES_COUNT 6

/* 1 when styles are drawn without colour: NO_COLOR set to a non-empty value
 * (https://no-color.org), a terminal without colours, and `billtop print`.
 * Widgets that tell things apart by colour (chart series) use patterns then. */
int theme_monochrome(void);
/* Decides colour or not from NO_COLOR and whether the terminal has colours
 * (has_colors() result passed in); returns the resulting theme_monochrome(). */
int theme_choose(int terminal_has_colors);
/* 1 when NO_COLOR is set to a non-empty value. */
int theme_no_color_env(void);

#endif
