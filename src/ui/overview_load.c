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
#include "ui/model_common.h"
#include "ui/overview.h"

/* Spend and projection: the period forecast of the shared billing facts
 * (ui/model_common.h), the same figures as Usage, Credits, print and check. */
static void
compute_spend(struct cache *c, struct overview *o)
{
	struct billing_ctx ctx;
	char err[256];

	o->spend_known = 0;
	o->forecast = FORECAST_INVALID;
	if (billing_ctx_load(c, o->now, &ctx, err, sizeof err) < 0)
		return;
	o->burn_days = ctx.burn_days;
	o->burn = ctx.burn;
	o->spend_known = ctx.has_fc_so_far;
	o->forecast = ctx.fc_err;
	o->fc = ctx.fc;
	o->has_alloc = ctx.has_alloc;
	o->spend_so_far = ctx.fc.spend_so_far;
	o->overage_so_far = ctx.fc.overage_cost_so_far;
	o->projected_credits = ctx.fc.projected;
	o->projected_spend = ctx.fc.total;
	o->projected_overage = ctx.fc.overage;
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
	compute_spend(c, o);
	if (usage_compare_load(c, &o->acct, now, &o->cmp, err, errsz) < 0)
		return -1;
	return 0;
fail:
	snprintf(err, errsz, "%s", cache_error(c));
	return -1;
}
