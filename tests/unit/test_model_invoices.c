/* test_model_invoices.c: the Invoices model: the running draft, period
 * labels, the status filter cycle, search by number or amount (the query in
 * C and the same search in SQL), and on a cache of 1,000 invoices the window
 * of rows the tab reads, the selection and the detail. */
#include <config.h>

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
#include "ui/model_invoices.h"
#include "ui/view_invoices.h"

static int64_t
at(const char *s)
{
	int64_t t;

	assert_int_equal(time_parse_rfc3339(s, &t), 0);
	return t;
}

static struct invoice
mk(const char *number, enum invoice_status st, const char *from, const char *to, int64_t total, int64_t due)
{
	struct invoice inv;

	memset(&inv, 0, sizeof inv);
	snprintf(inv.id, sizeof inv.id, "inv_%s", number);
	snprintf(inv.number, sizeof inv.number, "%s", number);
	snprintf(inv.currency, sizeof inv.currency, "USD");
	inv.status = st;
	inv.period_start = at(from);
	inv.period_end = at(to);
	inv.subtotal = total;
	inv.total = total;
	inv.amount_due = due;
	return inv;
}

static void
test_running_draft(void **state)
{
	struct invoice d = mk("BT-2026-0032", INV_DRAFT, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", 100, 100);
	struct invoice p = mk("BT-2026-0031", INV_PAID, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", 100, 0);

	(void)state;
	assert_true(invoice_is_running_draft(&d, at("2026-11-15T12:00:00Z")));
	assert_true(invoice_is_running_draft(&d, at("2026-11-01T00:00:00Z")));
	assert_false(invoice_is_running_draft(&d, at("2026-12-01T00:00:00Z")));
	assert_false(invoice_is_running_draft(&p, at("2026-10-15T00:00:00Z")));
}

static void
test_initial_row(void **state)
{
	struct invoice list[3];
	struct invoices_model m;

	(void)state;
	list[0] = mk("BT-3", INV_PAID, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", 1, 0);
	list[1] = mk("BT-4", INV_DRAFT, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", 1, 1);
	list[2] = mk("BT-2", INV_PAID, "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z", 1, 0);
	invoices_model_init(&m);
	m.inv = list;
	m.n = 3;
	assert_int_equal(invoices_initial_row(&m), 0);
	m.running_draft = 1;
	assert_int_equal(invoices_initial_row(&m), 1);
}

static void
test_period_label(void **state)
{
	struct invoice a = mk("A", INV_PAID, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", 0, 0);
	struct invoice b = mk("B", INV_PAID, "2026-10-15T00:00:00Z", "2026-11-15T00:00:00Z", 0, 0);
	struct invoice one = mk("C", INV_PAID, "2026-10-15T00:00:00Z", "2026-10-15T00:00:00Z", 0, 0);
	char buf[64];

	(void)state;
	assert_int_equal(invoice_period_label(&a, buf, sizeof buf), 0);
	assert_string_equal(buf, "Oct 2026");
	assert_int_equal(invoice_period_label(&b, buf, sizeof buf), 0);
	assert_string_equal(buf, "15 Oct-14 Nov");
	/* A one-off invoice (bought credits) has no span: its day. */
	assert_int_equal(invoice_period_label(&one, buf, sizeof buf), 0);
	assert_string_equal(buf, "15 Oct 2026");
	assert_int_equal(invoice_period_label(&b, buf, 5), -1);
}

static void
test_filter_cycle(void **state)
{
	int f = -1, i;

	(void)state;
	assert_string_equal(invoice_filter_label(-1), "all");
	for (i = 0; i < 6; i++)
		f = invoice_filter_next(f);
	assert_int_equal(f, -1);
	assert_int_equal(invoice_filter_next(-1), INV_DRAFT);
	assert_int_equal(invoice_filter_next(INV_PAST_DUE), INV_VOID);
	assert_string_equal(invoice_filter_label(INV_PAST_DUE), "past due");
	assert_string_equal(inv_status_label(INV_VOID), "void");
}

static void
test_match_number(void **state)
{
	struct invoice inv = mk("BT-2026-0031", INV_PAST_DUE, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z",
	                        53460, 53460);

	(void)state;
	assert_true(invoice_matches(&inv, "0031"));
	assert_true(invoice_matches(&inv, "bt-2026"));
	assert_true(invoice_matches(&inv, "BT-2026-0031"));
	assert_false(invoice_matches(&inv, "0032"));
	assert_false(invoice_matches(&inv, ""));
	assert_false(invoice_matches(&inv, NULL));
}

static void
test_match_amount(void **state)
{
	struct invoice inv = mk("BT-9", INV_ISSUED, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", 123450, 53460);

	(void)state;
	assert_true(invoice_matches(&inv, "534.60"));
	assert_true(invoice_matches(&inv, "$534.60"));
	assert_true(invoice_matches(&inv, "USD 534.6"));
	assert_true(invoice_matches(&inv, "534"));
	assert_true(invoice_matches(&inv, "534,60"));
	assert_true(invoice_matches(&inv, "1,234.50"));
	assert_true(invoice_matches(&inv, "1234.5"));
	assert_true(invoice_matches(&inv, "1,234"));
	assert_true(invoice_matches(&inv, " 1234 "));
	assert_false(invoice_matches(&inv, "534.61"));
	assert_false(invoice_matches(&inv, "535"));
	assert_false(invoice_matches(&inv, "53"));
	assert_false(invoice_matches(&inv, "534.601"));
	assert_false(invoice_matches(&inv, "-534.60"));
	assert_false(invoice_matches(&inv, "99999999999999999999"));
	assert_false(invoice_matches(&inv, "$"));
}

/* The query a search runs: per currency, the amount as that currency reads it. */
static void
test_query_make(void **state)
{
	const char cur[3][M_CUR] = { "EUR", "JPY", "USD" };
	struct invoice usd = mk("BT-0003", INV_PAST_DUE, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", 53460, 53460);
	struct invoice_query q;

	(void)state;
	assert_int_equal(invoice_query_make("", cur, 3, &q), 0);
	assert_int_equal(invoice_query_make(NULL, cur, 3, &q), 0);
	assert_int_equal(invoice_query_make("534", cur, 3, &q), 1);
	assert_string_equal(q.number, "534");
	assert_int_equal(q.namounts, 3);
	assert_string_equal(q.amount[0].currency, "EUR");
	assert_int_equal(q.amount[0].lo, 53400);
	assert_int_equal(q.amount[0].hi, 53499);
	assert_int_equal(q.amount[1].lo, 534);     /* yen: no minor unit */
	assert_int_equal(q.amount[1].hi, 534);
	assert_true(invoice_query_matches(&q, &usd));
	/* Not an amount: only the number can match. */
	assert_int_equal(invoice_query_make("BT-00", cur, 3, &q), 1);
	assert_int_equal(q.namounts, 0);
	assert_true(invoice_query_matches(&q, &usd));
	/* An amount in another currency is not this invoice's amount. */
	assert_int_equal(invoice_query_make("534.60", cur, 1, &q), 1);
	assert_false(invoice_query_matches(&q, &usd));
}

/* ---- the model on a cache with many invoices ----------------------------- */

#define NINV 1000
#define SET(d, v) snprintf((d), sizeof(d), "%s", (v))

static char tmpdir[256];
static char path[512];

static int
setup(void **state)
{
	struct cache *c = NULL;
	struct invoice inv;
	struct invoice_line lines[2];
	int i;

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/billtop-inv.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(path, sizeof path, "%s/test.db", tmpdir);
	if (cache_open(path, &c, NULL) < 0 || cache_begin(c, 1000) < 0)
		return -1;
	memset(lines, 0, sizeof lines);
	SET(lines[0].description, "Plan");
	SET(lines[1].description, "Overage");
	/* Newest first: BT-1000 (the running draft) down to BT-0001; every
	 * 10th past due, one in yen; totals 100.00 + number, a few tricky numbers. */
	for (i = 0; i < NINV; i++) {
		int num = NINV - i;
		char number[32];

		snprintf(number, sizeof number, "BT-%04d", num);
		inv = mk(number, i == 0 ? INV_DRAFT : num % 10 == 0 ? INV_PAST_DUE : INV_PAID,
		         i == 0 ? "2026-11-01T00:00:00Z" : "2026-01-01T00:00:00Z",
		         i == 0 ? "2026-12-01T00:00:00Z" : "2026-02-01T00:00:00Z", 10000 + num * 100,
		         num % 10 == 0 ? 10000 + num * 100 : 0);
		if (num == 500)
			SET(inv.currency, "JPY");
		if (num == 7)
			SET(inv.number, "BT_50%");
		inv.subtotal = inv.total + 1;
		inv.lines = lines;
		inv.nlines = 2;
		if (cache_put_invoice(c, i, &inv) < 0)
			return -1;
	}
	if (cache_commit(c) < 0)
		return -1;
	cache_close(c);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct cache *
open_cache(void)
{
	struct cache *c = NULL;

	if (cache_open(path, &c, NULL) < 0)
		fail_msg("cache_open: %s", cache_error(c));
	return c;
}

/* The tab reads a window of rows, not thousands, and lines for one invoice. */
static void
test_window(void **state)
{
	struct cache *c = open_cache();
	struct invoices_state s;
	char err[256];
	int i;

	(void)state;
	invoices_state_init(&s);
	assert_int_equal(invoices_state_load(c, at("2026-11-15T12:00:00Z"), &s, err, sizeof err), 0);
	assert_int_equal(s.m.total, NINV);
	assert_true(s.m.n > 0 && s.m.n <= INVOICES_WINDOW);
	assert_int_equal(s.pos.sel, 0);                   /* the running draft */
	assert_string_equal(s.m.detail.number, "BT-1000");
	assert_int_equal(s.m.detail.nlines, 2);
	for (i = 0; i < s.m.n; i++)
		assert_null(s.m.inv[i].lines);
	/* Far down the list: the window follows the selection. */
	assert_int_equal(invoices_state_select(c, &s, 900, err, sizeof err), 0);
	assert_true(s.m.off <= 900 && s.m.off + s.m.n > 900 && s.m.n <= INVOICES_WINDOW);
	assert_string_equal(invoices_row(&s.m, 900)->number, "BT-0100");
	assert_string_equal(s.m.detail.number, "BT-0100");
	assert_null(invoices_row(&s.m, 0));
	assert_int_equal(invoices_state_select(c, &s, NINV + 5, err, sizeof err), 0);
	assert_int_equal(s.pos.sel, NINV - 1);
	assert_string_equal(s.m.detail.number, "BT-0001");
	/* A reload keeps the selected invoice. */
	assert_int_equal(invoices_state_load(c, at("2026-11-15T12:00:00Z"), &s, err, sizeof err), 0);
	assert_int_equal(s.pos.sel, NINV - 1);
	/* The past-due filter: every 10th, the selection follows its invoice or
	 * falls back into the list. */
	s.m.filter = INV_PAST_DUE;
	assert_int_equal(invoices_state_load(c, at("2026-11-15T12:00:00Z"), &s, err, sizeof err), 0);
	assert_int_equal(s.m.total, NINV / 10 - 1);       /* BT-1000 is the draft */
	assert_int_equal(s.m.running_draft, -1);
	assert_int_equal(s.m.inv[0].status, INV_PAST_DUE);
	invoices_state_free(&s);
	/* billtop print: every row. */
	invoices_state_init(&s);
	s.headless = 1;
	assert_int_equal(invoices_state_load(c, at("2026-11-15T12:00:00Z"), &s, err, sizeof err), 0);
	assert_int_equal(s.m.n, NINV);
	invoices_state_free(&s);
	cache_close(c);
}

/* Search in SQL finds what the C mirror finds, over the whole list. */
static void
test_search_matches_c(void **state)
{
	static const char *const queries[] = {
		"0", "BT-09", "bt-0999", "105", "105.00", "$105", "USD 1,100", "1100.01", "600", "5",
		"%", "_", "BT_5", "50%", "\\", "nothing", " 110 "
	};
	const char cur[2][M_CUR] = { "JPY", "USD" };
	struct cache *c = open_cache();
	struct invoices_model all;
	struct invoice_query q;
	char err[256];
	size_t k;
	int from, dir, at_sql, count, want, n, i, j;

	(void)state;
	invoices_model_init(&all);
	assert_int_equal(invoices_model_load(c, 0, -1, 1, &all, err, sizeof err), 0);
	assert_int_equal(all.n, NINV);
	for (k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		assert_int_equal(invoice_query_make(queries[k], cur, 2, &q), 1);
		for (n = 0, i = 0; i < NINV; i++)
			n += invoice_query_matches(&q, &all.inv[i]);
		for (from = 0; from < NINV; from += 333) {
			for (dir = -1; dir <= 1; dir += 2) {
				want = -1;
				for (j = 0; j < NINV && want < 0; j++) {
					i = ((from + dir * j) % NINV + NINV) % NINV;
					if (invoice_query_matches(&q, &all.inv[i]))
						want = i;
				}
				assert_int_equal(invoices_model_find(c, &all, queries[k], from, dir, &at_sql, &count,
				                                     err, sizeof err), 0);
				if (at_sql != want || count != n)
					fail_msg("query '%s' from %d dir %d: SQL %d (%d found), C %d (%d found)", queries[k],
					         from, dir, at_sql, count, want, n);
			}
		}
	}
	/* What the queries find, spelled out. */
	assert_int_equal(invoices_model_find(c, &all, "50%", 0, 1, &at_sql, &count, err, sizeof err), 0);
	assert_int_equal(count, 1);
	assert_string_equal(all.inv[at_sql].number, "BT_50%");
	assert_int_equal(invoices_model_find(c, &all, "_", 0, 1, &at_sql, &count, err, sizeof err), 0);
	assert_int_equal(count, 1);
	/* BT-0500 is in yen: 60000 is its total in whole yen. */
	assert_int_equal(invoices_model_find(c, &all, "60000", 0, 1, &at_sql, &count, err, sizeof err), 0);
	assert_string_equal(all.inv[at_sql].currency, "JPY");
	assert_int_equal(invoices_model_find(c, &all, "", 0, 1, &at_sql, &count, err, sizeof err), 0);
	assert_int_equal(at_sql, -1);
	assert_int_equal(count, 0);
	invoices_model_free(&all);
	cache_close(c);
}

static void
test_index(void **state)
{
	struct cache *c = open_cache();
	int index = -1;

	(void)state;
	assert_int_equal(cache_invoice_index(c, -1, "BT-0990", &index), 1);
	assert_int_equal(index, 10);
	assert_int_equal(cache_invoice_index(c, -1, "inv_BT-0990", &index), 1);
	assert_int_equal(index, 10);
	assert_int_equal(cache_invoice_index(c, INV_PAST_DUE, "BT-0990", &index), 1);
	assert_int_equal(index, 0);
	assert_int_equal(cache_invoice_index(c, INV_PAST_DUE, "BT-0991", &index), 0);
	assert_int_equal(cache_invoice_index(c, -1, "BT-9999", &index), 0);
	cache_close(c);
}

/* Every invoice's position (cache_invoice_index: ranges of the order index)
 * is where the list (cache_invoice_rows: read in that order) shows it, for
 * every status: drafts, issue dates tied and missing (then the period start
 * counts), the order the source sent them in breaking ties. */
static void
test_index_every_row(void **state)
{
	static const enum invoice_status sts[] = { INV_DRAFT, INV_ISSUED, INV_PAID, INV_PAST_DUE, INV_VOID };
	char p2[600];
	struct cache *c = NULL;
	struct invoice inv, *rows;
	int i, f, n, total, index;

	(void)state;
	snprintf(p2, sizeof p2, "%s/index.db", tmpdir);
	assert_int_equal(cache_open(p2, &c, NULL), 0);
	assert_int_equal(cache_begin(c, 1000), 0);
	for (i = 0; i < 60; i++) {
		char number[32];

		snprintf(number, sizeof number, "IX-%02d", i);
		inv = mk(number, sts[(i * 7) % 5], i % 2 ? "2026-03-01T00:00:00Z" : "2026-05-01T00:00:00Z",
		         "2026-06-01T00:00:00Z", 100 + i, 0);
		/* issued on one of three days, or not at all (every 4th) */
		inv.issued_at = i % 4 == 0 ? M_NONE : at(i % 3 == 0 ? "2026-04-01T00:00:00Z"
		                                         : i % 3 == 1 ? "2026-05-01T00:00:00Z" : "2026-02-01T00:00:00Z");
		assert_int_equal(cache_put_invoice(c, (i * 37) % 60, &inv), 0);
	}
	assert_int_equal(cache_commit(c), 0);
	for (f = -1; f < 5; f++) {
		int status = f < 0 ? -1 : (int)sts[f];

		assert_int_equal(cache_invoice_rows(c, status, NULL, 0, -1, &rows, &n, &total), 0);
		assert_int_equal(n, total);
		assert_true(n > 0);
		for (i = 0; i < n; i++) {
			assert_int_equal(cache_invoice_index(c, status, rows[i].id, &index), 1);
			if (index != i)
				fail_msg("status %d: %s is row %d, its index says %d", status, rows[i].id, i, index);
			/* the list within a status is the whole list's order, filtered */
			if (i > 0 && status >= 0) {
				int a, b;

				assert_int_equal(cache_invoice_index(c, -1, rows[i - 1].id, &a), 1);
				assert_int_equal(cache_invoice_index(c, -1, rows[i].id, &b), 1);
				assert_true(a < b);
			}
		}
		for (i = 0; i < n; i++)
			invoice_free(&rows[i]);
		free(rows);
	}
	cache_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_running_draft),
		cmocka_unit_test(test_initial_row),
		cmocka_unit_test(test_period_label),
		cmocka_unit_test(test_filter_cycle),
		cmocka_unit_test(test_match_number),
		cmocka_unit_test(test_match_amount),
		cmocka_unit_test(test_query_make),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_search_matches_c),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_index_every_row),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests_name("model_invoices", tests, setup, teardown);
}
