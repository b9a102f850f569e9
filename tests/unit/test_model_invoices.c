/* test_model_invoices.c: the Invoices model's pure parts: the running draft,
 * period labels, the status filter cycle and search by number or amount. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/timeutil.h"
#include "ui/model_invoices.h"

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

static void
test_find_wraps(void **state)
{
	struct invoice list[4];
	struct invoices_model m;

	(void)state;
	list[0] = mk("BT-0004", INV_DRAFT, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", 1000, 1000);
	list[1] = mk("BT-0003", INV_PAST_DUE, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", 53460, 53460);
	list[2] = mk("BT-0002", INV_PAID, "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z", 5000, 0);
	list[3] = mk("BT-0001", INV_PAID, "2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z", 5000, 0);
	invoices_model_init(&m);
	m.inv = list;
	m.n = 4;
	assert_int_equal(invoices_find(&m, "50", 0, 1), 2);
	assert_int_equal(invoices_find(&m, "50", 3, 1), 3);
	assert_int_equal(invoices_find(&m, "50", 0, -1), 3);
	assert_int_equal(invoices_find(&m, "50", 2, -1), 2);
	assert_int_equal(invoices_find(&m, "0003", 2, 1), 1);
	assert_int_equal(invoices_find(&m, "nothing", 0, 1), -1);
	assert_int_equal(invoices_count_matches(&m, "50"), 2);
	assert_int_equal(invoices_count_matches(&m, "BT-"), 4);
	m.n = 0;
	assert_int_equal(invoices_find(&m, "BT", 0, 1), -1);
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
		cmocka_unit_test(test_find_wraps),
	};

	return cmocka_run_group_tests_name("model_invoices", tests, NULL, NULL);
}
