/* qr.c: libqrencode modules to half-block cells. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#if HAVE_QRENCODE
#include <qrencode.h>
#endif

#include "ui/qr.h"

int
qr_available(void)
{
#if HAVE_QRENCODE
	return 1;
#else
	return 0;
#endif
}

int
qr_encode(const char *text, struct qr *out)
{
	out->width = 0;
	out->dark = NULL;
#if HAVE_QRENCODE
	{
		QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
		size_t n, i;

		if (code == NULL)
			return -1;
		n = (size_t)code->width * (size_t)code->width;
		out->dark = malloc(n);
		if (out->dark == NULL) {
			QRcode_free(code);
			return -1;
		}
		/* Bit 0 is the module's colour; the other bits are libqrencode's bookkeeping. */
		for (i = 0; i < n; i++)
			out->dark[i] = code->data[i] & 1;
		out->width = code->width;
		QRcode_free(code);
		return 0;
	}
#else
	(void)text;
	return -1;
#endif
}

void
qr_free(struct qr *q)
{
	free(q->dark);
	q->dark = NULL;
	q->width = 0;
}

void
qr_size(const struct qr *q, int *cols, int *rows)
{
	int side = q->width + 2 * QR_QUIET;

	*cols = side;
	*rows = (side + 1) / 2;
}

/* 1 for a light module; the quiet zone and the padding row below are light. */
static int
light(const struct qr *q, int mx, int my)
{
	mx -= QR_QUIET;
	my -= QR_QUIET;
	if (mx < 0 || my < 0 || mx >= q->width || my >= q->width)
		return 1;
	return !q->dark[my * q->width + mx];
}

int
qr_draw(struct canvas *c, int x, int y, const struct qr *q, int style)
{
	/* Index: (upper light) | (lower light) << 1. */
	static const char *const half[4] = { " ", "\xe2\x96\x80", "\xe2\x96\x84", "\xe2\x96\x88" };
	int cols, rows, cx, cy;

	if (!c->utf8 || q->dark == NULL)
		return -1;
	qr_size(q, &cols, &rows);
	for (cy = 0; cy < rows; cy++) {
		for (cx = 0; cx < cols; cx++) {
			int upper = light(q, cx, 2 * cy);
			int lower = 2 * cy + 1 < cols ? light(q, cx, 2 * cy + 1) : 0;

			canvas_text(c, x + cx, y + cy, 1, style, half[upper | lower << 1]);
		}
	}
	return 0;
}
