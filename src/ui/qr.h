/* qr.h: a QR code for a hosted payment page, drawn into a canvas with half blocks.
 *
 * Two modules share one cell: upper half block, lower half block, full block
 * or blank.  Light modules and the quiet zone are drawn as blocks in the
 * foreground colour, dark modules as blank cells: on the usual light-on-dark
 * terminal that gives dark modules on a light square, which every phone
 * camera reads (on a dark-on-light terminal the code comes out inverted,
 * which most still read).  Half blocks need UTF-8: on an ASCII canvas
 * qr_draw() draws nothing and returns -1 (the view shows the link alone).
 * Without libqrencode at configure time qr_encode() always fails.
 */
#ifndef BILLTOP_QR_H
#define BILLTOP_QR_H

#include "ui/canvas.h"

/* Modules of light margin around the code (the standard asks for 4; 2 reads
 * fine on a screen and keeps a typical setup URL within 80x24). */
#define QR_QUIET 2

struct qr {
	int width;              /* modules per side, without the quiet zone */
	unsigned char *dark;    /* width * width, row-major, 1 = dark; owned */
};

/* 1 when billtop was built with libqrencode. */
int qr_available(void);
/* Encodes text (error correction level L, 8-bit).  0, or -1 when there is
 * no libqrencode, text is too long or memory ran out. */
int qr_encode(const char *text, struct qr *out);
void qr_free(struct qr *q);
/* Cells the drawing takes, quiet zone included. */
void qr_size(const struct qr *q, int *cols, int *rows);
/* Draws the code with its quiet zone at x,y in style.  0, or -1 on an
 * ASCII canvas (nothing drawn). */
int qr_draw(struct canvas *c, int x, int y, const struct qr *q, int style);

#endif
