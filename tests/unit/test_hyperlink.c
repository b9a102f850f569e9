/* test_hyperlink.c: which URLs may become OSC 8 links, the exact bytes, and
 * what reaches the terminal after a frame. */
#include <config.h>

#include <curses.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui/hyperlink.h"
#include "ui/theme.h"

static void
test_url_ok(void **state)
{
	char big[HYPERLINK_URL_MAX + 16];

	(void)state;
	assert_true(hyperlink_url_ok("https://billing.example.com/invoices/inv_000031"));
	assert_true(hyperlink_url_ok("http://127.0.0.1:8080/setup/seti_1?a=b&c=d;e"));
	assert_false(hyperlink_url_ok(NULL));
	assert_false(hyperlink_url_ok(""));
	assert_false(hyperlink_url_ok("javascript:alert(1)"));
	assert_false(hyperlink_url_ok("file:///etc/passwd"));
	assert_false(hyperlink_url_ok("HTTPS//x"));
	/* Anything that could end the sequence early or smuggle another one. */
	assert_false(hyperlink_url_ok("https://x/\x1b\\\x1b]8;;https://evil/\x1b\\"));
	assert_false(hyperlink_url_ok("https://x/\x07"));
	assert_false(hyperlink_url_ok("https://x/a b"));
	assert_false(hyperlink_url_ok("https://x/\x7f"));
	assert_false(hyperlink_url_ok("https://x/\xc3\xa4"));
	assert_false(hyperlink_url_ok("https://x/\xc2\x9c"));
	memcpy(big, "https://", 8);
	memset(big + 8, 'a', sizeof big - 9);
	big[sizeof big - 1] = '\0';
	assert_false(hyperlink_url_ok(big));
}

static void
test_format(void **state)
{
	char buf[256];
	const char *want = "\x1b]8;;https://b.example/i/1\x1b\\Open\x1b]8;;\x1b\\";

	(void)state;
	assert_int_equal(hyperlink_format(buf, sizeof buf, "https://b.example/i/1", "Open"), (int)strlen(want));
	assert_string_equal(buf, want);
	assert_int_equal(hyperlink_format(buf, 10, "https://b.example/i/1", "Open"), -1);
	assert_int_equal(hyperlink_format(buf, sizeof buf, "https://b.example/\x1b", "Open"), -1);
}

static void
test_registry(void **state)
{
	int i;

	(void)state;
	hyperlink_reset();
	assert_int_equal(hyperlink_count(), 0);
	assert_int_equal(hyperlink_add(1, 2, ST_LINK, "https://a.example/", "https://a.example/"), 0);
	assert_int_equal(hyperlink_add(1, 2, ST_LINK, "ftp://a.example/", "x"), -1);
	assert_int_equal(hyperlink_add(-1, 2, ST_LINK, "https://a.example/", "x"), -1);
	assert_int_equal(hyperlink_count(), 1);
	for (i = 1; i < HYPERLINK_MAX; i++)
		assert_int_equal(hyperlink_add(0, i, ST_LINK, "https://a.example/", "x"), 0);
	assert_int_equal(hyperlink_add(0, 0, ST_LINK, "https://a.example/", "x"), -1);
	hyperlink_reset();
	assert_int_equal(hyperlink_count(), 0);
}

/* A dialog or the help box hides the links under it, and only those. */
static void
test_drop_in(void **state)
{
	(void)state;
	hyperlink_reset();
	/* 10 columns wide at (5, 3): columns 5-14 */
	assert_int_equal(hyperlink_add(5, 3, ST_LINK, "https://a.example/", "https://ab"), 0);
	assert_int_equal(hyperlink_add(0, 4, ST_LINK, "https://b.example/", "left"), 0);
	assert_int_equal(hyperlink_add(30, 4, ST_LINK, "https://c.example/", "right"), 0);
	assert_int_equal(hyperlink_add(12, 9, ST_LINK, "https://d.example/", "below"), 0);
	/* the box: columns 14-29, rows 2-8 */
	assert_int_equal(hyperlink_drop_in(14, 2, 16, 7), 1);
	assert_int_equal(hyperlink_count(), 3);
	/* what is left keeps its order; a box over "left" takes it too */
	assert_int_equal(hyperlink_drop_in(3, 4, 1, 1), 1);
	assert_int_equal(hyperlink_count(), 2);
	assert_int_equal(hyperlink_drop_in(0, 0, 80, 24), 2);
	assert_int_equal(hyperlink_count(), 0);
	hyperlink_reset();
}

static char *
slurp(FILE *f)
{
	long n;
	char *s;

	fflush(f);
	n = ftell(f);
	assert_true(n >= 0);
	s = calloc(1, (size_t)n + 1);
	assert_non_null(s);
	rewind(f);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	return s;
}

/* Around a real curses screen (xterm's terminfo, output to a file): the link
 * is written at its place inside save/restore cursor, and nothing without
 * a frame's registration. */
static void
test_flush(void **state)
{
	FILE *out = tmpfile(), *in = fopen("/dev/null", "r");
	SCREEN *scr;
	char *s, *p;
	const char *url = "https://billing.example.com/setup/seti_9";

	(void)state;
	assert_non_null(out);
	assert_non_null(in);
	unsetenv("BILLTOP_NO_HYPERLINKS");
	setenv("TERM", "xterm", 1);
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	scr = newterm("xterm", out, in);
	assert_non_null(scr);
	assert_true(hyperlink_supported());
	refresh();
	fflush(out);
	assert_int_equal(fseek(out, 0, SEEK_END), 0);
	{
		long start = ftell(out);

		hyperlink_reset();
		assert_int_equal(hyperlink_flush(out), 0);
		assert_int_equal(hyperlink_add(4, 2, ST_LINK, url, url), 0);
		assert_int_equal(hyperlink_flush(out), 1);
		s = slurp(out);
		p = s + start;
	}
	/* DECSC, then the cursor to row 3, column 5 (1-based), then the link. */
	assert_non_null(strstr(p, "\x1b" "7"));
	assert_non_null(strstr(p, "\x1b[3;5H"));
	assert_true(strstr(p, "\x1b" "7") < strstr(p, "\x1b[3;5H"));
	assert_non_null(strstr(p, "\x1b]8;;https://billing.example.com/setup/seti_9\x1b\\"
	                          "https://billing.example.com/setup/seti_9\x1b]8;;\x1b\\"));
	assert_non_null(strstr(p, "\x1b" "8"));
	assert_true(strstr(p, "\x1b]8;;\x1b\\") < strstr(p, "\x1b" "8"));
	free(s);
	/* Switched off on request. */
	setenv("BILLTOP_NO_HYPERLINKS", "1", 1);
	assert_false(hyperlink_supported());
	assert_int_equal(hyperlink_flush(out), 0);
	unsetenv("BILLTOP_NO_HYPERLINKS");
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	hyperlink_reset();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_ok),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_drop_in),
		cmocka_unit_test(test_flush),
	};

	return cmocka_run_group_tests_name("hyperlink", tests, NULL, NULL);
}
