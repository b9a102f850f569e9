/* test_text.c: terminal sanitising, safe file names, display width and fitting. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/text.h"

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

struct sanitize_case {
	const char *in;
	const char *out;
};

static const struct sanitize_case sanitize_cases[] = {
	{ "", "" },
	{ "hello", "hello" },
	{ "Pro plan (monthly)", "Pro plan (monthly)" },
	/* C0: TAB and NEWLINE become a space, the rest go */
	{ "a\tb\nc", "a b c" },
	{ "a\rb\x01" "c\x7f" "d\x08", "abcd" },
	{ "\a\f\v", "" },
	/* escape sequences, whole */
	{ "\x1b[31mred\x1b[0m", "red" },
	{ "\x1b[?25lhidden cursor", "hidden cursor" },
	{ "x\x1b[2J\x1b[1;1Hy", "xy" },
	{ "\x1b[38;2;255;0;0mrgb", "rgb" },
	{ "\x1b]0;pwned title\x07" "after", "after" },
	{ "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link" },
	{ "\x1b]52;c;ZXZpbA==\x07paste", "paste" },
	{ "\x1bPq#0;2;0;0;0#0~~\x1b\\x", "x" },
	{ "\x1b_apc payload\x1b\\y", "y" },
	{ "\x1bXsos\x1b\\z", "z" },
	{ "\x1b^pm\x1b\\w", "w" },
	/* DCS does not end at BEL */
	{ "\x1bPdata\x07more\x1b\\v", "v" },
	/* unterminated string sequences swallow the rest */
	{ "ok\x1b]0;no end", "ok" },
	{ "ok\x1bPno end", "ok" },
	/* unterminated CSI: what follows the parameters is kept */
	{ "a\x1b[12", "a" },
	/* two-byte and charset escapes */
	{ "a\x1b" "cb", "ab" },
	{ "a\x1b" "7b\x1b" "8", "ab" },
	{ "a\x1b(Bb", "ab" },
	{ "a\x1b", "a" },
	{ "\x1b\x1b[1mbold", "bold" },
	{ "a\x1b\nb", "a b" },
	/* C1: raw bytes outside UTF-8 are dropped, encoded U+0080..U+009F too */
	/* a C1 CSI (raw or U+009B) takes its parameters with it, as ESC [ does */
	{ "\x9b" "31mx", "x" },
	{ "\xc2\x9b" "31mx", "x" },
	{ "a\xc2\x85" "b\xc2\x80" "c\xc2\x9f", "abc" },
	/* a C1 DCS or OSC opens a string: to ST (raw, U+009C or ESC \\) or the end */
	{ "a\x90" "b\x9d" "c", "a" },
	{ "a\xc2\x9d" "0;title\x07" "b", "ab" },
	{ "a\xc2\x90" "q\xc2\x9c" "b", "ab" },
	{ "a\x9f" "apc\x9c" "b", "ab" },
	/* every hidden format character (Cf): bidi marks, BOM, word joiner, soft hyphen, tags */
	{ "a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d", "abcd" },
	{ "\xef\xbb\xbf" "a\xe2\x81\xa0" "b\xc2\xad" "c\xf3\xa0\x80\x81" "d", "abcd" },
	/* ...but not ZWNJ and ZWJ (shaping, emoji), nor a visible Arabic number sign */
	{ "a\xe2\x80\x8c" "b\xe2\x80\x8d" "c\xd8\x80", "a\xe2\x80\x8c" "b\xe2\x80\x8d" "c\xd8\x80" },
	/* valid UTF-8 is kept */
	{ "caf\xc3\xa9", "caf\xc3\xa9" },
	{ "\xe2\x82\xac" "12", "\xe2\x82\xac" "12" },
	{ "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80" },
	{ "\xc2\xa0nbsp", "\xc2\xa0nbsp" },
	{ "\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf" },
	{ "\xed\x9f\xbf", "\xed\x9f\xbf" },
	/* bidi overrides and isolates */
	{ "invoice\xe2\x80\xae" "fdp.exe", "invoicefdp.exe" },
	{ "\xe2\x80\xaa" "a\xe2\x80\xab" "b\xe2\x80\xac" "c\xe2\x80\xad" "d", "abcd" },
	{ "\xe2\x81\xa6" "a\xe2\x81\xa7" "b\xe2\x81\xa8" "c\xe2\x81\xa9", "abc" },
	/* U+2029 and U+2065 are neighbours, not bidi controls */
	{ "\xe2\x80\xa9\xe2\x81\xa5", "\xe2\x80\xa9\xe2\x81\xa5" },
	/* invalid UTF-8: '?' per byte (bytes 0x80-0x9F are C1 and vanish) */
	{ "\xff", "?" },
	{ "a\xfe" "b", "a?b" },
	{ "\xc0\xaf", "??" },
	{ "\xc1\xbf", "??" },
	{ "\xe0\x80\xaf", "??" },
	{ "\xed\xa0\x80", "??" },
	{ "\xed\xbf\xbf", "???" },
	{ "\xf4\x90\x80\x80", "?" },
	{ "\xf5\xa0\xa0\xa0", "????" },
	{ "\xf0\x8f\xbf\xbf", "???" },
	{ "\xe2\x82", "?" },
	{ "\xe2\x82" "A", "?A" },
	{ "\xc3", "?" },
	{ "\xa0", "?" },
	{ "\xc3\xa9\xc3", "\xc3\xa9?" },
};

static void
test_sanitize_cases(void **state)
{
	char buf[256];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof sanitize_cases / sizeof sanitize_cases[0]; i++) {
		assert_true(strlen(sanitize_cases[i].in) < sizeof buf);
		memcpy(buf, sanitize_cases[i].in, strlen(sanitize_cases[i].in) + 1);
		n = text_sanitize(buf);
		if (strcmp(buf, sanitize_cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, buf, sanitize_cases[i].out);
		assert_int_equal(n, strlen(buf));
	}
}

/* Well-formed UTF-8 without controls, C1, ESC or bidi controls. */
static int
is_safe(const unsigned char *s)
{
	while (*s) {
		uint32_t cp;
		int len, i;

		if (*s < 0x20 || *s == 0x7f)
			return 0;
		if (*s < 0x80) {
			s++;
			continue;
		}
		if (*s >= 0xc2 && *s <= 0xdf) {
			len = 2;
			cp = *s & 0x1f;
		} else if (*s >= 0xe0 && *s <= 0xef) {
			len = 3;
			cp = *s & 0x0f;
		} else if (*s >= 0xf0 && *s <= 0xf4) {
			len = 4;
			cp = *s & 0x07;
		} else {
			return 0;
		}
		for (i = 1; i < len; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
			return 0;
		s += len;
	}
	return 1;
}

static void
test_sanitize_random(void **state)
{
	/* bytes weighted towards the interesting ones */
	static const unsigned char pool[] = { 0x1b, '[', ']', '\\', 0x07, 'P', '_', 'm', '1', ';', 'a', 0x9b,
		0x9c, 0xc2, 0x80, 0x9f, 0xe2, 0x80, 0xae, 0x81, 0xa6, 0xed, 0xa0, 0xf0, 0xf4, 0x90, 0xbf, 0xff,
		'\n', '\t', 0x7f, 0x01, 0xc3, 0xa9 };
	unsigned char buf[64];
	uint32_t seed = 12345;
	size_t before, after;
	int iter, i;

	(void)state;
	assert_true(is_safe((const unsigned char *)"caf\xc3\xa9 \xe2\x82\xac"));
	assert_false(is_safe((const unsigned char *)"\x1b[m"));
	for (iter = 0; iter < 20000; iter++) {
		int len = (int)(seed % 40);

		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = pool[(seed >> 16) % sizeof pool];
			if (buf[i] == 0)
				buf[i] = 'x';
		}
		buf[len] = '\0';
		before = strlen((char *)buf);
		after = text_sanitize((char *)buf);
		assert_true(after <= before);
		assert_int_equal(after, strlen((char *)buf));
		if (!is_safe(buf))
			fail_msg("unsafe output after %d iterations", iter);
		/* sanitising is idempotent */
		assert_int_equal(text_sanitize((char *)buf), after);
		seed = seed * 1103515245u + 12345u;
	}
}

static void
check_name(const char *in, size_t n, const char *want)
{
	char out[256];

	memset(out, 'Z', sizeof out);
	assert_int_equal(text_safe_filename(in, out, n), 0);
	if (strcmp(out, want) != 0)
		fail_msg("\"%s\": got \"%s\", want \"%s\"", in ? in : "(null)", out, want);
}

static void
test_safe_filename(void **state)
{
	char out[256], big[400];
	const char *hostile[] = { "../../etc/passwd", "..", ".", "...", "....", "/", "a/../b", "..\\..\\x",
		".hidden", "-rf", "a..b", "CON", "inv\n\r\t", ("\xe2\x80\xae" "fdp.exe"), "" };
	size_t i, k;

	(void)state;
	check_name("INV-2026-0001", 256, "INV-2026-0001");
	check_name("in_v.2026.pdf", 256, "in_v.2026.pdf");
	check_name("a b/c\\d", 256, "a_b_c_d");
	check_name("facture n\xc2\xb0" "12", 256, "facture_n__12");
	check_name("", 256, "_");
	check_name(NULL, 256, "_");
	check_name(".", 256, "_");
	check_name("..", 256, "_.");
	check_name("...", 256, "_._");
	check_name("../../etc/passwd", 256, "_._.__etc_passwd");
	check_name("a..b", 256, "a._b");
	check_name(".hidden", 256, "_hidden");
	check_name("-rf", 256, "_rf");
	check_name("x-1", 256, "x-1");
	/* bounded to min(n - 1, 100) */
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(text_safe_filename(big, out, sizeof out), 0);
	assert_int_equal(strlen(out), 100);
	assert_int_equal(text_safe_filename(big, out, 50), 0);
	assert_int_equal(strlen(out), 49);
	assert_int_equal(text_safe_filename(big, out, 16), 0);
	assert_int_equal(strlen(out), 15);
	assert_int_equal(text_safe_filename("x", out, 15), -1);
	assert_int_equal(text_safe_filename("x", out, 0), -1);
	/* whatever comes in: only safe bytes, no leading '.', no "..", never empty */
	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		assert_int_equal(text_safe_filename(hostile[i], out, 64), 0);
		assert_true(out[0] != '\0');
		assert_true(out[0] != '.');
		assert_true(out[0] != '-');
		assert_null(strstr(out, ".."));
		for (k = 0; out[k]; k++)
			assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-", out[k]));
	}
}

static void
test_utf8_locale(void **state)
{
	(void)state;
	use_locale("C");
	assert_false(text_utf8_locale());
	use_locale("C.UTF-8");
	assert_true(text_utf8_locale());
}

static void
test_width(void **state)
{
	(void)state;
	use_locale("C.UTF-8");
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("caf\xc3\xa9"), 4);
	assert_int_equal(text_width("\xe2\x82\xac" "5"), 2);
	/* wide CJK */
	assert_int_equal(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	/* e + COMBINING ACUTE ACCENT */
	assert_int_equal(text_width("e\xcc\x81"), 1);
	/* invalid bytes: one column each */
	assert_int_equal(text_width("a\xff\xfe" "b"), 4);
	assert_int_equal(text_width("\xe2\x82"), 2);
	/* the C locale counts UTF-8 as the canvas draws it ('?' per column) */
	use_locale("C");
	assert_int_equal(text_width("caf\xc3\xa9"), 4);
}

static size_t
fit(const char *s, int cols, size_t n, char *out)
{
	size_t len = text_fit(s, cols, out, n);

	assert_int_equal(len, strlen(out));
	return len;
}

static void
test_fit_utf8(void **state)
{
	char out[64];

	(void)state;
	use_locale("C.UTF-8");
	assert_int_equal(fit("hello", 5, sizeof out, out), 5);
	assert_string_equal(out, "hello");
	fit("hello", 10, sizeof out, out);
	assert_string_equal(out, "hello");
	assert_int_equal(fit("hello world", 5, sizeof out, out), 7);
	assert_string_equal(out, "hell\xe2\x80\xa6");
	assert_int_equal(text_width(out), 5);
	fit("hello", 4, sizeof out, out);
	assert_string_equal(out, "hel\xe2\x80\xa6");
	fit("hello", 1, sizeof out, out);
	assert_string_equal(out, "\xe2\x80\xa6");
	assert_int_equal(fit("hello", 0, sizeof out, out), 0);
	assert_string_equal(out, "");
	assert_int_equal(fit("hello", -3, sizeof out, out), 0);
	/* never half a wide character */
	fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, sizeof out, out);
	assert_string_equal(out, "\xe6\x97\xa5\xe2\x80\xa6");
	fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, sizeof out, out);
	assert_string_equal(out, "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6");
	fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6, sizeof out, out);
	assert_string_equal(out, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	/* a combining mark stays with its base */
	fit("e\xcc\x81xyz", 2, sizeof out, out);
	assert_string_equal(out, "e\xcc\x81\xe2\x80\xa6");
	/* never half a multibyte character when the buffer is the limit */
	fit("\xc3\xa9\xc3\xa9\xc3\xa9", 10, 6, out);
	assert_string_equal(out, "\xc3\xa9\xe2\x80\xa6");
	fit("hello", 10, 4, out);
	assert_string_equal(out, "\xe2\x80\xa6");
	fit("hello", 10, 3, out);
	assert_string_equal(out, "he");
	assert_int_equal(text_fit("hello", 10, out, 0), 0);
}

static void
test_fit_ascii(void **state)
{
	char out[64];

	(void)state;
	use_locale("C");
	fit("hello world", 5, sizeof out, out);
	assert_string_equal(out, "hell~");
	fit("hello", 5, sizeof out, out);
	assert_string_equal(out, "hello");
	fit("hello", 10, 4, out);
	assert_string_equal(out, "he~");
	fit("caf\xc3\xa9!", 5, sizeof out, out);
	assert_string_equal(out, "caf\xc3\xa9!");
	fit("caf\xc3\xa9!!", 5, sizeof out, out);
	assert_string_equal(out, "caf\xc3\xa9~");
}

/* Grapheme clusters: what terminals draw, in the columns they draw it. */
#define FAMILY "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
#define FLAG_DE "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"
#define THUMB_TONE "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"
#define HEART_VS16 "\xe2\x9d\xa4\xef\xb8\x8f"

static void
test_grapheme_width(void **state)
{
	char out[64];

	(void)state;
	use_locale("C.UTF-8");
	/* a ZWJ family, a flag, a skin-toned emoji: 2 columns each */
	assert_int_equal(text_width("a" FAMILY "b"), 4);
	assert_int_equal(text_width(FLAG_DE), 2);
	assert_int_equal(text_width(FLAG_DE FLAG_DE), 4);
	assert_int_equal(text_width(THUMB_TONE), 2);
	/* a presentation selector adds nothing */
	assert_int_equal(text_width(HEART_VS16), 1);
	/* combining marks, several, and CJK */
	assert_int_equal(text_width("e\xcc\x81\xcc\xa7x"), 2);
	assert_int_equal(text_width("\xe4\xb8\xad\xe6\x96\x87"), 4);
	/* hidden format characters take no column */
	assert_int_equal(text_width("a\xe2\x80\x8f" "b"), 2);
	/* cutting keeps whole clusters: never half a flag or a lone joiner */
	fit("ab" FAMILY "cd", 4, sizeof out, out);
	assert_string_equal(out, "ab\xe2\x80\xa6");
	fit("ab" FAMILY "cd", 5, sizeof out, out);
	assert_string_equal(out, "ab" FAMILY "\xe2\x80\xa6");
	fit(FLAG_DE FLAG_DE "x", 4, sizeof out, out);
	assert_string_equal(out, FLAG_DE "\xe2\x80\xa6");
	fit("e\xcc\x81" "abc", 2, sizeof out, out);
	assert_string_equal(out, "e\xcc\x81\xe2\x80\xa6");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_cases),
		cmocka_unit_test(test_sanitize_random),
		cmocka_unit_test(test_safe_filename),
		cmocka_unit_test_teardown(test_utf8_locale, reset_locale),
		cmocka_unit_test_teardown(test_width, reset_locale),
		cmocka_unit_test_teardown(test_fit_utf8, reset_locale),
		cmocka_unit_test_teardown(test_fit_ascii, reset_locale),
		cmocka_unit_test_teardown(test_grapheme_width, reset_locale),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
