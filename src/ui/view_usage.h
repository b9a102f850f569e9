/* view_usage.h: the Usage tab's state (range, breakdown, selection, drill
 * level) and its drawing, shared by the dashboard and `billtop print usage`.
 *
 * usage_state_load reads the cache (models rebuilt only when the range, the
 * breakdown, the drill level or the data change); usage_draw only draws the
 * state into a canvas, so a redraw never touches the cache.
 */
#ifndef BILLTOP_VIEW_USAGE_H
#define BILLTOP_VIEW_USAGE_H

#include <stdint.h>

#include "client/cache.h"
#include "ui/canvas.h"
#include "ui/model_usage.h"
#include "ui/view.h"
#include "ui/widgets.h"

enum usage_level {
	UL_RANGE,     /* the chart over the range and the table by breakdown */
	UL_DAY,       /* one day by agent */
	UL_RUNS       /* one agent's runs on that day */
};

struct usage_state {
	/* What is asked for. */
	enum usage_range range;
	enum usage_by by;
	int show_zero;
	int anomaly_factor;     /* the profile's (app->anomaly_factor); 0: the default */
	enum usage_level level;
	int sel_day;                  /* index into top.days; -1: none */
	struct list_pos rows;         /* table selection at UL_RANGE */
	int64_t day;                  /* UL_DAY and UL_RUNS: the day */
	struct list_pos day_rows;     /* agents of the day */
	char agent_id[M_ID];          /* UL_RUNS */
	struct list_pos run_rows;

	/* What was loaded. */
	int loaded;
	struct usage_source src;
	struct usage_model top;
	struct usage_model day_agents, day_items;
	struct usage_runs runs;
	char err[512];

	struct spend_view *spend;     /* a spend source's Usage (view_spend.h), or NULL */
	int headless;                 /* billtop print: a page of any height: every row, the
	                               * billing notes, no selection pointer, no key hints */

	/* Left behind by the last draw, for the keys. */
	int bucket;                   /* days per chart bar */
	int table_rows;               /* rows the table had on screen */
};

void usage_state_init(struct usage_state *s);
void usage_state_free(struct usage_state *s);
/* (Re)loads everything the current level needs from the cache, keeping the
 * range, breakdown, selection and level.  0, or -1 with s->err set. */
int usage_state_load(struct usage_state *s, struct cache *c, int64_t now);
/* Only the range or breakdown changed: rebuilds the top model (source kept). */
int usage_state_reload_top(struct usage_state *s, struct cache *c);

/* Drill-down: the selected day by agent; the selected agent's runs that
 * day; back up one level (returns 0 at the top).  0, or -1 with s->err. */
int usage_state_open_day(struct usage_state *s, struct cache *c);
int usage_state_open_runs(struct usage_state *s, struct cache *c);
int usage_state_back(struct usage_state *s);
/* At UL_DAY: the previous (-1) or next (+1) day, never past today. */
int usage_state_shift_day(struct usage_state *s, struct cache *c, int delta);

/* Draws the state into the rectangle of l.  Headless (billtop print), the
 * rectangle is a page: give it enough rows (canvas_rows_used trims it). */
void usage_draw(struct usage_state *s, struct canvas *c, const struct layout *l);

#endif
