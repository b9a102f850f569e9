/* test_chart.c: the stacked bar chart: its pure arithmetic, its drawing rules,
 * and golden renders at 40, 80 and 132 columns (BILLTOP_REGOLD=1 rewrites
 * the files in tests/golden/chart; review every rewritten file by eye). */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/canvas.h"
#include "ui/chart.h"
#include "ui/theme.h"

#define MAX_SLOTS 90

/* ---------------------------------------------------------------- helpers */

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

/* Test data: nslots days of k series, deterministic, with a weekly rhythm. */
struct fixture {
	int64_t v[MAX_SLOTS * CHART_MAX_SERIES];
	char labels[MAX_SLOTS][24];
	const char *lp[MAX_SLOTS];
	struct chart_data d;
};

static const char *const names1[] = { "Credits" };
static const char *const names3[] = { "LLM", "Tool calls", "Storage" };
static const char *const names6[] = {
	"parser-bot", "triage", "summarizer", "indexer", "qa-agent", "nightly-sync"
};

static const char *const *
names_for(int k)
{
	return k == 1 ? names1 : k == 3 ? names3 : names6;
}

/* Labels "MM-DD" from 2026-08-24 on; 90 slots end on 2026-11-21. */
static void
make_labels(struct fixture *f, int n)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int m = 8, day = 24, i;

	for (i = 0; i < n; i++) {
		snprintf(f->labels[i], sizeof f->labels[i], "%02d-%02d", m, day);
		f->lp[i] = f->labels[i];
		if (++day > mdays[m - 1]) {
			day = 1;
			m = m % 12 + 1;
		}
	}
}

static void
make_fixture(struct fixture *f, int n, int k, int64_t scale)
{
	static const int64_t base[CHART_MAX_SERIES] = { 900, 300, 80, 220, 140, 60 };
	uint32_t seed = 12345;
	int i, s;

	memset(f, 0, sizeof *f);
	make_labels(f, n);
	for (i = 0; i < n; i++) {
		for (s = 0; s < k; s++) {
			seed = seed * 1103515245u + 12345u;
			/* Weekends (every 7th pair) are quieter. */
			f->v[i * k + s] = (base[s] + (int64_t)(seed >> 16) % (base[s] + 1)) *
			                  (i % 7 >= 5 ? 1 : 3) * scale;
		}
	}
	f->d.nslots = n;
	f->d.nseries = k;
	f->d.values = f->v;
	f->d.slot_labels = f->lp;
	f->d.series_names = names_for(k);
}

/* Cells of column x, rows [y0, y1), that are not blank. */
static int
column_height(const struct canvas *c, int x, int y0, int y1)
{
	int y, n = 0;

	for (y = y0; y < y1; y++)
		if (strcmp(canvas_at(c, x, y)->ch, " ") != 0)
			n++;
	return n;
}

/* ----------------------------------------------------------- pure parts */

static void
test_sat_add(void **state)
{
	(void)state;
	assert_int_equal(chart_sat_add(2, 3), 5);
	assert_int_equal(chart_sat_add(-7, 3), 3);
	assert_int_equal(chart_sat_add(4, INT64_MIN), 4);
	assert_true(chart_sat_add(INT64_MAX, 1) == INT64_MAX);
	assert_true(chart_sat_add(INT64_MAX - 5, 5) == INT64_MAX);
	assert_true(chart_sat_add(INT64_MAX, INT64_MAX) == INT64_MAX);
}

static void
test_scale_exact(void **state)
{
	(void)state;
	assert_int_equal(chart_scale(0, 100, 80), 0);
	assert_int_equal(chart_scale(100, 100, 80), 80);
	assert_int_equal(chart_scale(250, 100, 80), 80);   /* above top: clamped */
	assert_int_equal(chart_scale(50, 100, 80), 40);
	assert_int_equal(chart_scale(1, 3, 8), 2);          /* floor(8/3) */
	assert_int_equal(chart_scale(2, 3, 8), 5);          /* floor(16/3) */
	assert_int_equal(chart_scale(5, 0, 8), 0);
	/* Values where v * units overflows 64 bits. */
	assert_int_equal(chart_scale((uint64_t)INT64_MAX / 2, (uint64_t)INT64_MAX, 8), 3);
	assert_int_equal(chart_scale((uint64_t)INT64_MAX - 1, (uint64_t)INT64_MAX, 1000000), 999999);
	assert_int_equal(chart_scale(UINT64_MAX - 1, UINT64_MAX, UINT32_MAX), UINT32_MAX - 1);
	assert_int_equal(chart_scale(UINT64_MAX / 3, UINT64_MAX, 300), 100);
	assert_int_equal(chart_scale(UINT64_MAX / 4 * 3, UINT64_MAX, 4), 2);
}

#ifdef __SIZEOF_INT128__
/* Against 128-bit arithmetic on many values, including the extremes. */
static void
test_scale_matches_wide_arithmetic(void **state)
{
	uint64_t x = 88172645463325252ull, top, v;
	uint32_t units;
	int i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		top = x >> (i % 64);
		if (top == 0)
			top = 1;
		v = (x * 2654435761u) % top;
		units = (uint32_t)(i % 5 == 0 ? UINT32_MAX - (uint32_t)i : (uint32_t)(x >> 40));
		assert_true(chart_scale(v, top, units) ==
		            (uint64_t)((unsigned __int128)v * units / top));
	}
}
#endif

static void
test_ticks(void **state)
{
	uint64_t step, top;

	(void)state;
	assert_int_equal(chart_ticks(10300, 5, &step, &top), 5);
	assert_int_equal(step, 2500);
	assert_int_equal(top, 12500);
	assert_int_equal(chart_ticks(10000, 5, &step, &top), 5);
	assert_int_equal(step, 2000);
	assert_int_equal(top, 10000);
	assert_int_equal(chart_ticks(7, 5, &step, &top), 4);
	assert_int_equal(step, 2);
	assert_int_equal(top, 8);
	/* 2.5 is never a step: 1 interval of 5 would be coarser, so 3 of 2. */
	assert_int_equal(chart_ticks(6, 3, &step, &top), 3);
	assert_int_equal(step, 2);
	assert_int_equal(chart_ticks(1, 5, &step, &top), 1);
	assert_int_equal(step, 1);
	assert_int_equal(top, 1);
	assert_int_equal(chart_ticks(230, 4, &step, &top), 3);
	assert_int_equal(step, 100);
	assert_int_equal(top, 300);
	assert_int_equal(chart_ticks(24, 5, &step, &top), 5);
	assert_int_equal(step, 5);
	/* A target below 1 counts as 1. */
	assert_int_equal(chart_ticks(999, 0, &step, &top), 1);
	assert_int_equal(step, 1000);
	/* No data: no intervals. */
	assert_int_equal(chart_ticks(0, 5, &step, &top), 0);
	assert_int_equal(top, 0);
	/* The int64 range still gets round ticks, in uint64. */
	assert_int_equal(chart_ticks((uint64_t)INT64_MAX, 5, &step, &top), 5);
	assert_true(step == 2000000000000000000ull);
	assert_true(top == 10000000000000000000ull);
	/* Beyond int64: covered, not round. */
	assert_int_equal(chart_ticks(UINT64_MAX, 2, &step, &top), 2);
	assert_true(top == UINT64_MAX);
	assert_true(step >= UINT64_MAX / 2);
}

static void
expect_compact(uint64_t v, const char *point, const char *want)
{
	char buf[32];

	assert_int_equal(chart_fmt_compact(buf, sizeof buf, v, point), (int)strlen(want));
	assert_string_equal(buf, want);
}

static void
test_fmt_compact(void **state)
{
	char small[3];

	(void)state;
	expect_compact(0, NULL, "0");
	expect_compact(999, NULL, "999");
	expect_compact(1000, NULL, "1k");
	expect_compact(2500, NULL, "2.5k");
	expect_compact(12500, ".", "12.5k");
	expect_compact(1250000, NULL, "1.25M");
	expect_compact(999999, NULL, "999.99k");   /* truncated, never rounded up */
	expect_compact(1009, NULL, "1k");
	expect_compact(1010, NULL, "1.01k");
	expect_compact(3000000000ull, NULL, "3G");
	expect_compact(10000000000000000000ull, NULL, "10E");
	expect_compact(UINT64_MAX, NULL, "18.44E");
	expect_compact(7500, ",", "7,5k");
	assert_int_equal(chart_fmt_compact(small, sizeof small, 2500, NULL), -1);
	assert_string_equal(small, "");
}

static void
test_layout(void **state)
{
	struct chart_geom g;
	int first, last;

	(void)state;
	/* 30 days in 74 columns: 2 columns per bar, 1 of them gap. */
	assert_int_equal(chart_layout(30, 74, &g), 0);
	assert_int_equal(g.bucket, 1);
	assert_int_equal(g.nbars, 30);
	assert_int_equal(g.pitch, 2);
	assert_int_equal(g.bar_w, 1);
	assert_int_equal(g.gap, 1);
	/* 7 days in 125 columns: the pitch is capped. */
	assert_int_equal(chart_layout(7, 125, &g), 0);
	assert_int_equal(g.pitch, CHART_MAX_PITCH);
	assert_int_equal(g.bar_w + g.gap, CHART_MAX_PITCH);
	assert_true(g.gap >= 1);
	/* Exactly as many slots as columns: adjacent one-column bars. */
	assert_int_equal(chart_layout(34, 34, &g), 0);
	assert_int_equal(g.pitch, 1);
	assert_int_equal(g.gap, 0);
	/* 90 days in 34 columns: buckets of 3. */
	assert_int_equal(chart_layout(90, 34, &g), 0);
	assert_int_equal(g.bucket, 3);
	assert_int_equal(g.nbars, 30);
	assert_int_equal(g.pad, 0);
	assert_int_equal(chart_bar_of(&g, 89), 29);
	chart_bar_slots(&g, 90, 29, &first, &last);
	assert_int_equal(first, 87);
	assert_int_equal(last, 89);
	/* 91 days: the buckets end on the last day; the first one is short. */
	assert_int_equal(chart_layout(91, 34, &g), 0);
	assert_int_equal(g.bucket, 3);
	assert_int_equal(g.nbars, 31);
	assert_int_equal(g.pad, 2);
	chart_bar_slots(&g, 91, 0, &first, &last);
	assert_int_equal(first, 0);
	assert_int_equal(last, 0);
	chart_bar_slots(&g, 91, 30, &first, &last);
	assert_int_equal(first, 88);
	assert_int_equal(last, 90);
	assert_int_equal(chart_bar_of(&g, 0), 0);
	assert_int_equal(chart_bar_of(&g, 1), 1);
	assert_int_equal(chart_bar_of(&g, 90), 30);
	/* Never more bars than columns. */
	for (first = 1; first <= 400; first++) {
		assert_int_equal(chart_layout(first, 34, &g), 0);
		assert_true(g.nbars * g.pitch <= 34);
		assert_true(g.nbars * g.bucket - g.pad == first);
		assert_true(g.pad < g.bucket);
	}
	/* No slots, no columns. */
	assert_int_equal(chart_layout(0, 40, &g), 0);
	assert_int_equal(g.nbars, 0);
	assert_int_equal(chart_layout(5, 0, &g), -1);
}

static void
test_cell_ownership(void **state)
{
	const uint64_t two[] = { 12, 20 };
	const uint64_t gap0[] = { 0, 8 };
	const uint64_t tie3[] = { 3, 5, 8 };
	int fill;

	(void)state;
	assert_int_equal(chart_cell(two, 2, 0, &fill), 0);
	assert_int_equal(fill, 8);
	/* [8,16): 4 eighths each: a tie goes to the lower series. */
	assert_int_equal(chart_cell(two, 2, 1, &fill), 0);
	assert_int_equal(fill, 8);
	assert_int_equal(chart_cell(two, 2, 2, &fill), 1);
	assert_int_equal(fill, 4);
	assert_int_equal(chart_cell(two, 2, 3, &fill), -1);
	assert_int_equal(fill, 0);
	/* An empty series owns nothing. */
	assert_int_equal(chart_cell(gap0, 2, 0, &fill), 1);
	/* 3 / 2 / 3 eighths: first of the largest. */
	assert_int_equal(chart_cell(tie3, 3, 0, &fill), 0);
	assert_int_equal(chart_cell(tie3, 3, -1, &fill), -1);
}

/* ------------------------------------------------------------ drawing */

static void
test_zero_data_draws_note(void **state)
{
	struct fixture f;
	struct canvas *c = canvas_new(40, 12, 1);
	struct chart_opts o = { .selected = 3, .color = 1 };
	struct chart_pick pick;
	char *out;

	(void)state;
	make_fixture(&f, 7, 3, 0);
	assert_int_equal(chart_draw(c, 0, 0, 40, 12, &f.d, &o, &pick), 0);
	out = dump(c);
	assert_non_null(strstr(out, "no usage in this range"));
	assert_non_null(strstr(out, "08-27"));   /* the selected day still labelled */
	free(out);
	assert_int_equal(pick.first, 3);
	assert_true(pick.total == 0);
	/* No slots at all, and no labels or names: still a chart. */
	f.d.nslots = 0;
	f.d.slot_labels = NULL;
	f.d.series_names = NULL;
	canvas_clear(c);
	assert_int_equal(chart_draw(c, 0, 0, 40, 12, &f.d, &o, &pick), 0);
	assert_int_equal(pick.first, -1);
	out = dump(c);
	assert_non_null(strstr(out, "no usage in this range"));
	free(out);
	canvas_free(c);
}

static void
test_rejects_bad_input_and_tiny_rects(void **state)
{
	struct fixture f;
	struct canvas *c = canvas_new(40, 12, 1);
	struct chart_opts o = { .selected = -1, .color = 1 };
	char *out;

	(void)state;
	make_fixture(&f, 7, 3, 1);
	f.d.nseries = 0;
	assert_int_equal(chart_draw(c, 0, 0, 40, 12, &f.d, &o, NULL), -1);
	f.d.nseries = CHART_MAX_SERIES + 1;
	assert_int_equal(chart_draw(c, 0, 0, 40, 12, &f.d, &o, NULL), -1);
	f.d.nseries = 3;
	f.d.values = NULL;
	assert_int_equal(chart_draw(c, 0, 0, 40, 12, &f.d, &o, NULL), -1);
	f.d.values = f.v;
	assert_int_equal(chart_draw(c, 0, 0, 40, 3, &f.d, &o, NULL), -1);
	assert_int_equal(chart_draw(c, 0, 0, 10, 12, &f.d, &o, NULL), -1);   /* 6 plot columns */
	out = dump(c);
	assert_string_equal(out, "\n\n\n\n\n\n\n\n\n\n\n\n");   /* nothing drawn */
	free(out);
	/* Four rows: no legend, but a chart. */
	assert_int_equal(chart_draw(c, 0, 0, 40, 4, &f.d, &o, NULL), 0);
	canvas_free(c);
}

static void
test_stays_inside_its_rectangle(void **state)
{
	struct fixture f;
	struct canvas *c = canvas_new(60, 20, 1);
	struct chart_opts o = { .selected = 89, .color = 0 };
	int x, y, inside;

	(void)state;
	make_fixture(&f, 90, 6, 1000);
	assert_int_equal(chart_draw(c, 10, 4, 40, 12, &f.d, &o, NULL), 0);
	for (y = 0; y < 20; y++)
		for (x = 0; x < 60; x++) {
			inside = x >= 10 && x < 50 && y >= 4 && y < 16;
			if (!inside)
				assert_string_equal(canvas_at(c, x, y)->ch, " ");
		}
	canvas_free(c);
}

/* Marks: "!" on the axis under a marked bar; the selection's glyph wins
 * under the selected one; ASCII the same. */
static void
test_marks(void **state)
{
	static const unsigned char marks[7] = { 0, 1, 0, 0, 1, 0, 0 };
	struct fixture f;
	struct canvas *c = canvas_new(80, 16, 0);
	struct chart_opts o = { .selected = 4, .color = 1 };
	char *out, *axis, *end;
	int n = 0;

	(void)state;
	make_fixture(&f, 7, 3, 1);
	assert_int_equal(chart_draw(c, 0, 0, 80, 16, &f.d, &o, NULL), 0);
	out = dump(c);
	assert_null(strchr(out, '!'));   /* no marks: none drawn */
	free(out);
	f.d.marks = marks;
	canvas_clear(c);
	assert_int_equal(chart_draw(c, 0, 0, 80, 16, &f.d, &o, NULL), 0);
	out = dump(c);
	axis = strstr(out, "+-");
	assert_non_null(axis);
	end = strchr(axis, '\n');
	for (; axis < end; axis++)
		n += *axis == '!';
	assert_int_equal(n, 1);          /* slot 1; slot 4 shows the selection */
	assert_non_null(memchr(strstr(out, "+-"), '^', (size_t)(end - strstr(out, "+-"))));
	free(out);
	canvas_free(c);
}

static void
test_pick_and_format(void **state)
{
	struct fixture f;
	struct canvas *c = canvas_new(80, 16, 1);
	struct chart_opts o = { .selected = 2, .color = 1 };
	struct chart_pick pick;
	char buf[160], tiny[8];

	(void)state;
	make_fixture(&f, 7, 3, 1);
	f.v[2 * 3 + 0] = 1000;
	f.v[2 * 3 + 1] = 234;
	f.v[2 * 3 + 2] = 0;
	assert_int_equal(chart_draw(c, 0, 0, 80, 16, &f.d, &o, &pick), 0);
	assert_int_equal(pick.first, 2);
	assert_int_equal(pick.last, 2);
	assert_int_equal(pick.bucket, 1);
	assert_true(pick.values[0] == 1000 && pick.values[1] == 234 && pick.values[2] == 0);
	assert_true(pick.total == 1234);
	assert_int_equal(chart_format_pick(&f.d, &pick, buf, sizeof buf), 0);
	assert_string_equal(buf, "08-26: 1,234 credits (LLM 1,000, Tool calls 234, Storage 0)");
	assert_int_equal(chart_format_pick(&f.d, &pick, tiny, sizeof tiny), -1);
	assert_string_equal(tiny, "");

	/* One series: no breakdown; singular. */
	f.d.nseries = 1;
	f.d.series_names = names1;
	f.v[2] = 1;
	canvas_clear(c);
	assert_int_equal(chart_draw(c, 0, 0, 80, 16, &f.d, &o, &pick), 0);
	assert_int_equal(chart_format_pick(&f.d, &pick, buf, sizeof buf), 0);
	assert_string_equal(buf, "08-26: 1 credit");

	/* No selection: nothing to format. */
	o.selected = -1;
	assert_int_equal(chart_draw(c, 0, 0, 80, 16, &f.d, &o, &pick), 0);
	assert_int_equal(chart_format_pick(&f.d, &pick, buf, sizeof buf), -1);
	o.selected = 7;   /* out of range */
	assert_int_equal(chart_draw(c, 0, 0, 80, 16, &f.d, &o, &pick), 0);
	assert_int_equal(pick.first, -1);
	canvas_free(c);
}

static void
test_pick_in_a_bucket(void **state)
{
	struct fixture f;
	struct canvas *c = canvas_new(40, 14, 1);
	struct chart_opts o = { .selected = 88, .color = 1 };
	struct chart_pick pick;
	char buf[200];
	int64_t want;

	(void)state;
	make_fixture(&f, 90, 3, 1);
	assert_int_equal(chart_draw(c, 0, 0, 40, 14, &f.d, &o, &pick), 0);
	assert_int_equal(pick.bucket, 3);
	assert_int_equal(pick.first, 87);
	assert_int_equal(pick.last, 89);
	want = f.v[87 * 3] + f.v[88 * 3] + f.v[89 * 3];
	assert_true(pick.values[0] == want);
	assert_true(pick.total == want + f.v[87 * 3 + 1] + f.v[88 * 3 + 1] + f.v[89 * 3 + 1] +
	            f.v[87 * 3 + 2] + f.v[88 * 3 + 2] + f.v[89 * 3 + 2]);
	assert_int_equal(chart_format_pick(&f.d, &pick, buf, sizeof buf), 0);
	assert_memory_equal(buf, "11-19 to 11-21: ", 16);
	canvas_free(c);
}

/* Long names are cut alike so the legend keeps to its two rows; NULL
 * labels and names draw as empty, never crash. */
static void
test_legend_cuts_long_names(void **state)
{
	static const char *const longn[] = {
		"a-very-long-agent-name-number-one", "a-very-long-agent-name-number-two",
		"another-agent-with-a-long-name", NULL, "fifth", "the-sixth-and-last-agent"
	};
	struct fixture f;
	struct canvas *c = canvas_new(40, 14, 1);
	struct chart_opts o = { .selected = 4, .color = 0 };
	struct chart_pick pick;
	char *out, *line, *save = NULL;
	char buf[256];
	int rows = 0;

	(void)state;
	make_fixture(&f, 7, 6, 1);
	f.d.series_names = longn;
	f.lp[3] = NULL;
	f.lp[4] = NULL;
	assert_int_equal(chart_draw(c, 0, 0, 40, 14, &f.d, &o, &pick), 0);
	/* The last two rows hold the legend: every swatch present, names cut. */
	assert_string_equal(canvas_at(c, 0, 12)->ch, "\xe2\x96\x88");
	out = dump(c);
	assert_non_null(strstr(out, "\xe2\x80\xa6"));
	assert_non_null(strstr(out, "\xe2\x96\x96"));   /* series 5's swatch made it */
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		rows++;
	assert_true(rows <= 14);
	free(out);
	assert_int_equal(chart_format_pick(&f.d, &pick, buf, sizeof buf), 0);
	assert_memory_equal(buf, ": ", 2);
	canvas_free(c);
}

/* Colour: every bar cell carries its series style; the marker is selected. */
static void
test_styles(void **state)
{
	struct canvas *c = canvas_new(40, 12, 1);
	const int64_t v[] = { 100, 100, 100 };   /* one slot, three equal series */
	const char *lab[] = { "11-21" };
	struct chart_data d = { .nslots = 1, .nseries = 3, .values = v, .slot_labels = lab, .series_names = names3 };
	struct chart_opts o = { .selected = 0, .color = 1 };
	int x, y, bx = -1, seen[3] = { 0, 0, 0 }, st;
	const struct cell *cl;

	(void)state;
	assert_int_equal(chart_draw(c, 0, 0, 40, 12, &d, &o, NULL), 0);
	/* 12 rows - axis - labels - legend = 9 plot rows; find the bar. */
	for (x = 0; x < 40 && bx < 0; x++)
		if (canvas_at(c, x, 8)->style == ST_SERIES_0)
			bx = x;
	assert_true(bx > 0);
	for (y = 0; y < 9; y++) {
		cl = canvas_at(c, bx, y);
		if (strcmp(cl->ch, " ") == 0)
			continue;
		st = cl->style - ST_SERIES_0;
		assert_true(st >= 0 && st < 3);
		seen[st]++;
		/* Stacked bottom-up in series order. */
		if (y > 0 && strcmp(canvas_at(c, bx, y - 1)->ch, " ") != 0)
			assert_true(canvas_at(c, bx, y - 1)->style >= cl->style);
	}
	assert_int_equal(seen[0], 3);
	assert_int_equal(seen[1], 3);
	assert_int_equal(seen[2], 3);
	/* The marker under the bar, and the selected label. */
	for (x = 0; x < 40; x++)
		if (canvas_at(c, x, 9)->style == ST_SELECTED)
			break;
	assert_true(x < 40);
	assert_string_equal(canvas_at(c, x, 9)->ch, "\xe2\x96\xb2");
	assert_true(x >= bx && x < bx + CHART_MAX_PITCH);
	cl = canvas_at(c, x - 2, 10);
	assert_int_equal(cl->style, ST_SELECTED);
	/* Legend swatches in their series styles. */
	assert_int_equal(canvas_at(c, 0, 11)->style, ST_SERIES_0);
	canvas_free(c);
}

/* Bigger values never draw shorter bars; the largest reaches the top row. */
static void
test_heights_are_monotonic(void **state)
{
	struct canvas *c = canvas_new(40, 12, 0);
	int64_t v[2];
	const char *lab[] = { "a", "b" };
	struct chart_data d = { .nslots = 2, .nseries = 1, .values = v, .slot_labels = lab, .series_names = NULL };
	struct chart_opts o = { .selected = -1, .color = 1 };
	int prev = 0, hgt, i, x, bx = -1;

	(void)state;
	v[1] = 1000;
	for (i = 0; i <= 1000; i += 7) {
		v[0] = i;
		canvas_clear(c);
		assert_int_equal(chart_draw(c, 0, 0, 40, 12, &d, &o, NULL), 0);
		if (bx < 0)
			for (x = 0; x < 40 && bx < 0; x++)
				if (strcmp(canvas_at(c, x, 0)->ch, "#") == 0)
					bx = x;   /* the second bar: full height */
		assert_true(bx > 0);
		assert_int_equal(column_height(c, bx, 0, 10), 10);
		/* The first bar: one pitch to the left. */
		hgt = 0;
		for (x = 0; x < bx; x++)
			if (strcmp(canvas_at(c, x, 9)->ch, " ") != 0 && canvas_at(c, x, 9)->style >= ST_SERIES_0) {
				hgt = column_height(c, x, 0, 10);
				break;
			}
		assert_true(hgt >= prev);
		assert_true(i == 0 || hgt >= 1);   /* a non-zero bar is never invisible */
		prev = hgt;
	}
	canvas_free(c);
}

static void
test_int64_extremes(void **state)
{
	struct canvas *c = canvas_new(80, 16, 1);
	int64_t v[4 * 3];
	const char *lab[] = { "a", "b", "c", "d" };
	struct chart_data d = { .nslots = 4, .nseries = 3, .values = v, .slot_labels = lab, .series_names = names3 };
	struct chart_opts o = { .selected = 1, .color = 0 };
	struct chart_pick pick;
	char buf[256];
	char *out;
	int i;

	(void)state;
	for (i = 0; i < 12; i++)
		v[i] = INT64_MAX - i;
	v[0] = INT64_MIN;   /* negative: counts as zero */
	v[3] = 0;
	assert_int_equal(chart_draw(c, 0, 0, 80, 16, &d, &o, &pick), 0);
	assert_true(pick.total == INT64_MAX);   /* saturated */
	assert_true(pick.values[0] == 0);
	assert_int_equal(chart_format_pick(&d, &pick, buf, sizeof buf), 0);
	assert_non_null(strstr(buf, "9,223,372,036,854,775,807 credits"));
	out = dump(c);
	assert_non_null(strstr(out, "10E"));
	free(out);
	canvas_free(c);
}

static void
test_ascii_output_is_ascii(void **state)
{
	struct fixture f;
	struct canvas *c = canvas_new(80, 16, 0);
	struct chart_opts o = { .selected = 10, .color = 0 };
	char *out;
	size_t i;

	(void)state;
	make_fixture(&f, 30, 6, 3);
	assert_int_equal(chart_draw(c, 0, 0, 80, 16, &f.d, &o, NULL), 0);
	out = dump(c);
	for (i = 0; out[i]; i++)
		assert_true((unsigned char)out[i] < 0x80);
	assert_non_null(strchr(out, '^'));
	free(out);
	canvas_free(c);
}

/* ------------------------------------------------------------- goldens */

struct golden {
	const char *name;
	int w, h, utf8, color, nslots, nseries, selected;
	int64_t scale;   /* 0: zero data; <0: int64-range values */
};

static const struct golden goldens[] = {
	{ "utf8-80-color-3-sel", 80, 18, 1, 1, 30, 3, 26, 1 },
	{ "utf8-80-mono-3", 80, 18, 1, 0, 30, 3, -1, 1 },
	{ "utf8-80-mono-6-sel", 80, 18, 1, 0, 30, 6, 12, 1 },
	{ "utf8-40-color-1-sel", 40, 12, 1, 1, 7, 1, 6, 1 },
	{ "utf8-40-mono-3-90d-sel", 40, 14, 1, 0, 90, 3, 89, 1 },
	{ "utf8-132-color-6-90d", 132, 24, 1, 1, 90, 6, 45, 1000 },
	{ "utf8-132-mono-3-7d-sel", 132, 20, 1, 0, 7, 3, 3, 1 },
	{ "utf8-80-zero", 80, 18, 1, 1, 30, 3, 29, 0 },
	{ "utf8-80-mono-3-huge", 80, 18, 1, 0, 7, 3, 1, -1 },
	{ "ascii-40-mono-3-sel", 40, 14, 0, 0, 30, 3, 20, 1 },
	{ "ascii-40-color-1", 40, 12, 0, 1, 7, 1, -1, 1 },
	{ "ascii-40-mono-6-90d", 40, 14, 0, 0, 90, 6, -1, 1 },
	{ "ascii-40-zero", 40, 12, 0, 0, 7, 1, -1, 0 },
	{ "ascii-80-mono-6-sel", 80, 18, 0, 0, 30, 6, 5, 1 },
	{ "ascii-132-color-3-sel", 132, 20, 0, 1, 30, 3, 29, 100 },
};

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
test_golden(void **state)
{
	const struct golden *g = *state;
	struct fixture f;
	struct canvas *c = canvas_new(g->w, g->h, g->utf8);
	struct chart_opts o = { .selected = g->selected, .color = g->color };
	const char *top = getenv("top_srcdir");
	const char *regold = getenv("BILLTOP_REGOLD");
	char path[4096];
	char *got, *want;
	FILE *out;
	int i;

	assert_non_null(c);
	make_fixture(&f, g->nslots, g->nseries, g->scale < 0 ? 1 : g->scale);
	if (g->scale < 0)   /* near INT64_MAX, summing past it */
		for (i = 0; i < g->nslots * g->nseries; i++)
			f.v[i] = INT64_MAX / 4 - (int64_t)(i % 5) * (INT64_MAX / 40);
	assert_int_equal(chart_draw(c, 0, 0, g->w, g->h, &f.d, &o, NULL), 0);
	got = dump(c);
	snprintf(path, sizeof path, "%s/tests/golden/chart/%s.txt", top ? top : ".", g->name);
	if (regold && strcmp(regold, "1") == 0) {
		out = fopen(path, "w");
		if (!out)
			fail_msg("cannot write %s: %s", path, strerror(errno));
		fputs(got, out);
		assert_int_equal(fclose(out), 0);
		print_message("# regenerated %s\n", path);
	} else {
		want = read_file(path);
		if (!want)
			fail_msg("cannot read %s: %s (BILLTOP_REGOLD=1 writes it)", path, strerror(errno));
		if (strcmp(got, want) != 0) {
			print_message("# %s differs; got:\n%s", g->name, got);
			free(want);
			free(got);
			canvas_free(c);
			fail_msg("%s does not match its golden", path);
		}
		free(want);
	}
	free(got);
	canvas_free(c);
}

_Static_assert(sizeof goldens / sizeof goldens[0] == 15, "list every golden in main()");

#define GOLDEN(i) { goldens[i].name, test_golden, NULL, NULL, (void *)&goldens[i] }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sat_add),
		cmocka_unit_test(test_scale_exact),
#ifdef __SIZEOF_INT128__
		cmocka_unit_test(test_scale_matches_wide_arithmetic),
#endif
		cmocka_unit_test(test_ticks),
		cmocka_unit_test(test_fmt_compact),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_cell_ownership),
		cmocka_unit_test(test_zero_data_draws_note),
		cmocka_unit_test(test_rejects_bad_input_and_tiny_rects),
		cmocka_unit_test(test_stays_inside_its_rectangle),
		cmocka_unit_test(test_pick_and_format),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_pick_in_a_bucket),
		cmocka_unit_test(test_legend_cuts_long_names),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_heights_are_monotonic),
		cmocka_unit_test(test_int64_extremes),
		cmocka_unit_test(test_ascii_output_is_ascii),
		GOLDEN(0), GOLDEN(1), GOLDEN(2), GOLDEN(3), GOLDEN(4),
		GOLDEN(5), GOLDEN(6), GOLDEN(7), GOLDEN(8), GOLDEN(9),
		GOLDEN(10), GOLDEN(11), GOLDEN(12), GOLDEN(13), GOLDEN(14),
	};

	/* wcwidth needs a UTF-8 LC_CTYPE; make check sets LC_ALL=C.UTF-8. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests_name("chart", tests, NULL, NULL);
}
