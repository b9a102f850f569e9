/* test_model_credits.c: grant states, run-out forecast states, purchase rules and typed amounts. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/timeutil.h"
#include "core/util.h"
#include "ui/model_credits.h"

static int64_t
at(const char *s)
{
	int64_t t = 0;

	assert_int_equal(time_parse_rfc3339(s, &t), 0);
	return t;
}

static struct grant
grant(const char *from, const char *expires, int64_t remaining)
{
	struct grant g;

	memset(&g, 0, sizeof g);
	g.amount = 1000;
	g.remaining = remaining;
	g.consumed = g.amount - remaining;
	g.available_from = at(from);
	g.expires_at = expires ? at(expires) : M_NONE;
	return g;
}

static void
test_grant_states(void **state)
{
	int64_t now = at("2026-11-15T12:00:00Z");
	struct grant g;

	(void)state;
	g = grant("2026-11-01T00:00:00Z", "2026-12-31T00:00:00Z", 500);
	assert_int_equal(grant_state_at(&g, now), GS_ACTIVE);
	/* exactly 14 days left is "within 14 days"; one second more is not */
	g = grant("2026-11-01T00:00:00Z", "2026-11-29T12:00:00Z", 500);
	assert_int_equal(grant_state_at(&g, now), GS_EXPIRING);
	g = grant("2026-11-01T00:00:00Z", "2026-11-29T12:00:01Z", 500);
	assert_int_equal(grant_state_at(&g, now), GS_ACTIVE);
	/* nothing left to lose: not flagged as expiring */
	g = grant("2026-11-01T00:00:00Z", "2026-11-20T00:00:00Z", 0);
	assert_int_equal(grant_state_at(&g, now), GS_USED_UP);
	g = grant("2026-10-01T00:00:00Z", "2026-11-15T12:00:00Z", 500);
	assert_int_equal(grant_state_at(&g, now), GS_EXPIRED);
	/* future grants are scheduled, even when they expire soon after */
	g = grant("2026-11-15T12:00:01Z", "2026-11-20T00:00:00Z", 1000);
	assert_int_equal(grant_state_at(&g, now), GS_SCHEDULED);
	/* purchases never expire */
	g = grant("2026-01-01T00:00:00Z", NULL, 10);
	assert_int_equal(grant_state_at(&g, now), GS_ACTIVE);
}

static struct billing_ctx
ctx_with(int64_t balance, int64_t burn_credits, enum forecast_err err)
{
	struct billing_ctx c;

	memset(&c, 0, sizeof c);
	c.now = at("2026-11-15T12:00:00Z");
	c.acct.period_start = at("2026-11-01T00:00:00Z");
	c.acct.period_end = at("2026-12-01T00:00:00Z");
	c.acct.role = ROLE_OWNER;
	c.credits.balance = balance;
	c.burn_err = err;
	c.burn.credits = burn_credits;
	c.burn.days = err == FORECAST_OK ? 7 : 0;
	c.has_plan = 1;
	str_copy(c.plan.name, sizeof c.plan.name, "Pro");
	c.plan.overage_per_1000 = 125;
	c.plan.price = 50000;
	return c;
}

static void
test_runout(void **state)
{
	struct billing_ctx c;
	struct runout r;
	char buf[M_DAY];

	(void)state;
	/* 7,000 a day from 35,000: five days, before the period ends */
	c = ctx_with(35000, 49000, FORECAST_OK);
	runout_compute(&c, &r);
	assert_int_equal(r.state, RUNOUT_DATE);
	assert_true(r.at == at("2026-11-20T12:00:00Z"));
	assert_true(runout_days_left(&r, c.now) == 5);
	time_format_day(r.at, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-20");
	/* lasting past the period end: enough for this period */
	c = ctx_with(356000, 7000, FORECAST_OK);
	runout_compute(&c, &r);
	assert_int_equal(r.state, RUNOUT_ENOUGH);
	assert_false(r.no_burn);
	assert_true(runout_days_left(&r, c.now) == 356);
	/* nothing spent over the window: enough, with no date */
	c = ctx_with(356000, 0, FORECAST_OK);
	runout_compute(&c, &r);
	assert_int_equal(r.state, RUNOUT_ENOUGH);
	assert_true(r.no_burn);
	assert_true(r.at == M_NONE);
	assert_true(runout_days_left(&r, c.now) == -1);
	/* under three days of data: no forecast at all */
	c = ctx_with(356000, 0, FORECAST_TOO_LITTLE_DATA);
	runout_compute(&c, &r);
	assert_int_equal(r.state, RUNOUT_NO_DATA);
	assert_true(runout_days_left(&r, c.now) == -1);
	/* an empty balance has run out now, whatever the data */
	c = ctx_with(0, 0, FORECAST_TOO_LITTLE_DATA);
	runout_compute(&c, &r);
	assert_int_equal(r.state, RUNOUT_EMPTY);
	assert_true(runout_days_left(&r, c.now) == 0);
	/* a run-out less than a day away is 0 days left */
	c = ctx_with(1000, 49000, FORECAST_OK);
	runout_compute(&c, &r);
	assert_int_equal(r.state, RUNOUT_DATE);
	assert_true(runout_days_left(&r, c.now) == 0);
}

static void
test_refusal(void **state)
{
	struct billing_ctx c;
	char buf[M_TEXT];

	(void)state;
	c = ctx_with(1, 1, FORECAST_OK);
	assert_int_equal(purchase_refusal(&c, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	/* a plan without an overage price (Free) says why, naming the plan */
	str_copy(c.plan.name, sizeof c.plan.name, "Free");
	c.plan.overage_per_1000 = M_NONE;
	assert_int_equal(purchase_refusal(&c, buf, sizeof buf), 1);
	assert_non_null(strstr(buf, "Free plan cannot buy credits"));
	c = ctx_with(1, 1, FORECAST_OK);
	c.plan.contact_sales = 1;
	assert_int_equal(purchase_refusal(&c, buf, sizeof buf), 1);
	assert_non_null(strstr(buf, "contact sales"));
	/* a billing reader may look but not buy */
	c = ctx_with(1, 1, FORECAST_OK);
	c.acct.role = ROLE_BILLING_READER;
	assert_int_equal(purchase_refusal(&c, buf, sizeof buf), 1);
	assert_non_null(strstr(buf, "owner or admin"));
	c = ctx_with(1, 1, FORECAST_OK);
	c.acct.role = ROLE_ADMIN;
	assert_int_equal(purchase_refusal(&c, buf, sizeof buf), 0);
	c.has_plan = 0;
	assert_int_equal(purchase_refusal(&c, buf, sizeof buf), 1);
}

static void
expect_amount(const char *s, int64_t want)
{
	int64_t v = -1;
	const char *why = NULL;

	assert_int_equal(purchase_parse_credits(s, &v, &why), 0);
	assert_true(v == want);
}

static void
expect_refused(const char *s, const char *needle)
{
	int64_t v = -7;
	const char *why = NULL;

	assert_int_equal(purchase_parse_credits(s, &v, &why), -1);
	assert_true(v == -7);
	assert_non_null(why);
	if (strstr(why, needle) == NULL)
		fail_msg("'%s': '%s' does not say '%s'", s, why, needle);
}

static void
test_amounts(void **state)
{
	int i;

	(void)state;
	expect_amount("50000", 50000);
	expect_amount("50,000", 50000);
	expect_amount("50 000", 50000);
	expect_amount("50_000", 50000);
	expect_amount(" 1000 ", 1000);
	expect_amount("50k", 50000);
	expect_amount("50K", 50000);
	expect_amount("10,000,000", 10000000);
	expect_amount("10000k", 10000000);
	expect_refused("", "Type a number");
	expect_refused("   ", "Type a number");
	expect_refused("0", "more than zero");
	expect_refused("0k", "more than zero");
	expect_refused("-5000", "digits only");
	expect_refused("5e3", "digits only");
	expect_refused("1.5k", "digits only");
	expect_refused("k", "digits only");
	expect_refused("5kk", "digits only");
	expect_refused("5k0", "digits only");
	expect_refused(",5000", "digits only");
	expect_refused("1500", "multiples of 1,000");
	expect_refused("999", "multiples of 1,000");
	expect_refused("10001000", "At most 10,000,000");
	expect_refused("10001k", "At most 10,000,000");
	expect_refused("99999999999999999999999", "At most 10,000,000");
	expect_refused("9223372036854775k", "At most 10,000,000");
	for (i = 0; i < PURCHASE_NPRESETS; i++)
		assert_true(purchase_presets[i] > 0 && purchase_presets[i] % PURCHASE_STEP == 0 &&
		            purchase_presets[i] <= PURCHASE_MAX);
}

static void
test_ledger_kinds(void **state)
{
	int k = -1, n = 0;

	(void)state;
	/* the filter visits every kind once and returns to "all" */
	do {
		k = ledger_kind_next(k);
		n++;
		assert_string_not_equal(ledger_kind_label(k), "");
	} while (k != -1 && n < 20);
	assert_int_equal(n, 8);
	assert_string_equal(ledger_kind_label(-1), "all kinds");
	assert_string_equal(ledger_kind_label(LEDGER_EXPIRY), "expiry");
}

static void
test_derive(void **state)
{
	struct credits_model m;
	struct grant g[3];

	(void)state;
	credits_model_init(&m);
	assert_int_equal(m.ledger_kind, -1);
	m.ctx = ctx_with(1500, 49000, FORECAST_OK);
	g[0] = grant("2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z", 1000);
	g[1] = grant("2026-11-01T00:00:00Z", "2026-11-20T00:00:00Z", 500);
	g[2] = grant("2026-11-01T00:00:00Z", "2026-11-22T00:00:00Z", 1000);
	m.grants = g;
	m.ngrants = 3;
	m.states = calloc(3, sizeof *m.states);
	assert_non_null(m.states);
	credits_model_derive(&m);
	assert_int_equal(m.states[0], GS_SCHEDULED);
	assert_int_equal(m.states[1], GS_EXPIRING);
	assert_int_equal(m.nexpiring, 2);
	assert_int_equal(m.refused, 0);
	assert_true(m.overage_per_1000 == 125);
	assert_int_equal(m.runout.state, RUNOUT_DATE);
	free(m.states);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grant_states),
		cmocka_unit_test(test_runout),
		cmocka_unit_test(test_refusal),
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_ledger_kinds),
		cmocka_unit_test(test_derive),
	};

	setlocale(LC_ALL, "C");
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests_name("model_credits", tests, NULL, NULL);
}
