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

/*
 * The period forecast: the one computation of what the running period will
 * bill, used by every screen, `print` and `check`.  It replays billtopd's
 * rules (src/server/engine_credits.c, engine_billing.c, engine_roll.c) with
 * usage continuing at the burn rate from now to the period end:
 *
 *  - usage up to `t` after now is ceil(rate * (t - now)), drawn at each
 *    instant from the live grants that expire first (never-expiring last,
 *    then the earliest available), as the server draws;
 *  - a grant becomes live at its available_from, and what is left of it is
 *    lost at its expires_at (availability first, then expiry, at one instant);
 *  - usage the grants cannot cover is overage when the plan has an overage
 *    price; without one, usage stops there for the rest of the period;
 *  - the period bills the fee (the plan price; 0 while trialing or canceled)
 *    plus credits_price(all of the period's overage) at the overage price of
 *    the plan in force at the period end, then tax: round half up of
 *    subtotal * tax_bp / 10000;
 *  - a stopped account (runs paused, or canceled) uses nothing more, nor
 *    does one from pause_at on (billtopd pauses runs once a past-due
 *    invoice is FORECAST_PAUSE_OVERDUE_DAYS late).
 */
#define FORECAST_PAUSE_OVERDUE_DAYS 14
#define FORECAST_NEVER INT64_MAX   /* a grant that never expires */

struct forecast_grant {
	int64_t remaining;       /* credits left on it at now */
	int64_t available_from;  /* <= now: live already */
	int64_t expires_at;      /* FORECAST_NEVER when it never expires */
};

struct forecast_in {
	int64_t now, period_start, period_end;
	int64_t used, overage;          /* this period's credits so far, and the overage among them */
	int have_rate;                  /* 0: no burn rate: nothing more is projected */
	struct burn_rate rate;
	int stopped;                    /* paused or canceled: no more usage */
	int64_t pause_at;               /* > 0: runs pause at this instant */
	int64_t fee;                    /* the period's plan fee, minor units (0: none) */
	int64_t overage_per_1000;       /* the plan now; < 0: usage stops at the grants */
	int64_t close_overage_per_1000; /* the price of overage at the period end; < 0: none */
	int64_t tax_bp;
	const struct forecast_grant *grants;
	int ngrants;
};

struct forecast_out {
	/* This period's credits (docs/figures.md): consumed = drawn from grants
	 * this period (used minus overage); remaining = left now on the grants
	 * available now; allocated = consumed + remaining. */
	int64_t allocated, consumed, remaining;
	/* So far (the running draft). */
	int64_t spend_so_far, tax_so_far, total_so_far, overage_cost_so_far;
	/* At the period end. */
	int64_t projected;     /* the period's credits */
	int64_t covered;       /* of those, drawn from allowance, grants and purchases */
	int64_t overage;       /* of those, billed as overage */
	int runs_out;          /* 1: a plan without overage runs out before the period end */
	int64_t expiring;      /* grant credits lost to expiry before the period end */
	int64_t pauses_at;     /* runs pause at this instant before the period end (0: they do not) */
	int64_t overage_cost;  /* minor units */
	int64_t spend;         /* fee + overage cost, before tax */
	int64_t tax;
	int64_t total;         /* spend + tax: what the invoice will charge */
};

/* FORECAST_OK, FORECAST_OVERFLOW or FORECAST_INVALID (negative amounts,
 * more than FORECAST_MAX_GRANTS grants, a rate with days <= 0). */
#define FORECAST_MAX_GRANTS 4096
enum forecast_err forecast_period(const struct forecast_in *in, struct forecast_out *out);

/* round_half_up(base * bp / 10000) as billtopd taxes; base <= 0 gives 0. */
enum forecast_err forecast_tax(int64_t base, int64_t bp, int64_t *tax);

#endif
