/* advisor.c: a past period's usage priced on every plan. */
#include <config.h>

#include "core/advisor.h"
#include "core/credits.h"

enum money_err
advisor_period_cost(const struct advisor_plan *p, int64_t used, struct advisor_cost *out)
{
	struct advisor_cost r = { 0, 0, 0, 0 };
	int64_t past, over_price;
	enum money_err e;

	if (used < 0 || p->included < 0 || p->price < 0)
		return MONEY_ERR_RANGE;
	r.cost = p->price;
	past = used > p->included ? used - p->included : 0;
	if (past > 0 && p->overage_per_1000 < 0) {
		/* No overage: the plan refuses runs past its allowance. */
		r.stopped = 1;
		r.unserved_credits = past;
	} else if (past > 0) {
		e = credits_price(past, p->overage_per_1000, &over_price);
		if (e != MONEY_OK)
			return e;
		e = money_add(r.cost, over_price, &r.cost);
		if (e != MONEY_OK)
			return e;
		r.overage_credits = past;
	}
	*out = r;
	return MONEY_OK;
}

int
advisor_best(const struct advisor_plan *plans, int n, int64_t used)
{
	struct advisor_cost c;
	int64_t best_cost = 0;
	int i, best = -1;

	for (i = 0; i < n; i++) {
		if (advisor_period_cost(&plans[i], used, &c) != MONEY_OK || c.stopped)
			continue;
		if (best < 0 || c.cost < best_cost) {
			best = i;
			best_cost = c.cost;
		}
	}
	return best;
}
