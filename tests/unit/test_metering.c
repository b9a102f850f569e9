/* test_metering.c: per-record rounding, totals, credits and the quantity/rounding texts. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/metering.h"

/* 1 credit per minute, seconds rounded up to whole minutes */
static const struct meter_def minutes = { 60, 60, 1000 };
/* 5 credits per GB, bytes rounded up to 0.01 GB */
static const struct meter_def gb = { 1000000000, 10000000, 5000 };
/* 2 credits per 1000 tokens, billed per token */
static const struct meter_def tokens = { 1, 1, 2 };
/* per-second billing shown in minutes */
static const struct meter_def seconds_in_minutes = { 60, 1, 1000 };

static void
use_locale(const char *name)
{
	if (setlocale(LC_ALL, name) == NULL)
		skip();
}

static int
reset_locale(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C");
	return 0;
}

static void
test_def_valid(void **state)
{
	struct meter_def d = { 60, 7, 0 };

	(void)state;
	assert_true(meter_def_valid(&minutes));
	assert_true(meter_def_valid(&gb));
	assert_true(meter_def_valid(&tokens));
	/* free meters and increments that do not divide the unit are fine */
	assert_true(meter_def_valid(&d));
	d.raw_per_unit = 0;
	assert_false(meter_def_valid(&d));
	d.raw_per_unit = -60;
	assert_false(meter_def_valid(&d));
	d.raw_per_unit = 60;
	d.increment = 0;
	assert_false(meter_def_valid(&d));
	d.increment = -1;
	assert_false(meter_def_valid(&d));
	d.increment = 60;
	d.credits_milli_per_unit = -1;
	assert_false(meter_def_valid(&d));
	assert_false(meter_def_valid(NULL));
}

static int64_t
rounded(const struct meter_def *d, int64_t raw)
{
	int64_t b = -42;

	assert_int_equal(meter_round_up(d, raw, &b), MONEY_OK);
	return b;
}

static void
test_round_up(void **state)
{
	struct meter_def bad = { 0, 60, 1000 };
	int64_t b = 42;

	(void)state;
	assert_int_equal(rounded(&minutes, 10), 60);
	assert_int_equal(rounded(&minutes, 59), 60);
	assert_int_equal(rounded(&minutes, 60), 60);
	assert_int_equal(rounded(&minutes, 61), 120);
	assert_int_equal(rounded(&minutes, 70), 120);
	assert_int_equal(rounded(&minutes, 0), 0);
	assert_int_equal(rounded(&gb, 1), 10000000);
	assert_int_equal(rounded(&gb, 10000000), 10000000);
	assert_int_equal(rounded(&gb, 10000001), 20000000);
	assert_int_equal(rounded(&gb, 1234567890), 1240000000);
	assert_int_equal(rounded(&tokens, 12345), 12345);
	assert_int_equal(rounded(&tokens, INT64_MAX), INT64_MAX);
	assert_int_equal(meter_round_up(&minutes, -1, &b), MONEY_ERR_RANGE);
	assert_int_equal(meter_round_up(&bad, 10, &b), MONEY_ERR_RANGE);
	/* rounding INT64_MAX up to whole minutes does not fit */
	assert_int_equal(meter_round_up(&minutes, INT64_MAX, &b), MONEY_ERR_OVERFLOW);
	assert_int_equal(b, 42);
	assert_int_equal(rounded(&minutes, INT64_MAX / 60 * 60), INT64_MAX / 60 * 60);
}

static void
test_total(void **state)
{
	struct meter_total t = { 0, 0, 0 }, saved;

	(void)state;
	assert_int_equal(meter_total_add(&minutes, &t, 10), MONEY_OK);
	assert_int_equal(meter_total_add(&minutes, &t, 70), MONEY_OK);
	assert_int_equal(meter_total_add(&minutes, &t, 0), MONEY_OK);
	assert_int_equal(t.records, 3);
	assert_int_equal(t.raw, 80);
	/* each record rounded before summing: 60 + 120 + 0, not round(80) = 120 */
	assert_int_equal(t.billed_raw, 180);
	saved = t;
	assert_int_equal(meter_total_add(&minutes, &t, -5), MONEY_ERR_RANGE);
	assert_memory_equal(&t, &saved, sizeof t);
	t.billed_raw = INT64_MAX - 30;
	saved = t;
	assert_int_equal(meter_total_add(&minutes, &t, 1), MONEY_ERR_OVERFLOW);
	assert_memory_equal(&t, &saved, sizeof t);
	t.billed_raw = 0;
	t.raw = INT64_MAX;
	saved = t;
	assert_int_equal(meter_total_add(&minutes, &t, 1), MONEY_ERR_OVERFLOW);
	assert_memory_equal(&t, &saved, sizeof t);
}

static int64_t
credits(const struct meter_def *d, int64_t billed)
{
	int64_t c = -42;

	assert_int_equal(meter_credits(d, billed, &c), MONEY_OK);
	return c;
}

static void
test_credits(void **state)
{
	struct meter_def big = { 1, 1, INT64_MAX }, thousand = { 1, 1, 1000 }, free_meter = { 60, 60, 0 };
	int64_t c = 42;

	(void)state;
	assert_int_equal(credits(&minutes, 120), 2);
	assert_int_equal(credits(&minutes, 60), 1);
	assert_int_equal(credits(&minutes, 0), 0);
	/* unrounded input is still charged up */
	assert_int_equal(credits(&minutes, 61), 2);
	assert_int_equal(credits(&tokens, 1000), 2);
	assert_int_equal(credits(&tokens, 1), 1);
	assert_int_equal(credits(&tokens, 1500), 3);
	assert_int_equal(credits(&tokens, 1501), 4);
	assert_int_equal(credits(&tokens, 500000), 1000);
	/* 0.01 GB at 5 credits per GB is 0.05 credits: one credit */
	assert_int_equal(credits(&gb, 10000000), 1);
	assert_int_equal(credits(&gb, 1000000000), 5);
	assert_int_equal(credits(&gb, 1010000000), 6);
	assert_int_equal(credits(&free_meter, 600), 0);
	/* 128-bit intermediate */
	assert_true(credits(&thousand, INT64_MAX) == INT64_MAX);
	assert_true(credits(&gb, INT64_MAX) == INT64_MAX / 200000000 + 1);
	assert_int_equal(meter_credits(&big, INT64_MAX, &c), MONEY_ERR_OVERFLOW);
	assert_int_equal(meter_credits(&big, 1001, &c), MONEY_ERR_OVERFLOW);
	assert_int_equal(meter_credits(&minutes, -1, &c), MONEY_ERR_RANGE);
	assert_int_equal(c, 42);
	assert_int_equal(credits(&big, 1000), INT64_MAX);
}

#define QTY(d, unit, raw) (assert_int_equal(meter_format_quantity((d), (unit), (raw), buf, sizeof buf), 0), buf)

static void
test_format_quantity(void **state)
{
	struct meter_def half = { 60, 30, 1000 }, k = { 1000, 1, 1 }, bytes_gb = { 1000000000, 1, 1 };
	char buf[64];

	(void)state;
	use_locale("C");
	assert_string_equal(QTY(&minutes, "minutes", 120), "2 minutes");
	assert_string_equal(QTY(&minutes, "minutes", 0), "0 minutes");
	assert_string_equal(QTY(&minutes, "minutes", 6000000), "100,000 minutes");
	assert_string_equal(QTY(&gb, "GB", 1200000000), "1.20 GB");
	assert_string_equal(QTY(&gb, "GB", 1230000000), "1.23 GB");
	assert_string_equal(QTY(&gb, "GB", 10000000), "0.01 GB");
	assert_string_equal(QTY(&gb, "GB", 0), "0.00 GB");
	assert_string_equal(QTY(&gb, "GB", INT64_C(1234567000000000)), "1,234,567.00 GB");
	assert_string_equal(QTY(&tokens, "tokens", 12345), "12,345 tokens");
	assert_string_equal(QTY(&half, "minutes", 90), "1.5 minutes");
	assert_string_equal(QTY(&k, "k chars", 1500), "1.500 k chars");
	/* 1/60 is not a decimal: two decimals, rounded up */
	assert_string_equal(QTY(&seconds_in_minutes, "minutes", 90), "1.50 minutes");
	assert_string_equal(QTY(&seconds_in_minutes, "minutes", 61), "1.02 minutes");
	/* more than 6 decimals needed: two, rounded up */
	assert_string_equal(QTY(&bytes_gb, "GB", 1), "0.01 GB");
	assert_string_equal(QTY(&tokens, NULL, 7), "7");
	assert_string_equal(QTY(&tokens, "", 7), "7");
	assert_string_equal(QTY(&tokens, "tokens", INT64_MAX), "9,223,372,036,854,775,807 tokens");
}

static void
test_format_quantity_de(void **state)
{
	char buf[64];

	(void)state;
	use_locale("de_DE.UTF-8");
	assert_string_equal(QTY(&gb, "GB", 1200000000), "1,20 GB");
	assert_string_equal(QTY(&tokens, "Tokens", 12345), "12.345 Tokens");
}

static void
test_format_quantity_errors(void **state)
{
	struct meter_def bad = { 60, 0, 1 };
	char buf[64];

	(void)state;
	use_locale("C");
	/* "2 minutes" is 9 bytes */
	assert_int_equal(meter_format_quantity(&minutes, "minutes", 120, buf, 10), 0);
	assert_int_equal(meter_format_quantity(&minutes, "minutes", 120, buf, 9), -1);
	assert_string_equal(buf, "");
	assert_int_equal(meter_format_quantity(&bad, "minutes", 120, buf, sizeof buf), -1);
	assert_int_equal(meter_format_quantity(NULL, "minutes", 120, buf, sizeof buf), -1);
}

#define DESC(d, unit) (assert_int_equal(meter_describe_rounding((d), (unit), buf, sizeof buf), 0), buf)

static void
test_describe(void **state)
{
	struct meter_def five = { 60, 300, 1000 }, ninety = { 60, 90, 1000 }, chars = { 1, 1000, 1 };
	struct meter_def bad = { 0, 1, 1 };
	char buf[64];

	(void)state;
	use_locale("C");
	assert_string_equal(DESC(&minutes, "minute"), "rounded up to 1-minute increments");
	assert_string_equal(DESC(&five, "minute"), "rounded up to 5-minute increments");
	assert_string_equal(DESC(&gb, "GB"), "rounded up to 0.01 GB steps");
	assert_string_equal(DESC(&tokens, "token"), "billed per token");
	assert_string_equal(DESC(&ninety, "minute"), "rounded up to 1.5 minute steps");
	assert_string_equal(DESC(&seconds_in_minutes, "minute"), "rounded up to 1/60 minute steps");
	assert_string_equal(DESC(&chars, "character"), "rounded up to 1,000-character increments");
	assert_int_equal(meter_describe_rounding(&bad, "x", buf, sizeof buf), -1);
	assert_int_equal(meter_describe_rounding(&minutes, NULL, buf, sizeof buf), -1);
	assert_int_equal(meter_describe_rounding(&minutes, "minute", buf, 20), -1);
	assert_string_equal(buf, "");
	assert_int_equal(meter_describe_rounding(&tokens, "token", buf, 16), -1);
	assert_int_equal(meter_describe_rounding(&tokens, "token", buf, 17), 0);
	use_locale("de_DE.UTF-8");
	assert_string_equal(DESC(&gb, "GB"), "rounded up to 0,01 GB steps");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_def_valid),
		cmocka_unit_test(test_round_up),
		cmocka_unit_test(test_total),
		cmocka_unit_test(test_credits),
		cmocka_unit_test_teardown(test_format_quantity, reset_locale),
		cmocka_unit_test_teardown(test_format_quantity_de, reset_locale),
		cmocka_unit_test_teardown(test_format_quantity_errors, reset_locale),
		cmocka_unit_test_teardown(test_describe, reset_locale),
	};

	return cmocka_run_group_tests_name("metering", tests, NULL, NULL);
}
