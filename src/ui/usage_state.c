/* usage_state.c: loading the Usage tab's models for its range, breakdown and drill level. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/view_usage.h"

void
usage_state_init(struct usage_state *s)
{
	memset(s, 0, sizeof *s);
	s->range = UR_DEFAULT;
	s->by = USAGE_BY_DEFAULT;
	s->level = UL_RANGE;
	s->sel_day = -1;
	s->bucket = 1;
}

static void
free_models(struct usage_state *s)
{
	usage_model_free(&s->top);
	usage_model_free(&s->day_agents);
	usage_model_free(&s->day_items);
	usage_runs_free(&s->runs);
}

void
usage_state_free(struct usage_state *s)
{
	free_models(s);
	usage_source_free(&s->src);
	s->loaded = 0;
}

int
usage_state_reload_top(struct usage_state *s, struct cache *c)
{
	int64_t keep = s->sel_day >= 0 && s->sel_day < s->top.ndays ? s->top.days[s->sel_day].day : M_NONE;
	int i;

	usage_model_free(&s->top);
	if (usage_model_load(c, &s->src, &s->top, s->range, s->by, s->err, sizeof s->err) < 0)
		return -1;
	/* Keep the selected day when the new range still has it, else the last day. */
	s->sel_day = s->top.ndays - 1;
	for (i = 0; keep != M_NONE && i < s->top.ndays; i++)
		if (s->top.days[i].day == keep)
			s->sel_day = i;
	s->rows.n = usage_model_visible(&s->top, s->show_zero);
	list_clamp(&s->rows, s->table_rows > 0 ? s->table_rows : 1);
	return 0;
}

static int
load_day(struct usage_state *s, struct cache *c)
{
	usage_model_free(&s->day_agents);
	usage_model_free(&s->day_items);
	if (usage_model_load_day(c, &s->src, &s->day_agents, s->day, BY_AGENT, s->err, sizeof s->err) < 0 ||
	    usage_model_load_day(c, &s->src, &s->day_items, s->day, BY_ITEM, s->err, sizeof s->err) < 0)
		return -1;
	s->day_rows.n = usage_model_visible(&s->day_agents, s->show_zero);
	list_clamp(&s->day_rows, s->table_rows > 0 ? s->table_rows : 1);
	return 0;
}

int
usage_state_load(struct usage_state *s, struct cache *c, int64_t now)
{
	free_models(s);
	usage_source_free(&s->src);
	s->loaded = 0;
	s->err[0] = '\0';
	if (usage_source_load(c, now, &s->src, s->err, sizeof s->err) < 0)
		return -1;
	if (s->anomaly_factor > 0)
		s->src.anomaly_factor = s->anomaly_factor;
	if (usage_state_reload_top(s, c) < 0)
		return -1;
	if (s->level >= UL_DAY && load_day(s, c) < 0)
		return -1;
	if (s->level == UL_RUNS) {
		usage_runs_free(&s->runs);
		if (usage_runs_load(c, &s->src, &s->runs, s->agent_id, s->day, s->err, sizeof s->err) < 0)
			return -1;
		s->run_rows.n = s->runs.nruns;
		list_clamp(&s->run_rows, s->table_rows > 0 ? s->table_rows : 1);
	}
	s->loaded = 1;
	return 0;
}

int
usage_state_open_day(struct usage_state *s, struct cache *c)
{
	if (s->sel_day < 0 || s->sel_day >= s->top.ndays)
		return 0;
	s->day = s->top.days[s->sel_day].day;
	memset(&s->day_rows, 0, sizeof s->day_rows);
	if (load_day(s, c) < 0)
		return -1;
	s->level = UL_DAY;
	return 0;
}

int
usage_state_shift_day(struct usage_state *s, struct cache *c, int delta)
{
	int64_t day = s->day + (int64_t)delta * DAY_SECS, today = time_day_start_utc(s->src.ctx.now);

	if (day > today)
		return 0;
	s->day = day;
	if (load_day(s, c) < 0)
		return -1;
	return 0;
}

int
usage_state_open_runs(struct usage_state *s, struct cache *c)
{
	const struct usage_line *l;

	if (s->day_rows.sel < 0 || s->day_rows.sel >= usage_model_visible(&s->day_agents, s->show_zero))
		return 0;
	l = &s->day_agents.lines[s->day_rows.sel];
	str_copy(s->agent_id, sizeof s->agent_id, l->key);
	usage_runs_free(&s->runs);
	if (usage_runs_load(c, &s->src, &s->runs, s->agent_id, s->day, s->err, sizeof s->err) < 0)
		return -1;
	memset(&s->run_rows, 0, sizeof s->run_rows);
	s->run_rows.n = s->runs.nruns;
	s->level = UL_RUNS;
	return 0;
}

int
usage_state_back(struct usage_state *s)
{
	int i;

	switch (s->level) {
	case UL_RUNS:
		usage_runs_free(&s->runs);
		s->level = UL_DAY;
		return 1;
	case UL_DAY:
		usage_model_free(&s->day_agents);
		usage_model_free(&s->day_items);
		/* Back on the chart at the day that was open (it may have moved). */
		for (i = 0; i < s->top.ndays; i++)
			if (s->top.days[i].day == s->day)
				s->sel_day = i;
		s->level = UL_RANGE;
		return 1;
	default:
		return 0;
	}
}
