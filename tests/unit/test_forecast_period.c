/* test_forecast_period.c: the period forecast, one rule of billtopd's at a time; the rounding split. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/allocate.h"
#include "core/forecast.h"

#define DAY 86400
#define START INT64_C(1793491200)          /* 2026-11-01T00:00:00Z */
#define END (START + 30 * DAY)
#define NOW (START + 10 * DAY)

/* Pro-like: $500.00, 1,000 credits a day (7,000 over 7 days), $1.25 per 1,000 over, 8% tax. */
static struct forecast_in
base(const struct forecast_grant *g, int n)
{
	struct forecast_in in = {
		.now = NOW, .period_start = START, .period_end = END,
		.used = 10000, .overage = 0, .have_rate = 1, .rate = { 7000, 7 },
		.fee = 50000, .overage_per_1000 = 125, .close_overage_per_1000 = 125, .tax_bp = 800,
		.grants = g, .ngrants = n,
	};
	return in;
}

static void
test_allowance_then_overage(void **state)
{
	const struct forecast_grant g[] = { { 5000, START, END } };
	struct forecast_in in = base(g, 1);
	struct forecast_out o;

	(void)state;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.projected, 30000);      /* 10,000 + 20 days at 1,000 */
	assert_int_equal(o.covered, 15000);
	assert_int_equal(o.overage, 15000);
	assert_int_equal(o.overage_cost, 1875);
	assert_int_equal(o.spend, 51875);
	assert_int_equal(o.tax, 4150);
	assert_int_equal(o.total, 56025);
	assert_int_equal(o.spend_so_far, 50000);
	assert_int_equal(o.tax_so_far, 4000);
	assert_int_equal(o.total_so_far, 54000);
	assert_false(o.runs_out);
}

static void
test_grant_available_later(void **state)
{
	/* A promotion that becomes available in 5 days covers 8,000 more. */
	const struct forecast_grant g[] = { { 5000, START, END }, { 8000, NOW + 5 * DAY, FORECAST_NEVER } };
	struct forecast_in in = base(g, 2);
	struct forecast_out o;

	(void)state;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.covered, 23000);
	assert_int_equal(o.overage, 7000);
	/* Not available yet: not in this period's remaining. */
	assert_int_equal(o.remaining, 5000);
	assert_int_equal(o.consumed, 10000);
	assert_int_equal(o.allocated, 15000);
	/* Available after the period end: covers nothing. */
	{
		const struct forecast_grant h[] = { { 5000, START, END }, { 8000, END, FORECAST_NEVER } };

		in = base(h, 2);
		assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
		assert_int_equal(o.overage, 15000);
	}
}

static void
test_grant_expires_in_period(void **state)
{
	/* The promotion expires in 2 days: drawn first (it expires soonest), the rest is lost. */
	const struct forecast_grant g[] = { { 5000, START, END }, { 8000, START, NOW + 2 * DAY } };
	struct forecast_in in = base(g, 2);
	struct forecast_out o;

	(void)state;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.expiring, 6000);
	assert_int_equal(o.covered, 17000);        /* 10,000 + 2,000 of it + the allowance */
	assert_int_equal(o.overage, 13000);
	assert_int_equal(o.remaining, 13000);
}

static void
test_purchase_changes_projection(void **state)
{
	/* Bought credits never expire: the allowance goes first, then they cover the rest. */
	const struct forecast_grant g[] = { { 5000, START, END }, { 100000, NOW, FORECAST_NEVER } };
	struct forecast_in in = base(g, 1);
	struct forecast_out before, after;

	(void)state;
	assert_int_equal(forecast_period(&in, &before), FORECAST_OK);
	in = base(g, 2);
	assert_int_equal(forecast_period(&in, &after), FORECAST_OK);
	assert_int_equal(after.overage, 0);
	assert_int_equal(after.covered, 30000);
	assert_int_equal(after.total, 54000);
	assert_true(after.total < before.total);
	assert_int_equal(after.remaining, 105000);
}

static void
test_overage_so_far_counts(void **state)
{
	/* All period overage is priced at once (rounded up once), as the draft does. */
	const struct forecast_grant g[] = { { 0, START, END } };
	struct forecast_in in = base(g, 1);
	struct forecast_out o;

	(void)state;
	in.used = 10001;
	in.overage = 1;
	in.have_rate = 0;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.overage_cost_so_far, 1);
	assert_int_equal(o.projected, 10001);
	assert_int_equal(o.overage, 1);
	assert_int_equal(o.overage_cost, 1);
}

static void
test_no_overage_plan_stops(void **state)
{
	const struct forecast_grant g[] = { { 5000, START, END } };
	struct forecast_in in = base(g, 1);
	struct forecast_out o;

	(void)state;
	in.overage_per_1000 = -1;
	in.close_overage_per_1000 = -1;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_true(o.runs_out);
	assert_int_equal(o.projected, 15000);
	assert_int_equal(o.overage, 0);
	assert_int_equal(o.spend, 50000);
	/* A grant that arrives after the pause does not restart the runs. */
	{
		const struct forecast_grant h[] = { { 5000, START, END }, { 9000, NOW + 15 * DAY, FORECAST_NEVER } };

		in.grants = h;
		in.ngrants = 2;
		assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
		assert_int_equal(o.projected, 15000);
	}
}

static void
test_stopped_projects_nothing(void **state)
{
	const struct forecast_grant g[] = { { 0, START, END } };
	struct forecast_in in = base(g, 1);
	struct forecast_out o;

	(void)state;
	in.stopped = 1;
	in.used = 12000;
	in.overage = 2000;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.projected, 12000);
	assert_int_equal(o.overage, 2000);
	assert_int_equal(o.total, o.total_so_far);
}

static void
test_trial_has_no_fee(void **state)
{
	const struct forecast_grant g[] = { { 500000, START, END } };
	struct forecast_in in = base(g, 1);
	struct forecast_out o;

	(void)state;
	in.fee = 0;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.total_so_far, 0);
	assert_int_equal(o.total, 0);
}

static void
test_price_at_close(void **state)
{
	/* A scheduled downgrade applies before the closing draft prices the overage. */
	const struct forecast_grant g[] = { { 5000, START, END } };
	struct forecast_in in = base(g, 1);
	struct forecast_out o;

	(void)state;
	in.close_overage_per_1000 = 200;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.overage_cost, 3000);
	in.close_overage_per_1000 = -1;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.overage_cost, 0);
	assert_int_equal(o.overage, 15000);
}

static void
test_rate_rounds_up(void **state)
{
	/* 1 credit a week, one second left: 1 credit. */
	struct forecast_in in = base(NULL, 0);
	struct forecast_out o;

	(void)state;
	in.rate.credits = 1;
	in.now = END - 1;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.projected, 10001);
	/* At or past the period end: nothing more. */
	in.now = END;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OK);
	assert_int_equal(o.projected, 10000);
}

static void
test_tax_half_up(void **state)
{
	int64_t t = -1;

	(void)state;
	assert_int_equal(forecast_tax(5, 1000, &t), FORECAST_OK);
	assert_int_equal(t, 1);                     /* 0.5 rounds up */
	assert_int_equal(forecast_tax(4, 1000, &t), FORECAST_OK);
	assert_int_equal(t, 0);
	assert_int_equal(forecast_tax(-5, 1000, &t), FORECAST_OK);
	assert_int_equal(t, 0);
	assert_int_equal(forecast_tax(INT64_MAX, 20000, &t), FORECAST_OVERFLOW);
	assert_int_equal(forecast_tax(1, -1, &t), FORECAST_INVALID);
}

static void
test_invalid_and_overflow(void **state)
{
	const struct forecast_grant bad[] = { { -1, START, END } };
	struct forecast_in in = base(NULL, 0);
	struct forecast_out o;

	(void)state;
	in.overage = in.used + 1;
	assert_int_equal(forecast_period(&in, &o), FORECAST_INVALID);
	in = base(bad, 1);
	assert_int_equal(forecast_period(&in, &o), FORECAST_INVALID);
	in = base(NULL, 0);
	in.rate.days = 0;
	assert_int_equal(forecast_period(&in, &o), FORECAST_INVALID);
	in = base(NULL, 0);
	in.fee = INT64_MAX;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OVERFLOW);
	in = base(NULL, 0);
	in.rate.credits = INT64_MAX;
	in.rate.days = 1;
	assert_int_equal(forecast_period(&in, &o), FORECAST_OVERFLOW);
}

static void
test_largest_remainder(void **state)
{
	const int64_t w[] = { 1, 1, 1 }, w2[] = { 7210, 3, 0, 5 }, zero[] = { 0, 0 }, neg[] = { 1, -1 };
	int64_t out[4], sum;
	int i;

	(void)state;
	assert_int_equal(allocate_largest_remainder(100, w, 3, out), 0);
	assert_int_equal(out[0], 34);
	assert_int_equal(out[1], 33);
	assert_int_equal(out[2], 33);
	assert_int_equal(allocate_largest_remainder(901, w2, 4, out), 0);
	for (sum = 0, i = 0; i < 4; i++)
		sum += out[i];
	assert_int_equal(sum, 901);
	assert_int_equal(out[2], 0);
	assert_int_equal(out[0], 900);              /* 900.12 -> 900 */
	assert_int_equal(out[3], 1);                /* 0.62, the largest remainder */
	assert_int_equal(out[1], 0);                /* 0.37 */
	assert_int_equal(allocate_largest_remainder(0, zero, 2, out), 0);
	assert_int_equal(allocate_largest_remainder(1, zero, 2, out), -1);
	assert_int_equal(allocate_largest_remainder(1, neg, 2, out), -1);
	assert_int_equal(allocate_largest_remainder(-1, w, 3, out), -1);
	assert_int_equal(allocate_largest_remainder(INT64_MAX, w, 3, out), 0);
	assert_true(out[0] + out[1] + out[2] == INT64_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allowance_then_overage),
		cmocka_unit_test(test_grant_available_later),
		cmocka_unit_test(test_grant_expires_in_period),
		cmocka_unit_test(test_purchase_changes_projection),
		cmocka_unit_test(test_overage_so_far_counts),
		cmocka_unit_test(test_no_overage_plan_stops),
		cmocka_unit_test(test_stopped_projects_nothing),
		cmocka_unit_test(test_trial_has_no_fee),
		cmocka_unit_test(test_price_at_close),
		cmocka_unit_test(test_rate_rounds_up),
		cmocka_unit_test(test_tax_half_up),
		cmocka_unit_test(test_invalid_and_overflow),
		cmocka_unit_test(test_largest_remainder),
	};

	return cmocka_run_group_tests_name("forecast_period", tests, NULL, NULL);
}
