/* test_money.c: currencies, exact parsing, checked arithmetic, locale-aware formatting. */
#include <config.h>

#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/money.h"

/* Sets a locale for the test, or skips the test where it is not installed. */
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
test_currency_find(void **state)
{
	const struct currency *c;

	(void)state;
	c = currency_find("USD");
	assert_non_null(c);
	assert_string_equal(c->code, "USD");
	assert_int_equal(c->exponent, 2);
	assert_string_equal(c->symbol, "$");
	assert_int_equal(currency_find("JPY")->exponent, 0);
	assert_int_equal(currency_find("KWD")->exponent, 3);
	assert_int_equal(currency_find("BHD")->exponent, 3);
	assert_int_equal(currency_find("EUR")->exponent, 2);
	assert_string_equal(currency_find("EUR")->ascii_symbol, "EUR");
	assert_string_equal(currency_find("GBP")->ascii_symbol, "GBP");
	assert_null(currency_find("usd"));
	assert_null(currency_find("XXX"));
	assert_null(currency_find("US"));
	assert_null(currency_find("USDX"));
	assert_null(currency_find(""));
	assert_null(currency_find(NULL));
}

static void
test_currency_table_complete(void **state)
{
	static const char *const codes[] = { "USD", "EUR", "GBP", "JPY", "KWD", "CHF", "CAD", "AUD",
		"SEK", "NOK", "DKK", "INR", "BRL", "CNY", "BHD" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		const struct currency *c = currency_find(codes[i]);
		const char *p;

		assert_non_null(c);
		assert_string_equal(c->code, codes[i]);
		/* ascii_symbol really is ASCII */
		for (p = c->ascii_symbol; *p; p++)
			assert_true((unsigned char)*p < 0x80);
		assert_true(c->symbol[0] != '\0');
	}
}

static void
test_parse_ok(void **state)
{
	int64_t v = 0;

	(void)state;
	assert_int_equal(money_parse("12.5", "USD", &v), MONEY_OK);
	assert_int_equal(v, 1250);
	assert_int_equal(money_parse("12", "USD", &v), MONEY_OK);
	assert_int_equal(v, 1200);
	assert_int_equal(money_parse("-3.07", "USD", &v), MONEY_OK);
	assert_int_equal(v, -307);
	assert_int_equal(money_parse("0.01", "USD", &v), MONEY_OK);
	assert_int_equal(v, 1);
	assert_int_equal(money_parse("007.10", "EUR", &v), MONEY_OK);
	assert_int_equal(v, 710);
	assert_int_equal(money_parse("-0", "USD", &v), MONEY_OK);
	assert_int_equal(v, 0);
	assert_int_equal(money_parse("1.234", "KWD", &v), MONEY_OK);
	assert_int_equal(v, 1234);
	assert_int_equal(money_parse("1.2", "KWD", &v), MONEY_OK);
	assert_int_equal(v, 1200);
	assert_int_equal(money_parse("12", "JPY", &v), MONEY_OK);
	assert_int_equal(v, 12);
	/* trailing zeros past the exponent lose nothing */
	assert_int_equal(money_parse("12.500", "USD", &v), MONEY_OK);
	assert_int_equal(v, 1250);
	assert_int_equal(money_parse("12.0", "JPY", &v), MONEY_OK);
	assert_int_equal(v, 12);
}

static void
test_parse_precision(void **state)
{
	int64_t v = 42;

	(void)state;
	assert_int_equal(money_parse("0.001", "USD", &v), MONEY_ERR_PRECISION);
	assert_int_equal(money_parse("12.505", "USD", &v), MONEY_ERR_PRECISION);
	assert_int_equal(money_parse("12.5", "JPY", &v), MONEY_ERR_PRECISION);
	assert_int_equal(money_parse("1.2345", "KWD", &v), MONEY_ERR_PRECISION);
	assert_int_equal(money_parse("1.2340", "KWD", &v), MONEY_OK);
	assert_int_equal(v, 1234);
	v = 42;
	assert_int_equal(money_parse("0.0000000000000000000001", "USD", &v), MONEY_ERR_PRECISION);
	assert_int_equal(v, 42);
}

static void
test_parse_syntax(void **state)
{
	static const char *const bad[] = { "", "-", "1,000.00", "1,5", " 12", "12 ", "12.", ".5", "-.5",
		"+5", "--5", "1e3", "12.5.0", "0x10", "12$", "$12", "1 000", "\t1", "12\n", "- 5", "NaN", "inf",
		"１２" };
	int64_t v = 42;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (money_parse(bad[i], "USD", &v) != MONEY_ERR_SYNTAX)
			fail_msg("\"%s\" is not a syntax error", bad[i]);
	assert_int_equal(money_parse(NULL, "USD", &v), MONEY_ERR_SYNTAX);
	assert_int_equal(v, 42);
}

static void
test_parse_currency(void **state)
{
	int64_t v = 42;

	(void)state;
	assert_int_equal(money_parse("12", "XYZ", &v), MONEY_ERR_CURRENCY);
	assert_int_equal(money_parse("12", "usd", &v), MONEY_ERR_CURRENCY);
	assert_int_equal(money_parse("12", NULL, &v), MONEY_ERR_CURRENCY);
	assert_int_equal(v, 42);
}

static void
test_parse_limits(void **state)
{
	int64_t v = 42;

	(void)state;
	assert_int_equal(money_parse("92233720368547758.07", "USD", &v), MONEY_OK);
	assert_int_equal(v, INT64_MAX);
	assert_int_equal(money_parse("-92233720368547758.08", "USD", &v), MONEY_OK);
	assert_true(v == INT64_MIN);
	v = 42;
	assert_int_equal(money_parse("92233720368547758.08", "USD", &v), MONEY_ERR_OVERFLOW);
	assert_int_equal(money_parse("-92233720368547758.09", "USD", &v), MONEY_ERR_OVERFLOW);
	assert_int_equal(money_parse("99999999999999999999999999999", "USD", &v), MONEY_ERR_OVERFLOW);
	assert_int_equal(money_parse("9223372036854775808", "JPY", &v), MONEY_ERR_OVERFLOW);
	assert_int_equal(v, 42);
	assert_int_equal(money_parse("9223372036854775807", "JPY", &v), MONEY_OK);
	assert_int_equal(v, INT64_MAX);
	/* the exponent's scaling alone overflows */
	assert_int_equal(money_parse("9223372036854775807", "USD", &v), MONEY_ERR_OVERFLOW);
}

static void
test_arith(void **state)
{
	int64_t r = 42;

	(void)state;
	assert_int_equal(money_add(1250, -307, &r), MONEY_OK);
	assert_int_equal(r, 943);
	assert_int_equal(money_add(INT64_MAX, 1, &r), MONEY_ERR_OVERFLOW);
	assert_int_equal(money_add(INT64_MIN, -1, &r), MONEY_ERR_OVERFLOW);
	assert_int_equal(r, 943);
	assert_int_equal(money_add(INT64_MAX, INT64_MIN, &r), MONEY_OK);
	assert_int_equal(r, -1);
	assert_int_equal(money_sub(5, 7, &r), MONEY_OK);
	assert_int_equal(r, -2);
	assert_int_equal(money_sub(INT64_MIN, 1, &r), MONEY_ERR_OVERFLOW);
	assert_int_equal(money_sub(0, INT64_MIN, &r), MONEY_ERR_OVERFLOW);
	assert_int_equal(money_mul(1250, 3, &r), MONEY_OK);
	assert_int_equal(r, 3750);
	assert_int_equal(money_mul(-1250, 3, &r), MONEY_OK);
	assert_int_equal(r, -3750);
	assert_int_equal(money_mul(INT64_MAX / 2 + 1, 2, &r), MONEY_ERR_OVERFLOW);
	assert_int_equal(money_mul(INT64_MIN, -1, &r), MONEY_ERR_OVERFLOW);
	assert_int_equal(money_mul(4294967296LL, 4294967296LL, &r), MONEY_ERR_OVERFLOW);
	assert_int_equal(r, -3750);
}

static void
test_strerror(void **state)
{
	(void)state;
	assert_non_null(strstr(money_strerror(MONEY_ERR_PRECISION), "decimal"));
	assert_non_null(strstr(money_strerror(MONEY_ERR_SYNTAX), "not an amount"));
	assert_non_null(strstr(money_strerror(MONEY_ERR_OVERFLOW), "too large"));
	assert_non_null(strstr(money_strerror(MONEY_ERR_CURRENCY), "currency"));
	assert_non_null(strstr(money_strerror(MONEY_ERR_RANGE), "negative"));
	assert_string_not_equal(money_strerror(MONEY_ERR_SYNTAX), money_strerror(MONEY_ERR_PRECISION));
	assert_non_null(money_strerror((enum money_err)99));
}

#define FMT(minor, cur, flags) (assert_int_equal(money_format(buf, sizeof buf, (minor), (cur), (flags)), 0), buf)

static void
test_format_c_locale(void **state)
{
	char buf[64];

	(void)state;
	use_locale("C");
	assert_string_equal(FMT(123450, "USD", 0), "$1,234.50");
	assert_string_equal(FMT(-500, "USD", 0), "-$5.00");
	assert_string_equal(FMT(0, "USD", 0), "$0.00");
	assert_string_equal(FMT(7, "USD", 0), "$0.07");
	assert_string_equal(FMT(-7, "USD", 0), "-$0.07");
	assert_string_equal(FMT(99999, "USD", 0), "$999.99");
	assert_string_equal(FMT(100000000, "USD", 0), "$1,000,000.00");
	assert_string_equal(FMT(1234567, "JPY", 0), "\xc2\xa5" "1,234,567");
	assert_string_equal(FMT(1234, "KWD", 0), "KWD 1.234");
	assert_string_equal(FMT(1250, "CHF", 0), "CHF 12.50");
	assert_string_equal(FMT(-1250, "CHF", 0), "-CHF 12.50");
	assert_string_equal(FMT(1250, "EUR", 0), "\xe2\x82\xac" "12.50");
	assert_string_equal(FMT(1250, "EUR", MONEY_FMT_ASCII), "EUR 12.50");
	assert_string_equal(FMT(1250, "GBP", MONEY_FMT_ASCII), "GBP 12.50");
	assert_string_equal(FMT(1250, "USD", MONEY_FMT_ASCII), "$12.50");
	assert_string_equal(FMT(INT64_MAX, "USD", 0), "$92,233,720,368,547,758.07");
	assert_string_equal(FMT(INT64_MIN, "USD", 0), "-$92,233,720,368,547,758.08");
	/* C.UTF-8 has no LC_MONETARY either: same defaults */
	use_locale("C.UTF-8");
	assert_string_equal(FMT(123450, "USD", 0), "$1,234.50");
}

static void
test_format_plain(void **state)
{
	char buf[64];

	(void)state;
	use_locale("C");
	assert_string_equal(FMT(123450, "USD", MONEY_FMT_PLAIN), "1234.50");
	assert_string_equal(FMT(-307, "USD", MONEY_FMT_PLAIN), "-3.07");
	assert_string_equal(FMT(5, "USD", MONEY_FMT_PLAIN), "0.05");
	assert_string_equal(FMT(1234567, "JPY", MONEY_FMT_PLAIN), "1234567");
	assert_string_equal(FMT(1, "KWD", MONEY_FMT_PLAIN), "0.001");
	assert_string_equal(FMT(INT64_MIN, "JPY", MONEY_FMT_PLAIN), "-9223372036854775808");
	assert_string_equal(FMT(INT64_MIN, "USD", MONEY_FMT_PLAIN | MONEY_FMT_ASCII), "-92233720368547758.08");
}

static void
test_format_plain_roundtrip(void **state)
{
	static const int64_t values[] = { 0, 1, -1, 99, 100, -101, 123456789, INT64_MAX, INT64_MIN };
	static const char *const curs[] = { "USD", "JPY", "KWD" };
	char buf[64];
	size_t i, j;
	int64_t back;

	(void)state;
	for (j = 0; j < 3; j++)
		for (i = 0; i < sizeof values / sizeof values[0]; i++) {
			assert_int_equal(money_format(buf, sizeof buf, values[i], curs[j], MONEY_FMT_PLAIN), 0);
			assert_int_equal(money_parse(buf, curs[j], &back), MONEY_OK);
			assert_true(back == values[i]);
		}
}

static void
test_format_de(void **state)
{
	char buf[64];

	(void)state;
	use_locale("de_DE.UTF-8");
	assert_string_equal(FMT(123450, "EUR", 0), "1.234,50 \xe2\x82\xac");
	assert_string_equal(FMT(-123450, "EUR", 0), "-1.234,50 \xe2\x82\xac");
	assert_string_equal(FMT(123450, "EUR", MONEY_FMT_ASCII), "1.234,50 EUR");
	/* the account's currency, not the locale's */
	assert_string_equal(FMT(123450, "USD", 0), "1.234,50 $");
	/* machine output ignores the locale */
	assert_string_equal(FMT(123450, "EUR", MONEY_FMT_PLAIN), "1234.50");
}

static void
test_format_en_us(void **state)
{
	char buf[64];

	(void)state;
	use_locale("en_US.UTF-8");
	assert_string_equal(FMT(123450, "USD", 0), "$1,234.50");
	assert_string_equal(FMT(-500, "USD", 0), "-$5.00");
	assert_string_equal(FMT(123450, "EUR", 0), "\xe2\x82\xac" "1,234.50");
}

static void
test_format_errors(void **state)
{
	char buf[64], small[9];

	(void)state;
	use_locale("C");
	memset(buf, 'x', sizeof buf);
	assert_int_equal(money_format(buf, sizeof buf, 100, "XYZ", 0), -1);
	assert_string_equal(buf, "");
	assert_int_equal(money_format(buf, sizeof buf, 100, NULL, 0), -1);
	/* "$1,234.50" is 9 bytes: needs 10 */
	assert_int_equal(money_format(small, sizeof small, 123450, "USD", 0), -1);
	assert_string_equal(small, "");
	assert_int_equal(money_format(buf, 10, 123450, "USD", 0), 0);
	assert_string_equal(buf, "$1,234.50");
	assert_int_equal(money_format(buf, 0, 123450, "USD", 0), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_currency_find),
		cmocka_unit_test(test_currency_table_complete),
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_precision),
		cmocka_unit_test(test_parse_syntax),
		cmocka_unit_test(test_parse_currency),
		cmocka_unit_test(test_parse_limits),
		cmocka_unit_test(test_arith),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test_teardown(test_format_c_locale, reset_locale),
		cmocka_unit_test_teardown(test_format_plain, reset_locale),
		cmocka_unit_test(test_format_plain_roundtrip),
		cmocka_unit_test_teardown(test_format_de, reset_locale),
		cmocka_unit_test_teardown(test_format_en_us, reset_locale),
		cmocka_unit_test_teardown(test_format_errors, reset_locale),
	};

	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
