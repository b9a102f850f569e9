/* plans_draw.c: the catalogue side by side (or as a list when narrow), the
 * current plan marked in words, the advisor's figures, what Enter does. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/credits.h"
#include "core/forecast.h"
#include "core/money.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/glyphs.h"
#include "ui/labels.h"
#include "ui/offered.h"
#include "ui/plans.h"
#include "ui/widgets.h"

/* Columns side by side need this much per plan; else a list. */
#define MIN_COL_W 15
#define ROW_LABEL_W 12

void
plans_overage_label(const struct plan *p, int utf8, char *buf, size_t n)
{
	char m[64];

	if (p->contact_sales) {
		snprintf(buf, n, "%s", _("by contract"));
		return;
	}
	if (p->overage_per_1000 == M_NONE) {
		snprintf(buf, n, "%s", _("none: stops"));
		return;
	}
	money_label(p->overage_per_1000, p->currency, utf8, m, sizeof m);
	snprintf(buf, n, _("%s / 1,000"), m);
}

static void
included_label(const struct plan *p, char *buf, size_t n)
{
	char c[64];

	if (p->contact_sales || p->included_credits == M_NONE) {
		snprintf(buf, n, "%s", _("custom"));
		return;
	}
	credits_label(p->included_credits, c, sizeof c);
	snprintf(buf, n, _("%s credits"), c);
}

void
plans_advice_label(const struct plans_model *m, int r, int utf8, char *buf, size_t n)
{
	const struct plan_row *row = &m->rows[r];
	char a[64];

	buf[0] = '\0';
	if (row->plan.contact_sales) {
		snprintf(buf, n, "%s", _("ask sales"));
		return;
	}
	if (!row->advised)
		return;
	if (row->cost.stopped) {
		credits_label(row->plan.included_credits, a, sizeof a);
		snprintf(buf, n, _("stops at %s"), a);
		return;
	}
	money_label(row->cost.cost, row->plan.currency, utf8, buf, n);
}

void
plans_action_text(const struct plans_model *m, int sel, int utf8, char *buf, size_t n)
{
	const struct plan_row *r = &m->rows[sel];
	char diff[64], date[64];
	int64_t d;

	buf[0] = '\0';
	if (r->is_current) {
		if (m->scheduled >= 0) {
			date_label(m->acct.scheduled_at, date, sizeof date);
			snprintf(buf, n, _("Your plan until %s, then %s. Press c to cancel that change."),
			         date, m->rows[m->scheduled].plan.name);
		} else {
			snprintf(buf, n, "%s", _("Your current plan."));
		}
		return;
	}
	if (r->plan.contact_sales) {
		if (m->acct.sales_url[0])
			snprintf(buf, n, _("%s is arranged with sales: %s"), r->plan.name, m->acct.sales_url);
		else
			snprintf(buf, n, _("%s is arranged with sales."), r->plan.name);
		return;
	}
	if (m->current < 0 || r->delta == M_NONE) {
		snprintf(buf, n, _("Enter: switch to %s."), r->plan.name);
		return;
	}
	d = r->delta < 0 ? -r->delta : r->delta;
	money_label(d, r->plan.currency, utf8, diff, sizeof diff);
	if (r->plan.rank > m->rows[m->current].plan.rank) {
		if (m->acct.status == ACCT_TRIALING) {
			date_label(m->acct.trial_end, date, sizeof date);
			snprintf(buf, n, _("Upgrade to %s now: %s more per month, free until the trial ends on %s."),
			         r->plan.name, diff, date);
		} else {
			/* billtopd charges the difference at once, taxed like any invoice. */
			int64_t tax = 0, total = M_NONE;
			char charged[64];

			if (forecast_tax(d, m->acct.tax_rate_bp > 0 ? m->acct.tax_rate_bp : 0, &tax) != FORECAST_OK ||
			    money_add(d, tax, &total) != MONEY_OK)
				total = M_NONE;
			money_label(total, r->plan.currency, utf8, charged, sizeof charged);
			if (total != M_NONE && tax > 0)
				snprintf(buf, n, _("Upgrade to %s now: %s more per month; %s charged today, tax included."),
				         r->plan.name, diff, charged);
			else
				snprintf(buf, n, _("Upgrade to %s now: %s more per month, charged today."),
				         r->plan.name, diff);
		}
	} else {
		const struct plan_row *cur = &m->rows[m->current];

		date_label(m->acct.period_end, date, sizeof date);
		if (r->is_scheduled) {
			snprintf(buf, n, _("Already scheduled: %s on %s. Press c to cancel it."),
			         r->plan.name, date);
		} else if (r->advised && cur->advised) {
			/* What last period's usage cost on each plan, price and usage together. */
			char on_new[64], on_cur[64];

			money_label(r->cost.cost, r->plan.currency, utf8, on_new, sizeof on_new);
			money_label(cur->cost.cost, cur->plan.currency, utf8, on_cur, sizeof on_cur);
			snprintf(buf, n, _("Downgrade to %s on %s; you can cancel until then. Last period's usage "
			                   "would have cost %s on %s and %s on %s (plan price and usage, before tax)."),
			         r->plan.name, date, on_new, r->plan.name, on_cur, cur->plan.name);
		} else {
			snprintf(buf, n, _("Downgrade to %s on %s; you can cancel until then. The plan price is %s less "
			                   "per month."), r->plan.name, date, diff);
		}
	}
}

/* The header of a plan: pointer when selected, the name, "current" in words. */
static void
plan_title(const struct plans_model *m, int i, int sel, const struct glyphs *g, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s", i == sel ? g->pointer : " ", m->rows[i].plan.name);
}

static int
title_style(const struct plan_row *r, int selected)
{
	if (selected)
		return ST_SELECTED;
	return r->is_current ? ST_BOLD : ST_NORMAL;
}

/* The mark under a plan's name: "current", "from DATE", "best fit". */
static void
plan_mark(const struct plans_model *m, int i, const struct glyphs *g, char *buf, size_t n, int *style)
{
	const struct plan_row *r = &m->rows[i];
	char date[64];

	buf[0] = '\0';
	*style = ST_NORMAL;
	if (r->is_current) {
		snprintf(buf, n, "%s %s", g->current, _("CURRENT"));
		*style = ST_OK;
	} else if (r->is_scheduled) {
		date_label(m->acct.scheduled_at, date, sizeof date);
		snprintf(buf, n, _("from %s"), date);
		*style = ST_WARN;
	} else if (i == m->best) {
		snprintf(buf, n, "%s", _("best fit"));
		*style = ST_OK;
	}
}

static void
draw_columns(const struct plans_model *m, int sel, struct canvas *c, int x, int y, int w,
             int bottom, int label_w)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	int cw = (w - label_w) / m->n, i, cx, fy, rows, st;
	char buf[256];
	const char *labels[] = { N_("Price"), N_("Credits"), N_("Overage"), N_("Rate limit"),
	                         N_("Support") };
	int k;

	if (label_w > 0) {
		for (k = 0; k < 5 && y + 2 + k < bottom; k++)
			draw_text_fit(c, x, y + 2 + k, label_w - 1, ST_DIM, _(labels[k]));
		if (y + 7 < bottom)
			draw_text_fit(c, x, y + 7, label_w - 1, ST_DIM, _("Features"));
	}
	for (i = 0; i < m->n; i++) {
		const struct plan *p = &m->rows[i].plan;

		cx = x + label_w + i * cw;
		plan_title(m, i, sel, g, buf, sizeof buf);
		if (i == sel)
			canvas_fill(c, cx, y, cw - 1, 1, ST_SELECTED, " ");
		draw_text_fit(c, cx, y, cw - 1, title_style(&m->rows[i], i == sel), buf);
		plan_mark(m, i, g, buf, sizeof buf, &st);
		draw_text_fit(c, cx + 1, y + 1, cw - 1, st, buf);
		if (y + 2 < bottom) {
			plan_price_short(p, c->utf8, buf, sizeof buf);
			draw_text_fit(c, cx + 1, y + 2, cw - 1, ST_BOLD, buf);
		}
		if (y + 3 < bottom) {
			included_label(p, buf, sizeof buf);
			draw_text_fit(c, cx + 1, y + 3, cw - 1, ST_NORMAL, buf);
		}
		if (y + 4 < bottom) {
			plans_overage_label(p, c->utf8, buf, sizeof buf);
			draw_text_fit(c, cx + 1, y + 4, cw - 1, p->overage_per_1000 == M_NONE && !p->contact_sales
			              ? ST_WARN : ST_NORMAL, buf);
		}
		if (y + 5 < bottom)
			draw_text_fit(c, cx + 1, y + 5, cw - 1, ST_NORMAL, p->rate_limit);
		if (y + 6 < bottom)
			draw_text_fit(c, cx + 1, y + 6, cw - 1, ST_NORMAL, p->support);
		/* Features, one per line, wrapped to the column, down to bottom. */
		fy = y + 7;
		{
			char feat[M_TEXT], *line, *save = NULL;

			snprintf(feat, sizeof feat, "%s", p->features);
			for (line = strtok_r(feat, "\n", &save); line && fy < bottom;
			     line = strtok_r(NULL, "\n", &save)) {
				canvas_text(c, cx + 1, fy, 1, ST_DIM, g->bullet);
				rows = draw_wrap(c, cx + 3, fy, cw - 3, bottom - fy, ST_NORMAL, line);
				fy += rows > 0 ? rows : 1;
			}
		}
	}
}

static void
draw_advisor_row(const struct plans_model *m, struct canvas *c, int x, int y, int w, int label_w)
{
	int cw = (w - label_w) / m->n, i;
	char buf[128];

	if (label_w > 0)
		draw_text_fit(c, x, y, label_w - 1, ST_DIM, _("Last period"));
	for (i = 0; i < m->n; i++) {
		plans_advice_label(m, i, c->utf8, buf, sizeof buf);
		draw_text_fit(c, x + label_w + i * cw + 1, y, cw - 1,
		              m->rows[i].advised && m->rows[i].cost.stopped ? ST_WARN
		              : i == m->best ? ST_OK : ST_NORMAL, buf);
	}
}

/* This period on the current plan: the period forecast's total, tax
 * included ("$733.82 with tax"); "" when there is none. */
static void
projection_label(const struct plans_model *m, int utf8, char *buf, size_t n)
{
	char money[64];

	buf[0] = '\0';
	if (m->proj_err != FORECAST_OK || m->proj_total == M_NONE)
		return;
	money_label(m->proj_total, m->acct.currency, utf8, money, sizeof money);
	/* TRANSLATORS: this period's projected total on the current plan. */
	snprintf(buf, n, _("%s with tax"), money);
}

static void
draw_projection_row(const struct plans_model *m, struct canvas *c, int x, int y, int w, int label_w)
{
	int cw = (w - label_w) / m->n;
	char buf[128];

	if (label_w > 0)
		draw_text_fit(c, x, y, label_w - 1, ST_DIM, _("Projected"));
	projection_label(m, c->utf8, buf, sizeof buf);
	if (m->current >= 0)
		draw_text_fit(c, x + label_w + m->current * cw + 1, y, cw - 1, ST_BOLD, buf);
}

/* Narrow screens: one line per plan, then the selected plan's details. */
static void
draw_list(const struct plans_model *m, int sel, struct canvas *c, int x, int y, int w, int bottom)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	char buf[512], price[64], mark[64];
	const struct plan *p;
	int i, st;

	for (i = 0; i < m->n && y < bottom; i++, y++) {
		p = &m->rows[i].plan;
		plan_price_label(p, c->utf8, price, sizeof price);
		plan_mark(m, i, g, mark, sizeof mark, &st);
		snprintf(buf, sizeof buf, "%s%s  %s  %s", i == sel ? g->pointer : " ", p->name, price, mark);
		if (i == sel)
			canvas_fill(c, x, y, w, 1, ST_SELECTED, " ");
		draw_text_fit(c, x, y, w, title_style(&m->rows[i], i == sel), buf);
	}
	if (sel < 0 || sel >= m->n || y + 1 >= bottom)
		return;
	y++;
	p = &m->rows[sel].plan;
	included_label(p, buf, sizeof buf);
	draw_field(c, x, y++, 12, w, _("Credits"), ST_NORMAL, buf);
	plans_overage_label(p, c->utf8, buf, sizeof buf);
	if (y < bottom)
		draw_field(c, x, y++, 12, w, _("Overage"), ST_NORMAL, buf);
	if (y < bottom)
		draw_field(c, x, y++, 12, w, _("Rate limit"), ST_NORMAL, p->rate_limit);
	if (y < bottom)
		draw_field(c, x, y++, 12, w, _("Support"), ST_NORMAL, p->support);
	plans_advice_label(m, sel, c->utf8, buf, sizeof buf);
	if (y < bottom && buf[0])
		draw_field(c, x, y++, 12, w, _("Last period"), ST_NORMAL, buf);
	projection_label(m, c->utf8, buf, sizeof buf);
	if (y < bottom && buf[0] && sel == m->current)
		draw_field(c, x, y++, 12, w, _("Projected"), ST_BOLD, buf);
}

/* Rows the features of the tallest column take at column width cw. */
static int
features_rows(const struct plans_model *m, const struct canvas *c, int cw)
{
	char feat[M_TEXT], *line, *save = NULL;
	int i, rows, max = 0, r;

	(void)c;

	for (i = 0; i < m->n; i++) {
		rows = 0;
		snprintf(feat, sizeof feat, "%s", m->rows[i].plan.features);
		for (line = strtok_r(feat, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			r = draw_wrap(NULL, 0, 0, cw - 3, -1, 0, line);
			rows += r > 0 ? r : 1;
		}
		if (rows > max)
			max = rows;
	}
	return max;
}

static const struct keybar_item plans_wide_items[] = {
	{ N_("left/right: choose a plan"), SA_NONE }, { N_("Enter: switch to it"), SA_PLAN_CHANGE },
	{ N_("c: cancel a scheduled change"), SA_PLAN_CANCEL_SCHEDULED }, { NULL, 0 }
};
static const struct keybar plans_wide = {
	N_("left/right: choose a plan   Enter: switch to it   c: cancel a scheduled change"),
	plans_wide_items
};
static const struct keybar_item plans_narrow_items[] = {
	{ N_("Enter: switch"), SA_PLAN_CHANGE }, { N_("c: cancel a change"), SA_PLAN_CANCEL_SCHEDULED },
	{ N_("?: keys"), SA_NONE }, { NULL, 0 }
};
static const struct keybar plans_narrow = {
	N_("Enter: switch   c: cancel a change   ?: keys"), plans_narrow_items
};

void
plans_draw(const struct plans_model *m, int sel, struct canvas *c, const struct layout *l)
{
	int x = l->x, w = l->w, y = l->y, bottom = l->y + l->h, label_w, foot, adv, need;
	int columns, proj;
	char buf[768], a[80], used[64];

	if (w < 20 || m->n == 0) {
		if (m->n == 0)
			draw_text_fit(c, x, y, w, ST_DIM, _("The server offers no plans."));
		return;
	}
	/* At the bottom: the advisor's basis, the action line (2 rows), keys. */
	foot = l->h >= 14 ? 5 : 2;
	label_w = (w - ROW_LABEL_W) / m->n >= MIN_COL_W ? ROW_LABEL_W : 0;
	columns = !l->compact && w / m->n >= MIN_COL_W;
	proj = columns && m->proj_err == FORECAST_OK && m->current >= 0;
	adv = columns && (m->has_last || proj) ? 2 + (m->has_last && proj) : 0;
	/* A tall area (a big terminal, `billtop print`) ends after the content
	 * instead of leaving a gap above the footer. */
	if (columns)
		need = 7 + features_rows(m, c, (w - label_w) / m->n) + adv + 1 + foot;
	else
		need = m->n + 1 + 6 + 1 + foot;
	if (need < l->h)
		bottom = y + need;
	if (columns) {
		draw_columns(m, sel, c, x, y, w, bottom - foot - adv - 1, label_w);
		if (m->has_last && adv && bottom - foot - 1 > y + 7)
			draw_advisor_row(m, c, x, bottom - foot - 1, w, label_w);
		/* this period, on the current plan, above what last period cost on each */
		if (proj && bottom - foot - 1 - m->has_last > y + 7)
			draw_projection_row(m, c, x, bottom - foot - 1 - m->has_last, w, label_w);
	} else {
		draw_list(m, sel, c, x, y, w, bottom - foot);
	}
	y = bottom - foot;
	if (foot >= 4) {
		if (m->has_last) {
			if (time_format_period(m->last_start, m->last_end, a, sizeof a) != 0)
				str_copy(a, sizeof a, "?");
			credits_label(m->last_used, used, sizeof used);
			snprintf(buf, sizeof buf, _("Last period (%s): %s credits, priced per plan."),
			         a, used);
		} else {
			snprintf(buf, sizeof buf, "%s",
			         _("Last period: no full period yet, so no cost comparison."));
		}
		y += draw_wrap(c, x, y, w, 1, ST_DIM, buf);
	}
	if (sel >= 0 && sel < m->n) {
		plans_action_text(m, sel, c->utf8, buf, sizeof buf);
		draw_wrap(c, x, y, w, foot >= 4 ? 2 : 1, ST_BOLD, buf);
	}
	if (foot >= 4)
		draw_text_fit(c, x, bottom - 1, w, ST_DIM,
		              keybar_text(glyphs_for(c->utf8), w >= 78 ? &plans_wide : &plans_narrow,
		                          ~m->actions_off, buf, sizeof buf));
}
