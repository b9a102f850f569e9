/* test_model_credits.c: grant states, run-out forecast states, purchase rules
 * and typed amounts; on a cache, the current grants and pages of past ones. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "client/cache.h"
#include "client/cache_write.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/model_credits.h"
#include "ui/view_credits.h"

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

/* ---- the dashboard's grants on a cache with many past ones --------------- */

#define NPAST 40
#define SET(d, v) snprintf((d), sizeof(d), "%s", (v))

/* The grants written below: 5 that still count at NOW, NPAST that do not. */
static const char *const NOW = "2026-11-15T12:00:00Z";

static struct cache *
grants_cache(char *tmpdir, size_t n)
{
	struct cache *c = NULL;
	struct account a;
	struct credit_summary cs;
	struct grant g;
	char path[512];
	int i, seq = 0;

	snprintf(tmpdir, n, "%s/billtop-grants.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/test.db", tmpdir);
	if (cache_open(path, &c, NULL) < 0)
		fail_msg("cache_open: %s", cache_error(c));
	assert_int_equal(cache_begin(c, 1000), 0);
	memset(&a, 0, sizeof a);
	SET(a.id, "acct_1");
	SET(a.name, "Acme");
	SET(a.currency, "USD");
	SET(a.plan_id, "pro");
	a.role = ROLE_OWNER;
	a.period_start = at("2026-11-01T00:00:00Z");
	a.period_end = at("2026-12-01T00:00:00Z");
	a.created_at = at("2024-01-01T00:00:00Z");
	a.trial_end = a.next_billing = a.scheduled_at = M_NONE;
	assert_int_equal(cache_put_account(c, &a), 0);
	memset(&cs, 0, sizeof cs);
	cs.balance = 5000;
	assert_int_equal(cache_put_credit_summary(c, &cs), 0);
	/* Still counting: active, expiring soon, never expiring, scheduled, and a
	 * scheduled one with nothing left yet (scheduled wins). */
	g = grant("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", 400);
	SET(g.id, "g_active");
	assert_int_equal(cache_put_grant(c, seq++, &g), 0);
	g = grant("2026-10-01T00:00:00Z", "2026-11-20T00:00:00Z", 10);
	SET(g.id, "g_expiring");
	assert_int_equal(cache_put_grant(c, seq++, &g), 0);
	g = grant("2026-01-01T00:00:00Z", NULL, 1);
	SET(g.id, "g_never");
	assert_int_equal(cache_put_grant(c, seq++, &g), 0);
	g = grant("2026-11-18T00:00:00Z", "2027-01-01T00:00:00Z", 1000);
	SET(g.id, "g_scheduled");
	assert_int_equal(cache_put_grant(c, seq++, &g), 0);
	g = grant("2026-11-18T00:00:00Z", NULL, 0);
	SET(g.id, "g_scheduled_empty");
	assert_int_equal(cache_put_grant(c, seq++, &g), 0);
	/* Past: used up (never expiring), expired with credits left, expiring
	 * exactly now, used up and expired; newest first. */
	for (i = 0; i < NPAST; i++) {
		g = grant("2025-01-01T00:00:00Z", i % 4 == 1 ? "2026-11-01T00:00:00Z" : i % 4 == 2 ? NOW : NULL,
		          i % 4 == 0 || i % 4 == 3 ? 0 : 500);
		if (i % 4 == 3)
			g.expires_at = at("2025-06-01T00:00:00Z");
		snprintf(g.id, sizeof g.id, "g_past_%02d", i);
		assert_int_equal(cache_put_grant(c, seq++, &g), 0);
	}
	assert_int_equal(cache_set_synced_at(c, at(NOW)), 0);
	assert_int_equal(cache_commit(c), 0);
	return c;
}

static void
rm_dir(const char *tmpdir)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	assert_int_equal(system(cmd), 0);
}

/* The SQL's current/past split is grant_state_at()'s, and the dashboard
 * reads the current grants and one page of the past ones, never all. */
static void
test_grants_current_and_past(void **state)
{
	char tmpdir[256];
	struct cache *c = grants_cache(tmpdir, sizeof tmpdir);
	struct grant *all, *cur, *past;
	int nall, ncur, npast, n, total, i, k;
	struct credits_state s;

	(void)state;
	assert_int_equal(cache_grants(c, &all, &nall), 0);
	assert_int_equal(nall, 5 + NPAST);
	assert_int_equal(cache_grants_current(c, at(NOW), &cur, &ncur, &npast), 0);
	assert_int_equal(ncur, 5);
	assert_int_equal(npast, NPAST);
	for (i = 0, k = 0; i < nall; i++) {
		enum grant_state st = grant_state_at(&all[i], at(NOW));

		if (st == GS_EXPIRED || st == GS_USED_UP)
			continue;
		assert_string_equal(cur[k].id, all[i].id);   /* same order */
		k++;
	}
	assert_int_equal(k, ncur);
	assert_int_equal(cache_grants_past(c, at(NOW), 10, 8, &past, &n, &total), 0);
	assert_int_equal(total, NPAST);
	assert_int_equal(n, 8);
	assert_string_equal(past[0].id, "g_past_10");
	for (i = 0; i < n; i++) {
		enum grant_state st = grant_state_at(&past[i], at(NOW));

		assert_true(st == GS_EXPIRED || st == GS_USED_UP);
	}
	free(all);
	free(cur);
	free(past);

	/* The dashboard: current grants and a count; a shows a page, ] the next. */
	credits_state_init(&s);
	assert_int_equal(credits_state_load(&s, c, at(NOW)), 0);
	assert_int_equal(s.m.ngrants, 5);
	assert_int_equal(s.m.npast, NPAST);
	assert_int_equal(s.m.npast_page, 0);
	assert_int_equal(credits_state_toggle_past(&s, c), 0);
	assert_true(s.all_grants);
	assert_int_equal(s.m.past_offset, 0);
	assert_true(s.m.npast_page > 0);
	assert_string_equal(s.m.past[0].id, "g_past_00");
	s.past_rows = 6;   /* as if the last frame showed 6 of them */
	assert_int_equal(credits_state_page_past(&s, c, 1), 0);
	assert_int_equal(s.m.past_offset, 6);
	assert_string_equal(s.m.past[0].id, "g_past_06");
	assert_int_equal(credits_state_page_past(&s, c, -1), 0);
	assert_int_equal(credits_state_page_past(&s, c, -1), 0);
	assert_int_equal(s.m.past_offset, 0);
	/* A reload (a refresh) keeps the page shown. */
	assert_int_equal(credits_state_page_past(&s, c, 1), 0);
	assert_int_equal(credits_state_load(&s, c, at(NOW)), 0);
	assert_int_equal(s.m.past_offset, 6);
	assert_string_equal(s.m.past[0].id, "g_past_06");
	assert_int_equal(credits_state_toggle_past(&s, c), 0);
	assert_false(s.all_grants);
	credits_state_free(&s);

	/* billtop print: every grant (JSON lists them all). */
	credits_state_init(&s);
	s.headless = 1;
	assert_int_equal(credits_state_load(&s, c, at(NOW)), 0);
	assert_int_equal(s.m.ngrants, 5 + NPAST);
	assert_int_equal(s.m.npast, 0);
	credits_state_free(&s);
	cache_close(c);
	rm_dir(tmpdir);
}

/* A text print reads the current grants and the first PRINT_PAST_GRANTS
 * past ones, in the order every grant would list them, and counts the rest. */
static void
test_grants_print_page(void **state)
{
	char tmpdir[256];
	struct cache *c = grants_cache(tmpdir, sizeof tmpdir);
	struct grant *all, *page;
	int nall, n, hidden, i, k, past = 0;

	(void)state;
	assert_int_equal(cache_grants(c, &all, &nall), 0);
	assert_int_equal(cache_grants_print(c, at(NOW), PRINT_PAST_GRANTS, &page, &n, &hidden), 0);
	assert_int_equal(n, 5 + PRINT_PAST_GRANTS);
	assert_int_equal(hidden, NPAST - PRINT_PAST_GRANTS);
	for (i = 0, k = 0; i < nall; i++) {
		enum grant_state st = grant_state_at(&all[i], at(NOW));

		if ((st == GS_EXPIRED || st == GS_USED_UP) && past++ >= PRINT_PAST_GRANTS)
			continue;
		assert_true(k < n);
		assert_string_equal(page[k].id, all[i].id);
		k++;
	}
	assert_int_equal(k, n);
	free(page);
	/* more asked than there are: all of them, none hidden */
	assert_int_equal(cache_grants_print(c, at(NOW), NPAST + 5, &page, &n, &hidden), 0);
	assert_int_equal(n, nall);
	assert_int_equal(hidden, 0);
	free(page);
	free(all);
	cache_close(c);
	rm_dir(tmpdir);
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
		cmocka_unit_test(test_grants_current_and_past),
		cmocka_unit_test(test_grants_print_page),
	};

	setlocale(LC_ALL, "C");
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests_name("model_credits", tests, NULL, NULL);
}
