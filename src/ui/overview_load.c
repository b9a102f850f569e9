/* overview_load.c: the Overview model from the cache (data only). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/credits.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"
#include "ui/overview.h"

#define DAY 86400

/* Burn rate over the last complete UTC days the account existed. */
static int
load_burn(struct cache *c, struct overview *o)
{
	int64_t today = time_day_start_utc(o->now), from, to, first;
	int64_t *per_day = NULL;
	char fday[16], tday[16];
	int n = 0, days;

	to = today - DAY;
	from = today - OVERVIEW_BURN_WINDOW * DAY;
	/* The first whole day of the account: a partial first day would
	 * understate the rate. */
	first = time_day_start_utc(o->acct.created_at);
	if (first < o->acct.created_at)
		first += DAY;
	if (from < first)
		from = first;
	days = to >= from ? (int)((to - from) / DAY) + 1 : 0;
	o->burn_days = days;
	if (days < 3) {
		o->forecast = FORECAST_TOO_LITTLE_DATA;
		return 0;
	}
	if (time_format_day(from, fday, sizeof fday) != 0 || time_format_day(to, tday, sizeof tday) != 0)
		return -1;
	if (cache_usage_credits_per_day(c, fday, tday, &per_day, &n) != 0)
		return -1;
	o->forecast = forecast_burn_rate(per_day, n, OVERVIEW_BURN_WINDOW, &o->burn);
	free(per_day);
	return 0;
}

static void
compute_spend(struct overview *o)
{
	const struct plan *p = &o->plan;
	int64_t overage = p->overage_per_1000 == M_NONE ? -1 : p->overage_per_1000;

	o->spend_known = o->has_plan && o->has_credits && p->price != M_NONE && !p->contact_sales;
	if (!o->spend_known) {
		if (o->forecast == FORECAST_OK)
			o->forecast = FORECAST_INVALID;
		return;
	}
	o->overage_so_far = 0;
	if (overage >= 0 && o->credits.period_overage > 0 &&
	    credits_price(o->credits.period_overage, overage, &o->overage_so_far) != MONEY_OK)
		o->spend_known = 0;
	if (money_add(p->price, o->overage_so_far, &o->spend_so_far) != MONEY_OK)
		o->spend_known = 0;
	if (o->forecast != FORECAST_OK)
		return;
	o->forecast = forecast_period_credits(o->credits.period_used, &o->burn, o->now,
	                                      o->acct.period_end, &o->projected_credits);
	if (o->forecast != FORECAST_OK)
		return;
	o->forecast = forecast_period_spend(p->price, o->credits.period_allowance, o->projected_credits,
	                                    overage, &o->projected_spend, &o->projected_overage);
}

int
overview_load(struct cache *c, int64_t now, struct overview *o, char *err, size_t errsz)
{
	int r;

	memset(o, 0, sizeof *o);
	o->now = now;
	r = cache_account(c, &o->acct);
	if (r != 1) {
		snprintf(err, errsz, "%s", r < 0 ? cache_error(c) : _("The cache holds no account yet."));
		return -1;
	}
	if ((o->has_plan = cache_plan(c, o->acct.plan_id, &o->plan)) < 0 ||
	    (o->has_credits = cache_credit_summary(c, &o->credits)) < 0 ||
	    (o->has_invoice = cache_latest_invoice(c, &o->invoice)) < 0 ||
	    (o->has_method = cache_default_method(c, &o->method)) < 0)
		goto fail;
	invoice_free(&o->invoice);   /* the Overview shows totals, not lines */
	if (o->acct.scheduled_plan_id[0] &&
	    (o->has_scheduled = cache_plan(c, o->acct.scheduled_plan_id, &o->scheduled)) < 0)
		goto fail;
	if (load_burn(c, o) != 0)
		goto fail;
	compute_spend(o);
	return 0;
fail:
	snprintf(err, errsz, "%s", cache_error(c));
	return -1;
}
