/* test_canvas.c: the off-screen canvas, glyph sets and drawing widgets. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <curses.h>

#include "ui/canvas.h"
#include "ui/glyphs.h"
#include "ui/theme.h"
#include "ui/widgets.h"

/* The canvas as text (canvas_write into memory); caller frees. */
static char *
dump(const struct canvas *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(canvas_write(c, f), 0);
	fclose(f);
	return buf;
}

static void
expect_dump(const struct canvas *c, const char *want)
{
	char *got = dump(c);

	assert_string_equal(got, want);
	free(got);
}

static void
test_new_rejects_bad_sizes(void **state)
{
	(void)state;
	assert_null(canvas_new(0, 5, 1));
	assert_null(canvas_new(5, 0, 1));
	assert_null(canvas_new(-1, -1, 0));
}

static void
test_text_and_clipping(void **state)
{
	struct canvas *c = canvas_new(6, 2, 1);

	(void)state;
	assert_int_equal(canvas_text(c, 1, 0, -1, ST_BOLD, "abc"), 3);
	assert_string_equal(canvas_at(c, 1, 0)->ch, "a");
	assert_int_equal(canvas_at(c, 1, 0)->style, ST_BOLD);
	/* Runs off the right edge: clipped, no error, columns still counted. */
	canvas_text(c, 4, 1, -1, 0, "xyz");
	/* max_cols limits what is drawn. */
	assert_int_equal(canvas_text(c, 0, 1, 2, 0, "hello"), 2);
	/* Outside rows and negative x are clipped. */
	canvas_text(c, 0, 5, -1, 0, "nope");
	canvas_text(c, -2, 0, -1, 0, "..Q");
	assert_null(canvas_at(c, 6, 0));
	assert_null(canvas_at(c, 0, -1));
	expect_dump(c, "Qabc\nhe  xy\n");
	canvas_free(c);
}

static void
test_utf8_wide_and_combining(void **state)
{
	struct canvas *c = canvas_new(8, 1, 1);

	(void)state;
	/* "日本" is two double-width characters: four columns. */
	assert_int_equal(canvas_text_width(c, "\xe6\x97\xa5\xe6\x9c\xac"), 4);
	assert_int_equal(canvas_text(c, 0, 0, -1, 0, "\xe6\x97\xa5\xe6\x9c\xac" "e\xcc\x81"), 5);
	assert_true(canvas_at(c, 0, 0)->wide);
	assert_string_equal(canvas_at(c, 1, 0)->ch, "");
	/* The combining accent joins the 'e' in one cell. */
	assert_string_equal(canvas_at(c, 4, 0)->ch, "e\xcc\x81");
	/* Overwriting the right half of a wide character blanks its left half. */
	canvas_text(c, 1, 0, -1, 0, "x");
	assert_string_equal(canvas_at(c, 0, 0)->ch, " ");
	assert_false(canvas_at(c, 0, 0)->wide);
	expect_dump(c, " x\xe6\x9c\xac" "e\xcc\x81\n");
	canvas_free(c);
}

#define FAMILY "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
#define MAN "\xf0\x9f\x91\xa8"
#define FLAG_DE "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"
#define THUMB "\xf0\x9f\x91\x8d"

static void
test_grapheme_clusters(void **state)
{
	struct canvas *c = canvas_new(12, 1, 1);

	(void)state;
	/* a ZWJ family is one 2-column cell, drawn as its first emoji (what every
	 * terminal draws in 2 columns); the text after it lands where terminals put it */
	assert_int_equal(canvas_text(c, 0, 0, -1, 0, FAMILY "|" FLAG_DE "|" THUMB "\xf0\x9f\x8f\xbd|"), 9);
	assert_string_equal(canvas_at(c, 0, 0)->ch, MAN);
	assert_true(canvas_at(c, 0, 0)->wide);
	assert_string_equal(canvas_at(c, 2, 0)->ch, "|");
	/* a flag stays whole */
	assert_string_equal(canvas_at(c, 3, 0)->ch, FLAG_DE);
	assert_string_equal(canvas_at(c, 5, 0)->ch, "|");
	/* the skin tone is left out, its thumb kept */
	assert_string_equal(canvas_at(c, 6, 0)->ch, THUMB);
	assert_string_equal(canvas_at(c, 8, 0)->ch, "|");
	/* a cluster that does not fit whole is not drawn at all */
	canvas_clear(c);
	assert_int_equal(canvas_text(c, 0, 0, 3, 0, "a" FAMILY), 3);
	assert_int_equal(canvas_text(c, 0, 0, 2, 0, "a" FLAG_DE), 1);
	/* bidi marks and escapes (with their parameters) never reach the grid */
	canvas_clear(c);
	assert_int_equal(canvas_text(c, 0, 0, -1, 0, "a\xe2\x80\x8f" "b\x1b[31mc\xc2\x9b" "1md"), 4);
	expect_dump(c, "abcd\n");
	canvas_free(c);
}

static void
test_wide_at_right_edge(void **state)
{
	struct canvas *c = canvas_new(3, 1, 1);

	(void)state;
	canvas_text(c, 2, 0, -1, 0, "\xe6\x97\xa5");
	assert_string_equal(canvas_at(c, 2, 0)->ch, " ");
	/* max_cols that would split a wide character stops before it. */
	assert_int_equal(canvas_text(c, 0, 0, 1, 0, "\xe6\x97\xa5"), 0);
	canvas_free(c);
}

static void
test_ascii_canvas_never_emits_high_bytes(void **state)
{
	struct canvas *c = canvas_new(12, 1, 0);
	char *out;
	size_t i;

	(void)state;
	canvas_text(c, 0, 0, -1, 0, "\xe2\x82\xac" "5 \xe6\x97\xa5 \xff!");
	out = dump(c);
	for (i = 0; out[i]; i++)
		assert_true((unsigned char)out[i] < 0x80);
	/* '?' per column: the wide character keeps its two columns. */
	assert_string_equal(out, "?5 ?? ?!\n");
	free(out);
	canvas_free(c);
}

static void
test_invalid_utf8_is_replaced(void **state)
{
	struct canvas *c = canvas_new(8, 1, 1);

	(void)state;
	/* A raw C1 byte (dropped, as the sanitiser does) and an overlong encoding. */
	canvas_text(c, 0, 0, -1, 0, "a\x80" "b\xc0\xaf");
	expect_dump(c, "ab??\n");
	canvas_clear(c);
	/* A lone continuation byte above the C1 range. */
	canvas_text(c, 0, 0, -1, 0, "a\xa0" "b");
	expect_dump(c, "a?b\n");
	canvas_free(c);
}

static void
test_fill_style_clear(void **state)
{
	struct canvas *c = canvas_new(4, 2, 1);

	(void)state;
	canvas_fill(c, 1, 0, 2, 2, ST_ALERT, "#");
	expect_dump(c, " ##\n ##\n");
	canvas_style(c, 0, 1, 4, ST_SELECTED);
	assert_int_equal(canvas_at(c, 3, 1)->style, ST_SELECTED);
	assert_string_equal(canvas_at(c, 1, 1)->ch, "#");
	assert_int_equal(canvas_rows_used(c), 2);
	canvas_clear(c);
	assert_int_equal(canvas_rows_used(c), 0);
	assert_int_equal(canvas_at(c, 1, 1)->style, ST_NORMAL);
	canvas_free(c);
}

static void
test_cell_equal(void **state)
{
	struct canvas *a = canvas_new(2, 1, 1), *b = canvas_new(2, 1, 1);

	(void)state;
	assert_true(cell_equal(canvas_at(a, 0, 0), canvas_at(b, 0, 0)));
	canvas_style(a, 0, 0, 1, ST_BOLD);
	assert_false(cell_equal(canvas_at(a, 0, 0), canvas_at(b, 0, 0)));
	canvas_text(b, 1, 0, -1, 0, "x");
	assert_false(cell_equal(canvas_at(a, 1, 0), canvas_at(b, 1, 0)));
	canvas_free(a);
	canvas_free(b);
}

static void
test_printf(void **state)
{
	struct canvas *c = canvas_new(10, 1, 1);

	(void)state;
	assert_int_equal(canvas_printf(c, 0, 0, -1, 0, "%d-%s", 42, "x"), 4);
	expect_dump(c, "42-x\n");
	canvas_free(c);
}

static void
test_glyph_sets(void **state)
{
	const struct glyphs *a = glyphs_for(0), *u = glyphs_for(1);
	const char *const *p;
	const char *all[] = { a->h, a->v, a->tl, a->tr, a->bl, a->br, a->full, a->empty,
	                      a->left, a->right, a->ellipsis, a->bullet, a->current,
	                      a->pointer, a->sep, a->dash, NULL };
	size_t i;
	int k;

	(void)state;
	for (p = all; *p; p++)
		for (i = 0; (*p)[i]; i++)
			assert_true((unsigned char)(*p)[i] < 0x80);
	for (k = 0; k < a->nspin; k++)
		assert_int_equal(strlen(a->spin[k]), 1);
	assert_string_equal(u->h, "\xe2\x94\x80");
	assert_string_equal(u->ellipsis, "\xe2\x80\xa6");
	assert_true(u->nspin > 1);
}

static void
test_fit_adds_ellipsis(void **state)
{
	struct canvas *u = canvas_new(10, 1, 1), *a = canvas_new(10, 1, 0);

	(void)state;
	assert_int_equal(draw_text_fit(u, 0, 0, 5, 0, "Enterprise"), 5);
	expect_dump(u, "Ente\xe2\x80\xa6\n");
	draw_text_fit(a, 0, 0, 5, 0, "Enterprise");
	expect_dump(a, "Ente~\n");
	canvas_clear(a);
	/* Fits: drawn whole. */
	assert_int_equal(draw_text_fit(a, 0, 0, 5, 0, "Pro"), 3);
	draw_text_right(a, 10, 0, 10, 0, "$5.00");
	expect_dump(a, "Pro  $5.00\n");
	canvas_clear(a);
	draw_text_center(a, 0, 0, 10, 0, "ab");
	expect_dump(a, "    ab\n");
	canvas_free(u);
	canvas_free(a);
}

static void
test_wrap(void **state)
{
	struct canvas *c = canvas_new(10, 6, 1);

	(void)state;
	assert_int_equal(draw_wrap(c, 0, 0, 10, -1, 0, "the quick brown fox jumps"), 3);
	expect_dump(c, "the quick\nbrown fox\njumps\n\n\n\n");
	canvas_clear(c);
	/* Explicit newlines and a word longer than the line. */
	assert_int_equal(draw_wrap(c, 0, 0, 4, -1, 0, "ab\nabcdefghij"), 4);
	expect_dump(c, "ab\nabcd\nefgh\nij\n\n\n");
	canvas_clear(c);
	/* max_rows bounds what is drawn and what is reported. */
	assert_int_equal(draw_wrap(c, 0, 0, 10, 1, 0, "the quick brown fox"), 1);
	expect_dump(c, "the quick\n\n\n\n\n\n");
	/* Measuring without a canvas. */
	assert_int_equal(draw_wrap(NULL, 0, 0, 5, -1, 0, "aa bb cc"), 2);
	/* A long word is cut between grapheme clusters, never inside one:
	 * "e" + two combining marks stays whole, so does a flag. */
	canvas_clear(c);
	assert_int_equal(draw_wrap(c, 0, 0, 3, -1, 0, "ab" FLAG_DE "e\xcc\x81\xcc\xa7"), 2);
	expect_dump(c, "ab\n" FLAG_DE "e\xcc\x81\xcc\xa7\n\n\n\n\n");
	canvas_free(c);
}

static void
test_gauge(void **state)
{
	struct canvas *a = canvas_new(10, 1, 0), *u = canvas_new(4, 1, 1);

	(void)state;
	draw_gauge(a, 0, 0, 10, 3, 10, ST_OK, ST_DIM);
	expect_dump(a, "###.......\n");
	draw_gauge(a, 0, 0, 10, 20, 10, ST_OK, ST_DIM);   /* clamped to full */
	expect_dump(a, "##########\n");
	draw_gauge(a, 0, 0, 10, 5, 0, ST_OK, ST_DIM);     /* no allowance: empty */
	expect_dump(a, "..........\n");
	/* 99.9% is not shown as full. */
	draw_gauge(a, 0, 0, 10, 999, 1000, ST_OK, ST_DIM);
	assert_string_equal(canvas_at(a, 9, 0)->ch, "#");
	draw_gauge(a, 0, 0, 10, 9999, 10000, ST_OK, ST_DIM);
	assert_int_equal(canvas_at(a, 9, 0)->style, ST_OK);
	/* Eighths: 10/16 of 4 cells = 20 eighths = 2 full + 4/8. */
	draw_gauge(u, 0, 0, 4, 10, 16, ST_OK, ST_DIM);
	expect_dump(u, "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x8c\xe2\x96\x91\n");
	/* Huge values do not overflow. */
	draw_gauge(u, 0, 0, 4, INT64_MAX / 2, INT64_MAX, ST_OK, ST_DIM);
	assert_string_equal(canvas_at(u, 0, 0)->ch, "\xe2\x96\x88");
	assert_string_equal(canvas_at(u, 3, 0)->ch, "\xe2\x96\x91");
	canvas_free(a);
	canvas_free(u);
}

static void
test_box(void **state)
{
	struct canvas *c = canvas_new(12, 3, 0);

	(void)state;
	draw_box(c, 0, 0, 12, 3, ST_DIALOG, "Hi");
	expect_dump(c, "+- Hi -----+\n|          |\n+----------+\n");
	canvas_free(c);
}

static void
test_list_movement(void **state)
{
	struct list_pos l = { 0, 0, 50 };

	(void)state;
	assert_true(list_key(&l, 'j', 10));
	assert_int_equal(l.sel, 1);
	assert_true(list_key(&l, KEY_UP, 10));
	assert_true(list_key(&l, KEY_UP, 10));
	assert_int_equal(l.sel, 0);
	assert_true(list_key(&l, KEY_NPAGE, 10));
	assert_int_equal(l.sel, 10);
	assert_true(list_key(&l, KEY_END, 10));
	assert_int_equal(l.sel, 49);
	list_clamp(&l, 10);
	assert_int_equal(l.top, 40);
	assert_true(list_key(&l, KEY_HOME, 10));
	list_clamp(&l, 10);
	assert_int_equal(l.top, 0);
	assert_false(list_key(&l, 'x', 10));
	/* An empty list stays at 0. */
	l.n = 0;
	list_key(&l, 'j', 10);
	list_clamp(&l, 10);
	assert_int_equal(l.sel, 0);
	assert_int_equal(l.top, 0);
}

static void
test_no_color(void **state)
{
	(void)state;
	setenv("NO_COLOR", "", 1);
	assert_false(theme_no_color_env());   /* empty does not count */
	assert_false(theme_choose(1));
	setenv("NO_COLOR", "1", 1);
	assert_true(theme_no_color_env());
	assert_true(theme_choose(1));
	unsetenv("NO_COLOR");
	assert_true(theme_choose(0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_rejects_bad_sizes),
		cmocka_unit_test(test_text_and_clipping),
		cmocka_unit_test(test_utf8_wide_and_combining),
		cmocka_unit_test(test_wide_at_right_edge),
		cmocka_unit_test(test_grapheme_clusters),
		cmocka_unit_test(test_ascii_canvas_never_emits_high_bytes),
		cmocka_unit_test(test_invalid_utf8_is_replaced),
		cmocka_unit_test(test_fill_style_clear),
		cmocka_unit_test(test_cell_equal),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_glyph_sets),
		cmocka_unit_test(test_fit_adds_ellipsis),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_gauge),
		cmocka_unit_test(test_box),
		cmocka_unit_test(test_list_movement),
		cmocka_unit_test(test_no_color),
	};

	/* wcwidth needs a UTF-8 LC_CTYPE; make check sets LC_ALL=C.UTF-8. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests_name("canvas", tests, NULL, NULL);
}
