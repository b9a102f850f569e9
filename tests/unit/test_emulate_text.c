/* test_emulate_text.c: billtopd's exact decimal text and page cursors for --emulate. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "server/emulate_text.h"

/* The text of v at scale, through a fresh builder. */
static char *
dec(int64_t v, int scale)
{
	struct sb b = { 0 };

	sb_decimal(&b, v, scale);
	assert_false(b.failed);
	return b.p;
}

static void
expect_dec(int64_t v, int scale, const char *want)
{
	char *got = dec(v, scale);

	assert_string_equal(got, want);
	free(got);
}

static void
test_decimal_exact(void **state)
{
	(void)state;
	expect_dec(60000, 6, "0.06");          /* OpenAI's reference example: $0.06 */
	expect_dec(500000000, 6, "500");       /* trailing zeros dropped, no point */
	expect_dec(16763750, 6, "16.76375");   /* a fraction of a cent */
	expect_dec(1, 6, "0.000001");
	expect_dec(0, 6, "0");
	expect_dec(-15, 1, "-1.5");
	expect_dec(16763750, 4, "1676.375");   /* Anthropic: cents */
	/* 2^53 + 1 micro-dollars: a double holds ...992, the text is exact. */
	expect_dec(INT64_C(9007199254740993), 6, "9007199254.740993");
	expect_dec(INT64_MAX, 6, "9223372036854.775807");
	expect_dec(INT64_MIN, 6, "-9223372036854.775808");
	expect_dec(7, 0, "7");
}

static void
test_decimal_bad_scale(void **state)
{
	struct sb b = { 0 };

	(void)state;
	sb_decimal(&b, 1, 19);
	assert_true(b.failed);
	free(b.p);
}

static void
test_json_text(void **state)
{
	struct sb b = { 0 };

	(void)state;
	sb_add(&b, "{\"a\":");
	sb_str(&b, "x\"y\n\x1b");
	sb_add(&b, ",\"b\":");
	sb_str(&b, NULL);
	sb_addf(&b, ",\"c\":%d}", 42);
	assert_false(b.failed);
	assert_string_equal(b.p, "{\"a\":\"x\\\"y\\n\\u001B\",\"b\":null,\"c\":42}");
	assert_int_equal(b.len, strlen(b.p));
	free(b.p);
}

static void
test_cursor_round_trip(void **state)
{
	static const char *const texts[] = { "1793491200", "2026-11-01T00:00:00Z", "a", "ab", "abc" };
	char cur[64], back[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		assert_int_equal(emu_cursor_make(texts[i], cur, sizeof cur), 0);
		assert_int_equal(strncmp(cur, "page_", 5), 0);
		assert_int_equal(emu_cursor_read(cur, back, sizeof back), 0);
		assert_string_equal(back, texts[i]);
	}
	/* Anthropic's documented shape: base64 of an RFC 3339 instant. */
	assert_int_equal(emu_cursor_make("2025-05-14T00:00:00Z", cur, sizeof cur), 0);
	assert_string_equal(cur, "page_MjAyNS0wNS0xNFQwMDowMDowMFo=");
}

static void
test_cursor_refused(void **state)
{
	char back[64], small[8];

	(void)state;
	assert_int_equal(emu_cursor_read("nonsense", back, sizeof back), -1);
	assert_int_equal(emu_cursor_read("page_", back, sizeof back), -1);
	assert_int_equal(emu_cursor_read("page_abc", back, sizeof back), -1);   /* not a multiple of 4 */
	assert_int_equal(emu_cursor_read("page_a=bc", back, sizeof back), -1);  /* padding inside */
	assert_int_equal(emu_cursor_read("page_****", back, sizeof back), -1);
	assert_int_equal(emu_cursor_read("page_AAAA", back, sizeof back), -1);  /* NUL bytes inside */
	assert_int_equal(emu_cursor_read("page_MTc5MzQ5MTIwMA==", small, sizeof small), -1);
	assert_int_equal(emu_cursor_make("1793491200", small, sizeof small), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decimal_exact),
		cmocka_unit_test(test_decimal_bad_scale),
		cmocka_unit_test(test_json_text),
		cmocka_unit_test(test_cursor_round_trip),
		cmocka_unit_test(test_cursor_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
