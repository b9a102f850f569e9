/* widgets.c: text fitting, rules, boxes, wrapping, gauges and list movement. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/grapheme.h"
#include "core/i18n.h"
#include "ui/glyphs.h"
#include "ui/widgets.h"

int
draw_text_fit(struct canvas *c, int x, int y, int cols, int style, const char *s)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	int w, ew, used;

	if (cols <= 0 || !s)
		return 0;
	w = canvas_text_width(c, s);
	if (w <= cols)
		return canvas_text(c, x, y, cols, style, s);
	ew = canvas_text_width(c, g->ellipsis);
	if (cols <= ew)
		return canvas_text(c, x, y, cols, style, s);
	used = canvas_text(c, x, y, cols - ew, style, s);
	return used + canvas_text(c, x + used, y, ew, style, g->ellipsis);
}

int
draw_text_right(struct canvas *c, int x_end, int y, int cols, int style, const char *s)
{
	int w = canvas_text_width(c, s);

	if (w > cols)
		w = cols;
	return draw_text_fit(c, x_end - w, y, w, style, s);
}

int
draw_text_center(struct canvas *c, int x, int y, int w, int style, const char *s)
{
	int tw = canvas_text_width(c, s);

	if (tw > w)
		tw = w;
	return draw_text_fit(c, x + (w - tw) / 2, y, tw, style, s);
}

void
draw_hline(struct canvas *c, int x, int y, int w, int style)
{
	canvas_fill(c, x, y, w, 1, style, glyphs_for(c->utf8)->h);
}

void
draw_box(struct canvas *c, int x, int y, int w, int h, int style, const char *title)
{
	const struct glyphs *g = glyphs_for(c->utf8);

	if (w < 2 || h < 2)
		return;
	canvas_fill(c, x, y, w, h, style, " ");
	canvas_fill(c, x + 1, y, w - 2, 1, style, g->h);
	canvas_fill(c, x + 1, y + h - 1, w - 2, 1, style, g->h);
	canvas_fill(c, x, y + 1, 1, h - 2, style, g->v);
	canvas_fill(c, x + w - 1, y + 1, 1, h - 2, style, g->v);
	canvas_text(c, x, y, 1, style, g->tl);
	canvas_text(c, x + w - 1, y, 1, style, g->tr);
	canvas_text(c, x, y + h - 1, 1, style, g->bl);
	canvas_text(c, x + w - 1, y + h - 1, 1, style, g->br);
	if (title && *title && w > 6) {
		canvas_text(c, x + 2, y, 1, style, " ");
		int used = draw_text_fit(c, x + 3, y, w - 6, style, title);
		canvas_text(c, x + 3 + used, y, 1, style, " ");
	}
}

/* Width in columns of the first k bytes of s. */
static int
width_n(struct canvas *c, const char *s, size_t k)
{
	char buf[512];

	if (k >= sizeof buf)
		k = sizeof buf - 1;
	memcpy(buf, s, k);
	buf[k] = '\0';
	return canvas_text_width(c, buf);
}

/* Draws the first k bytes of s. */
static void
text_n(struct canvas *c, int x, int y, int cols, int style, const char *s, size_t k)
{
	char buf[512];

	if (!c)
		return;
	if (k >= sizeof buf)
		k = sizeof buf - 1;
	memcpy(buf, s, k);
	buf[k] = '\0';
	canvas_text(c, x, y, cols, style, buf);
}

/* Bytes of the longest prefix of s (at most k bytes) that fits in cols;
 * whole grapheme clusters only (a word is never cut inside one). */
static size_t
fit_prefix(struct canvas *c, const char *s, size_t k, int cols)
{
	struct grapheme g;
	size_t n = 0, step;

	while (n < k) {
		grapheme_next(s + n, &g);
		step = g.len < k - n ? g.len : k - n;
		if (width_n(c, s, n + step) > cols)
			break;
		n += step;
	}
	return n ? n : (k ? 1 : 0);
}

int
draw_wrap(struct canvas *c, int x, int y, int w, int max_rows, int style, const char *s)
{
	int row = 0, col = 0, ww;
	const char *p = s, *word;
	size_t wl, cut;

	if (w <= 0 || !s)
		return 0;
	while (*p) {
		if (*p == '\n') {
			row++;
			col = 0;
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		word = p;
		while (*p && *p != ' ' && *p != '\n')
			p++;
		wl = (size_t)(p - word);
		ww = width_n(c, word, wl);
		if (col > 0 && col + 1 + ww > w) {
			row++;
			col = 0;
		}
		if (col > 0)
			col++;
		/* A word longer than the line is broken where it meets the edge. */
		while (ww > w - col && wl > 0) {
			cut = fit_prefix(c, word, wl, w - col);
			if (max_rows < 0 || row < max_rows)
				text_n(c, x + col, y + row, w - col, style, word, cut);
			word += cut;
			wl -= cut;
			ww = width_n(c, word, wl);
			row++;
			col = 0;
		}
		if (wl > 0) {
			if (max_rows < 0 || row < max_rows)
				text_n(c, x + col, y + row, w - col, style, word, wl);
			col += ww;
		}
	}
	row += col > 0 ? 1 : 0;
	if (max_rows >= 0 && row > max_rows)
		row = max_rows;
	return row;
}

void
draw_gauge(struct canvas *c, int x, int y, int w, int64_t num, int64_t den,
           int fill_style, int empty_style)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	int64_t eighths;
	int full, part, i;

	if (w <= 0)
		return;
	if (den <= 0 || num < 0)
		num = 0;
	if (den > 0 && num > den)
		num = den;
	/* Scaled down together so num * w * 8 cannot overflow. */
	while (den > 0 && num > INT64_MAX / ((int64_t)w * 8)) {
		num /= 2;
		den /= 2;
	}
	/* Eighths of a cell filled, rounded down so a gauge is full only at 100%. */
	eighths = den > 0 ? num * w * 8 / den : 0;
	full = (int)(eighths / 8);
	part = (int)(eighths % 8);
	for (i = 0; i < w; i++) {
		if (i < full)
			canvas_text(c, x + i, y, 1, fill_style, g->full);
		else if (i == full && part > 0)
			canvas_text(c, x + i, y, 1, c->utf8 ? fill_style : (part >= 4 ? fill_style : empty_style),
			            g->part[part]);
		else
			canvas_text(c, x + i, y, 1, empty_style, g->empty);
	}
}

void
draw_field(struct canvas *c, int x, int y, int label_w, int w, const char *label,
           int value_style, const char *value)
{
	draw_text_fit(c, x, y, label_w - 1, ST_DIM, label);
	draw_text_fit(c, x + label_w, y, w - label_w, value_style, value);
}

int
list_key(struct list_pos *l, int key, int page)
{
	if (page < 1)
		page = 1;
	switch (key) {
	case 'j': case KEY_DOWN: l->sel++; break;
	case 'k': case KEY_UP: l->sel--; break;
	case KEY_NPAGE: case ' ': l->sel += page; break;
	case KEY_PPAGE: l->sel -= page; break;
	case KEY_HOME: case 'g': l->sel = 0; break;
	case KEY_END: case 'G': l->sel = l->n - 1; break;
	default: return 0;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	return 1;
}

void
list_clamp(struct list_pos *l, int rows)
{
	if (rows < 1)
		rows = 1;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->top > l->n - rows)
		l->top = l->n - rows;
	if (l->top < 0)
		l->top = 0;
}

int
list_find(int n, int sel, int dir, int from_sel, int (*match)(void *ctx, int i), void *ctx)
{
	/* k steps from sel; without from_sel the selection itself comes last */
	int k, i, r, last = from_sel ? n - 1 : n;

	if (n <= 0)
		return -1;
	dir = dir < 0 ? -1 : 1;
	for (k = from_sel ? 0 : 1; k <= last; k++) {
		i = (((sel + dir * k) % n) + n) % n;
		r = match(ctx, i);
		if (r < 0)
			return -2;
		if (r == 1)
			return i;
	}
	return -1;
}

int
text_icontains(const char *hay, const char *needle)
{
	size_t i, j, nl = strlen(needle);

	if (nl == 0)
		return 1;
	for (i = 0; hay[i]; i++) {
		for (j = 0; j < nl && hay[i + j]; j++) {
			unsigned char a = (unsigned char)hay[i + j], b = (unsigned char)needle[j];

			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (j == nl)
			return 1;
	}
	return 0;
}

void
list_found_note(char *msg, size_t n, const char *query, int row, int total)
{
	snprintf(msg, n, _("\"%s\": row %d of %d (n/N: next/previous)"), query, row + 1, total);
}
