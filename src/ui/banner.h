/* banner.h: the one-line notices shown under the tab bar on every tab.
 *
 * Built from the shared account data (app.h) in order of urgency: past due,
 * runs paused, credits exhausted, trial countdown, TLS verification off,
 * offline or stale data.  Pure: no curses, so `billtop print` shows the same.
 */
#ifndef BILLTOP_BANNER_H
#define BILLTOP_BANNER_H

#include "client/model.h"
#include "ui/canvas.h"

struct app;

#define BANNER_MAX 8

enum banner_kind {
	BANNER_PAST_DUE, BANNER_PAUSED, BANNER_EXHAUSTED, BANNER_TRIAL,
	BANNER_INSECURE, BANNER_OFFLINE, BANNER_STALE, BANNER_REFUSED
};

struct banner {
	enum banner_kind kind;
	int style;              /* ST_BANNER_INFO / _WARN / _ALERT */
	char text[512];         /* translated, sanitised */
	char url[M_TEXT];       /* a link to show after the text, or "" */
	/* Set by banners_draw: where the URL landed (link_w 0: not drawn whole). */
	int link_x, link_y, link_w;
};

/* Fills out[] (at most max) for the app's state at app->now; returns the count. */
int banners_collect(const struct app *app, struct banner *out, int max);
/* Rows banner b needs at width w (1, or 2 when its URL goes on a row of its own). */
int banner_rows(const struct canvas *c, const struct banner *b, int w);
/* Draws banners from row y, using at most max_rows rows; returns the rows used.
 * A banner that does not fit whole is cut, never dropped silently: when
 * rows run out, the last row says how many more there are. */
int banners_draw(struct canvas *c, int x, int y, int w, int max_rows, struct banner *b, int n);
/* "3 min ago", "2 h ago", "just now": how long ago `then` was (translated). */
void ago_format(int64_t now, int64_t then, char *buf, int n);

#endif
