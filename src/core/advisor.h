/* advisor.h: what a past period would have cost on each plan (the plan advisor).
 *
 * Pure integer arithmetic on the account's own usage: a plan's price plus
 * its overage on the credits past the allowance, rounded up like the server
 * (credits_price).  A plan without overage does not bill past its allowance:
 * it would have stopped there, and that is reported, not priced.
 */
#ifndef BILLTOP_ADVISOR_H
#define BILLTOP_ADVISOR_H

#include <stdint.h>

#include "core/money.h"

struct advisor_plan {
	int64_t price;            /* minor units per period; < 0: no price (contact sales) */
	int64_t included;         /* credits in the period's allowance (>= 0) */
	int64_t overage_per_1000; /* minor units per 1,000 credits; < 0: usage stops at the allowance */
};

struct advisor_cost {
	int64_t cost;             /* price + overage, minor units */
	int64_t overage_credits;  /* credits past the allowance that were billed */
	int64_t unserved_credits; /* credits past the allowance a plan without overage refuses */
	int stopped;              /* 1: runs would have stopped at the allowance */
};

/*
 * The cost of `used` credits in one period on plan p.  MONEY_ERR_RANGE for a
 * negative `used` or included, or a plan without a price (contact sales);
 * MONEY_ERR_OVERFLOW when the cost does not fit.  *out is written on MONEY_OK.
 */
enum money_err advisor_period_cost(const struct advisor_plan *p, int64_t used, struct advisor_cost *out);

/*
 * The index of the cheapest of n plans that would have served all of `used`
 * without stopping (ties: the lower index), or -1 when none would.  Plans
 * without a price are skipped.
 */
int advisor_best(const struct advisor_plan *plans, int n, int64_t used);

#endif
