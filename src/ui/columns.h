/* columns.h: fitting a table's columns to a width, for the Usage and Credits tabs.
 *
 * Each column has a fixed width (or is the one flexible column that takes
 * what is left) and a priority: when the width is too small, the columns
 * with the highest prio number are dropped first, so a 40-column screen
 * keeps the name, the credits and the share.
 */
#ifndef BILLTOP_COLUMNS_H
#define BILLTOP_COLUMNS_H

#include "ui/canvas.h"

struct column {
	const char *title;   /* translated header text */
	int width;           /* columns (the minimum for the flexible one) */
	int right;           /* 1: right-aligned (numbers) */
	int prio;            /* 0: always kept; larger numbers dropped first */
	int flex;            /* 1: takes the columns left over */
	/* Set by columns_fit: */
	int x;               /* offset from the table's left edge */
	int w;               /* 0 when dropped */
};

/* Lays the columns out in w columns with gap blanks between them. */
void columns_fit(struct column *cols, int n, int w, int gap);
/* Columns from the left edge to the end of the last kept column. */
int columns_width(const struct column *cols, int n);
/* The header row (dropped columns skipped). */
void columns_header(struct canvas *c, int x, int y, const struct column *cols, int n, int style);
/* One cell, cut with an ellipsis when it does not fit; no-op when dropped. */
void columns_cell(struct canvas *c, int x, int y, const struct column *col, int style, const char *s);

#endif
