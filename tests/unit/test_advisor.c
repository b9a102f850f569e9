/* test_advisor.c: pricing a past period on every plan. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/advisor.h"

/* The demo catalogue: Free, Starter, Pro (docs/api.md examples). */
static const struct advisor_plan free_plan = { 0, 10000, -1 };
static const struct advisor_plan starter = { 5000, 40000, 125 };
static const struct advisor_plan pro = { 50000, 400000, 100 };

static void
test_within_allowance_costs_the_price(void **state)
{
	struct advisor_cost c;

	(void)state;
	assert_int_equal(advisor_period_cost(&starter, 40000, &c), MONEY_OK);
	assert_int_equal(c.cost, 5000);
	assert_int_equal(c.overage_credits, 0);
	assert_false(c.stopped);
	assert_int_equal(advisor_period_cost(&pro, 0, &c), MONEY_OK);
	assert_int_equal(c.cost, 50000);
}

static void
test_overage_is_priced_and_rounded_up(void **state)
{
	struct advisor_cost c;

	(void)state;
	/* 12,000 past the allowance at $1.25 / 1,000 = $15.00. */
	assert_int_equal(advisor_period_cost(&starter, 52000, &c), MONEY_OK);
	assert_int_equal(c.overage_credits, 12000);
	assert_int_equal(c.cost, 5000 + 1500);
	/* One credit past: 0.125 cents rounds up to one cent. */
	assert_int_equal(advisor_period_cost(&starter, 40001, &c), MONEY_OK);
	assert_int_equal(c.cost, 5001);
}

static void
test_plan_without_overage_stops(void **state)
{
	struct advisor_cost c;

	(void)state;
	assert_int_equal(advisor_period_cost(&free_plan, 25000, &c), MONEY_OK);
	assert_true(c.stopped);
	assert_int_equal(c.unserved_credits, 15000);
	assert_int_equal(c.overage_credits, 0);
	assert_int_equal(c.cost, 0);
	/* Exactly the allowance does not stop. */
	assert_int_equal(advisor_period_cost(&free_plan, 10000, &c), MONEY_OK);
	assert_false(c.stopped);
}

static void
test_bad_input(void **state)
{
	struct advisor_cost c = { 7, 7, 7, 7 };
	struct advisor_plan sales = { -1, 0, -1 };
	struct advisor_plan huge = { INT64_MAX - 10, 0, 1000 };

	(void)state;
	assert_int_equal(advisor_period_cost(&starter, -1, &c), MONEY_ERR_RANGE);
	assert_int_equal(advisor_period_cost(&sales, 10, &c), MONEY_ERR_RANGE);
	assert_int_equal(c.cost, 7);   /* untouched on error */
	assert_int_equal(advisor_period_cost(&huge, 1000000, &c), MONEY_ERR_OVERFLOW);
}

static void
test_best_plan(void **state)
{
	struct advisor_plan all[4] = { free_plan, starter, pro, { -1, 0, -1 } };

	(void)state;
	assert_int_equal(advisor_best(all, 4, 5000), 0);        /* Free covers it */
	assert_int_equal(advisor_best(all, 4, 30000), 1);       /* Free would stop */
	/* 500,000 credits: Starter $50 + 460,000 x $1.25/1k = $625; Pro $500 + $100. */
	assert_int_equal(advisor_best(all, 4, 500000), 2);
	assert_int_equal(advisor_best(all, 1, 30000), -1);      /* only Free: it stops */
	assert_int_equal(advisor_best(all, 0, 1), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_within_allowance_costs_the_price),
		cmocka_unit_test(test_overage_is_priced_and_rounded_up),
		cmocka_unit_test(test_plan_without_overage_stops),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_best_plan),
	};

	return cmocka_run_group_tests_name("advisor", tests, NULL, NULL);
}
