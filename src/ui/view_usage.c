/* view_usage.c: the Usage tab: what is using the credits, by day, line item, meter or agent.
 *
 * The state (range, breakdown, selection, drill level) lives in struct
 * usage_state; load reads the cache, keys change the state and rebuild only
 * the model they affect, draw only draws (usage_draw*.c).
 */
#include <config.h>

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/i18n.h"
#include "ui/app.h"
#include "ui/usage_draw.h"
#include "ui/view.h"
#include "ui/view_spend.h"
#include "ui/view_usage.h"
#include "ui/widgets.h"

static const struct keyhelp keys[] = {
	{ N_("left/right"), N_("select the previous or next day in the chart"), SA_NONE },
	{ N_("R"), N_("change the range: 30, 90, 7 days, this period, the previous one"), SA_NONE },
	{ N_("b"), N_("cycle the breakdown: line item, meter, agent"), SA_NONE },
	{ N_("z"), N_("show or hide rows with zero usage"), SA_NONE },
	{ N_("up/down"), N_("select a row of the table"), SA_NONE },
	{ N_("a"), N_("select the next unusual day (! on the chart)"), SA_NONE },
	{ N_("Enter"), N_("open the selected day by agent, then the agent's runs"), SA_NONE },
	{ N_("Esc"), N_("go back up one level"), SA_NONE },
	{ NULL, NULL, SA_NONE }
};

static void
state_init(void *s)
{
	usage_state_init(s);
}

static void
state_free(void *s)
{
	struct usage_state *u = s;

	spend_view_free(u->spend);
	u->spend = NULL;
	usage_state_free(s);
}

static int
load(struct app *app, struct view *v, char *err, size_t errsz)
{
	struct usage_state *s = v->priv;

	if (spend_view_active(app))
		return spend_view_load(app, &s->spend, err, errsz);

	s->headless = app->headless;
	s->anomaly_factor = app->anomaly_factor;
	if (usage_state_load(s, app->cache, app->now) < 0) {
		snprintf(err, errsz, _("Usage could not be read from the cache: %s"), s->err);
		return -1;
	}
	return 0;
}

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	struct usage_state *s = v->priv;

	if (s && s->spend)
		spend_view_draw_usage(s->spend, c, l);
	else if (s)
		usage_draw(v->priv, c, l);
}

/* The range cycle starts at the default (30 days) and visits the longer and shorter spans, then the periods. */
static enum usage_range
next_range(enum usage_range r)
{
	static const enum usage_range order[] = { UR_30D, UR_90D, UR_7D, UR_PERIOD, UR_PREVIOUS };
	size_t i;

	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		if (order[i] == r)
			return order[(i + 1) % (sizeof order / sizeof order[0])];
	return UR_DEFAULT;
}

static int
failed(struct app *app, struct usage_state *s)
{
	app_set_error(app, _("Usage could not be read from the cache: %s"), s->err);
	return VIEW_HANDLED;
}

static int
key_range(struct usage_state *s, struct app *app, int key)
{
	int step = s->bucket > 0 ? s->bucket : 1;

	switch (key) {
	case KEY_LEFT:
	case 'h':
		if (s->sel_day > 0)
			s->sel_day = s->sel_day - step < 0 ? 0 : s->sel_day - step;
		return VIEW_HANDLED;
	case KEY_RIGHT:
	case 'l':
		if (s->sel_day < s->top.ndays - 1)
			s->sel_day = s->sel_day + step >= s->top.ndays ? s->top.ndays - 1 : s->sel_day + step;
		return VIEW_HANDLED;
	case 'a':
		if ((step = usage_anomaly_next_day(&s->top, s->sel_day)) >= 0)
			s->sel_day = step;
		return VIEW_HANDLED;
	case 'R':
		s->range = next_range(s->range);
		return usage_state_reload_top(s, app->cache) < 0 ? failed(app, s) : VIEW_HANDLED;
	case 'b':
		s->by = usage_by_next(s->by);
		s->rows.sel = s->rows.top = 0;
		return usage_state_reload_top(s, app->cache) < 0 ? failed(app, s) : VIEW_HANDLED;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return usage_state_open_day(s, app->cache) < 0 ? failed(app, s) : VIEW_HANDLED;
	default:
		return list_key(&s->rows, key, s->table_rows > 0 ? s->table_rows : 1) ? VIEW_HANDLED : VIEW_IGNORED;
	}
}

static int
key_day(struct usage_state *s, struct app *app, int key)
{
	switch (key) {
	case KEY_LEFT:
	case 'h':
	case KEY_RIGHT:
	case 'l':
		if (usage_state_shift_day(s, app->cache, key == KEY_LEFT || key == 'h' ? -1 : 1) < 0)
			return failed(app, s);
		return VIEW_HANDLED;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return usage_state_open_runs(s, app->cache) < 0 ? failed(app, s) : VIEW_HANDLED;
	default:
		return list_key(&s->day_rows, key, s->table_rows > 0 ? s->table_rows : 1) ? VIEW_HANDLED
		                                                                            : VIEW_IGNORED;
	}
}

/* BILLTOP_TIMING_LOG (bench/usage.sh): how long a key took, model rebuilds
 * included; the frame that follows is logged by tui.c. */
static void
log_key_time(const struct usage_state *s, int k, int64_t us)
{
	const char *path = getenv("BILLTOP_TIMING_LOG");
	FILE *f;

	if (path == NULL || *path == '\0' || (f = fopen(path, "a")) == NULL)
		return;
	fprintf(f, "usage_key key=%d range=%s by=%s level=%d key_us=%lld\n", k, usage_range_name(s->range),
	        usage_by_name(s->by), (int)s->level, (long long)us);
	fclose(f);
}

static int
key_state(struct usage_state *s, struct app *app, int k)
{
	if (k == 27 || k == KEY_BACKSPACE)
		return usage_state_back(s) ? VIEW_HANDLED : VIEW_IGNORED;
	if (k == 'z') {
		s->show_zero = !s->show_zero;
		s->rows.n = usage_model_visible(&s->top, s->show_zero);
		s->day_rows.n = usage_model_visible(&s->day_agents, s->show_zero);
		list_clamp(&s->rows, s->table_rows > 0 ? s->table_rows : 1);
		list_clamp(&s->day_rows, s->table_rows > 0 ? s->table_rows : 1);
		return VIEW_HANDLED;
	}
	/* A new range or breakdown applies to the chart: back to the top first. */
	if (k == 'R' || k == 'b')
		while (usage_state_back(s))
			;
	switch (s->level) {
	case UL_DAY:
		return key_day(s, app, k);
	case UL_RUNS:
		return list_key(&s->run_rows, k, s->table_rows > 0 ? s->table_rows : 1) ? VIEW_HANDLED : VIEW_IGNORED;
	default:
		return key_range(s, app, k);
	}
}

struct usage_find {
	const struct usage_state *s;
	const char *query;
};

static int
line_match(void *ctx, int i)
{
	const struct usage_find *f = ctx;
	const struct usage_model *m = f->s->level == UL_DAY ? &f->s->day_agents : &f->s->top;

	return text_icontains(m->lines[i].label, f->query) || text_icontains(m->lines[i].key, f->query);
}

static int
run_match(void *ctx, int i)
{
	const struct usage_find *f = ctx;
	const struct run *r = &f->s->runs.runs[i];

	return text_icontains(r->id, f->query) || text_icontains(r->agent_id, f->query) ||
	       text_icontains(run_status_label(r->status), f->query);
}

/* `/`: a row of the table on screen (meter, agent, item; the day's agents;
 * the runs) by its name or id. */
static int
find(struct view *v, struct app *app, const char *query, int dir, int from_sel, char *msg, size_t msgsz)
{
	struct usage_state *s = v->priv;
	struct usage_find f = { s, query };
	struct list_pos *pos;
	int n, i;

	(void)app;
	if (s == NULL || !s->loaded)
		return 0;
	switch (s->level) {
	case UL_RUNS:
		pos = &s->run_rows;
		n = s->runs.nruns;
		i = list_find(n, pos->sel, dir, from_sel, run_match, &f);
		break;
	case UL_DAY:
		pos = &s->day_rows;
		n = usage_model_visible(&s->day_agents, s->show_zero);
		i = list_find(n, pos->sel, dir, from_sel, line_match, &f);
		break;
	default:
		pos = &s->rows;
		n = usage_model_visible(&s->top, s->show_zero);
		i = list_find(n, pos->sel, dir, from_sel, line_match, &f);
		break;
	}
	if (i < 0)
		return 0;
	pos->sel = i;
	list_clamp(pos, s->table_rows > 0 ? s->table_rows : 1);
	list_found_note(msg, msgsz, query, i, n);
	return 1;
}

static int
key(struct view *v, struct app *app, int k)
{
	struct usage_state *s = v->priv;
	int64_t t0 = app_mono_us();
	int r;

	if (s != NULL && s->spend)
		return spend_view_key(s->spend, k);
	if (s == NULL || !s->loaded)
		return VIEW_IGNORED;
	r = key_state(s, app, k);
	if (r == VIEW_HANDLED)
		log_key_time(s, k, app_mono_us() - t0);
	return r;
}

const struct view_ops view_usage_ops = {
	.name = N_("Usage"),
	.id = "usage",
	.caps = SRC_CAP_USAGE | SRC_CAP_SPEND,
	.state_size = sizeof(struct usage_state),
	.state_init = state_init,
	.state_free = state_free,
	.load = load,
	.draw = draw,
	.key = key,
	.keys = keys,
	.find = find,
};
