/* test_decimal.c: decimal_scaled converts JSON number text exactly, never through a double. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/decimal.h"

static int64_t
ok(const char *s, int scale)
{
	int64_t v = 0;

	assert_int_equal(decimal_scaled(s, scale, &v), DECIMAL_OK);
	return v;
}

static void
test_plain(void **state)
{
	(void)state;
	assert_true(ok("0", 6) == 0);
	assert_true(ok("-0", 6) == 0);
	assert_true(ok("12.5", 2) == 1250);
	assert_true(ok("12.50", 2) == 1250);
	assert_true(ok("-3.07", 2) == -307);
	assert_true(ok("1234", 0) == 1234);
	assert_true(ok("0.000001", 6) == 1);
}

/* Values a double cannot hold exactly. */
static void
test_not_a_double(void **state)
{
	(void)state;
	/* 0.1 + 0.2 as a double is 0.30000000000000004; the text is what counts. */
	assert_true(ok("0.30000000000000004", 6) == 300000);
	/* OpenAI style artefact: rounds once, at the scale. */
	assert_true(ok("0.06345600000000001", 6) == 63456);
	/* 2^53 + 1 is not a double; at scale 0 and 2 it stays exact. */
	assert_true(ok("9007199254740993", 0) == INT64_C(9007199254740993));
	assert_true(ok("90071992547409.93", 2) == INT64_C(9007199254740993));
	/* 17 significant digits with micro-units. */
	assert_true(ok("12345678901.234567", 6) == INT64_C(12345678901234567));
	assert_true(ok("9223372036854.775807", 6) == INT64_MAX);
	assert_true(ok("-9223372036854.775808", 6) == INT64_MIN);
}

static void
test_rounding(void **state)
{
	(void)state;
	assert_true(ok("0.0000005", 6) == 1);
	assert_true(ok("0.00000049999", 6) == 0);
	assert_true(ok("-0.0000005", 6) == -1);
	assert_true(ok("2.345", 2) == 235);
	assert_true(ok("-2.345", 2) == -235);
	assert_true(ok("2.3449999999999999", 2) == 234);
}

static void
test_exponent(void **state)
{
	(void)state;
	assert_true(ok("1e-05", 6) == 10);
	assert_true(ok("1.5E+2", 2) == 15000);
	assert_true(ok("5e-7", 6) == 1);
	assert_true(ok("5e-8", 6) == 0);
	assert_true(ok("1e-99999999", 6) == 0);
	assert_true(ok("123e0", 0) == 123);
}

static void
test_refused(void **state)
{
	int64_t v = 42;

	(void)state;
	assert_int_equal(decimal_scaled("", 6, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled("+1", 6, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled("01", 6, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled("1.", 6, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled(".5", 6, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled("1e", 6, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled("1 ", 6, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled("NaN", 6, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled("1", 19, &v), DECIMAL_ERR_SYNTAX);
	assert_int_equal(decimal_scaled("9223372036854.775808", 6, &v), DECIMAL_ERR_OVERFLOW);
	assert_int_equal(decimal_scaled("1e30", 0, &v), DECIMAL_ERR_OVERFLOW);
	assert_int_equal(decimal_scaled("1e99999999", 6, &v), DECIMAL_ERR_OVERFLOW);
	assert_true(v == 42);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_not_a_double),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_exponent),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
