/* test_forecast.c: burn rate window, run-out instant, period projection and spend. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/forecast.h"

#define DAY 86400
/* 2026-11-22T18:19:00Z */
#define NOW INT64_C(1795371540)

static void
test_burn_rate_window(void **state)
{
	/* oldest first; the last entry is the most recent complete day */
	static const int64_t daily[] = { 1000, 10, 20, 30, 40, 50, 60, 70 };
	struct burn_rate r = { -1, -1 };

	(void)state;
	assert_int_equal(forecast_burn_rate(daily, 8, 7, &r), FORECAST_OK);
	assert_int_equal(r.credits, 280);
	assert_int_equal(r.days, 7);
	assert_int_equal(forecast_burn_rate(daily, 8, 3, &r), FORECAST_OK);
	assert_int_equal(r.credits, 180);
	assert_int_equal(r.days, 3);
	/* fewer days than the window: all of them */
	assert_int_equal(forecast_burn_rate(daily + 5, 3, 7, &r), FORECAST_OK);
	assert_int_equal(r.credits, 180);
	assert_int_equal(r.days, 3);
	assert_int_equal(forecast_burn_rate(daily, 8, 30, &r), FORECAST_OK);
	assert_int_equal(r.credits, 1280);
	assert_int_equal(r.days, 8);
}

static void
test_burn_rate_too_little(void **state)
{
	static const int64_t daily[] = { 5, 5, 5, 5 };
	struct burn_rate r = { 42, 42 };

	(void)state;
	assert_int_equal(forecast_burn_rate(daily, 2, 7, &r), FORECAST_TOO_LITTLE_DATA);
	assert_int_equal(forecast_burn_rate(daily, 0, 7, &r), FORECAST_TOO_LITTLE_DATA);
	assert_int_equal(forecast_burn_rate(daily, 4, 2, &r), FORECAST_TOO_LITTLE_DATA);
	assert_int_equal(forecast_burn_rate(daily, 4, 0, &r), FORECAST_TOO_LITTLE_DATA);
	assert_int_equal(forecast_burn_rate(daily, -1, 7, &r), FORECAST_TOO_LITTLE_DATA);
	assert_int_equal(forecast_burn_rate(NULL, 4, 7, &r), FORECAST_TOO_LITTLE_DATA);
	assert_int_equal(r.credits, 42);
	assert_int_equal(r.days, 42);
	assert_int_equal(forecast_burn_rate(daily, 3, 7, &r), FORECAST_OK);
}

static void
test_burn_rate_overflow(void **state)
{
	static const int64_t daily[] = { INT64_MAX, 1, 1 };
	struct burn_rate r;

	(void)state;
	assert_int_equal(forecast_burn_rate(daily, 3, 7, &r), FORECAST_OVERFLOW);
}

static int64_t
run_out(int64_t balance, int64_t credits, int days)
{
	struct burn_rate r = { credits, days };
	int64_t t = -42;

	assert_int_equal(forecast_run_out(balance, &r, NOW, &t), FORECAST_OK);
	return t;
}

static void
test_run_out(void **state)
{
	struct burn_rate zero = { 0, 7 }, neg = { -70, 7 }, one = { 1, 1 }, nodays = { 10, 0 };
	int64_t t = 42;

	(void)state;
	/* 50 a day */
	assert_true(run_out(700, 350, 7) == NOW + 14 * DAY);
	assert_true(run_out(1, 3, 1) == NOW + DAY / 3);
	/* 3 * 86400 / 7 = 37028.57...: floored */
	assert_true(run_out(1, 7, 3) == NOW + 37028);
	assert_true(run_out(0, 350, 7) == NOW);
	assert_true(run_out(-5, 350, 7) == NOW);
	/* already out: now, whatever the rate */
	assert_int_equal(forecast_run_out(-5, &zero, NOW, &t), FORECAST_OK);
	assert_true(t == NOW);
	t = 42;
	assert_int_equal(forecast_run_out(100, &zero, NOW, &t), FORECAST_NO_BURN);
	assert_int_equal(forecast_run_out(100, &neg, NOW, &t), FORECAST_NO_BURN);
	assert_int_equal(forecast_run_out(100, &nodays, NOW, &t), FORECAST_INVALID);
	assert_int_equal(forecast_run_out(INT64_MAX, &one, NOW, &t), FORECAST_OVERFLOW);
	assert_int_equal(t, 42);
	/* huge but representable */
	assert_true(run_out(INT64_MAX / DAY / 2, 1, 1) == NOW + INT64_MAX / DAY / 2 * DAY);
}

static int64_t
projected(int64_t used, int64_t credits, int days, int64_t end)
{
	struct burn_rate r = { credits, days };
	int64_t p = -42;

	assert_int_equal(forecast_period_credits(used, &r, NOW, end, &p), FORECAST_OK);
	return p;
}

static void
test_period_credits(void **state)
{
	struct burn_rate one = { 1, 1 }, nodays = { 1, 0 };
	int64_t p = 42;

	(void)state;
	/* 10 a day for 3 more days */
	assert_int_equal(projected(100, 70, 7, NOW + 3 * DAY), 130);
	/* 10/24 of a credit in the next hour: rounded up */
	assert_int_equal(projected(100, 70, 7, NOW + 3600), 101);
	assert_int_equal(projected(100, 1, 3, NOW + DAY), 101);
	assert_int_equal(projected(100, 3, 3, NOW + DAY), 101);
	assert_int_equal(projected(100, 3, 3, NOW + DAY + 1), 102);
	assert_int_equal(projected(100, 70, 7, NOW), 100);
	assert_int_equal(projected(100, 70, 7, NOW - DAY), 100);
	assert_int_equal(projected(100, 0, 7, NOW + 30 * DAY), 100);
	assert_int_equal(projected(100, -50, 7, NOW + 30 * DAY), 100);
	assert_int_equal(forecast_period_credits(INT64_MAX, &one, NOW, NOW + DAY, &p), FORECAST_OVERFLOW);
	assert_int_equal(forecast_period_credits(0, &one, INT64_MIN, INT64_MAX, &p), FORECAST_OK);
	/* ceil((2^64 - 1) / 86400) */
	assert_true(p == INT64_C(213503982334602));
	p = 42;
	assert_int_equal(forecast_period_credits(0, &nodays, NOW, NOW + DAY, &p), FORECAST_INVALID);
	assert_int_equal(p, 42);
}

static void
test_period_spend(void **state)
{
	int64_t spend = -1, over = -1;

	(void)state;
	/* USD 20 plan, 100,000 credits included, USD 1.25 per 1,000 beyond */
	assert_int_equal(forecast_period_spend(2000, 100000, 150000, 125, &spend, &over), FORECAST_OK);
	assert_int_equal(spend, 2000 + 6250);
	assert_int_equal(over, 50000);
	assert_int_equal(forecast_period_spend(2000, 100000, 90000, 125, &spend, &over), FORECAST_OK);
	assert_int_equal(spend, 2000);
	assert_int_equal(over, 0);
	assert_int_equal(forecast_period_spend(2000, 100000, 100000, 125, &spend, &over), FORECAST_OK);
	assert_int_equal(spend, 2000);
	assert_int_equal(over, 0);
	/* one credit over costs a whole cent */
	assert_int_equal(forecast_period_spend(2000, 100000, 100001, 125, &spend, &over), FORECAST_OK);
	assert_int_equal(spend, 2001);
	assert_int_equal(over, 1);
	/* no overage (free plan): the excess is reported, not priced */
	assert_int_equal(forecast_period_spend(0, 1000, 1500, -1, &spend, &over), FORECAST_OK);
	assert_int_equal(spend, 0);
	assert_int_equal(over, 500);
	/* free overage */
	assert_int_equal(forecast_period_spend(500, 0, 1500, 0, &spend, &over), FORECAST_OK);
	assert_int_equal(spend, 500);
	assert_int_equal(over, 1500);
}

static void
test_period_spend_errors(void **state)
{
	int64_t spend = 42, over = 42;

	(void)state;
	assert_int_equal(forecast_period_spend(-1, 0, 0, 0, &spend, &over), FORECAST_INVALID);
	assert_int_equal(forecast_period_spend(0, -1, 0, 0, &spend, &over), FORECAST_INVALID);
	assert_int_equal(forecast_period_spend(0, 0, -1, 0, &spend, &over), FORECAST_INVALID);
	assert_int_equal(forecast_period_spend(INT64_MAX, 0, 1000, 1, &spend, &over), FORECAST_OVERFLOW);
	assert_int_equal(forecast_period_spend(0, 0, INT64_MAX, 1001, &spend, &over), FORECAST_OVERFLOW);
	assert_int_equal(spend, 42);
	assert_int_equal(over, 42);
	assert_int_equal(forecast_period_spend(INT64_MAX, 0, 1000, -1, &spend, &over), FORECAST_OK);
	assert_true(spend == INT64_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_burn_rate_window),
		cmocka_unit_test(test_burn_rate_too_little),
		cmocka_unit_test(test_burn_rate_overflow),
		cmocka_unit_test(test_run_out),
		cmocka_unit_test(test_period_credits),
		cmocka_unit_test(test_period_spend),
		cmocka_unit_test(test_period_spend_errors),
	};

	return cmocka_run_group_tests_name("forecast", tests, NULL, NULL);
}
