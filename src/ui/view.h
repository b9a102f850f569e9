/* view.h: one tab of the dashboard = one view = one file with one ops struct.
 *
 * In the spirit of tig's views: a view loads its model from the cache
 * (data only, no drawing), draws that model into a canvas (no data access,
 * no curses), and handles the keys it has a use for.  The same load + draw
 * serve the dashboard and `billtop print`, so a view never touches curses
 * or the network itself; actions go through app_confirm()/app_run_action().
 *
 * How a frame is made (tui.c): when the cache changed, every view is marked
 * stale and the visible one is loaded again; when anything changed (a key,
 * a load, a resize, the spinner) the whole screen is composed into a fresh
 * canvas and only the cells that differ from the last frame reach the
 * terminal.  A view that changed what it shows sets view->dirty (or returns
 * VIEW_HANDLED from key, which implies it).
 *
 * Keys: the view sees every key first, as a curses key code (KEY_UP,
 * KEY_ENTER, '\n', 27 for Esc, ...), and returns VIEW_HANDLED when it used
 * it.  key() is only called on a loaded view: a key typed together with a
 * tab switch ("3R") makes keys.c load the new tab before handing it the key,
 * so a view never loads itself from key().  Return VIEW_IGNORED for every key you have no use for, so the global
 * keys keep working: q, ?, 1-6, Tab, Shift-Tab, r, and left/right, which
 * switch tabs unless the view claims them (Plans moves between plans with
 * them, Usage between days).  Claim q, ?, 1-6, Tab and r only while a text
 * field of the view has the focus (a search box).  Esc: return VIEW_HANDLED
 * when it took you back a level (a drill-down, a detail panel); at the top
 * level ignore it.
 *
 * See src/ui/README for a walk-through of adding a tab.
 */
#ifndef BILLTOP_VIEW_H
#define BILLTOP_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "ui/canvas.h"

struct app;
struct view;

#define VIEW_IGNORED 0
#define VIEW_HANDLED 1

/* Where a view draws: its rectangle in the canvas (never touch outside it). */
struct layout {
	int x, y, w, h;
	int compact;    /* the screen is smaller than 80x24: be terse */
	int64_t now;    /* the clock for this frame (Unix seconds) */
};

/* The one layout rule for every tab, on screen and in `billtop print`: a
 * view draws VIEW_MARGIN columns in from both edges of the area it is
 * given, and no view adds a margin of its own (draw from layout->x, up to
 * layout->x + layout->w).  0: the tables of Credits, Usage, Invoices and
 * Payment are laid out for all 80 columns; a margin of 1 wrapped or cut
 * them (the projection line, a bank account's last four digits). */
#define VIEW_MARGIN 0
/* The layout of a view given the area x, y, w, h (compact and now unset). */
void view_layout(struct layout *l, int x, int y, int w, int h);

/* One line of the `?` overlay.  Both strings are untranslated (N_()) and
 * shown through _(); a table ends with { NULL, NULL }.  A key that runs a
 * typed action names it (enum source_action_kind, client/source.h): the
 * overlay leaves it out when the source cannot do it (keyhelp_shown()). */
struct keyhelp {
	const char *keys;   /* "j/k" */
	const char *what;   /* "select the previous or next plan" */
	int action;         /* SA_PLAN_CHANGE ..., or 0 (SA_NONE): always shown */
};

struct view_ops {
	const char *name;   /* tab title, untranslated (N_("Overview")) */
	const char *id;     /* "overview": stable, for `billtop print ID` */
	/* The resources it shows (SRC_CAP_* of client/source.h): a source that
	 * offers none of them gets the "not offered" screen (ui/offered.h)
	 * instead of the tab, and `billtop print ID` exits EXIT_NOT_OFFERED.
	 * 0: every source. */
	unsigned caps;
	/* The view's state, v->priv, is the framework's to allocate and free:
	 * state_size zeroed bytes, passed to state_init (NULL: zeroes will do)
	 * before the first load; at the end state_free (NULL: it owns nothing),
	 * then free(). */
	size_t state_size;
	void (*state_init)(void *state);
	void (*state_free)(void *state);
	/* Rebuilds the view's model from app->cache into v->priv (never NULL
	 * here).  Data only; called after every refresh that changed the cache,
	 * before the next draw.  Returns 0, or -1 with what went wrong in err,
	 * in words for the person: the screen then shows it instead of the tab. */
	int (*load)(struct app *app, struct view *v, char *err, size_t errsz);
	/* Draws the model into c within l (x, y, w, h).  No data access. */
	void (*draw)(struct view *v, struct canvas *c, const struct layout *l);
	/* A key: VIEW_HANDLED or VIEW_IGNORED (see above).  May be NULL. */
	int (*key)(struct view *v, struct app *app, int key);
	/* The keys of this tab, for the `?` overlay; NULL if none. */
	const struct keyhelp *keys;
	/* A background job of the view (the Invoices tab's PDF download): the
	 * fd the main loop polls, or -1.  job_ready is called when it is
	 * readable or closed.  Both may be NULL. */
	int (*job_fd)(struct view *v);
	void (*job_ready)(struct view *v, struct app *app);
	/* `/` search on the view's list (keys.c owns the prompt and n/N):
	 * selects the next (dir 1) or previous (-1) row whose text contains
	 * query, case-insensitively, starting after the selection (at it when
	 * from_sel), wrapping around the whole list, not only the rows on
	 * screen.  1: found (msg may say where), 0: none, -1: an error in msg.
	 * NULL: the view has no searchable list (or handles `/` itself). */
	int (*find)(struct view *v, struct app *app, const char *query, int dir, int from_sel,
	            char *msg, size_t msgsz);
};

struct view {
	const struct view_ops *ops;
	void *priv;         /* the view's own state: model, selection; owned by it */
	int stale;          /* the cache changed since the last load */
	int dirty;          /* what the view shows changed: compose a new frame */
	int rows;           /* rows of the last layout it was drawn in (for paging) */
};

/* The tabs in order: 1 Overview .. 6 Plans.  To add a tab, add its ops to
 * view_table[] in views.c (one line) and a view_NAME.c. */
#define VIEW_MAX 8
extern const struct view_ops *const view_table[];
extern const int view_count;

extern const struct view_ops view_overview_ops;
extern const struct view_ops view_credits_ops;
extern const struct view_ops view_usage_ops;
extern const struct view_ops view_invoices_ops;
extern const struct view_ops view_payment_ops;
extern const struct view_ops view_plans_ops;

/* The index of the view with this id in view_table, or -1. */
int view_find(const char *id);

#endif
