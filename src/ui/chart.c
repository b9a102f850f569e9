/* chart.c: the stacked bar chart widget (see chart.h for layout and rules). */
#include <config.h>

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "core/credits.h"
#include "core/i18n.h"
#include "core/util.h"
#include "ui/chart.h"
#include "ui/glyphs.h"
#include "ui/widgets.h"

#define LABEL_MAX 24      /* a y-axis label: "18.44E" at most */
#define MAX_TICKS 5       /* y intervals at most */
#define LEGEND_GAP 2      /* columns between legend items */

/* Lower eighth blocks: eighths[n] fills n/8 of a cell from the bottom. */
static const char *const eighths[9] = {
	" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"
};
/* Monochrome fills, densest first, so series 0 (usually the largest) is solid. */
static const char *const fill_utf8[CHART_MAX_SERIES] = {
	"\u2588", "\u2593", "\u2592", "\u2591", "\u259a", "\u2596"
};
static const char *const fill_ascii[CHART_MAX_SERIES] = { "#", "=", "+", ":", "%", "o" };

int64_t
chart_sat_add(int64_t a, int64_t b)
{
	if (a < 0)
		a = 0;
	if (b < 0)
		b = 0;
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

/*
 * Schoolbook multiply-divide over the bits of units: keeps v * (bits so far)
 * as q * top + r with r < top, doubling and adding modulo top without ever
 * forming a product, so no 128-bit type is needed and nothing overflows.
 */
uint64_t
chart_scale(uint64_t v, uint64_t top, uint32_t units)
{
	uint64_t q = 0, r = 0;
	int i;

	if (top == 0)
		return 0;
	if (v >= top)
		return units;
	for (i = 31; i >= 0; i--) {
		q <<= 1;
		if (r >= top - r) {
			r -= top - r;
			q++;
		} else {
			r += r;
		}
		if ((units >> i) & 1u) {
			if (r >= top - v) {
				r -= top - v;
				q++;
			} else {
				r += v;
			}
		}
	}
	return q;
}

int
chart_ticks(uint64_t max, int target, uint64_t *step, uint64_t *top)
{
	static const unsigned mult[] = { 10, 20, 25, 50 };   /* x 10^n / 10 */
	uint64_t base, s, n;
	size_t i;

	if (target < 1)
		target = 1;
	if (max == 0) {
		*step = 1;
		*top = 0;
		return 0;
	}
	for (base = 1;; base *= 10) {
		for (i = 0; i < sizeof mult / sizeof mult[0]; i++) {
			if (base == 1 && mult[i] == 25)
				continue;   /* 2.5 is not an integer */
			if (base / 10 > UINT64_MAX / mult[i])
				continue;   /* beyond 64 bits */
			s = base == 1 ? mult[i] / 10 : base / 10 * mult[i];
			n = max / s + (max % s != 0);
			if (n <= (uint64_t)target && s <= UINT64_MAX / n) {
				*step = s;
				*top = s * n;
				return (int)n;
			}
		}
		if (base > UINT64_MAX / 10)
			break;
	}
	/* Only for max beyond INT64_MAX: not round, but covers max. */
	*step = max / (uint64_t)target + (max % (uint64_t)target != 0);
	*top = max;
	return target;
}

int
chart_fmt_compact(char *buf, size_t n, uint64_t v, const char *point)
{
	static const char units[] = "kMGTPE";
	uint64_t u = 1, ip, d;
	int k = -1, len;

	if (!point)
		point = ".";
	while (k < 5 && v / 1000 >= u) {
		u *= 1000;
		k++;
	}
	if (k < 0) {
		len = snprintf(buf, n, "%" PRIu64, v);
	} else {
		ip = v / u;
		d = v % u / (u / 100);   /* two decimals, truncated */
		if (d == 0)
			len = snprintf(buf, n, "%" PRIu64 "%c", ip, units[k]);
		else if (d % 10 == 0)
			len = snprintf(buf, n, "%" PRIu64 "%s%" PRIu64 "%c", ip, point, d / 10, units[k]);
		else
			len = snprintf(buf, n, "%" PRIu64 "%s%02" PRIu64 "%c", ip, point, d, units[k]);
	}
	if (len < 0 || (size_t)len >= n) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return len;
}

int
chart_layout(int nslots, int cols, struct chart_geom *g)
{
	memset(g, 0, sizeof *g);
	if (cols < 1)
		return -1;
	g->bucket = 1;
	g->pitch = 1;
	g->bar_w = 1;
	if (nslots <= 0)
		return 0;
	if (nslots > cols) {
		g->bucket = nslots / cols + (nslots % cols != 0);
		g->nbars = nslots / g->bucket + (nslots % g->bucket != 0);
		g->pad = g->nbars * g->bucket - nslots;
		return 0;
	}
	g->nbars = nslots;
	g->pitch = cols / nslots;
	if (g->pitch > CHART_MAX_PITCH)
		g->pitch = CHART_MAX_PITCH;
	g->gap = g->pitch >= 4 ? g->pitch / 4 : g->pitch >= 2 ? 1 : 0;
	g->bar_w = g->pitch - g->gap;
	return 0;
}

int
chart_bar_of(const struct chart_geom *g, int slot)
{
	return (slot + g->pad) / g->bucket;
}

void
chart_bar_slots(const struct chart_geom *g, int nslots, int b, int *first, int *last)
{
	*first = b * g->bucket - g->pad;
	*last = *first + g->bucket - 1;
	if (*first < 0)
		*first = 0;
	if (*last > nslots - 1)
		*last = nslots - 1;
}

int
chart_cell(const uint64_t *cum, int k, int j, int *fill)
{
	uint64_t lo = (uint64_t)j * 8, hi, prev = 0, a, b, ov, best_ov = 0;
	int s, best = -1;

	*fill = 0;
	if (k < 1 || j < 0 || lo >= cum[k - 1])
		return -1;
	hi = cum[k - 1] < lo + 8 ? cum[k - 1] : lo + 8;
	for (s = 0; s < k; s++) {
		a = prev > lo ? prev : lo;
		b = cum[s] < hi ? cum[s] : hi;
		ov = b > a ? b - a : 0;
		if (ov > best_ov) {
			best_ov = ov;
			best = s;
		}
		if (cum[s] > prev)
			prev = cum[s];
	}
	*fill = (int)(hi - lo);
	return best;
}

static const char *
str_or_empty(const char *s)
{
	return s ? s : "";
}

/* Per-series sums of bar b (saturating); returns the bar's total. */
static int64_t
bar_sums(const struct chart_data *d, const struct chart_geom *g, int b, int64_t *vals)
{
	int first, last, slot, s;
	int64_t total = 0;

	memset(vals, 0, sizeof(int64_t) * CHART_MAX_SERIES);
	chart_bar_slots(g, d->nslots, b, &first, &last);
	for (slot = first; slot <= last; slot++)
		for (s = 0; s < d->nseries; s++)
			vals[s] = chart_sat_add(vals[s], d->values[(size_t)slot * (size_t)d->nseries + (size_t)s]);
	for (s = 0; s < d->nseries; s++)
		total = chart_sat_add(total, vals[s]);
	return total;
}

/* Everything that depends on the y-label width, computed together because
 * the width sets the plot width, which sets the buckets, which set the max. */
struct plan {
	struct chart_geom g;
	int lw;                 /* y-label column width */
	int pw;                 /* plot columns */
	int nt;                 /* y intervals (0: no data) */
	uint64_t step, top;
	char labels[MAX_TICKS + 1][LABEL_MAX];
};

static int
plan_make(struct plan *p, const struct chart_data *d, int w, int ph, int lw, const char *point)
{
	int b, i, target, need = 1, len;
	int64_t vals[CHART_MAX_SERIES];
	uint64_t max = 0, t;

	p->lw = lw;
	p->pw = w - lw - 2;
	if (chart_layout(d->nslots, p->pw, &p->g) < 0)
		return -1;
	for (b = 0; b < p->g.nbars; b++) {
		t = (uint64_t)bar_sums(d, &p->g, b, vals);
		if (t > max)
			max = t;
	}
	target = ph / 2;
	if (target > MAX_TICKS)
		target = MAX_TICKS;
	p->nt = chart_ticks(max, target, &p->step, &p->top);
	for (i = 0; i <= p->nt; i++) {
		len = chart_fmt_compact(p->labels[i], LABEL_MAX, p->step * (uint64_t)i, point);
		if (len > need)
			need = len;
	}
	return need;
}

static const char *
series_fill(const struct canvas *c, int color, int s)
{
	if (c->utf8)
		return color ? eighths[8] : fill_utf8[s];
	return color ? fill_ascii[0] : fill_ascii[s];
}

/* Lines the legend takes in w columns with names cut to namew columns. */
static int
legend_lines(const struct canvas *c, const struct chart_data *d, int w, int namew)
{
	int s, col = 0, lines = 1, item, nw;

	for (s = 0; s < d->nseries; s++) {
		nw = canvas_text_width(c, str_or_empty(d->series_names[s]));
		item = 2 + (nw < namew ? nw : namew);
		if (col > 0 && col + LEGEND_GAP + item > w) {
			lines++;
			col = 0;
		}
		col += (col > 0 ? LEGEND_GAP : 0) + item;
	}
	return lines;
}

static void
draw_legend(struct canvas *c, const struct chart_data *d, const struct chart_opts *o,
            int x, int y, int w, int rows)
{
	int s, col = 0, row = 0, item, nw, namew = w;

	/* Shorten every name alike until the legend fits its rows. */
	while (namew > 1 && legend_lines(c, d, w, namew) > rows)
		namew--;
	for (s = 0; s < d->nseries; s++) {
		nw = canvas_text_width(c, str_or_empty(d->series_names[s]));
		if (nw > namew)
			nw = namew;
		item = 2 + nw;
		if (col > 0 && col + LEGEND_GAP + item > w) {
			row++;
			col = 0;
		}
		if (row >= rows)
			return;
		if (col > 0)
			col += LEGEND_GAP;
		canvas_text(c, x + col, y + row, 1, ST_SERIES_0 + s, series_fill(c, o->color, s));
		draw_text_fit(c, x + col + 2, y + row, w - col - 2 < nw ? w - col - 2 : nw,
		         ST_NORMAL, str_or_empty(d->series_names[s]));
		col += item;
	}
}

static void
draw_yaxis(struct canvas *c, const struct plan *p, int x, int y, int ph)
{
	const struct glyphs *gl = glyphs_for(c->utf8);
	int ax = x + p->lw + 1, i, r, last = -1, len;

	for (r = 0; r < ph; r++)
		canvas_text(c, ax, y + r, 1, ST_DIM, gl->v);
	canvas_text(c, ax, y + ph, 1, ST_DIM, gl->bl);
	canvas_fill(c, ax + 1, y + ph, p->pw, 1, ST_DIM, gl->h);
	for (i = 0; i <= p->nt; i++) {
		/* Tick i sits on the row where a bar of exactly that value ends;
		 * 0 sits on the axis itself. */
		r = i == 0 ? -1 : (i * ph + p->nt - 1) / p->nt - 1;
		if (i > 0 && r == last)
			continue;
		last = r;
		len = (int)strlen(p->labels[i]);
		canvas_text(c, len < p->lw ? x + p->lw - len : x, y + ph - 1 - r, p->lw,
		            ST_DIM, p->labels[i]);
		if (i > 0)
			canvas_text(c, ax, y + ph - 1 - r, 1, ST_DIM, gl->rtee);
	}
}

static void
draw_bar(struct canvas *c, const struct plan *p, const struct chart_data *d,
         const struct chart_opts *o, int b, int bx, int y, int ph)
{
	int64_t vals[CHART_MAX_SERIES], cum = 0, total;
	uint64_t edge[CHART_MAX_SERIES];
	int s, j, fill, owner, drawn = 0, solid, big = 0;
	const char *glyph;

	total = bar_sums(d, &p->g, b, vals);
	if (total == 0)
		return;
	for (s = 0; s < d->nseries; s++) {
		cum = chart_sat_add(cum, vals[s]);
		edge[s] = chart_scale((uint64_t)cum, p->top, (uint32_t)ph * 8);
		if (vals[s] > vals[big])
			big = s;
	}
	for (j = 0; j < ph; j++) {
		owner = chart_cell(edge, d->nseries, j, &fill);
		if (owner < 0)
			break;
		solid = c->utf8 && (o->color || owner == 0);
		if (solid)
			glyph = eighths[fill];
		else if (fill >= 4)
			glyph = series_fill(c, o->color, owner);
		else
			continue;
		canvas_fill(c, bx, y + ph - 1 - j, p->g.bar_w, 1, ST_SERIES_0 + owner, glyph);
		drawn = 1;
	}
	if (!drawn)   /* non-zero but under the resolution: never look like zero */
		canvas_fill(c, bx, y + ph - 1, p->g.bar_w, 1, ST_SERIES_0 + big,
		            c->utf8 ? eighths[1] : "_");
}

static int
bar_x(const struct plan *p, int px, int b)
{
	return px + b * p->g.pitch + (p->g.gap + 1) / 2;
}

static const char *
bar_label(const struct chart_data *d, const struct plan *p, int b)
{
	int first, last;

	chart_bar_slots(&p->g, d->nslots, b, &first, &last);
	return str_or_empty(d->slot_labels[first]);
}

/* Where a label centred under bar b starts, kept inside [x, x + w). */
static int
label_x(const struct plan *p, int px, int b, int lw, int x, int w)
{
	int sx = bar_x(p, px, b) + (p->g.bar_w - 1) / 2 - (lw - 1) / 2;

	if (sx + lw > x + w)
		sx = x + w - lw;
	if (sx < x)
		sx = x;
	return sx;
}

static void
draw_xlabels(struct canvas *c, const struct plan *p, const struct chart_data *d,
             int sel_bar, int x, int y, int w)
{
	int px = x + p->lw + 2, b, m, maxw = 1, lw, sx;
	int sel_s = 0, sel_e = -1, right = x + w + 2;

	if (!d->slot_labels || p->g.nbars == 0)
		return;
	for (b = 0; b < p->g.nbars; b++) {
		lw = canvas_text_width(c, bar_label(d, p, b));
		if (lw > maxw)
			maxw = lw;
	}
	if (sel_bar >= 0) {
		lw = canvas_text_width(c, bar_label(d, p, sel_bar));
		sel_s = label_x(p, px, sel_bar, lw, x, w);
		sel_e = sel_s + lw;
		canvas_text(c, sel_s, y, w, ST_SELECTED, bar_label(d, p, sel_bar));
	}
	/* Every m-th bar, counted from the most recent, two columns apart. */
	m = (maxw + 2 + p->g.pitch - 1) / p->g.pitch;
	for (b = p->g.nbars - 1; b >= 0; b -= m) {
		if (b == sel_bar)
			continue;
		lw = canvas_text_width(c, bar_label(d, p, b));
		sx = label_x(p, px, b, lw, x, w);
		if (sx + lw + 2 > right)
			continue;   /* too close to the label on its right */
		if (sel_e >= 0 && sx < sel_e + 2 && sx + lw + 2 > sel_s)
			continue;   /* too close to the selected label */
		canvas_text(c, sx, y, w, ST_DIM, bar_label(d, p, b));
		right = sx;
	}
}

int
chart_draw(struct canvas *c, int x, int y, int w, int h,
           const struct chart_data *d, const struct chart_opts *o,
           struct chart_pick *pick)
{
	struct plan p;
	const char *point = localeconv()->decimal_point;
	const char *note;
	int ph, legend = 0, lw = 1, need, i, b, px, sel_bar = -1, first, last, s, tw;
	int64_t vals[CHART_MAX_SERIES];

	if (pick) {
		memset(pick, 0, sizeof *pick);
		pick->first = pick->last = -1;
		pick->bucket = 1;
	}
	if (!c || !d || !o || d->nseries < 1 || d->nseries > CHART_MAX_SERIES ||
	    d->nslots < 0 || (d->nslots > 0 && !d->values))
		return -1;
	if (!point || !*point)
		point = ".";
	if (d->series_names) {
		legend = legend_lines(c, d, w, w);
		if (legend > (h >= 10 ? 2 : 1))
			legend = h >= 10 ? 2 : 1;
	}
	ph = h - 2 - legend;
	if (ph < 2) {
		legend = 0;
		ph = h - 2;
	}
	if (ph < 2)
		return -1;
	/* The label width and the buckets depend on each other; a few rounds settle it. */
	for (i = 0; i < 4; i++) {
		need = plan_make(&p, d, w, ph, lw, point);
		if (need < 0)
			return -1;
		if (need <= lw)
			break;
		lw = need;
	}
	if (p.pw < 8)
		return -1;
	px = x + p.lw + 2;

	draw_yaxis(c, &p, x, y, ph);
	for (b = 0; b < p.g.nbars; b++)
		draw_bar(c, &p, d, o, b, bar_x(&p, px, b), y, ph);
	if (p.nt == 0) {
		note = _("no usage in this range");
		tw = canvas_text_width(c, note);
		canvas_text(c, tw < p.pw ? px + (p.pw - tw) / 2 : px, y + (ph - 1) / 2, p.pw,
		            ST_DIM, note);
	}
	if (d->marks) {
		for (s = 0; s < d->nslots; s++)
			if (d->marks[s])
				canvas_text(c, bar_x(&p, px, chart_bar_of(&p.g, s)) + (p.g.bar_w - 1) / 2, y + ph, 1,
				            ST_WARN, "!");
	}
	if (o->selected >= 0 && o->selected < d->nslots) {
		sel_bar = chart_bar_of(&p.g, o->selected);
		canvas_text(c, bar_x(&p, px, sel_bar) + (p.g.bar_w - 1) / 2, y + ph, 1,
		            ST_SELECTED, c->utf8 ? "\u25b2" : "^");
		if (pick) {
			chart_bar_slots(&p.g, d->nslots, sel_bar, &first, &last);
			pick->first = first;
			pick->last = last;
			pick->total = bar_sums(d, &p.g, sel_bar, vals);
			for (s = 0; s < d->nseries; s++)
				pick->values[s] = vals[s];
		}
	}
	if (pick)
		pick->bucket = p.g.bucket;
	draw_xlabels(c, &p, d, sel_bar, x, y + ph + 1, w);
	if (legend > 0)
		draw_legend(c, d, o, x, y + ph + 2, w, legend);
	return 0;
}

int
chart_format_pick(const struct chart_data *d, const struct chart_pick *pick,
                  char *buf, size_t n)
{
	struct strbuf sb;
	char num[32], head[128];
	int s;

	if (n > 0)
		buf[0] = '\0';
	if (!d || !pick || pick->first < 0 || pick->last >= d->nslots || d->nseries > CHART_MAX_SERIES)
		return -1;
	strbuf_init(&sb, buf, n);
	if (d->slot_labels) {
		if (pick->last > pick->first)
			snprintf(head, sizeof head, _("%s to %s"),
			         str_or_empty(d->slot_labels[pick->first]),
			         str_or_empty(d->slot_labels[pick->last]));
		else
			snprintf(head, sizeof head, "%s", str_or_empty(d->slot_labels[pick->first]));
		strbuf_add(&sb, head);
		strbuf_add(&sb, ": ");
	}
	if (credits_format(num, sizeof num, pick->total) < 0)
		return -1;
	/* ngettext takes an unsigned long; the plural form only needs the low digits. */
	snprintf(head, sizeof head,
	         P_("%s credit", "%s credits", (unsigned long)(pick->total % 1000000000)), num);
	strbuf_add(&sb, head);
	if (d->series_names && d->nseries > 1) {
		strbuf_add(&sb, " (");
		for (s = 0; s < d->nseries; s++) {
			if (credits_format(num, sizeof num, pick->values[s]) < 0)
				return -1;
			if (s > 0)
				strbuf_add(&sb, ", ");
			strbuf_add(&sb, str_or_empty(d->series_names[s]));
			strbuf_addc(&sb, ' ');
			strbuf_add(&sb, num);
		}
		strbuf_addc(&sb, ')');
	}
	return strbuf_finish(&sb);
}
