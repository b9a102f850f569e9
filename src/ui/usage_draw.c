/* usage_draw.c: the Usage tab at the range level: period, chart, table. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/anomaly.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/chart.h"
#include "ui/columns.h"
#include "ui/figures.h"
#include "ui/glyphs.h"
#include "ui/theme.h"
#include "ui/usage_draw.h"

/* Rows a chart gets out of `rest`: what the table does not need, 6 to 14 rows,
 * and always leaving the table its header, one row and the total. */
static int
chart_rows(int rest, int table_need, int w, int tall)
{
	int want = rest - table_need;

	if (tall)
		return w >= 80 ? 14 : 10;
	if (want > 14)
		want = 14;
	if (want < 6)
		want = 6;
	if (want > rest - 3)
		want = rest - 3;
	return want;
}

int
usage_draw_period(const struct usage_model *m, struct canvas *c, int x, int y, int w, int rows, int wrap)
{
	const struct usage_period *p = &m->period;
	char a[32], b[32], d[32], money[48], line[256], extra[96];
	int used, tw, gw, narrow = w < 60;

	fig_credits(a, sizeof a, p->used);
	fig_credits(b, sizeof b, p->allowance);
	if (p->allowance > 0 && p->used > p->allowance) {
		fig_credits(d, sizeof d, p->used - p->allowance);
		snprintf(line, sizeof line, narrow ? _("Period: %s used, %s past the %s allowance")
		                                   : _("This period: %s credits used, %s past the %s allowance"), a, d, b);
	} else if (p->allowance > 0) {
		snprintf(line, sizeof line, narrow ? _("Period: %s of %s credits") : _("This period: %s of %s credits used"),
		         a, b);
	} else {
		snprintf(line, sizeof line, narrow ? _("Period: %s credits") : _("This period: %s credits used"), a);
	}
	if (wrap) {
		used = draw_wrap(c, x, y, w, 2, ST_BOLD, line);
		tw = used > 1 ? w : canvas_text_width(c, line);
	} else {
		tw = draw_text_fit(c, x, y, w, ST_BOLD, line);
		used = 1;
	}
	gw = w - tw - 2;
	if (gw >= 8 && p->allowance > 0) {
		if (gw > 30)
			gw = 30;
		draw_gauge(c, x + tw + 2, y, gw, p->used, p->allowance,
		           p->used > p->allowance ? ST_ALERT : (__int128)p->used * 10 > (__int128)p->allowance * 9 ? ST_WARN : ST_OK, ST_DIM);
	}
	if (rows < 2)
		return used;

	extra[0] = '\0';
	if (p->proj_err == FORECAST_TOO_LITTLE_DATA) {
		snprintf(line, sizeof line, "%s", narrow ? _("Projected: not enough data yet")
		                                         : _("Projected at period end: not enough data yet (under 3 days)"));
	} else if (p->proj_err != FORECAST_OK) {
		snprintf(line, sizeof line, "%s", _("Projected at period end: no projection"));
	} else {
		fig_credits(a, sizeof a, p->projected);
		/* the period's last day: a period is written with its last day included */
		fig_date(d, sizeof d, p->end - 1);
		if (p->projected_spend != M_NONE) {
			fig_money(c, money, sizeof money, p->projected_spend, m->currency, "");
			if (narrow)
				snprintf(line, sizeof line, _("Projected: %s credits, %s"), a, money);
			else
				snprintf(line, sizeof line, _("Projected at period end (%s): %s credits, %s with tax"), d, a, money);
		} else {
			if (narrow)
				snprintf(line, sizeof line, _("Projected: %s credits"), a);
			else
				snprintf(line, sizeof line, _("Projected at period end (%s): %s credits"), d, a);
		}
		if (p->runs_out) {
			snprintf(extra, sizeof extra, "%s", _("(credits run out: usage stops)"));
		} else if (p->projected_overage > 0) {
			fig_credits(a, sizeof a, p->projected_overage);
			snprintf(extra, sizeof extra, _("(%s overage)"), a);
		}
	}
	if (wrap) {
		char both[384];

		snprintf(both, sizeof both, extra[0] ? "%s %s" : "%s", line, extra);
		return used + draw_wrap(c, x, y + used, w, 3, ST_NORMAL, both);
	}
	tw = draw_text_fit(c, x, y + used, w, ST_NORMAL, line);
	if (extra[0])
		draw_text_fit(c, x + tw + 1, y + used, w - tw - 1, ST_WARN, extra);
	return used + 1;
}

/* The table's columns for a breakdown. */
enum { COL_NAME, COL_QTY, COL_CREDITS, COL_COST, COL_SHARE, COL_PREV, COL_DELTA, COL_VS, COL_BILLED, NCOLS };

/* The range "this period" compares with the same days of the previous one
 * (usage_model_compare): its Credits are this period's days so far. */
static int
shows_compare(const struct usage_model *m)
{
	return m->range == UR_PERIOD && m->cmp.ok;
}

static void
table_columns(struct column *cols, enum usage_by by, int w, int compare)
{
	static const char *const name_titles[] = { N_("Meter"), N_("Agent"), N_("Line item") };

	memset(cols, 0, sizeof *cols * NCOLS);
	cols[COL_NAME] = (struct column){ _(name_titles[by]), 12, 0, 0, 1, 0, 0 };
	cols[COL_QTY] = (struct column){ _("Quantity"), 21, 1, 3, 0, 0, 0 };
	cols[COL_CREDITS] = (struct column){ _("Credits"), 11, 1, 0, 0, 0, 0 };
	cols[COL_COST] = (struct column){ _("List value"), 10, 1, 2, 0, 0, 0 };
	cols[COL_SHARE] = (struct column){ _("Share"), 6, 1, 1, 0, 0, 0 };
	cols[COL_BILLED] = (struct column){ _("How it is billed"), 34, 0, 4, 0, 0, 0 };
	/* Against the same days of the previous period: at 80 columns the
	 * percentage alone, the credits and the change where there is room. */
	if (compare) {
		cols[COL_PREV] = (struct column){ .title = _("Last period"), .width = 11, .right = 1, .prio = 5 };
		cols[COL_DELTA] = (struct column){ .title = _("Change"), .width = 9, .right = 1, .prio = 5 };
		cols[COL_VS] = (struct column){ .title = _("vs last"), .width = 8, .right = 1, .prio = 1 };
	}
	if (by != BY_METER) {
		cols[COL_QTY].width = 0;
		cols[COL_BILLED].width = 0;
	}
	columns_fit(cols, NCOLS, w, 2);
	/* The billing note needs room to be read; below 120 columns it goes to the footer. */
	if (w < 120 && cols[COL_BILLED].w > 0) {
		cols[COL_BILLED].width = 0;
		columns_fit(cols, NCOLS, w, 2);
	}
}

/* The comparison cells of a row or the total. */
static void
draw_compare(struct canvas *c, int x, int y, const struct column *cols, int st, int64_t now, int64_t before)
{
	char a[32], d[40], pct[24];

	columns_cell(c, x, y, &cols[COL_PREV], st, fig_credits(a, sizeof a, before));
	if (now - before > 0)
		snprintf(d, sizeof d, "+%s", fig_credits(a, sizeof a, now - before));
	else
		fig_credits(d, sizeof d, now - before);
	columns_cell(c, x, y, &cols[COL_DELTA], st, d);
	usage_change_text(now, before, pct, sizeof pct);
	columns_cell(c, x, y, &cols[COL_VS], st, pct);
}

static void
usage_draw_line(const struct usage_model *m, const struct usage_line *ln, struct canvas *c, int x, int y,
                const struct column *cols, int selected, int pointer)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	char a[32], money[48], share[16];
	int st = ln->credits == 0 ? ST_DIM : ST_NORMAL;

	if (pointer && selected)
		canvas_text(c, x - 2, y, 1, ST_SELECTED, g->pointer);
	columns_cell(c, x, y, &cols[COL_NAME], st, ln->label);
	if (ln->is_meter)
		columns_cell(c, x, y, &cols[COL_QTY], st, ln->quantity);
	columns_cell(c, x, y, &cols[COL_CREDITS], st, fig_credits(a, sizeof a, ln->credits));
	columns_cell(c, x, y, &cols[COL_COST], st, fig_money(c, money, sizeof money, ln->cost, m->currency,
	                                                      ln->credits == M_NONE ? _("n/a") : _("included")));
	share_format(ln->share_pm, share, sizeof share);
	columns_cell(c, x, y, &cols[COL_SHARE], st, share);
	if (ln->prev_credits != M_NONE && ln->period_credits != M_NONE) {
		draw_compare(c, x, y, cols, st, ln->period_credits, ln->prev_credits);
	}
	columns_cell(c, x, y, &cols[COL_BILLED], ST_DIM, ln->billed_how);
	if (selected)
		canvas_style(c, x, y, columns_width(cols, NCOLS), ST_SELECTED);
}

/* Draws a usage table with its header and total; returns rows used. */
int
usage_draw_table(const struct usage_model *m, struct canvas *c, int x, int y, int w, int rows, int show_zero,
                 struct list_pos *pos, int pointer, int *body_rows)
{
	struct column cols[NCOLS];
	char a[32], money[48];
	int n = usage_model_visible(m, show_zero), body, i, r, last_x;

	if (rows < 3 || w < 20)
		return 0;
	/* Two columns on the left for the selection pointer. */
	table_columns(cols, m->by, w - 2, shows_compare(m));
	x += 2;
	columns_header(c, x, y, cols, NCOLS, ST_DIM);
	body = rows - 2;
	if (body > n)
		body = n;
	if (body_rows)
		*body_rows = rows - 2;
	pos->n = n;
	list_clamp(pos, rows - 2 > 0 ? rows - 2 : 1);
	for (r = 0; r < body; r++) {
		i = pos->top + r;
		if (i >= n)
			break;
		if (pointer)
			canvas_list_row(c, y + 1 + r, i, pos->sel);
		usage_draw_line(m, &m->lines[i], c, x, y + 1 + r, cols, pointer && i == pos->sel, pointer);
	}
	if (n == 0) {
		draw_text_fit(c, x, y + 1, w - 2, ST_DIM, _("No usage in this range."));
		r = 1;
	}
	/* The total, bold, under the rows. */
	last_x = y + 1 + r;
	columns_cell(c, x, last_x, &cols[COL_NAME], ST_BOLD, _("Total"));
	columns_cell(c, x, last_x, &cols[COL_CREDITS], ST_BOLD, fig_credits(a, sizeof a, m->total_credits));
	columns_cell(c, x, last_x, &cols[COL_COST], ST_BOLD,
	             fig_money(c, money, sizeof money, m->total_cost, m->currency,
	                       m->total_credits == M_NONE ? _("n/a") : _("included")));
	/* Through share_format like the rows, so the locale's decimal point shows. */
	if (n > 0 && share_format(1000, a, sizeof a) == 0)
		columns_cell(c, x, last_x, &cols[COL_SHARE], ST_BOLD, a);
	if (shows_compare(m))
		draw_compare(c, x, last_x, cols, ST_BOLD, m->cmp.credits, m->cmp.prev_credits);
	return r + 2;
}

/* "Connection minutes: 1,234 minutes billed (74,010 seconds recorded), rounded
 * up to 1-minute increments". */
static void
meter_note(const struct usage_line *ln, char *buf, size_t n)
{
	if (ln->is_meter && ln->billed_how[0] && ln->raw_quantity[0] && ln->raw != ln->billed_raw)
		/* TRANSLATORS: meter, billed quantity, raw quantity, rounding rule. */
		snprintf(buf, n, _("%s: %s billed (%s recorded), %s"), ln->label, ln->quantity, ln->raw_quantity,
		         ln->billed_how);
	else if (ln->is_meter && ln->billed_how[0])
		snprintf(buf, n, _("%s: %s, %s"), ln->label, ln->quantity, ln->billed_how);
	else
		snprintf(buf, n, "%s", ln->label);
}

/* The unusual days under the chart.  A screen has one line: the selected
 * day's anomaly (else the newest) and how to reach the others; a page
 * lists them all under a heading that states the rule.  Returns rows used. */
static int
draw_anomalies(const struct usage_model *m, int sel_day, struct canvas *c, int x, int y, int w, int rows,
               int tall)
{
	const struct usage_anomaly *a = usage_anomaly_for_day(m, sel_day);
	char line[256], hint[128];
	int tw, i, used = 0;

	if (a == NULL || rows < 1 || w < 10)
		return 0;
	if (tall) {
		snprintf(line, sizeof line,
		         _("Unusual days (!): more than %dx the median of the %d days before, and at least %d credits:"),
		         m->anomaly_factor, ANOMALY_WINDOW, ANOMALY_FLOOR);
		used += draw_wrap(c, x, y, w, rows, ST_BOLD, line);
		for (i = 0; i < m->nanomalies && used < rows; i++) {
			usage_anomaly_text(&m->anomalies[i], line, sizeof line);
			canvas_text(c, x, y + used, 1, ST_WARN, "!");
			used += draw_wrap(c, x + 2, y + used, w - 2, rows - used, ST_NORMAL, line);
		}
		return used;
	}
	canvas_text(c, x, y, 1, ST_WARN, "!");
	usage_anomaly_text(a, line, sizeof line);
	tw = draw_text_fit(c, x + 2, y, w - 2, ST_WARN, line);
	if (m->nanomalies > 1)
		snprintf(hint, sizeof hint, P_("(%d unusual day; a: next, Enter: open)",
		                               "(%d unusual days; a: next, Enter: open)", (unsigned long)m->nanomalies),
		         m->nanomalies);
	else
		snprintf(hint, sizeof hint, "%s", _("(a: select it, Enter: open)"));
	if (x + 2 + tw + 2 + canvas_text_width(c, hint) <= x + w)
		draw_text_fit(c, x + 2 + tw + 2, y, w - tw - 4, ST_DIM, hint);
	return 1;
}

void
usage_draw_range(struct usage_state *s, struct canvas *c, const struct layout *l)
{
	const struct usage_model *m = &s->top;
	struct chart_data d;
	struct chart_opts o;
	struct chart_pick pick;
	char title[256], line[512], from[M_DAY], to[M_DAY];
	int x = l->x, y = l->y, w = l->w, bottom = l->y + l->h, ch, n, hidden, i, used, table_rows, body = 0;
	int tall = s->headless;   /* a page (billtop print): every row, and the notes */

	str_copy(from, sizeof from, m->ndays > 0 ? m->days[0].day_key : "");
	str_copy(to, sizeof to, m->ndays > 0 ? m->days[m->ndays - 1].day_key : "");
	if (w >= 60)
		snprintf(title, sizeof title, _("%s (%s to %s), %s"), usage_range_label(m->range), from, to,
		         usage_by_label(m->by));
	else
		snprintf(title, sizeof title, _("%s, %s"), usage_range_label(m->range), usage_by_label(m->by));
	draw_text_fit(c, x, y++, w, ST_TITLE, title);
	y += usage_draw_period(m, c, x, y, w, l->h >= 16 ? 2 : 1, tall);

	/* The chart; the pick line under it names the selected day's figures. */
	n = usage_model_visible(m, s->show_zero);
	ch = chart_rows(bottom - y - 2, (n > 0 ? n : 1) + 2, w, tall);
	memset(&d, 0, sizeof d);
	d.nslots = m->ndays;
	d.nseries = m->nseries > 0 ? m->nseries : 1;
	d.values = m->values;
	d.slot_labels = m->slot_labels;
	d.series_names = m->nseries > 0 ? m->series_names : NULL;
	d.marks = m->nanomalies > 0 ? m->marks : NULL;
	o.selected = s->sel_day;
	o.color = !theme_monochrome();
	memset(&pick, 0, sizeof pick);
	pick.first = -1;
	if (y + ch <= bottom && chart_draw(c, x, y, w, ch, &d, &o, &pick) == 0) {
		y += ch;
		s->bucket = pick.bucket > 0 ? pick.bucket : 1;   /* left/right step a whole bar */
		if (pick.first >= 0 && m->nseries > 0 && chart_format_pick(&d, &pick, line, sizeof line) == 0) {
			/* A page wraps the figures; a screen keeps them to one line. */
			if (tall) {
				y += draw_wrap(c, x, y, w, 3, ST_BOLD, line);
			} else {
				draw_text_fit(c, x, y, w, ST_BOLD, line);
				y++;
			}
		} else if (pick.first >= 0)
			y += draw_wrap(c, x, y, w, 1, ST_DIM, _("No usage on the selected day."));
	}
	if (m->nanomalies > 0 && y < bottom - 3)
		y += draw_anomalies(m, s->sel_day, c, x, y, w, tall ? bottom - y : 1, tall);

	/* The table, then a footer: the selected meter's billing rule, hidden rows, keys. */
	table_rows = bottom - y - (tall ? 0 : 1);
	if (tall && table_rows > n + 2)
		table_rows = n + 2;
	used = usage_draw_table(m, c, x, y, w, table_rows, s->show_zero, &s->rows, !s->headless, &body);
	s->table_rows = body;
	y += used;
	hidden = m->nlines - m->nlines_used;
	if (!tall) {
		char hint[128] = "";
		int nw = 0, hw;

		if (y >= bottom)
			return;
		/* Left: the selected meter's billing rule; right: what is hidden, or the next step. */
		if (m->by == BY_METER && w < 120 && s->rows.sel >= 0 && s->rows.sel < n) {
			meter_note(&m->lines[s->rows.sel], line, sizeof line);
			nw = draw_text_fit(c, x, bottom - 1, w, ST_DIM, line);
		}
		if (hidden > 0 && !s->show_zero && nw == 0)
			snprintf(hint, sizeof hint, P_("%d with no usage hidden (z shows it)",
			                               "%d with no usage hidden (z shows them)", (unsigned long)hidden), hidden);
		else if (hidden > 0 && !s->show_zero)
			snprintf(hint, sizeof hint, P_("z: %d with no usage", "z: %d with no usage", (unsigned long)hidden),
			         hidden);
		/* z's state both ways: shown rows say so, and how to hide them again */
		else if (hidden > 0 && nw == 0)
			snprintf(hint, sizeof hint, P_("%d with no usage shown (z hides it)",
			                               "%d with no usage shown (z hides them)", (unsigned long)hidden), hidden);
		else if (hidden > 0)
			snprintf(hint, sizeof hint, P_("z: hide %d with no usage", "z: hide %d with no usage",
			                               (unsigned long)hidden), hidden);
		else if (nw == 0)
			snprintf(hint, sizeof hint, "%s", _("Enter: open the selected day by agent"));
		hw = canvas_text_width(c, hint);
		if (hint[0] && nw == 0)
			draw_text_fit(c, x, bottom - 1, w, ST_DIM, hint);
		else if (hint[0] && nw + 2 + hw <= w)
			draw_text_right(c, x + w, bottom - 1, hw, ST_DIM, hint);
		return;
	}
	/* A page (billtop print): the notes a screen shows one at a time. */
	if (n > 0 && m->total_cost != M_NONE && y < bottom)
		y += draw_wrap(c, x, y, w, bottom - y, ST_DIM,
		               _("List value: the credits at the overage price, not what is billed (see Projected); "
		                 "rows are rounded by largest remainder so that they sum to the total."));
	if (shows_compare(m) && y < bottom) {
		char f[M_DAY], t[M_DAY];

		str_copy(f, sizeof f, "");
		str_copy(t, sizeof t, "");
		time_format_day(m->cmp.prev_from, f, sizeof f);
		time_format_day(m->cmp.prev_to, t, sizeof t);
		snprintf(line, sizeof line,
		         P_("Last period: the same %d day of the previous period (%s to %s); vs last: the change in percent.",
		            "Last period: the same %d days of the previous period (%s to %s); vs last: the change in percent.",
		            (unsigned long)m->cmp.days), m->cmp.days, f, t);
		y += draw_wrap(c, x, y, w, bottom - y, ST_DIM, line);
	}
	if (hidden > 0 && y < bottom) {
		if (s->show_zero)
			snprintf(line, sizeof line, P_("%d with no usage shown.", "%d with no usage shown.",
			                               (unsigned long)hidden), hidden);
		else
			snprintf(line, sizeof line, P_("%d with no usage not shown.", "%d with no usage not shown.",
			                               (unsigned long)hidden), hidden);
		draw_text_fit(c, x, y++, w, ST_DIM, line);
	}
	if (m->by == BY_METER && w < 120 && n > 0 && y + 2 < bottom) {
		y++;
		y += draw_wrap(c, x, y, w, 2, ST_BOLD,
		               _("How each meter is billed (each record rounded up to its increment before summing):"));
		for (i = 0; i < n && y < bottom; i++) {
			if (!m->lines[i].is_meter)
				continue;
			meter_note(&m->lines[i], line, sizeof line);
			y += draw_wrap(c, x + 2, y, w - 2, bottom - y, ST_NORMAL, line);
		}
	}
}

void
usage_draw(struct usage_state *s, struct canvas *c, const struct layout *l)
{
	if (!s->loaded)
		return;
	switch (s->level) {
	case UL_DAY: usage_draw_day(s, c, l); break;
	case UL_RUNS: usage_draw_runs(s, c, l); break;
	default: usage_draw_range(s, c, l); break;
	}
}
