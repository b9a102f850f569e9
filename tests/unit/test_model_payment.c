/* test_model_payment.c: card expiry at its boundaries, labels, the default. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/timeutil.h"
#include "ui/model_payment.h"

static int64_t
at(const char *s)
{
	int64_t t;

	assert_int_equal(time_parse_rfc3339(s, &t), 0);
	return t;
}

static struct payment_method
card(const char *brand, const char *last4, int m, int y)
{
	struct payment_method pm;

	memset(&pm, 0, sizeof pm);
	pm.type = PM_CARD;
	snprintf(pm.brand, sizeof pm.brand, "%s", brand);
	snprintf(pm.last4, sizeof pm.last4, "%s", last4);
	pm.exp_month = m;
	pm.exp_year = y;
	return pm;
}

static void
test_expiry(void **state)
{
	struct payment_method pm = card("visa", "4242", 1, 2027);
	struct payment_method bank;
	int days;

	(void)state;
	/* Good through 2027-01-31 23:59:59 UTC. */
	assert_int_equal(pm_expiry_at(&pm, at("2026-11-15T12:00:00Z"), &days), PMX_OK);
	assert_int_equal(days, 77);
	assert_int_equal(pm_expiry_at(&pm, at("2026-12-03T00:00:00Z"), &days), PMX_SOON);
	assert_int_equal(days, 60);
	assert_int_equal(pm_expiry_at(&pm, at("2026-12-02T23:59:59Z"), &days), PMX_OK);
	assert_int_equal(pm_expiry_at(&pm, at("2027-01-31T23:59:59Z"), &days), PMX_SOON);
	assert_int_equal(days, 0);
	assert_int_equal(pm_expiry_at(&pm, at("2027-02-01T00:00:00Z"), &days), PMX_EXPIRED);
	assert_int_equal(days, 0);
	/* December rolls over into the next year. */
	pm = card("visa", "4242", 12, 2026);
	assert_int_equal(pm_expiry_at(&pm, at("2026-12-31T23:00:00Z"), NULL), PMX_SOON);
	assert_int_equal(pm_expiry_at(&pm, at("2027-01-01T00:00:00Z"), NULL), PMX_EXPIRED);
	/* Nonsense from a server is treated as expired, not trusted. */
	pm = card("visa", "4242", 13, 2027);
	assert_int_equal(pm_expiry_at(&pm, at("2026-11-15T12:00:00Z"), NULL), PMX_EXPIRED);
	memset(&bank, 0, sizeof bank);
	bank.type = PM_BANK_ACCOUNT;
	assert_int_equal(pm_expiry_at(&bank, at("2026-11-15T12:00:00Z"), &days), PMX_NONE);
}

static void
test_labels(void **state)
{
	struct payment_method pm = card("visa", "4242", 8, 2027);
	struct payment_method bank;
	char buf[64];

	(void)state;
	assert_int_equal(pm_label(&pm, buf, sizeof buf), 0);
	assert_string_equal(buf, "Visa ending 4242");
	pm = card("amex", "0005", 8, 2027);
	assert_int_equal(pm_label(&pm, buf, sizeof buf), 0);
	assert_string_equal(buf, "American Express ending 0005");
	pm = card("futurecard", "1111", 8, 2027);
	assert_int_equal(pm_label(&pm, buf, sizeof buf), 0);
	assert_string_equal(buf, "futurecard ending 1111");
	assert_int_equal(pm_expiry_label(&pm, buf, sizeof buf), 0);
	assert_string_equal(buf, "08/2027");
	memset(&bank, 0, sizeof bank);
	bank.type = PM_BANK_ACCOUNT;
	snprintf(bank.bank_name, sizeof bank.bank_name, "First Bank");
	snprintf(bank.last4, sizeof bank.last4, "6789");
	assert_int_equal(pm_label(&bank, buf, sizeof buf), 0);
	assert_string_equal(buf, "First Bank ending 6789");
	assert_int_equal(pm_expiry_label(&bank, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(pm_label(&bank, buf, 8), -1);
	assert_string_equal(charge_status_label(CHARGE_FAILED), "failed");
}

static void
test_derive(void **state)
{
	struct payment_method list[3];
	struct payment_model m;

	(void)state;
	list[0] = card("visa", "4242", 8, 2027);
	list[1] = card("mastercard", "4444", 12, 2026);
	list[2] = card("visa", "0002", 1, 2025);
	snprintf(list[0].id, sizeof list[0].id, "pm_1");
	snprintf(list[1].id, sizeof list[1].id, "pm_2");
	snprintf(list[2].id, sizeof list[2].id, "pm_3");
	list[1].is_default = 1;
	payment_model_init(&m);
	m.now = at("2026-11-15T12:00:00Z");
	m.methods = list;
	m.nmethods = 3;
	assert_int_equal(payment_model_derive(&m), 0);
	assert_int_equal(m.default_index, 1);
	assert_int_equal(m.expiry[0], PMX_OK);
	assert_int_equal(m.expiry[1], PMX_SOON);
	assert_int_equal(m.days_left[1], 46);
	assert_int_equal(m.expiry[2], PMX_EXPIRED);
	assert_ptr_equal(payment_model_method(&m, "pm_3"), &list[2]);
	assert_null(payment_model_method(&m, "pm_9"));
	/* No default on file. */
	list[1].is_default = 0;
	assert_int_equal(payment_model_derive(&m), 0);
	assert_int_equal(m.default_index, -1);
	m.methods = NULL;
	m.nmethods = 0;
	payment_model_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expiry),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_derive),
	};

	return cmocka_run_group_tests_name("model_payment", tests, NULL, NULL);
}
