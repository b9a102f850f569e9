/* test_check.c: `billtop check` thresholds: credits, days left (trial or run-out), spend so far. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "cli/check.h"
#include "core/timeutil.h"
#include "core/util.h"

static int64_t
at(const char *s)
{
	int64_t t = 0;

	assert_int_equal(time_parse_rfc3339(s, &t), 0);
	return t;
}

static struct billing_ctx
ctx_pro(void)
{
	struct billing_ctx c;

	memset(&c, 0, sizeof c);
	c.now = at("2026-11-15T12:00:00Z");
	c.acct.status = ACCT_ACTIVE;
	c.acct.role = ROLE_OWNER;
	c.acct.trial_end = M_NONE;
	str_copy(c.acct.currency, sizeof c.acct.currency, "USD");
	c.acct.period_start = at("2026-11-01T00:00:00Z");
	c.acct.period_end = at("2026-12-01T00:00:00Z");
	c.has_plan = 1;
	c.plan.price = 50000;
	c.plan.overage_per_1000 = 125;
	c.credits.balance = 3120;
	c.credits.period_used = 400000;
	c.credits.period_allowance = 400000;
	c.burn_err = FORECAST_OK;
	c.burn.credits = 7000;   /* 1,000 a day: 3 days of credits left */
	c.burn.days = 7;
	return c;
}

static const struct check_limits none = { M_NONE, M_NONE, M_NONE, M_NONE };

static void
test_nothing_asked(void **state)
{
	struct billing_ctx c = ctx_pro();
	struct check_result r;

	(void)state;
	check_evaluate(&c, &none, &r);
	assert_int_equal(r.n, 0);
}

static void
test_credits(void **state)
{
	struct billing_ctx c = ctx_pro();
	struct check_limits l = none;
	struct check_result r;

	(void)state;
	l.credits_below = 5000;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.reasons[0], "credits below 5,000: 3,120 left");
	/* below is strict: exactly the limit is fine */
	l.credits_below = 3120;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 0);
}

static void
test_days_runout(void **state)
{
	struct billing_ctx c = ctx_pro();
	struct check_limits l = none;
	struct check_result r;

	(void)state;
	l.days_below = 7;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.reasons[0], "days left below 7: the credits run out on 2026-11-18 (3 days left)");
	l.days_below = 3;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 0);
	/* no forecast (under 3 days of data): nothing can be said, so nothing is crossed */
	c.burn_err = FORECAST_TOO_LITTLE_DATA;
	l.days_below = 100;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 0);
	/* an empty balance has 0 days left whatever the data */
	c.credits.balance = 0;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.reasons[0], "days left below 100: the credits have run out");
}

static void
test_days_trial(void **state)
{
	struct billing_ctx c = ctx_pro();
	struct check_limits l = none;
	struct check_result r;

	(void)state;
	c.acct.status = ACCT_TRIALING;
	c.acct.trial_end = at("2026-11-17T12:00:00Z");
	c.credits.balance = 356000;   /* credits last long: the trial is what ends first */
	l.days_below = 3;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.reasons[0], "days left below 3: the trial ends on 2026-11-17 (2 days left)");
	l.days_below = 2;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 0);
	/* credits running out before the trial ends: the credits are named */
	c.credits.balance = 500;
	l.days_below = 3;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 1);
	assert_non_null(strstr(r.reasons[0], "the credits run out on 2026-11-16"));
}

static void
test_spend(void **state)
{
	struct billing_ctx c = ctx_pro();
	struct check_limits l = none;
	struct check_result r;

	(void)state;
	c.credits.period_overage = 10000;   /* $12.50 past the $500 plan */
	c.has_fc_so_far = 1;                /* as the period forecast gives it */
	c.fc.spend_so_far = 51250;
	l.spend_above = 50000;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.reasons[0], "spend above $500.00: $512.50 so far this period");
	l.spend_above = 51250;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 0);
	/* no price known (contact sales): the forecast has no spend so far */
	c.plan.price = M_NONE;
	c.has_fc_so_far = 0;
	l.spend_above = 0;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 0);
}

static void
test_all_three(void **state)
{
	struct billing_ctx c = ctx_pro();
	struct check_limits l = { 5000, 7, 100, M_NONE };
	struct check_result r;

	(void)state;
	c.has_fc_so_far = 1;
	c.fc.spend_so_far = 50000;
	check_evaluate(&c, &l, &r);
	assert_int_equal(r.n, 3);
	assert_non_null(strstr(r.reasons[0], "credits below"));
	assert_non_null(strstr(r.reasons[1], "days left below"));
	assert_non_null(strstr(r.reasons[2], "spend above $1.00"));
}

static void
test_parse_count(void **state)
{
	int64_t v = -1;

	(void)state;
	assert_int_equal(check_parse_count("5000", &v), 0);
	assert_true(v == 5000);
	assert_int_equal(check_parse_count("5,000", &v), 0);
	assert_true(v == 5000);
	assert_int_equal(check_parse_count("0", &v), 0);
	assert_true(v == 0);
	assert_int_equal(check_parse_count("", &v), -1);
	assert_int_equal(check_parse_count("-1", &v), -1);
	assert_int_equal(check_parse_count("5k", &v), -1);
	assert_int_equal(check_parse_count(",5", &v), -1);
	assert_int_equal(check_parse_count("99999999999999999999", &v), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_asked),
		cmocka_unit_test(test_credits),
		cmocka_unit_test(test_days_runout),
		cmocka_unit_test(test_days_trial),
		cmocka_unit_test(test_spend),
		cmocka_unit_test(test_all_three),
		cmocka_unit_test(test_parse_count),
	};

	setlocale(LC_ALL, "C");
	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
