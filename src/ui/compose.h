/* compose.h: the whole screen as one canvas, without curses.
 *
 *   row 0        tab bar (title, "1 Overview" .. "6 Plans")
 *   rows 1..     banners (at most 3 rows at 24 lines and more, 1 below)
 *   ...          the current view, or a loading / no-permission / error screen
 *   last row     status line (refresh state, account, key hints)
 *   on top       the ? overlay or a dialog
 *
 * Below 40x12 everything gives way to "terminal too small: need 40x12".
 * tui.c composes into a fresh canvas and blits the difference; the tests
 * compose at any size without a terminal.
 */
#ifndef BILLTOP_COMPOSE_H
#define BILLTOP_COMPOSE_H

#include "ui/banner.h"
#include "ui/canvas.h"

struct app;

#define MIN_W 40
#define MIN_H 12
#define FULL_W 80
#define FULL_H 24

/* What a frame left behind for input and hyperlinks. */
struct frame {
	int tab_x0[8], tab_x1[8];   /* tab i occupies columns [x0, x1) of row 0 */
	int ntabs;
	struct banner banners[BANNER_MAX];
	int nbanners;
};

/* Composes the app's screen into c (cleared first). */
void compose_frame(struct app *app, struct canvas *c, struct frame *f);
/* The tab under column x of the tab bar, or -1. */
int frame_tab_at(const struct frame *f, int x);

/* The key list of the ? overlay: global keys (untranslated, { NULL, NULL } ends). */
extern const struct keyhelp global_keys[];

#endif
