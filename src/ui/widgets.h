/* widgets.h: small drawing helpers on a canvas, shared by every view.
 *
 * All of them clip to the canvas and take the glyph set from the canvas
 * (UTF-8 or ASCII), so they work the same on screen and in `billtop print`.
 */
#ifndef BILLTOP_WIDGETS_H
#define BILLTOP_WIDGETS_H

#include <stdint.h>

#include "ui/canvas.h"

/* Text cut to cols columns with an ellipsis when it does not fit. */
int draw_text_fit(struct canvas *c, int x, int y, int cols, int style, const char *s);
/* Text right-aligned so that it ends just before column x_end. */
int draw_text_right(struct canvas *c, int x_end, int y, int cols, int style, const char *s);
/* Text centred in [x, x + w). */
int draw_text_center(struct canvas *c, int x, int y, int w, int style, const char *s);
/* A horizontal rule of w cells. */
void draw_hline(struct canvas *c, int x, int y, int w, int style);
/* A box w x h with an optional title in its top edge; the inside is cleared. */
void draw_box(struct canvas *c, int x, int y, int w, int h, int style, const char *title);
/* Word-wrapped text in a w-wide column from (x, y), at most max_rows rows
 * (<0: no limit); '\n' starts a new line.  Returns the rows used (also when
 * nothing is drawn, c NULL: measuring). */
int draw_wrap(struct canvas *c, int x, int y, int w, int max_rows, int style, const char *s);
/* A gauge of w cells filled to num/den with eighth-cell resolution (UTF-8)
 * or whole cells (ASCII).  num is clamped to [0, den]; den <= 0 draws empty. */
void draw_gauge(struct canvas *c, int x, int y, int w, int64_t num, int64_t den,
                int fill_style, int empty_style);
/* "label   value": label in a label_w column (dim), value after it. */
void draw_field(struct canvas *c, int x, int y, int label_w, int w, const char *label,
                int value_style, const char *value);

/* A scrolling list position: what is selected and what is at the top. */
struct list_pos {
	int sel, top, n;
};
/* Moves the selection for j/k, arrows, PgUp/PgDn, Home/End (page = visible
 * rows); returns 1 when the key was one of those. */
int list_key(struct list_pos *l, int key, int page);
/* Keeps the selection visible in `rows` rows and within [0, n). */
void list_clamp(struct list_pos *l, int rows);

/* The `/` search of a list (view_ops.find): the first row i, going dir (1
 * or -1) from sel (sel itself first when from_sel), wrapping around all n,
 * for which match(ctx, i) is 1.  -1 when none; match may return -1 to stop
 * (an error), which list_find returns as -2. */
int list_find(int n, int sel, int dir, int from_sel, int (*match)(void *ctx, int i), void *ctx);
/* Whether hay contains needle, ASCII letters compared without case. */
int text_icontains(const char *hay, const char *needle);
/* The note after a match: "\"QUERY\": row I of N (n/N: next/previous)". */
void list_found_note(char *msg, size_t n, const char *query, int row, int total);

#endif
