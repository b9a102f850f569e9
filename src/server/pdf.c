/* pdf.c: an invoice as a one-page PDF 1.4 (Helvetica), written by hand with exact xref offsets. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/timeutil.h"
#include "server/pdf.h"

struct buf {
	char *p;
	size_t len, cap;
	int failed;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	char *q;
	size_t cap;

	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		q = realloc(b->p, cap);
		if (!q) {
			b->failed = 1;
			return;
		}
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		b->failed = 1;
		return;
	}
	buf_add(b, tmp, (size_t)n);
}

/* Helvetica advance widths (1/1000 em) for ASCII 32..126, from the standard AFM. */
static const short helv_w[95] = {
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
};

/* Width of s in points at size pt (non-ASCII counts as '?'). */
static int
text_width_pt(const char *s, int pt)
{
	long w = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		w += (c >= 32 && c <= 126) ? helv_w[c - 32] : helv_w['?' - 32];
	}
	return (int)(w * pt / 1000);
}

/* A PDF string literal: ( ) \ escaped, anything outside printable ASCII shown as '?'. */
static void
pdf_string(struct buf *b, const char *s)
{
	buf_add(b, "(", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '(' || c == ')' || c == '\\') {
			char e[2] = { '\\', (char)c };

			buf_add(b, e, 2);
		} else if (c >= 32 && c <= 126) {
			buf_add(b, (const char *)&c, 1);
		} else if ((c & 0xC0) != 0x80) {
			buf_add(b, "?", 1); /* one '?' per UTF-8 character */
		}
	}
	buf_add(b, ")", 1);
}

/* Draws text at x,y; font 1 Helvetica, 2 Helvetica-Bold; right-aligned at x when right. */
static void
text_at(struct buf *b, int font, int pt, int x, int y, int right, const char *s)
{
	if (right)
		x -= text_width_pt(s, pt);
	buf_printf(b, "BT /F%d %d Tf %d %d Td ", font, pt, x, y);
	pdf_string(b, s);
	buf_add(b, " Tj ET\n", 7);
}

static const char *
jstr(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* "USD 535.60" from a money object. */
static void
money_text(const json_t *m, char *out, size_t n)
{
	char num[48];
	const char *cur = jstr(m, "currency");
	json_int_t amount = json_integer_value(json_object_get(m, "amount"));

	if (money_format(num, sizeof num, amount, cur, MONEY_FMT_PLAIN) < 0)
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, amount);
	snprintf(out, n, "%s %s", cur, num);
}

/* "2026-11-01" from an RFC 3339 string or null. */
static void
date_text(const json_t *o, const char *key, char *out, size_t n)
{
	const char *s = json_string_value(json_object_get(o, key));

	snprintf(out, n, "%.10s", s ? s : "-");
}

/* The period's last day, included ("2026-11-30" for an end of
 * 2026-12-01T00:00:00Z), as billtop writes a period on every screen. */
static void
last_day_text(const json_t *inv, char *out, size_t n)
{
	const char *s = json_string_value(json_object_get(inv, "period_end"));
	int64_t end, start;

	if (s && time_parse_rfc3339(s, &end) == 0 &&
	    !(json_string_value(json_object_get(inv, "period_start")) &&
	      time_parse_rfc3339(json_string_value(json_object_get(inv, "period_start")), &start) == 0 &&
	      end <= start) &&
	    end > INT64_MIN && time_format_day(end - 1, out, n) == 0)
		return;
	date_text(inv, "period_end", out, n);
}

static void
content(struct buf *c, const json_t *inv, const char *account_name)
{
	static const struct {
		const char *label, *key;
	} totals[] = {
		{ "Subtotal", "subtotal" }, { "Credits applied", "credits_applied" }, { "Tax", "tax" },
		{ "Total", "total" }, { "Amount paid", "amount_paid" }, { "Amount due", "amount_due" },
	};
	char line[256], a[64], b2[96], q[64];
	const json_t *lines = json_object_get(inv, "lines"), *l;
	size_t i;
	int y = 780;

	snprintf(line, sizeof line, "Invoice %s", jstr(inv, "number"));
	text_at(c, 2, 20, 50, y, 0, line);
	text_at(c, 1, 10, 545, y + 4, 1, "billtop billing");
	y -= 30;
	text_at(c, 1, 11, 50, y, 0, account_name);
	y -= 16;
	snprintf(line, sizeof line, "Status: %s", jstr(inv, "status"));
	text_at(c, 1, 10, 50, y, 0, line);
	y -= 14;
	date_text(inv, "period_start", a, sizeof a);
	last_day_text(inv, b2, sizeof b2);
	snprintf(line, sizeof line, "Period: %s to %s", a, b2);
	text_at(c, 1, 10, 50, y, 0, line);
	y -= 14;
	date_text(inv, "issued_at", a, sizeof a);
	date_text(inv, "due_at", b2, sizeof b2);
	date_text(inv, "paid_at", q, sizeof q);
	snprintf(line, sizeof line, "Issued: %s   Due: %s   Paid: %s", a, b2, q);
	text_at(c, 1, 10, 50, y, 0, line);
	y -= 30;

	text_at(c, 2, 10, 50, y, 0, "Description");
	text_at(c, 2, 10, 360, y, 1, "Quantity");
	text_at(c, 2, 10, 450, y, 1, "Unit price");
	text_at(c, 2, 10, 545, y, 1, "Amount");
	buf_printf(c, "0.5 w 50 %d m 545 %d l S\n", y - 5, y - 5);
	y -= 20;
	for (i = 0; i < json_array_size(lines) && y > 200; i++) {
		l = json_array_get(lines, i);
		text_at(c, 1, 10, 50, y, 0, jstr(l, "description"));
		snprintf(q, sizeof q, "%" JSON_INTEGER_FORMAT " %s",
		         json_integer_value(json_object_get(l, "quantity")), jstr(l, "unit"));
		text_at(c, 1, 10, 360, y, 1, q);
		money_text(json_object_get(l, "unit_price"), a, sizeof a);
		if (json_integer_value(json_object_get(l, "unit_price_per")) > 1) {
			snprintf(b2, sizeof b2, "%s / %" JSON_INTEGER_FORMAT, a,
			         json_integer_value(json_object_get(l, "unit_price_per")));
			text_at(c, 1, 10, 450, y, 1, b2);
		} else {
			text_at(c, 1, 10, 450, y, 1, a);
		}
		money_text(json_object_get(l, "amount"), a, sizeof a);
		text_at(c, 1, 10, 545, y, 1, a);
		y -= 16;
	}
	buf_printf(c, "0.5 w 300 %d m 545 %d l S\n", y + 6, y + 6);
	y -= 12;
	for (i = 0; i < sizeof totals / sizeof totals[0]; i++) {
		int bold = strcmp(totals[i].key, "total") == 0 || strcmp(totals[i].key, "amount_due") == 0;

		text_at(c, bold ? 2 : 1, 10, 300, y, 0, totals[i].label);
		money_text(json_object_get(inv, totals[i].key), a, sizeof a);
		text_at(c, bold ? 2 : 1, 10, 545, y, 1, a);
		y -= 15;
	}
	y -= 20;
	text_at(c, 1, 8, 50, y, 0, jstr(inv, "hosted_url"));
}

int
pdf_invoice(const json_t *inv, const char *account_name, char **out, size_t *len)
{
	struct buf b = { 0 }, c = { 0 };
	size_t off[8];
	char title[128];
	int i;

	content(&c, inv, account_name);
	if (c.failed)
		goto fail;
	/* The binary comment line tells transfer tools the file is binary. */
	buf_add(&b, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 15);
	off[1] = b.len;
	buf_printf(&b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[2] = b.len;
	buf_printf(&b, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	off[3] = b.len;
	buf_printf(&b, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
	           " /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>\nendobj\n");
	off[4] = b.len;
	buf_printf(&b, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
	           " /Encoding /WinAnsiEncoding >>\nendobj\n");
	off[5] = b.len;
	buf_printf(&b, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold"
	           " /Encoding /WinAnsiEncoding >>\nendobj\n");
	off[6] = b.len;
	buf_printf(&b, "6 0 obj\n<< /Length %zu >>\nstream\n", c.len);
	buf_add(&b, c.p, c.len);
	buf_printf(&b, "\nendstream\nendobj\n");
	off[7] = b.len;
	snprintf(title, sizeof title, "Invoice %s", jstr(inv, "number"));
	buf_printf(&b, "7 0 obj\n<< /Title ");
	pdf_string(&b, title);
	buf_printf(&b, " /Producer (billtopd %s) >>\nendobj\n", VERSION);
	off[0] = b.len; /* where the xref starts */
	buf_printf(&b, "xref\n0 8\n0000000000 65535 f \n");
	for (i = 1; i < 8; i++)
		buf_printf(&b, "%010zu 00000 n \n", off[i]);
	buf_printf(&b, "trailer\n<< /Size 8 /Root 1 0 R /Info 7 0 R >>\nstartxref\n%zu\n%%%%EOF\n", off[0]);
	if (b.failed)
		goto fail;
	free(c.p);
	*out = b.p;
	*len = b.len;
	return 0;
fail:
	free(b.p);
	free(c.p);
	return -1;
}
