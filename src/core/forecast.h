/* forecast.h: burn rate and run-out projections, integer only. */
#ifndef BILLTOP_FORECAST_H
#define BILLTOP_FORECAST_H

#include <stdint.h>

enum forecast_err {
	FORECAST_OK = 0,
	FORECAST_TOO_LITTLE_DATA, /* fewer than 3 days of data */
	FORECAST_NO_BURN,         /* nothing spent: no run-out date */
	FORECAST_OVERFLOW,
	FORECAST_INVALID          /* negative price/allowance or a rate with days <= 0 */
};

/* A rational rate: `credits` spent over `days` days. */
struct burn_rate {
	int64_t credits;
	int days;
};

/*
 * Sums the last `window` (normally 7) entries of daily_credits (oldest first; the
 * last entry is the most recent COMPLETE day).  Fewer than 3 days available
 * (min(window, ndays) < 3): FORECAST_TOO_LITTLE_DATA.
 */
enum forecast_err forecast_burn_rate(const int64_t *daily_credits, int ndays, int window, struct burn_rate *out);

/*
 * The instant the balance reaches zero at that rate, floored to whole seconds.
 * balance <= 0: now.  Rate <= 0: FORECAST_NO_BURN.
 */
enum forecast_err forecast_run_out(int64_t balance, const struct burn_rate *rate, int64_t now, int64_t *run_out);

/* used_so_far + rate * (period_end - now), rounded UP; a negative rate adds nothing, a past period_end adds nothing. */
enum forecast_err forecast_period_credits(int64_t used_so_far, const struct burn_rate *rate, int64_t now,
    int64_t period_end, int64_t *projected);

/*
 * Projected spend for the period: plan price plus the credits over the allowance
 * priced with credits_price (rounded up).  *overage_credits = max(0, projected -
 * allowance) even when the plan has no overage (overage_per_1000_minor < 0; the
 * plan stops there), in which case nothing is added to *spend_minor.
 */
enum forecast_err forecast_period_spend(int64_t plan_price_minor, int64_t allowance, int64_t projected_credits,
    int64_t overage_per_1000_minor, int64_t *spend_minor, int64_t *overage_credits);

#endif
