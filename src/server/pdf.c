/* pdf.c: an invoice as a one-page PDF through libharu, in DejaVu Sans
 * (embedded), so every UTF-8 name and line prints as written. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "core/money.h"
#include "core/timeutil.h"
#include "server/pdf.h"

#define FONT_FILE BILLTOPD_FONT_DIR "/DejaVuSans.ttf"

/* One page being drawn; failed is set by libharu's error handler, so every
 * call may go on and the caller looks once at the end. */
struct pdfctx {
	HPDF_Doc doc;
	HPDF_Page page;
	HPDF_Font font;
	int failed;
};

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct pdfctx *x = arg;

	(void)code;
	(void)detail;
	x->failed = 1;
}

/* Draws UTF-8 text at x,y in pt points; bold is the regular face filled and
 * stroked (one embedded font file instead of two); right-aligned at x when
 * right.  Control characters never reach the page. */
static void
text_at(struct pdfctx *x, int bold, int pt, int px, int py, int right, const char *s)
{
	char clean[512];
	size_t i, n = 0;
	HPDF_REAL w;

	for (i = 0; s[i] && n + 1 < sizeof clean; i++)
		clean[n++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i];
	clean[n] = '\0';
	if (x->failed)
		return;
	HPDF_Page_SetFontAndSize(x->page, x->font, (HPDF_REAL)pt);
	w = right ? HPDF_Page_TextWidth(x->page, clean) : 0;
	HPDF_Page_SetTextRenderingMode(x->page, bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
	HPDF_Page_SetLineWidth(x->page, bold ? 0.35f : 1.0f);
	HPDF_Page_BeginText(x->page);
	HPDF_Page_TextOut(x->page, (HPDF_REAL)px - w, (HPDF_REAL)py, clean);
	HPDF_Page_EndText(x->page);
}

static void
rule(struct pdfctx *x, int x0, int x1, int y)
{
	if (x->failed)
		return;
	HPDF_Page_SetLineWidth(x->page, 0.5f);
	HPDF_Page_MoveTo(x->page, (HPDF_REAL)x0, (HPDF_REAL)y);
	HPDF_Page_LineTo(x->page, (HPDF_REAL)x1, (HPDF_REAL)y);
	HPDF_Page_Stroke(x->page);
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
content(struct pdfctx *c, const json_t *inv, const char *account_name)
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
	text_at(c, 1, 20, 50, y, 0, line);
	text_at(c, 0, 10, 545, y + 4, 1, "billtop billing");
	y -= 30;
	text_at(c, 0, 11, 50, y, 0, account_name);
	y -= 16;
	snprintf(line, sizeof line, "Status: %s", jstr(inv, "status"));
	text_at(c, 0, 10, 50, y, 0, line);
	y -= 14;
	date_text(inv, "period_start", a, sizeof a);
	last_day_text(inv, b2, sizeof b2);
	snprintf(line, sizeof line, "Period: %s to %s", a, b2);
	text_at(c, 0, 10, 50, y, 0, line);
	y -= 14;
	date_text(inv, "issued_at", a, sizeof a);
	date_text(inv, "due_at", b2, sizeof b2);
	date_text(inv, "paid_at", q, sizeof q);
	snprintf(line, sizeof line, "Issued: %s   Due: %s   Paid: %s", a, b2, q);
	text_at(c, 0, 10, 50, y, 0, line);
	y -= 30;

	text_at(c, 1, 10, 50, y, 0, "Description");
	text_at(c, 1, 10, 360, y, 1, "Quantity");
	text_at(c, 1, 10, 450, y, 1, "Unit price");
	text_at(c, 1, 10, 545, y, 1, "Amount");
	rule(c, 50, 545, y - 5);
	y -= 20;
	for (i = 0; i < json_array_size(lines) && y > 200; i++) {
		l = json_array_get(lines, i);
		text_at(c, 0, 10, 50, y, 0, jstr(l, "description"));
		snprintf(q, sizeof q, "%" JSON_INTEGER_FORMAT " %s",
		         json_integer_value(json_object_get(l, "quantity")), jstr(l, "unit"));
		text_at(c, 0, 10, 360, y, 1, q);
		money_text(json_object_get(l, "unit_price"), a, sizeof a);
		if (json_integer_value(json_object_get(l, "unit_price_per")) > 1) {
			snprintf(b2, sizeof b2, "%s / %" JSON_INTEGER_FORMAT, a,
			         json_integer_value(json_object_get(l, "unit_price_per")));
			text_at(c, 0, 10, 450, y, 1, b2);
		} else {
			text_at(c, 0, 10, 450, y, 1, a);
		}
		money_text(json_object_get(l, "amount"), a, sizeof a);
		text_at(c, 0, 10, 545, y, 1, a);
		y -= 16;
	}
	rule(c, 300, 545, y + 6);
	y -= 12;
	for (i = 0; i < sizeof totals / sizeof totals[0]; i++) {
		int bold = strcmp(totals[i].key, "total") == 0 || strcmp(totals[i].key, "amount_due") == 0;

		text_at(c, bold, 10, 300, y, 0, totals[i].label);
		money_text(json_object_get(inv, totals[i].key), a, sizeof a);
		text_at(c, bold, 10, 545, y, 1, a);
		y -= 15;
	}
	y -= 20;
	text_at(c, 0, 8, 50, y, 0, jstr(inv, "hosted_url"));
}

int
pdf_invoice(const json_t *inv, const char *account_name, char **out, size_t *len)
{
	struct pdfctx x = { NULL, NULL, NULL, 0 };
	const char *fname;
	char title[128], creator[64];
	HPDF_UINT32 size = 0;
	char *p = NULL;
	int rc = -1;

	x.doc = HPDF_New(on_error, &x);
	if (!x.doc)
		return -1;
	HPDF_SetCompressionMode(x.doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(x.doc);
	HPDF_SetCurrentEncoder(x.doc, "UTF-8");
	fname = HPDF_LoadTTFontFromFile(x.doc, FONT_FILE, HPDF_TRUE);
	x.font = fname ? HPDF_GetFont(x.doc, fname, "UTF-8") : NULL;
	if (!x.font || x.failed)
		goto out;
	snprintf(title, sizeof title, "Invoice %s", jstr(inv, "number"));
	HPDF_SetInfoAttr(x.doc, HPDF_INFO_TITLE, title);
	snprintf(creator, sizeof creator, "billtopd %s", VERSION);
	HPDF_SetInfoAttr(x.doc, HPDF_INFO_CREATOR, creator);
	x.page = HPDF_AddPage(x.doc);
	if (!x.page)
		goto out;
	HPDF_Page_SetWidth(x.page, 595);
	HPDF_Page_SetHeight(x.page, 842);
	content(&x, inv, account_name);
	if (x.failed || HPDF_SaveToStream(x.doc) != HPDF_OK)
		goto out;
	size = HPDF_GetStreamSize(x.doc);
	p = malloc(size ? size : 1);
	if (!p || HPDF_ReadFromStream(x.doc, (HPDF_BYTE *)p, &size) > HPDF_STREAM_EOF || x.failed)
		goto out;
	*out = p;
	*len = size;
	p = NULL;
	rc = 0;
out:
	free(p);
	HPDF_Free(x.doc);
	return rc;
}
