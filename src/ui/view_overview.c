/* view_overview.c: the Overview tab: plan, status, period, credits gauge,
 * spend and projection, latest invoice, default payment method. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/glyphs.h"
#include "ui/labels.h"
#include "ui/model_invoices.h"
#include "ui/overview.h"
#include "ui/view_spend.h"
#include "ui/widgets.h"

/* Width of the label column. */
#define LABEL_W 16
#define LABEL_W_COMPACT 13

struct ov_draw {
	struct canvas *c;
	int x, y, w, bottom, lw;
};

/* One "label  value" row; a value too wide for a narrow screen wraps to a
 * second row when there is room.  Returns 0 when the view is full. */
static int
row(struct ov_draw *d, const char *label, int style, const char *value)
{
	int vw = d->w - d->lw;

	if (d->y >= d->bottom)
		return 0;
	if (canvas_text_width(d->c, value) > vw && d->y + 1 < d->bottom &&
	    draw_wrap(NULL, 0, 0, vw, -1, 0, value) == 2) {
		draw_text_fit(d->c, d->x, d->y, d->lw - 1, ST_DIM, label);
		d->y += draw_wrap(d->c, d->x + d->lw, d->y, vw, 2, style, value);
		return 1;
	}
	draw_field(d->c, d->x, d->y, d->lw, d->w, label, style, value);
	d->y++;
	return 1;
}

static void
gap(struct ov_draw *d)
{
	if (d->y < d->bottom)
		d->y++;
}

static void
draw_plan_rows(const struct overview *o, struct ov_draw *d, int utf8)
{
	char buf[512], a[80], left[64];
	struct time_left tl;
	int st;

	if (o->has_plan) {
		plan_price_label(&o->plan, utf8, a, sizeof a);
		snprintf(buf, sizeof buf, "%s, %s", o->plan.name, a);
	} else {
		snprintf(buf, sizeof buf, _("%s (not in the catalogue)"), o->acct.plan_id);
	}
	row(d, _("Plan"), ST_BOLD, buf);
	st = o->acct.status == ACCT_ACTIVE ? ST_OK : o->acct.status == ACCT_TRIALING ? ST_WARN : ST_ALERT;
	if (o->acct.status == ACCT_TRIALING && o->acct.trial_end != M_NONE) {
		date_label(o->acct.trial_end, a, sizeof a);
		snprintf(buf, sizeof buf, _("Trial until %s"), a);
	} else {
		snprintf(buf, sizeof buf, "%s", account_status_label(o->acct.status));
	}
	if (o->acct.runs_paused) {
		size_t k = strlen(buf);
		snprintf(buf + k, sizeof buf - k, "%s", _(", runs paused"));
		st = ST_ALERT;
	}
	row(d, _("Status"), st, buf);
	if (time_format_period(o->acct.period_start, o->acct.period_end, a, sizeof a) != 0)
		date_label(o->acct.period_start, a, sizeof a);
	time_left_until(o->now, o->acct.period_end, &tl);
	if (time_left_format(&tl, left, sizeof left) != 0)
		left[0] = '\0';
	snprintf(buf, sizeof buf, _("%s (%s)"), a, left);
	row(d, _("Period"), ST_NORMAL, buf);
	if (o->acct.next_billing != M_NONE) {
		date_label(o->acct.next_billing, a, sizeof a);
		row(d, _("Next bill"), ST_NORMAL, a);
	} else {
		row(d, _("Next bill"), ST_DIM, _("none (canceled)"));
	}
	if (o->acct.scheduled_plan_id[0]) {
		date_label(o->acct.scheduled_at, a, sizeof a);
		snprintf(buf, sizeof buf, _("Changes to %s on %s (cancel in Plans)"),
		         o->has_scheduled ? o->scheduled.name : o->acct.scheduled_plan_id, a);
		row(d, _("Scheduled"), ST_WARN, buf);
	}
}

/* part * 100 / total (total > 0) without overflow, clamped to +-999. */
static int
percent_of(int64_t part, int64_t total)
{
	__int128 q = (__int128)part * 100 / total;

	return q > 999 ? 999 : q < -999 ? -999 : (int)q;
}

static void
draw_credit_rows(const struct overview *o, struct ov_draw *d)
{
	const struct credit_summary *cs = &o->credits;
	char buf[512], a[64], b[64];
	int gw, pct, st;
	/* This period's credits (core forecast; docs/figures.md). */
	int64_t left = o->fc.remaining, all = o->fc.allocated;

	if (!o->has_credits || !o->has_alloc) {
		row(d, _("Credits"), ST_DIM, _("not known yet"));
		return;
	}
	credits_label(left, a, sizeof a);
	credits_label(all, b, sizeof b);
	pct = all > 0 ? percent_of(left, all) : 0;
	snprintf(buf, sizeof buf, _("%s of %s left this period (%d%%)"), a, b, pct);
	st = left <= 0 ? ST_ALERT : pct < 10 ? ST_WARN : ST_OK;
	/* The gauge takes what the figures leave, 10 to 30 cells. */
	gw = d->w - d->lw - canvas_text_width(d->c, buf) - 1;
	if (gw > 30)
		gw = 30;
	if (d->y < d->bottom) {
		draw_text_fit(d->c, d->x, d->y, d->lw - 1, ST_DIM, _("Credits"));
		if (gw >= 10) {
			draw_gauge(d->c, d->x + d->lw, d->y, gw, left, all, st, ST_DIM);
			draw_text_fit(d->c, d->x + d->lw + gw + 1, d->y, d->w - d->lw - gw - 1, st, buf);
		} else {
			draw_text_fit(d->c, d->x + d->lw, d->y, d->w - d->lw, st, buf);
		}
		d->y++;
	}
	credits_label(cs->period_used, a, sizeof a);
	credits_label(cs->period_allowance, b, sizeof b);
	snprintf(buf, sizeof buf, _("%s used this period of a %s allowance"), a, b);
	row(d, "", ST_NORMAL, buf);
	if (o->cmp.ok) {
		char change[24], delta[80];

		usage_change_text(o->cmp.credits, o->cmp.prev_credits, change, sizeof change);
		credits_label(o->cmp.prev_credits, b, sizeof b);
		credits_label(o->cmp.credits - o->cmp.prev_credits, a, sizeof a);
		snprintf(delta, sizeof delta, "%s%s", o->cmp.credits > o->cmp.prev_credits ? "+" : "", a);
		/* TRANSLATORS: "+12.5% against 265,683 credits the same 15 days last period (+33,444)" */
		snprintf(buf, sizeof buf, P_("%s against %s credits the same %d day last period (%s)",
		                             "%s against %s credits the same %d days last period (%s)",
		                             (unsigned long)o->cmp.days), change[0] ? change : "0.0%", b, o->cmp.days, delta);
		row(d, "", ST_DIM, buf);
	}
	if (cs->period_overage > 0) {
		credits_label(cs->period_overage, a, sizeof a);
		snprintf(buf, sizeof buf, _("%s credits past the allowance (billed as overage)"), a);
		row(d, "", ST_WARN, buf);
	}
}

static void
draw_spend_rows(const struct overview *o, struct ov_draw *d, int utf8)
{
	const char *cur = o->acct.currency;
	char buf[512], a[64], b[64], cr[64];

	if (!o->spend_known) {
		row(d, _("Spend so far"), ST_DIM, o->has_plan && o->plan.contact_sales
		    ? _("set by your contract") : _("not known"));
		return;
	}
	money_label(o->spend_so_far, cur, utf8, a, sizeof a);
	money_label(o->overage_so_far, cur, utf8, b, sizeof b);
	money_label(o->fc.total_so_far, cur, utf8, cr, sizeof cr);
	snprintf(buf, sizeof buf, _("%s before tax (plan price and %s overage), %s with tax"), a, b, cr);
	row(d, _("Spend so far"), ST_BOLD, buf);
	switch (o->forecast) {
	case FORECAST_OK:
		money_label(o->projected_spend, cur, utf8, a, sizeof a);
		credits_label(o->projected_credits, cr, sizeof cr);
		snprintf(buf, sizeof buf, _("%s at period end with tax, about %s credits"), a, cr);
		row(d, _("Projection"), o->projected_overage > 0 || o->fc.runs_out ? ST_WARN : ST_NORMAL, buf);
		if (o->acct.runs_paused || o->acct.status == ACCT_CANCELED) {
			row(d, "", ST_DIM, _("runs are stopped: no more usage is projected"));
			break;
		}
		credits_label(o->burn.days > 0 ? o->burn.credits / o->burn.days : 0, cr, sizeof cr);
		snprintf(buf, sizeof buf, P_("at %s credits a day, the rate of the last %d day",
		                             "at %s credits a day, the rate of the last %d days",
		                             o->burn.days), cr, o->burn.days);
		row(d, "", ST_DIM, buf);
		if (o->fc.runs_out) {
			row(d, "", ST_WARN, _("the credits run out before the period end: runs would stop there"));
		} else if (o->projected_overage > 0) {
			credits_label(o->projected_overage, cr, sizeof cr);
			snprintf(buf, sizeof buf, _("includes %s credits of overage"), cr);
			row(d, "", ST_WARN, buf);
		}
		break;
	case FORECAST_TOO_LITTLE_DATA:
		row(d, _("Projection"), ST_DIM, _("not enough data yet (needs 3 complete days)"));
		break;
	default:
		row(d, _("Projection"), ST_DIM, _("not available"));
		break;
	}
}

static void
draw_money_trail(const struct overview *o, struct ov_draw *d, int utf8)
{
	char buf[512], a[64], b[64];

	if (o->has_invoice) {
		/* The status text the Invoices tab shows for the same invoice. */
		const char *st = invoice_status_text(&o->invoice, o->now);

		money_label(o->invoice.total, o->invoice.currency, utf8, a, sizeof a);
		if (o->invoice.status == INV_PAST_DUE || o->invoice.status == INV_ISSUED) {
			date_label(o->invoice.due_at, b, sizeof b);
			snprintf(buf, sizeof buf, _("%s  %s  %s, due %s"), o->invoice.number, a, st, b);
		} else {
			snprintf(buf, sizeof buf, "%s  %s  %s", o->invoice.number, a, st);
		}
		row(d, _("Last invoice"), invoice_status_style(&o->invoice, o->now), buf);
	} else {
		row(d, _("Last invoice"), ST_DIM, _("none yet"));
	}
	if (o->has_method) {
		payment_method_label(&o->method, utf8, buf, sizeof buf);
		row(d, _("Payment"), ST_NORMAL, buf);
	} else {
		row(d, _("Payment"), ST_WARN, _("no payment method on file (add one in Payment)"));
	}
}

void
overview_draw(const struct overview *o, struct canvas *c, const struct layout *l)
{
	struct ov_draw d;
	int utf8 = c->utf8;

	d.c = c;
	d.x = l->x;
	d.w = l->w;
	d.y = l->y + (l->h >= 18 ? 1 : 0);
	d.bottom = l->y + l->h;
	d.lw = l->compact || d.w < 60 ? LABEL_W_COMPACT : LABEL_W;
	if (d.w < 20)
		return;
	draw_text_fit(c, d.x, d.y++, d.w, ST_BOLD, o->acct.name);
	if (l->h >= 16)
		gap(&d);
	draw_plan_rows(o, &d, utf8);
	if (l->h >= 18)
		gap(&d);
	draw_credit_rows(o, &d);
	draw_spend_rows(o, &d, utf8);
	if (l->h >= 18)
		gap(&d);
	draw_money_trail(o, &d, utf8);
}

/* ---- the view ---- */

static int
load(struct app *app, struct view *v, char *err, size_t errsz)
{
	struct overview *o = v->priv;

	if (spend_view_active(app))
		return spend_view_load(app, &o->spend, err, errsz);
	return overview_load(app->cache, app->now, v->priv, err, errsz);
}

static void
state_free(void *s)
{
	struct overview *o = s;

	spend_view_free(o->spend);
	o->spend = NULL;
}

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	struct overview *o = v->priv;

	if (!o)
		return;
	if (o->spend) {
		spend_view_draw_overview(o->spend, c, l);
		return;
	}
	/* The clock moves between loads; the period countdown follows it. */
	o->now = l->now;
	overview_draw(o, c, l);
}

const struct view_ops view_overview_ops = {
	.name = N_("Overview"),
	.id = "overview",
	.state_size = sizeof(struct overview),
	.state_free = state_free,
	.load = load,
	.draw = draw,
	.key = NULL,
	.keys = NULL,
};
