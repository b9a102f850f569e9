/* model_common.c: account, plan, credit summary and burn rate for the models. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/model_common.h"

int
burn_window_days(int64_t now, int64_t created_at, int window, int64_t *from, int64_t *to)
{
	int64_t first, last, start;

	last = time_day_start_utc(now) - DAY_SECS;   /* yesterday: the last complete day */
	start = last - (int64_t)(window - 1) * DAY_SECS;
	if (created_at != M_NONE) {
		/* The day the account was created is partial unless it began at midnight. */
		first = time_day_start_utc(created_at);
		if (first != created_at)
			first += DAY_SECS;
		if (start < first)
			start = first;
	}
	if (window <= 0 || start > last)
		return 0;
	*from = start;
	*to = last;
	return (int)((last - start) / DAY_SECS + 1);
}

int
model_day_parse(const char *s, int64_t *day)
{
	char buf[32];

	if (strlen(s) != 10 || snprintf(buf, sizeof buf, "%sT00:00:00Z", s) >= (int)sizeof buf)
		return -1;
	return time_parse_rfc3339(buf, day);
}

int
share_permille(int64_t part, int64_t total)
{
	__int128 q;

	if (total <= 0 || part <= 0)
		return 0;
	q = ((__int128)part * 1000 + total / 2) / total;
	return q > 1000 ? 1000 : (int)q;
}

int
share_format(int permille, char *buf, size_t n)
{
	const char *point = localeconv()->decimal_point;
	int r;

	if (point == NULL || point[0] == '\0')
		point = ".";
	r = snprintf(buf, n, "%d%s%d%%", permille / 10, point, permille % 10);
	if (r < 0 || (size_t)r >= n) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

int64_t
billing_overage_per_1000(const struct billing_ctx *ctx)
{
	if (!ctx->has_plan || ctx->plan.overage_per_1000 == M_NONE || ctx->plan.overage_per_1000 < 0)
		return M_NONE;
	return ctx->plan.overage_per_1000;
}

int
billing_forecast_input(const struct billing_ctx *ctx, const struct plan *at_close, const struct grant *g,
                       int ng, struct forecast_grant *grants, struct forecast_in *in)
{
	const struct account *a = &ctx->acct;
	int i;

	int priced = ctx->has_plan && !ctx->plan.contact_sales && ctx->plan.price != M_NONE && ctx->plan.price >= 0;

	memset(in, 0, sizeof *in);
	in->now = ctx->now;
	in->period_start = a->period_start;
	in->period_end = a->period_end;
	in->used = ctx->credits.period_used;
	in->overage = ctx->credits.period_overage;
	in->have_rate = ctx->burn_err == FORECAST_OK;
	in->rate = ctx->burn;
	/* billtopd draws nothing while runs are paused, nor once canceled. */
	in->stopped = a->runs_paused || a->status == ACCT_CANCELED;
	/* The fee: none during the trial (its own period) nor once canceled. */
	in->fee = !priced || a->status == ACCT_TRIALING || a->status == ACCT_CANCELED ? 0 : ctx->plan.price;
	in->overage_per_1000 = billing_overage_per_1000(ctx);
	if (in->overage_per_1000 == M_NONE)
		in->overage_per_1000 = -1;
	/* A scheduled downgrade applies before the closing draft is priced. */
	if (at_close == NULL)
		at_close = &ctx->plan;
	in->close_overage_per_1000 = at_close->overage_per_1000 == M_NONE || at_close->overage_per_1000 < 0
	                             ? -1 : at_close->overage_per_1000;
	in->tax_bp = a->tax_rate_bp > 0 ? a->tax_rate_bp : 0;
	for (i = 0; i < ng; i++) {
		grants[i].remaining = g[i].remaining;
		grants[i].available_from = g[i].available_from;
		grants[i].expires_at = g[i].expires_at == M_NONE ? FORECAST_NEVER : g[i].expires_at;
	}
	in->grants = grants;
	in->ngrants = ng;
	return priced ? 0 : -1;
}

int64_t
billing_pause_at(int64_t oldest_due)
{
	if (oldest_due == M_NONE || oldest_due > INT64_MAX - (int64_t)FORECAST_PAUSE_OVERDUE_DAYS * DAY_SECS)
		return 0;
	return oldest_due + (int64_t)FORECAST_PAUSE_OVERDUE_DAYS * DAY_SECS;
}
