/* test_qr.c: the half-block drawing holds exactly the modules libqrencode made. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ui/canvas.h"
#include "ui/qr.h"

#define UPPER "\xe2\x96\x80"
#define LOWER "\xe2\x96\x84"
#define FULL  "\xe2\x96\x88"

static const char url[] = "https://billing.example.com/setup/seti_0123456789abcdef";

/* Reads module (mx, my) of the drawing at x,y back: 1 = light (a block half). */
static int
read_light(const struct canvas *c, int x, int y, int mx, int my)
{
	const struct cell *cl = canvas_at(c, x + mx, y + my / 2);

	assert_non_null(cl);
	if (strcmp(cl->ch, FULL) == 0)
		return 1;
	if (strcmp(cl->ch, " ") == 0)
		return 0;
	if (my % 2 == 0)
		return strcmp(cl->ch, UPPER) == 0;
	return strcmp(cl->ch, LOWER) == 0;
}

static void
test_round_trip(void **state)
{
	struct qr q;
	struct canvas *c;
	int cols, rows, mx, my;

	(void)state;
	assert_int_equal(qr_encode(url, &q), 0);
	assert_true(q.width >= 21 && (q.width - 21) % 4 == 0);
	qr_size(&q, &cols, &rows);
	assert_int_equal(cols, q.width + 2 * QR_QUIET);
	assert_int_equal(rows, (cols + 1) / 2);
	/* A typical setup URL fits an 80x24 screen with room for the text. */
	assert_true(rows <= 18);
	c = canvas_new(cols + 4, rows + 2, 1);
	assert_non_null(c);
	assert_int_equal(qr_draw(c, 2, 1, &q, ST_NORMAL), 0);
	for (my = 0; my < cols; my++) {
		for (mx = 0; mx < cols; mx++) {
			int in = mx >= QR_QUIET && my >= QR_QUIET && mx < QR_QUIET + q.width &&
			         my < QR_QUIET + q.width;
			int want = in ? !q.dark[(my - QR_QUIET) * q.width + (mx - QR_QUIET)] : 1;

			assert_int_equal(read_light(c, 2, 1, mx, my), want);
		}
	}
	/* The top-left finder pattern: a dark 7x7 ring around a light ring. */
	for (mx = 0; mx < 7; mx++) {
		assert_int_equal(read_light(c, 2, 1, QR_QUIET + mx, QR_QUIET), 0);
		assert_int_equal(read_light(c, 2, 1, QR_QUIET + mx, QR_QUIET + 6), 0);
	}
	assert_int_equal(read_light(c, 2, 1, QR_QUIET + 1, QR_QUIET + 1), 1);
	/* Nothing outside the drawing was touched. */
	assert_string_equal(canvas_at(c, 0, 0)->ch, " ");
	assert_string_equal(canvas_at(c, 1, 1)->ch, " ");
	canvas_free(c);
	qr_free(&q);
}

static void
test_ascii_canvas_refused(void **state)
{
	struct qr q;
	struct canvas *c;
	int x, y;

	(void)state;
	assert_int_equal(qr_encode(url, &q), 0);
	c = canvas_new(60, 30, 0);
	assert_non_null(c);
	assert_int_equal(qr_draw(c, 0, 0, &q, ST_NORMAL), -1);
	for (y = 0; y < 30; y++)
		for (x = 0; x < 60; x++)
			assert_string_equal(canvas_at(c, x, y)->ch, " ");
	canvas_free(c);
	qr_free(&q);
}

static void
test_clipped(void **state)
{
	struct qr q;
	struct canvas *c;

	(void)state;
	assert_int_equal(qr_encode(url, &q), 0);
	/* Drawing past the edge clips instead of writing out of bounds. */
	c = canvas_new(10, 5, 1);
	assert_non_null(c);
	assert_int_equal(qr_draw(c, 3, 2, &q, ST_NORMAL), 0);
	assert_string_equal(canvas_at(c, 3, 2)->ch, FULL);
	canvas_free(c);
	qr_free(&q);
}

/* Built without libqrencode: encoding fails cleanly and the view shows the link alone. */
static void
test_without_library(void **state)
{
	struct qr q;

	(void)state;
	assert_int_equal(qr_encode(url, &q), -1);
	assert_null(q.dark);
	assert_int_equal(q.width, 0);
}

int
main(void)
{
	const struct CMUnitTest with_lib[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_ascii_canvas_refused),
		cmocka_unit_test(test_clipped),
	};
	const struct CMUnitTest without_lib[] = {
		cmocka_unit_test(test_without_library),
	};

	/* cmocka's TAP output reports skip() as "not ok", so pick the group instead. */
	if (qr_available())
		return cmocka_run_group_tests_name("qr", with_lib, NULL, NULL);
	return cmocka_run_group_tests_name("qr", without_lib, NULL, NULL);
}
