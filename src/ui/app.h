/* app.h: the dashboard's state, and what a view may ask of it.
 *
 * One struct app lives for the whole session.  Views read from app->cache
 * (in load only), read the shared account data below (loaded once per
 * refresh, for every tab and the banners), and call the app_* functions to
 * open dialogs or send an action.  The same struct, without a terminal,
 * serves `billtop print` (app->headless).
 */
#ifndef BILLTOP_APP_H
#define BILLTOP_APP_H

#include <stdint.h>

#include "client/cache.h"
#include "client/model.h"
#include "client/source.h"
#include "ui/view.h"

/* An action a view asks for: a typed action of the source (client/source.h:
 * change plan, buy credits, ...; never a path, a body or an HTTP status),
 * carried out by the refresh worker with source->act(), then a refresh of the
 * cache.  Nothing on screen changes before the server confirmed: the dialog
 * says "Sending..." until the answer and the refresh are in, then shows
 * `done` or the error. */
struct action {
	struct source_action sa; /* what to do: kind and typed fields */
	char done[512];          /* shown when it succeeded: "You are now on Pro." */
	/* Called on success with the action's result (e.g. the setup link),
	 * before the dialog shows `done`; may change `done`.  May be NULL. */
	void (*on_success)(struct app *app, struct view *v, const struct source_action_result *r,
	                   char *done, int done_size);
	struct view *view;       /* passed to on_success */
};

enum dialog_kind {
	DLG_NONE = 0,
	DLG_CONFIRM,   /* body + "y/Enter: confirm  n/Esc: cancel" */
	DLG_BUSY,      /* "Sending..." with the spinner; keys wait */
	DLG_INFO,      /* body + "Enter/Esc: close" */
	DLG_ERROR      /* what the server said, in plain words */
};

struct dialog {
	enum dialog_kind kind;
	char title[128];
	char body[1024];
	struct action act;   /* DLG_CONFIRM: what y sends */
};

/* Whether billing can be shown at all for this token. */
enum access {
	ACCESS_OK = 0,
	ACCESS_FORBIDDEN     /* 403 billing_forbidden, or a member/viewer role */
};

struct refresher;   /* refresh.c: the background sync child */

struct app {
	/* Where data comes from.  cache is owned by whoever opened it. */
	struct cache *cache;
	const struct source_ops *source;  /* what it offers (caps, actions); never NULL */
	char url[512];          /* the API base URL, for the loading screen */
	char cache_path[1024];  /* for the child that syncs into it */
	const char *profile;    /* --profile, or NULL */
	const char *token;      /* resolved token, owned by the caller; only ever
	                         * handed to the worker through a pipe */
	int offline;            /* --offline: the network is never touched */
	int refresh_off;        /* no URL or token: no worker; last_error says why */
	int insecure;           /* --insecure: TLS verification is off (banner) */
	int allow_http;         /* allow_http = yes (for the PDF download's net handle) */
	char theme[8];          /* theme = dark|light|mono ("": dark) */
	int64_t refresh_every;  /* seconds between background refreshes; 0: never */
	int64_t budget;         /* the profile's budget, minor units; -1: none */
	char budget_currency[4];
	int anomaly_factor;     /* anomaly_factor = N (core/anomaly.h); 0: the default */
	int headless;           /* `billtop print`: no terminal, no refresh */
	int64_t started_us;     /* CLOCK_MONOTONIC at start (BILLTOP_TIMING_LOG), or 0 */
	int utf8;               /* UTF-8 glyphs (from the locale) */

	/* The clock for this frame: BILLTOP_NOW (RFC 3339) when set, for tests. */
	int64_t now;

	/* Shared data, reloaded from the cache after every refresh. */
	int have_snapshot;      /* the cache was ever filled */
	int have_account;
	struct account account;
	int have_plan;          /* the account's current plan is in the catalogue */
	struct plan plan;
	int have_credits;
	struct credit_summary credits;
	int64_t synced_at;      /* last complete refresh (M_NONE: never) */
	enum access access;
	char role[32];          /* the role the server named with a 403 */

	/* Refresh state (refresh.c). */
	struct refresher *rf;
	int refreshing;         /* a child is syncing */
	int spin;               /* spinner frame while refreshing */
	int64_t next_refresh;   /* when the periodic refresh is due (M_NONE: never) */
	int net_failed;         /* the last refresh could not reach the server */
	char last_error[512];   /* the last refresh's error, in plain words, or "" */
	char load_error[512];   /* a view's load error (app_set_error), or "" */
	char notice[256];       /* a one-off status line note ("Refreshed."), or "" */
	/* The `/` prompt of a view's find(): typing, and the last query for n/N. */
	int searching;
	char query[64], last_query[64];
	char sync_note[600];    /* items the last refresh left out ("invoices: 1 item refused:
	                         * data[3] ..."), from the sync state; "" when none */

	/* Screen state (tui.c). */
	struct view views[VIEW_MAX];
	int nviews;
	int cur;                /* index of the visible view */
	int help;               /* the ? overlay is open */
	struct dialog dialog;
	int dirty;              /* compose a new frame */
	int quit;
};

/* The clock, the only one (the dashboard, billtop print and billtop check):
 * BILLTOP_NOW if set (RFC 3339, tests and goldens), else time(). */
int64_t app_clock(void);
/* CLOCK_MONOTONIC in microseconds: for timeouts and BILLTOP_TIMING_LOG. */
int64_t app_mono_us(void);

/* Sets up views and reads the shared data (cache may be NULL: nothing yet). */
int app_init(struct app *app, struct cache *cache, int headless);
void app_free(struct app *app);
/* Reloads the shared data and marks every view stale (after a refresh). */
void app_reload(struct app *app);
/* Loads the visible view if it is stale; returns its load result. */
int app_load_view(struct app *app, int index);
/* Switches to view index (wraps around); marks the screen dirty. */
void app_switch(struct app *app, int index);
struct view *app_view(struct app *app);

/* For views: a load error in plain words (printf-style), shown instead of the view. */
void app_set_error(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* For views: a confirm dialog; y sends act (copied), n closes it. */
void app_confirm(struct app *app, const char *title, const char *body, const struct action *act);
/* For views: an information dialog. */
void app_message(struct app *app, const char *title, const char *body);
/* For views: send act at once (no confirm step), showing "Sending...". */
void app_run_action(struct app *app, const struct action *act);
/* Starts a background refresh now (no-op when offline or one is running). */
void app_refresh(struct app *app);
/* 1 when the account's role may change billing (owner, admin). */
int app_can_change(const struct app *app);

/* The API's error codes (docs/api.md) as sentences for a person; NULL for an
 * unknown code (then show the server's own message). */
const char *app_error_sentence(const char *code);


#endif
