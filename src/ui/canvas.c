/* canvas.c: the off-screen grid of styled cells behind every screen and print. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/grapheme.h"
#include "core/text.h"
#include "ui/canvas.h"

struct canvas *
canvas_new(int w, int h, int utf8)
{
	struct canvas *c;

	if (w <= 0 || h <= 0 || (size_t)w > SIZE_MAX / sizeof(struct cell) / (size_t)h)
		return NULL;
	c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->cells = calloc((size_t)w * (size_t)h, sizeof *c->cells);
	c->row_item = calloc((size_t)h, sizeof *c->row_item);
	if (!c->cells || !c->row_item) {
		free(c->cells);
		free(c->row_item);
		free(c);
		return NULL;
	}
	c->w = w;
	c->h = h;
	c->utf8 = utf8 ? 1 : 0;
	canvas_clear(c);
	return c;
}

void
canvas_free(struct canvas *c)
{
	if (!c)
		return;
	free(c->cells);
	free(c->row_item);
	free(c);
}

static void
cell_blank(struct cell *cl)
{
	cl->ch[0] = ' ';
	cl->ch[1] = '\0';
	cl->style = ST_NORMAL;
	cl->wide = 0;
}

void
canvas_clear(struct canvas *c)
{
	int i;

	for (i = 0; i < c->w * c->h; i++)
		cell_blank(&c->cells[i]);
	for (i = 0; i < c->h; i++)
		c->row_item[i] = -1;
	c->list_sel = -1;
}

void
canvas_list_row(struct canvas *c, int y, int item, int sel)
{
	if (!c || y < 0 || y >= c->h)
		return;
	c->row_item[y] = item;
	c->list_sel = sel;
}

int
canvas_list_item(const struct canvas *c, int y, int *sel)
{
	if (!c || y < 0 || y >= c->h || c->row_item[y] < 0)
		return -1;
	*sel = c->list_sel;
	return c->row_item[y];
}

const struct cell *
canvas_at(const struct canvas *c, int x, int y)
{
	if (!c || x < 0 || y < 0 || x >= c->w || y >= c->h)
		return NULL;
	return &c->cells[y * c->w + x];
}

static struct cell *
cell_at(struct canvas *c, int x, int y)
{
	return (struct cell *)canvas_at(c, x, y);
}

/* Blanks the other half of a double-width character that (x, y) belongs to. */
static void
break_wide(struct canvas *c, int x, int y)
{
	struct cell *cl = cell_at(c, x, y), *o;

	if (!cl)
		return;
	if (cl->wide) {
		o = cell_at(c, x + 1, y);
		if (o)
			cell_blank(o);
	} else if (cl->ch[0] == '\0') {
		o = cell_at(c, x - 1, y);
		if (o)
			cell_blank(o);
	}
}

/* Puts one character of `cols` columns (1 or 2) at x, y. */
static void
put_char(struct canvas *c, int x, int y, const char *ch, size_t len, int cols, int style)
{
	struct cell *cl, *r;

	cl = cell_at(c, x, y);
	if (!cl)
		return;
	if (cols == 2 && x + 1 >= c->w) {
		/* A wide character that would straddle the right edge: a blank. */
		break_wide(c, x, y);
		cell_blank(cl);
		cl->style = (unsigned char)style;
		return;
	}
	break_wide(c, x, y);
	if (cols == 2)
		break_wide(c, x + 1, y);
	if (len >= CELL_BYTES)
		len = CELL_BYTES - 1;
	memcpy(cl->ch, ch, len);
	cl->ch[len] = '\0';
	cl->style = (unsigned char)style;
	cl->wide = cols == 2;
	if (cols == 2) {
		r = cell_at(c, x + 1, y);
		r->ch[0] = '\0';
		r->style = (unsigned char)style;
		r->wide = 0;
	}
}

/* Appends a combining mark to the cell left of x, if it has room. */
static void
add_combining(struct canvas *c, int x, int y, const char *ch, size_t len)
{
	struct cell *cl = cell_at(c, x - 1, y);
	size_t have;

	if (cl && cl->ch[0] == '\0')
		cl = cell_at(c, x - 2, y);
	if (!cl)
		return;
	have = strlen(cl->ch);
	if (have + len < CELL_BYTES) {
		memcpy(cl->ch + have, ch, len);
		cl->ch[have + len] = '\0';
	}
}

/* Walks s cluster by cluster as the canvas would draw it; draws when draw is
 * set.  Returns columns. */
static int
text_walk(struct canvas *c, int utf8, int x, int y, int max_cols, int style, const char *s, int draw)
{
	const char *p = s;
	struct grapheme g;
	int used = 0, i;

	while (*p) {
		grapheme_next(p, &g);
		p += g.len;
		if (g.draw_len == 0)
			continue;   /* a control: never on the grid */
		if (g.cols == 0) {
			/* a mark that joins the character drawn before it */
			if (draw && utf8 && !g.invalid)
				add_combining(c, x + used, y, g.draw, g.draw_len);
			continue;
		}
		if (max_cols >= 0 && used + g.cols > max_cols)
			break;
		if (utf8 && !g.invalid) {
			if (draw)
				put_char(c, x + used, y, g.draw, g.draw_len, g.cols, style);
			used += g.cols;
		} else if ((unsigned char)g.draw[0] < 0x80) {
			/* ASCII canvas: an ASCII base keeps its letter, its marks go */
			if (draw)
				put_char(c, x + used, y, g.draw, 1, 1, style);
			used++;
		} else {
			/* ASCII canvas, or an invalid byte: '?' in every column it would take. */
			for (i = 0; i < g.cols; i++) {
				if (draw)
					put_char(c, x + used, y, "?", 1, 1, style);
				used++;
			}
		}
	}
	return used;
}

/* 1 when s holds an escape or a C1 control: what introduces parameters the
 * sanitiser removes with it (other controls are skipped by text_walk). */
static int
needs_sanitize(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++)
		if (*p == 0x1b || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) ||
		    (*p >= 0x80 && *p <= 0x9f && (p == (const unsigned char *)s || p[-1] < 0xc0)))
			return 1;
	return 0;
}

int
canvas_text(struct canvas *c, int x, int y, int max_cols, int style, const char *s)
{
	char stack[1024], *tmp = NULL;
	size_t len;
	int used;

	if (!c || !s)
		return 0;
	if (!needs_sanitize(s))
		return text_walk(c, c->utf8, x, y, max_cols, style, s, 1);
	/* Whatever a caller forgot, an escape sequence never reaches the grid
	 * with its parameters drawn as text (ids are stored exactly, raw). */
	len = strlen(s);
	tmp = len < sizeof stack ? stack : malloc(len + 1);
	if (!tmp)
		return 0;
	memcpy(tmp, s, len + 1);
	text_sanitize(tmp);
	used = text_walk(c, c->utf8, x, y, max_cols, style, tmp, 1);
	if (tmp != stack)
		free(tmp);
	return used;
}

int
canvas_text_width(const struct canvas *c, const char *s)
{
	char stack[1024], *tmp;
	size_t len;
	int w;

	if (!s)
		return 0;
	if (!needs_sanitize(s))
		return text_walk(NULL, c ? c->utf8 : 1, 0, 0, -1, 0, s, 0);
	len = strlen(s);
	tmp = len < sizeof stack ? stack : malloc(len + 1);
	if (!tmp)
		return 0;
	memcpy(tmp, s, len + 1);
	text_sanitize(tmp);
	w = text_walk(NULL, c ? c->utf8 : 1, 0, 0, -1, 0, tmp, 0);
	if (tmp != stack)
		free(tmp);
	return w;
}

int
canvas_printf(struct canvas *c, int x, int y, int max_cols, int style, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return canvas_text(c, x, y, max_cols, style, buf);
}

void
canvas_fill(struct canvas *c, int x, int y, int w, int h, int style, const char *glyph)
{
	int gw, i, j;

	if (!c || !glyph)
		return;
	gw = canvas_text_width(c, glyph);
	if (gw <= 0)
		gw = 1;
	for (j = y; j < y + h; j++) {
		if (j < 0 || j >= c->h)
			continue;
		for (i = x; i + gw <= x + w; i += gw)
			canvas_text(c, i, j, gw, style, glyph);
	}
}

void
canvas_style(struct canvas *c, int x, int y, int w, int style)
{
	struct cell *cl;
	int i;

	for (i = x; i < x + w; i++) {
		cl = cell_at(c, i, y);
		if (cl)
			cl->style = (unsigned char)style;
	}
}

int
canvas_write(const struct canvas *c, FILE *out)
{
	const struct cell *row;
	int x, y, end;

	for (y = 0; y < c->h; y++) {
		row = &c->cells[y * c->w];
		end = c->w;
		while (end > 0 && (strcmp(row[end - 1].ch, " ") == 0))
			end--;
		for (x = 0; x < end; x++) {
			if (row[x].ch[0] != '\0')
				fputs(row[x].ch, out);
		}
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

int
canvas_rows_used(const struct canvas *c)
{
	int x, y;

	for (y = c->h - 1; y >= 0; y--)
		for (x = 0; x < c->w; x++)
			if (strcmp(c->cells[y * c->w + x].ch, " ") != 0)
				return y + 1;
	return 0;
}

int
cell_equal(const struct cell *a, const struct cell *b)
{
	return a->style == b->style && a->wide == b->wide && strcmp(a->ch, b->ch) == 0;
}
