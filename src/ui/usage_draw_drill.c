/* usage_draw_drill.c: the Usage tab's drill-down: one day by agent, one agent's runs. */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/figures.h"
#include "ui/glyphs.h"
#include "ui/usage_draw.h"

/* "LLM 10,000, Tool calls 2,000, Storage 345" from per-item credits. */
static void
item_split(const int64_t *items, char *buf, size_t n)
{
	struct strbuf sb;
	char a[32];
	int i;

	strbuf_init(&sb, buf, n);
	for (i = 0; i < ITEM_COUNT; i++) {
		if (i > 0)
			strbuf_add(&sb, ", ");
		strbuf_add(&sb, line_item_label((enum line_item)i));
		strbuf_addc(&sb, ' ');
		strbuf_add(&sb, fig_credits(a, sizeof a, items[i]));
	}
	if (strbuf_finish(&sb) < 0)
		str_copy(buf, n, "");
}

/* The title line with "Esc: back" at its right end when there is room. */
static void
drill_title(struct usage_state *s, struct canvas *c, int x, int y, int w, const char *title)
{
	const char *back = _("Esc: back");
	int bw = canvas_text_width(c, back);
	int tw = draw_text_fit(c, x, y, w, ST_TITLE, title);

	if (!s->headless && tw + bw + 2 <= w)
		draw_text_right(c, x + w, y, bw, ST_DIM, back);
}

void
usage_draw_day(struct usage_state *s, struct canvas *c, const struct layout *l)
{
	const struct usage_model *m = &s->day_agents, *it = &s->day_items;
	int64_t items[ITEM_COUNT] = { 0 };
	char title[256], split[256], line[512], a[32];
	int x = l->x, y = l->y, w = l->w, bottom = l->y + l->h, i, k, rows, body = 0, n;
	int tall = s->headless;

	snprintf(title, sizeof title, _("%s, by agent"), m->ndays > 0 ? m->days[0].day_key : "");
	drill_title(s, c, x, y++, w, title);
	for (i = 0; i < it->nlines; i++) {
		k = line_item_parse(it->lines[i].key);
		if (k >= 0 && k < ITEM_COUNT)
			items[k] = it->lines[i].credits;
	}
	item_split(items, split, sizeof split);
	snprintf(line, sizeof line, _("%s credits: %s"), fig_credits(a, sizeof a, m->total_credits), split);
	y += draw_wrap(c, x, y, w, w >= 60 ? 1 : 2, ST_BOLD, line);
	y++;
	n = usage_model_visible(m, s->show_zero);
	rows = bottom - y - (tall ? 0 : 1);
	if (tall && rows > n + 2)
		rows = n + 2;
	y += usage_draw_table(m, c, x, y, w, rows, s->show_zero, &s->day_rows, !s->headless, &body);
	s->table_rows = body;
	if (!tall && !s->headless && y < bottom)
		draw_text_fit(c, x, bottom - 1, w, ST_DIM, w >= 70
		              ? glyphs_hint(glyphs_for(c->utf8), N_("Enter: runs of the selected agent   left/right: previous or next day"),
		                            line, sizeof line)
		              : _("Enter: the agent's runs"));
}

/* "38s", "2m 05s", "1h 02m"; "running" while it runs. */
static void
duration(const struct run *r, char *buf, size_t n)
{
	int64_t d;

	if (r->ended_at == M_NONE || r->status == RUN_RUNNING) {
		snprintf(buf, n, "%s", _("running"));
		return;
	}
	d = r->ended_at - r->started_at;
	if (d < 0)
		d = 0;
	if (d < 60)
		snprintf(buf, n, _("%" PRId64 "s"), d);
	else if (d < 3600)
		snprintf(buf, n, _("%" PRId64 "m %02" PRId64 "s"), d / 60, d % 60);
	else
		snprintf(buf, n, _("%" PRId64 "h %02" PRId64 "m"), d / 3600, d % 3600 / 60);
}

/* "HH:MM:SS" of an instant in UTC (the column says so), as every billing time. */
static void
clock_time(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL || strftime(buf, n, "%H:%M:%S", &tm) == 0)
		str_copy(buf, n, "?");
}

const char *
run_status_label(enum run_status st)
{
	switch (st) {
	case RUN_RUNNING: return _("running");
	case RUN_SUCCEEDED: return _("succeeded");
	case RUN_FAILED: return _("failed");
	}
	return "";
}

enum { RC_START, RC_DUR, RC_STATUS, RC_LLM, RC_TOOLS, RC_STORAGE, RC_TOTAL, RC_N };

void
usage_draw_runs(struct usage_state *s, struct canvas *c, const struct layout *l)
{
	const struct usage_runs *r = &s->runs;
	const struct glyphs *g = glyphs_for(c->utf8);
	struct column cols[RC_N];
	char day[M_DAY], title[256], split[256], line[512], a[32], b[32];
	int x = l->x, y = l->y, w = l->w, bottom = l->y + l->h, rows, i, row, st, k;
	int tall = s->headless;

	time_format_day(r->day, day, sizeof day);
	snprintf(title, sizeof title, P_("%s, %s: %d run", "%s, %s: %d runs", (unsigned long)r->nruns), day,
	         r->agent_name, r->nruns);
	drill_title(s, c, x, y++, w, title);
	item_split(r->item_totals, split, sizeof split);
	snprintf(line, sizeof line, _("%s credits: %s"), fig_credits(a, sizeof a, r->total), split);
	y += draw_wrap(c, x, y, w, w >= 60 ? 1 : 2, ST_BOLD, line);
	y++;
	if (r->nruns == 0) {
		draw_wrap(c, x, y, w, bottom - y, ST_DIM,
		          _("No runs of this agent on this day in the cache (runs are kept for 90 days)."));
		return;
	}

	memset(cols, 0, sizeof cols);
	cols[RC_START] = (struct column){ _("Started UTC"), 11, 0, 0, 0, 0, 0 };
	cols[RC_DUR] = (struct column){ _("Duration"), 8, 1, 3, 0, 0, 0 };
	cols[RC_STATUS] = (struct column){ _("Status"), 9, 0, 2, 1, 0, 0 };
	cols[RC_LLM] = (struct column){ line_item_label(ITEM_LLM), 9, 1, 1, 0, 0, 0 };
	cols[RC_TOOLS] = (struct column){ line_item_label(ITEM_TOOL_CALLS), 10, 1, 1, 0, 0, 0 };
	cols[RC_STORAGE] = (struct column){ line_item_label(ITEM_STORAGE), 9, 1, 1, 0, 0, 0 };
	cols[RC_TOTAL] = (struct column){ _("Total"), 9, 1, 0, 0, 0, 0 };
	columns_fit(cols, RC_N, w - 2, 2);
	x += 2;
	columns_header(c, x, y++, cols, RC_N, ST_DIM);
	rows = bottom - y - (tall ? 0 : 1);
	if (rows < 1)
		return;
	s->table_rows = rows;
	s->run_rows.n = r->nruns;
	list_clamp(&s->run_rows, rows);
	for (row = 0; row < rows; row++) {
		const struct run *run;

		i = s->run_rows.top + row;
		if (i >= r->nruns)
			break;
		run = &r->runs[i];
		canvas_list_row(c, y, i, s->run_rows.sel);
		st = run->status == RUN_FAILED ? ST_ALERT : ST_NORMAL;
		clock_time(run->started_at, a, sizeof a);
		columns_cell(c, x, y, &cols[RC_START], ST_NORMAL, a);
		duration(run, b, sizeof b);
		columns_cell(c, x, y, &cols[RC_DUR], ST_NORMAL, b);
		/* Failed runs carry a mark as well as the alert style (monochrome). */
		snprintf(line, sizeof line, "%s%s", run->status == RUN_FAILED ? "! " : "", run_status_label(run->status));
		columns_cell(c, x, y, &cols[RC_STATUS], st, line);
		for (k = 0; k < ITEM_COUNT; k++)
			columns_cell(c, x, y, &cols[RC_LLM + k], ST_NORMAL, fig_credits(a, sizeof a, run->credits[k]));
		columns_cell(c, x, y, &cols[RC_TOTAL], ST_BOLD, fig_credits(a, sizeof a, run->credits_total));
		if (!s->headless && i == s->run_rows.sel) {
			canvas_text(c, x - 2, y, 1, ST_SELECTED, g->pointer);
			canvas_style(c, x, y, columns_width(cols, RC_N), ST_SELECTED);
		}
		y++;
	}
	if (!tall && !s->headless && y < bottom && r->nruns > rows) {
		snprintf(line, sizeof line, _("%d-%d of %d runs"), s->run_rows.top + 1,
		         s->run_rows.top + rows < r->nruns ? s->run_rows.top + rows : r->nruns, r->nruns);
		draw_text_fit(c, l->x, bottom - 1, w, ST_DIM, line);
	}
}
