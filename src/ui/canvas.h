/* canvas.h: an off-screen grid of styled cells.
 *
 * Views and widgets draw into a canvas, never into curses directly, so the
 * same drawing code serves the dashboard (tui blits the canvas, repainting
 * only changed cells) and `billtop print` / the golden tests (the canvas
 * written out as plain text).  Coordinates are columns and rows from the
 * top-left; everything drawn outside the canvas is clipped, never an error.
 */
#ifndef BILLTOP_CANVAS_H
#define BILLTOP_CANVAS_H

#include <stdio.h>

#include "ui/theme.h"

#define CELL_BYTES 16  /* one grapheme cluster (core/grapheme.h), UTF-8, NUL-terminated */

struct cell {
	char ch[CELL_BYTES];   /* "" in the right half of a double-width character */
	unsigned char style;   /* enum style */
	unsigned char wide;    /* 1 on the left half of a double-width character */
};

struct canvas {
	int w, h;
	int utf8;              /* 1: UTF-8 glyphs allowed; 0: ASCII only */
	struct cell *cells;    /* w * h, row-major; owned */
	/* The list item drawn on each row (-1: none) and the list's selection
	 * when it was drawn: a mouse click on a row selects that item. */
	int *row_item;         /* h entries; owned */
	int list_sel;
};

/* Returns NULL when w or h is not positive or memory runs out. */
struct canvas *canvas_new(int w, int h, int utf8);
void canvas_free(struct canvas *c);
void canvas_clear(struct canvas *c);
/* Draws a UTF-8 string (already sanitised) at x,y, clipped to the canvas
 * and to max_cols columns (<0: no limit); returns the columns used.  In an
 * ASCII canvas every non-ASCII character is drawn as '?'. */
int canvas_text(struct canvas *c, int x, int y, int max_cols, int style, const char *s);
/* printf into the canvas; same clipping as canvas_text. */
int canvas_printf(struct canvas *c, int x, int y, int max_cols, int style, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Fills w x h cells from x,y with one glyph (UTF-8) and style. */
void canvas_fill(struct canvas *c, int x, int y, int w, int h, int style, const char *glyph);
/* Sets the style of w cells from x,y, keeping their characters. */
void canvas_style(struct canvas *c, int x, int y, int w, int style);
/* Writes the canvas as text, one line per row, trailing blanks removed. */
int canvas_write(const struct canvas *c, FILE *out);
/* Row y shows item `item` of the list whose selection is `sel` (a list
 * draws this for each visible row of the list that has the focus). */
void canvas_list_row(struct canvas *c, int y, int item, int sel);
/* The item shown on row y (-1: none), and the selection it was drawn with. */
int canvas_list_item(const struct canvas *c, int y, int *sel);
/* A cell, or NULL outside the canvas. */
const struct cell *canvas_at(const struct canvas *c, int x, int y);

/* Columns s takes when drawn on c (ASCII canvas: '?' per column). */
int canvas_text_width(const struct canvas *c, const char *s);
/* Rows from the top down to the last row holding a non-blank cell. */
int canvas_rows_used(const struct canvas *c);
/* 1 when two cells look the same on screen (character, style, width). */
int cell_equal(const struct cell *a, const struct cell *b);

#endif
