/* theme_curses.h: semantic styles (theme.h) as curses attributes. */
#ifndef BILLTOP_THEME_CURSES_H
#define BILLTOP_THEME_CURSES_H

#include <curses.h>

/* The colour schemes of the `theme` configuration key. */
enum theme_scheme {
	THEME_DARK = 0,   /* the default: for a dark background */
	THEME_LIGHT,      /* for a light background: no yellow or white text on it */
	THEME_MONO        /* attributes only, as with NO_COLOR */
};

/* "dark", "light", "mono" or "" (the default) to a scheme; unknown: dark. */
enum theme_scheme theme_scheme_parse(const char *name);

/* After initscr: picks colour or monochrome (theme_choose; THEME_MONO is
 * monochrome whatever the terminal) and sets up the colour pairs of the
 * scheme.  Safe to call again after a resize. */
void theme_curses_init(enum theme_scheme scheme);
/* The attributes (colour pair included) for a style. */
attr_t theme_attr(int style);

#endif
