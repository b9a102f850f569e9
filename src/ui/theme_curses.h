/* theme_curses.h: semantic styles (theme.h) as curses attributes. */
#ifndef BILLTOP_THEME_CURSES_H
#define BILLTOP_THEME_CURSES_H

#include <curses.h>

/* After initscr: picks colour or monochrome (theme_choose) and sets up the
 * colour pairs.  Safe to call again after a resize. */
void theme_curses_init(void);
/* The attributes (colour pair included) for a style. */
attr_t theme_attr(int style);

#endif
