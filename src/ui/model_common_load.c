/* model_common_load.c: the account facts the models share, read from the cache. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "ui/model_common.h"

/* Burn rate of the last complete days, from the daily rollup. */
static int
load_burn(struct cache *c, struct billing_ctx *ctx)
{
	char from_s[M_DAY], to_s[M_DAY];
	int64_t from, to, *per_day = NULL;
	int n = 0, ndays, rc = -1;

	ctx->burn_err = FORECAST_TOO_LITTLE_DATA;
	ctx->burn.credits = 0;
	ctx->burn.days = 0;
	ctx->burn_days = ndays = burn_window_days(ctx->now, ctx->acct.created_at, BURN_WINDOW, &from, &to);
	if (ndays == 0)
		return 0;
	if (time_format_day(from, from_s, sizeof from_s) < 0 || time_format_day(to, to_s, sizeof to_s) < 0)
		goto out;
	if (cache_usage_credits_per_day(c, from_s, to_s, &per_day, &n) < 0)
		goto out;
	ctx->burn_err = forecast_burn_rate(per_day, n, BURN_WINDOW, &ctx->burn);
	rc = 0;
out:
	free(per_day);
	return rc;
}

/* The due date of the oldest past-due invoice, or M_NONE. */
static int
oldest_past_due(struct cache *c, int64_t *due)
{
	struct invoice *inv = NULL;
	int n = 0, total = 0, i;

	*due = M_NONE;
	if (cache_invoice_rows(c, INV_PAST_DUE, NULL, 0, 1000, &inv, &n, &total) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (inv[i].due_at != M_NONE && (*due == M_NONE || inv[i].due_at < *due))
			*due = inv[i].due_at;
		invoice_free(&inv[i]);
	}
	free(inv);
	return 0;
}

/* The period forecast from the grants that still count; one place for every screen. */
static int
load_forecast(struct cache *c, struct billing_ctx *ctx)
{
	struct grant *g = NULL;
	struct forecast_grant *fg = NULL;
	struct forecast_in in;
	struct plan close, *at_close = NULL;
	int64_t due;
	int n = 0, past = 0, rc = -1, r;

	ctx->fc_err = FORECAST_INVALID;
	ctx->has_fc_so_far = 0;
	ctx->has_alloc = 0;
	if (ctx->acct.scheduled_plan_id[0]) {
		if ((r = cache_plan(c, ctx->acct.scheduled_plan_id, &close)) < 0)
			return -1;
		if (r == 1)
			at_close = &close;
	}
	if (oldest_past_due(c, &due) < 0 || cache_grants_current(c, ctx->now, &g, &n, &past) < 0)
		return -1;
	if (n > 0 && (fg = calloc((size_t)n, sizeof *fg)) == NULL)
		goto out;
	rc = 0;
	r = billing_forecast_input(ctx, at_close, g, n, fg, &in);
	in.pause_at = billing_pause_at(due);
	ctx->fc_err = forecast_period(&in, &ctx->fc);
	ctx->has_alloc = ctx->fc_err == FORECAST_OK;
	if (r < 0)
		ctx->fc_err = FORECAST_INVALID;    /* no price: no spend figures */
	ctx->has_fc_so_far = ctx->fc_err == FORECAST_OK;
	if (ctx->fc_err == FORECAST_OK && ctx->burn_err != FORECAST_OK)
		ctx->fc_err = ctx->burn_err;   /* the draft is known, the projection is not */
out:
	free(fg);
	free(g);
	return rc;
}

int
billing_ctx_load(struct cache *c, int64_t now, struct billing_ctx *ctx, char *err, size_t errsz)
{
	int r;

	memset(ctx, 0, sizeof *ctx);
	ctx->now = now;
	if (errsz > 0)
		err[0] = '\0';
	r = cache_account(c, &ctx->acct);
	if (r <= 0) {
		snprintf(err, errsz, "%s", r < 0 ? cache_error(c) : _("the cache holds no account yet; run billtop sync"));
		return -1;
	}
	r = cache_credit_summary(c, &ctx->credits);
	if (r <= 0) {
		snprintf(err, errsz, "%s", r < 0 ? cache_error(c) : _("the cache holds no credit balance yet; run billtop sync"));
		return -1;
	}
	r = cache_plan(c, ctx->acct.plan_id, &ctx->plan);
	if (r < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		return -1;
	}
	ctx->has_plan = r == 1;
	if (load_burn(c, ctx) < 0 || load_forecast(c, ctx) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		return -1;
	}
	return 0;
}
