/* columns.c: table columns fitted to a width by priority. */
#include <config.h>

#include "ui/columns.h"
#include "ui/widgets.h"

void
columns_fit(struct column *cols, int n, int w, int gap)
{
	int i, need, maxprio, x, flex = -1;

	for (i = 0; i < n; i++)
		cols[i].w = cols[i].width;
	for (;;) {
		need = 0;
		maxprio = 0;
		for (i = 0; i < n; i++) {
			if (cols[i].w == 0)
				continue;
			need += cols[i].w + (need > 0 ? gap : 0);
			if (cols[i].prio > maxprio)
				maxprio = cols[i].prio;
		}
		if (need <= w || maxprio == 0)
			break;
		/* Drop the last column of the highest priority number. */
		for (i = n - 1; i >= 0; i--) {
			if (cols[i].w > 0 && cols[i].prio == maxprio) {
				cols[i].w = 0;
				break;
			}
		}
	}
	for (i = 0; i < n; i++)
		if (cols[i].flex && cols[i].w > 0)
			flex = i;
	if (flex >= 0 && need < w)
		cols[flex].w += w - need;
	x = 0;
	for (i = 0; i < n; i++) {
		cols[i].x = x;
		if (cols[i].w > 0)
			x += cols[i].w + gap;
	}
}

void
columns_cell(struct canvas *c, int x, int y, const struct column *col, int style, const char *s)
{
	if (col->w <= 0 || s == NULL)
		return;
	if (col->right)
		draw_text_right(c, x + col->x + col->w, y, col->w, style, s);
	else
		draw_text_fit(c, x + col->x, y, col->w, style, s);
}

void
columns_header(struct canvas *c, int x, int y, const struct column *cols, int n, int style)
{
	int i;

	for (i = 0; i < n; i++)
		columns_cell(c, x, y, &cols[i], style, cols[i].title);
}

int
columns_width(const struct column *cols, int n)
{
	int i, w = 0;

	for (i = 0; i < n; i++)
		if (cols[i].w > 0)
			w = cols[i].x + cols[i].w;
	return w;
}
