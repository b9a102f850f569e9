/* chart.h: a vertical stacked bar chart of integer series, drawn into a canvas.
 *
 * One bar per x slot (a day), each bar a stack of up to CHART_MAX_SERIES
 * non-negative int64 series (credits).  No floating point anywhere: the scale
 * is computed in eighths of a cell with an exact, overflow-free multiply-divide,
 * so INT64_MAX values draw correctly.
 *
 * Layout of the rectangle, top to bottom:
 *
 *     10k ┤    ▆
 *    7.5k ┤ ▂  █ ▅            y labels: round ticks (1, 2, 2.5, 5 x 10^n),
 *      5k ┤ █▇ █ █▃             k/M/G/T/P/E units, width adapts
 *    2.5k ┤ ██▅█ ██ █
 *       0 └─────▲─────────    the axis; ▲ / ^ marks the selected bar
 *          11-18  11-22       sparse slot labels (selected one in ST_SELECTED)
 *     █ LLM  ▓ Tool calls     the legend: swatch + series name (wraps to 2 lines)
 *
 * Glyphs.  With colour (opts.color) every series is a solid block in its style
 * ST_SERIES_0..5 ('█' in UTF-8, '#' in ASCII).  Monochrome: each series has its
 * own fill pattern so stacks stay readable (UTF-8 █ ▓ ▒ ░ ▚ ▖, ASCII # = + : % o),
 * still in its series style (the theme maps those to attributes).
 *
 * Resolution and boundaries.  Heights are computed in eighths of a cell from
 * cumulative sums (so rounding never accumulates up the stack and the bar's
 * total height is exact).  A cell shows one glyph in one style, so a cell a
 * segment boundary runs through is given to the series covering most of it
 * (ties: the lower series); internal boundaries therefore land on whole cells
 * and a segment smaller than half a cell may not show (the figures still hold
 * it).  Only the top cell of a bar is partial: an eighth block ▁▂▃▄▅▆▇ when the
 * top series fills solid (UTF-8 with colour, or series 0 in monochrome);
 * patterned and ASCII fills cannot be cut, so their top cell is drawn when it
 * is at least half covered.  A non-zero bar never draws empty: at worst it is
 * a "tiny" mark (▁ or '_').
 *
 * Width.  More slots than plot columns: slots are summed into buckets of
 * chart_layout().bucket slots, aligned to the END of the range so the most
 * recent bucket is whole (the first one may be partial).  Fewer: bars widen
 * with gaps (pitch at most CHART_MAX_PITCH columns).  Bars are scaled to the
 * height of the rectangle; the top of the scale is the first round tick at or
 * above the largest bar.
 *
 * Usage:
 *
 *     static const char *const names[] = { "LLM", "Tool calls", "Storage" };
 *     int64_t v[30 * 3];          // v[slot * 3 + series]
 *     const char *days[30];       // "11-20", ...
 *     struct chart_data d = { .nslots = 30, .nseries = 3, .values = v,
 *                             .slot_labels = days, .series_names = names };
 *     struct chart_opts o = { .selected = sel, .color = has_colors() };
 *     struct chart_pick pick;
 *     char line[256];
 *
 *     if (chart_draw(canvas, 0, 2, canvas->w, 16, &d, &o, &pick) == 0 &&
 *         chart_format_pick(&d, &pick, line, sizeof line) == 0)
 *             canvas_text(canvas, 0, 18, -1, ST_BOLD, line);
 *     // left/right: sel -= pick.bucket / sel += pick.bucket, clamped to the range
 *
 * Strings in chart_data (labels, names) must already be sanitised.
 */
#ifndef BILLTOP_CHART_H
#define BILLTOP_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "ui/canvas.h"
#include "ui/theme.h"

#define CHART_MAX_SERIES ST_SERIES_COUNT
#define CHART_MAX_PITCH 16   /* widest bar + gap, in columns */

struct chart_data {
	int nslots;                      /* x slots (days); 0 draws an empty chart */
	int nseries;                     /* 1..CHART_MAX_SERIES */
	const int64_t *values;           /* values[slot * nseries + series]; < 0 counts as 0 */
	const char *const *slot_labels;  /* nslots labels ("11-20"), or NULL */
	const char *const *series_names; /* nseries names, or NULL (no legend) */
	/* nslots flags, or NULL: a non-zero slot is an unusual day, marked "!"
	 * on the axis under its bar (a bar of several slots: any of them); the
	 * selection's ▲ / ^ takes the place of the mark under the selected bar. */
	const unsigned char *marks;
};

struct chart_opts {
	int selected;   /* the selected slot, or -1 */
	int color;      /* 1: colours available (solid blocks); 0: monochrome patterns */
};

/* The selected bar's figures, for the caller to show (chart_format_pick). */
struct chart_pick {
	int first, last;                  /* its slots (first == last unless bucketed); -1: none */
	int bucket;                       /* slots per bar: step left/right by this */
	int64_t values[CHART_MAX_SERIES]; /* per series, summed over the bar */
	int64_t total;                    /* sums saturate at INT64_MAX */
};

/*
 * Draws d into the w x h rectangle at x,y of c (ASCII glyphs unless c->utf8)
 * and fills *pick (may be NULL).  Returns 0, or -1 when the rectangle is too
 * small for any chart (under 4 rows or under 8 columns of plot) or d is invalid;
 * nothing is drawn then.  Zero data draws the axes, labels, legend and the note
 * "no usage in this range".  Sized for 40 columns and up.
 */
int chart_draw(struct canvas *c, int x, int y, int w, int h,
               const struct chart_data *d, const struct chart_opts *opts,
               struct chart_pick *pick);

/*
 * "11-20: 12,345 credits (LLM 10,000, Tool calls 2,345)"; a bucket of several
 * slots reads "11-20 - 11-22: ...".  Grouped per the locale (credits_format).
 * Returns 0, or -1 (buf "") when there is no selection or buf is too small.
 */
int chart_format_pick(const struct chart_data *d, const struct chart_pick *pick,
                      char *buf, size_t n);

/* --- The pure parts, exposed for the unit tests and other widgets. --- */

/* Horizontal geometry: how nslots fit in cols plot columns. */
struct chart_geom {
	int bucket;   /* slots summed per bar (>= 1) */
	int nbars;    /* ceil(nslots / bucket) */
	int pad;      /* empty slots before slot 0 in the first bucket */
	int pitch;    /* columns per bar, gap included (>= 1) */
	int bar_w;    /* columns of the bar itself */
	int gap;      /* pitch - bar_w; (gap + 1) / 2 of it before the bar */
};

/* Returns 0, or -1 if cols < 1 (g zeroed).  nslots <= 0 gives nbars 0. */
int chart_layout(int nslots, int cols, struct chart_geom *g);
/* The bar showing slot (0..nslots-1), and the slots of bar b. */
int chart_bar_of(const struct chart_geom *g, int slot);
void chart_bar_slots(const struct chart_geom *g, int nslots, int b, int *first, int *last);

/*
 * Round ticks for a scale from 0 to at least max with at most target intervals
 * (target >= 1): step is the smallest of 1, 2, 5, 10, 20, 25, 50, 100, ...
 * (2.5 x 10^n only where that is an integer) with ceil(max / step) <= target.
 * Writes *step and *top = step * intervals; returns the interval count.
 * max 0: returns 0, *step 1, *top 0.
 */
int chart_ticks(uint64_t max, int target, uint64_t *step, uint64_t *top);

/* floor(v * units / top), exactly, for any 64-bit v <= top (v > top: units). top 0: 0. */
uint64_t chart_scale(uint64_t v, uint64_t top, uint32_t units);

/* a + b, saturating at INT64_MAX; negative inputs count as 0. */
int64_t chart_sat_add(int64_t a, int64_t b);

/*
 * A short axis label: 0, 750, 2.5k, 12.5k, 1.25M, 10E (units k M G T P E,
 * up to 2 decimals, trailing zeros dropped, truncated toward zero).  point is
 * the decimal point ("." if NULL).  Returns the length, or -1 (buf "") if n is
 * too small.
 */
int chart_fmt_compact(char *buf, size_t n, uint64_t v, const char *point);

/*
 * Which series owns cell row j (0 = bottom) of a bar whose k segments end at
 * cum[0..k-1] eighths (non-decreasing), and how many eighths of it are filled
 * (0..8).  Returns the owner, or -1 when the cell is empty.
 */
int chart_cell(const uint64_t *cum, int k, int j, int *fill);

#endif
