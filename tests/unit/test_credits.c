/* test_credits.c: credit formatting per LC_NUMERIC and the rounded-up price of credits. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/credits.h"

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

#define FMT(v) (assert_int_equal(credits_format(buf, sizeof buf, (v)), 0), buf)

static void
test_format_c(void **state)
{
	char buf[64];

	(void)state;
	use_locale("C");
	assert_string_equal(FMT(400000), "400,000");
	assert_string_equal(FMT(0), "0");
	assert_string_equal(FMT(7), "7");
	assert_string_equal(FMT(999), "999");
	assert_string_equal(FMT(1000), "1,000");
	assert_string_equal(FMT(-1234), "-1,234");
	assert_string_equal(FMT(-999), "-999");
	assert_string_equal(FMT(1234567), "1,234,567");
	assert_string_equal(FMT(INT64_MAX), "9,223,372,036,854,775,807");
	assert_string_equal(FMT(INT64_MIN), "-9,223,372,036,854,775,808");
	use_locale("C.UTF-8");
	assert_string_equal(FMT(400000), "400,000");
}

static void
test_format_locales(void **state)
{
	char buf[64];

	(void)state;
	use_locale("de_DE.UTF-8");
	assert_string_equal(FMT(400000), "400.000");
	assert_string_equal(FMT(-1234567), "-1.234.567");
	use_locale("en_US.UTF-8");
	assert_string_equal(FMT(400000), "400,000");
	use_locale("fr_FR.UTF-8");
	/* fr_FR groups with U+202F NARROW NO-BREAK SPACE */
	assert_string_equal(FMT(400000), "400\xe2\x80\xaf" "000");
}

static void
test_format_small_buffer(void **state)
{
	char buf[8];

	(void)state;
	use_locale("C");
	/* "400,000" is 7 bytes + NUL: fits exactly */
	assert_int_equal(credits_format(buf, sizeof buf, 400000), 0);
	assert_string_equal(buf, "400,000");
	assert_int_equal(credits_format(buf, sizeof buf, 4000000), -1);
	assert_string_equal(buf, "");
	assert_int_equal(credits_format(buf, 7, 400000), -1);
	assert_int_equal(credits_format(buf, 0, 1), -1);
}

static void
test_price(void **state)
{
	int64_t m = -1;

	(void)state;
	assert_int_equal(credits_price(1000, 125, &m), MONEY_OK);
	assert_int_equal(m, 125);
	/* 0.125 cents rounds up to a whole cent */
	assert_int_equal(credits_price(1, 125, &m), MONEY_OK);
	assert_int_equal(m, 1);
	assert_int_equal(credits_price(0, 125, &m), MONEY_OK);
	assert_int_equal(m, 0);
	assert_int_equal(credits_price(8, 125, &m), MONEY_OK);
	assert_int_equal(m, 1);
	assert_int_equal(credits_price(9, 125, &m), MONEY_OK);
	assert_int_equal(m, 2);
	assert_int_equal(credits_price(400000, 125, &m), MONEY_OK);
	assert_int_equal(m, 50000);
	assert_int_equal(credits_price(1001, 1000, &m), MONEY_OK);
	assert_int_equal(m, 1001);
	assert_int_equal(credits_price(123456, 0, &m), MONEY_OK);
	assert_int_equal(m, 0);
	assert_int_equal(credits_price(1999, 1, &m), MONEY_OK);
	assert_int_equal(m, 2);
	assert_int_equal(credits_price(2000, 1, &m), MONEY_OK);
	assert_int_equal(m, 2);
	assert_int_equal(credits_price(2001, 1, &m), MONEY_OK);
	assert_int_equal(m, 3);
}

static void
test_price_limits(void **state)
{
	int64_t m = 42;

	(void)state;
	assert_int_equal(credits_price(-1, 125, &m), MONEY_ERR_RANGE);
	assert_int_equal(credits_price(1, -125, &m), MONEY_ERR_RANGE);
	assert_int_equal(m, 42);
	/* the product overflows 64 bits but the quotient fits */
	assert_int_equal(credits_price(INT64_MAX, 1000, &m), MONEY_OK);
	assert_true(m == INT64_MAX);
	assert_int_equal(credits_price(INT64_MAX, 999, &m), MONEY_OK);
	assert_true(m == (int64_t)(((__int128)INT64_MAX * 999 + 999) / 1000));
	m = 42;
	assert_int_equal(credits_price(INT64_MAX, 1001, &m), MONEY_ERR_OVERFLOW);
	assert_int_equal(credits_price(INT64_MAX, INT64_MAX, &m), MONEY_ERR_OVERFLOW);
	assert_int_equal(m, 42);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_format_c, reset_locale),
		cmocka_unit_test_teardown(test_format_locales, reset_locale),
		cmocka_unit_test_teardown(test_format_small_buffer, reset_locale),
		cmocka_unit_test(test_price),
		cmocka_unit_test(test_price_limits),
	};

	return cmocka_run_group_tests_name("credits", tests, NULL, NULL);
}
