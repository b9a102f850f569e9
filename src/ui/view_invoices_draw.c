/* view_invoices_draw.c: the Invoices tab drawn into a canvas: the list, the
 * detail panel (beside the list when wide, below it at 80 columns) and one
 * bottom line for search, download progress and notes. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "client/model.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/util.h"
#include "core/timeutil.h"
#include "ui/columns.h"
#include "ui/figures.h"
#include "ui/glyphs.h"
#include "ui/hyperlink.h"
#include "ui/view_invoices.h"
#include "ui/widgets.h"

#define TOTALS_W 28      /* the totals block: label and figure */
#define TOTALS_ROWS 7

/* The status cell: invoice_status_text, and past due also carries a '!'
 * so it stands out without colour. */
static const char *
status_text(const struct invoice *inv, int64_t now, int *style, char *buf, size_t n)
{
	*style = invoice_status_style(inv, now);
	if (invoice_is_overdue(inv, now)) {
		snprintf(buf, n, "! %s", invoice_status_text(inv, now));
		return buf;
	}
	return invoice_status_text(inv, now);
}

enum { C_NUMBER, C_PERIOD, C_ISSUED, C_TOTAL, C_DUE, C_STATUS, C_COUNT };

static void
list_columns(struct column *cols, int w)
{
	struct column def[C_COUNT] = {
		{ _("Number"), 12, 0, 0, 0, 0, 0 },
		{ _("Period"), 13, 0, 2, 0, 0, 0 },
		{ _("Issued"), 10, 0, 3, 0, 0, 0 },
		{ _("Total"), 11, 1, 1, 0, 0, 0 },
		{ _("Amount due"), 11, 1, 0, 0, 0, 0 },
		{ _("Status"), 10, 0, 0, 1, 0, 0 },
	};

	memcpy(cols, def, sizeof def);
	columns_fit(cols, C_COUNT, w, 1);
}

static void
draw_list(struct invoices_state *s, struct canvas *c, int x, int y, int w, int rows)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	struct column cols[C_COUNT];
	char buf[128], sbuf[64];
	int r, style, tx = x + 2;

	list_columns(cols, w - 2);
	columns_header(c, tx, y, cols, C_COUNT, ST_DIM);
	rows--;
	s->list_rows = rows;
	s->pos.n = s->m.total;
	list_clamp(&s->pos, rows);
	if (s->m.total == 0) {
		draw_text_fit(c, tx, y + 1, w - 2, ST_DIM,
		              s->m.filter < 0 ? _("No invoices yet.") : _("No invoices with this status."));
		return;
	}
	for (r = 0; r < rows && s->pos.top + r < s->m.total; r++) {
		/* Rows outside the window read around the selection stay blank. */
		const struct invoice *inv = invoices_row(&s->m, s->pos.top + r);
		int ry = y + 1 + r, sel = s->pos.top + r == s->pos.sel;
		const char *st;

		if (inv == NULL)
			continue;
		canvas_list_row(c, ry, s->pos.top + r, s->pos.sel);
		st = status_text(inv, s->m.now, &style, sbuf, sizeof sbuf);
		if (sel)
			canvas_text(c, x, ry, 2, ST_SELECTED, g->pointer);
		columns_cell(c, tx, ry, &cols[C_NUMBER], ST_BOLD, inv->number);
		invoice_period_label(inv, buf, sizeof buf);
		columns_cell(c, tx, ry, &cols[C_PERIOD], ST_NORMAL, buf);
		columns_cell(c, tx, ry, &cols[C_ISSUED], ST_NORMAL,
		             inv->issued_at == M_NONE ? g->dash : fig_date(buf, sizeof buf, inv->issued_at));
		columns_cell(c, tx, ry, &cols[C_TOTAL], ST_NORMAL,
		             fig_money(c, buf, sizeof buf, inv->total, inv->currency, "?"));
		columns_cell(c, tx, ry, &cols[C_DUE], invoice_is_overdue(inv, s->m.now) ? ST_ALERT : ST_NORMAL,
		             fig_money(c, buf, sizeof buf, inv->amount_due, inv->currency, "?"));
		columns_cell(c, tx, ry, &cols[C_STATUS], style, st);
		if (sel)
			canvas_style(c, x, ry, w, ST_SELECTED);
	}
	/* More rows than fit: say where we are. */
	if (s->m.total > rows && rows > 0) {
		snprintf(buf, sizeof buf, "%d/%d", s->pos.sel + 1, s->m.total);
		draw_text_right(c, x + w, y, 12, ST_DIM, buf);
	}
}

/* "$1.25 / 1,000" when the price is per more than one unit. */
static void
unit_price_text(const struct canvas *c, const struct invoice_line *ln, const char *cur, char *buf, size_t n)
{
	char m[64], per[32];

	if (ln->unit_price == M_NONE) {
		str_copy(buf, n, "");
		return;
	}
	fig_money(c, m, sizeof m, ln->unit_price, cur, "?");
	if (ln->unit_price_per > 1)
		snprintf(buf, n, "%s/%s", m, fig_credits(per, sizeof per, ln->unit_price_per));
	else
		str_copy(buf, n, m);
}

enum { L_DESC, L_QTY, L_UNIT, L_AMOUNT, L_COUNT };

static int
draw_lines(struct canvas *c, int x, int y, int w, int h, const struct invoice *inv)
{
	struct column cols[L_COUNT] = {
		{ _("Description"), 12, 0, 0, 1, 0, 0 },
		{ _("Qty"), 6, 1, 2, 0, 0, 0 },
		{ _("Unit price"), 11, 1, 1, 0, 0, 0 },
		{ _("Amount"), 10, 1, 0, 0, 0, 0 },
	};
	char buf[128];
	int i;

	if (h <= 0)
		return 0;
	columns_fit(cols, L_COUNT, w, 1);
	columns_header(c, x, y, cols, L_COUNT, ST_DIM);
	if (inv->nlines == 0 || inv->lines == NULL) {
		if (h > 1)
			draw_text_fit(c, x, y + 1, w, ST_DIM, _("No lines yet."));
		return h > 1 ? 2 : 1;
	}
	for (i = 0; i < inv->nlines && i + 1 < h; i++) {
		const struct invoice_line *ln = &inv->lines[i];
		int ry = y + 1 + i;

		/* Only the last visible row says that more were cut. */
		if (i + 2 == h && i + 1 < inv->nlines) {
			snprintf(buf, sizeof buf, P_("... %d more line", "... %d more lines", inv->nlines - i),
			         inv->nlines - i);
			draw_text_fit(c, x, ry, w, ST_DIM, buf);
			return i + 2;
		}
		columns_cell(c, x, ry, &cols[L_DESC], ST_NORMAL, ln->description);
		columns_cell(c, x, ry, &cols[L_QTY], ST_NORMAL, fig_credits(buf, sizeof buf, ln->quantity));
		unit_price_text(c, ln, inv->currency, buf, sizeof buf);
		columns_cell(c, x, ry, &cols[L_UNIT], ST_NORMAL, buf);
		columns_cell(c, x, ry, &cols[L_AMOUNT], ST_NORMAL, fig_money(c, buf, sizeof buf, ln->amount, inv->currency, "?"));
	}
	return i + 1;
}

static void
total_row(struct canvas *c, int x, int y, int w, const char *label, int style, const char *value)
{
	draw_text_fit(c, x, y, w - 12, ST_DIM, label);
	draw_text_right(c, x + w, y, 12, style, value);
}

static int
draw_totals(struct canvas *c, int x, int y, int w, int h, const struct invoice *inv, int64_t now)
{
	const char *cur = inv->currency;
	char buf[64];
	int r = 0, late = invoice_is_overdue(inv, now);

	if (h > r)
		total_row(c, x, y + r++, w, _("Subtotal"), ST_NORMAL, fig_money(c, buf, sizeof buf, inv->subtotal, cur, "?"));
	if (h > r)
		total_row(c, x, y + r++, w, _("Credits applied"), ST_NORMAL,
		          fig_money(c, buf, sizeof buf, inv->credits_applied == 0 ? 0 : -inv->credits_applied, cur, "?"));
	if (h > r)
		total_row(c, x, y + r++, w, _("Tax"), ST_NORMAL, fig_money(c, buf, sizeof buf, inv->tax, cur, "?"));
	if (h > r)
		total_row(c, x, y + r++, w, _("Total"), ST_BOLD, fig_money(c, buf, sizeof buf, inv->total, cur, "?"));
	if (h > r)
		total_row(c, x, y + r++, w, _("Amount paid"), ST_NORMAL, fig_money(c, buf, sizeof buf, inv->amount_paid, cur, "?"));
	if (h > r)
		total_row(c, x, y + r++, w, _("Amount due"), late ? ST_ALERT : ST_BOLD,
		          fig_money(c, buf, sizeof buf, inv->amount_due, cur, "?"));
	if (h > r)
		total_row(c, x, y + r++, w, _("Due date"), late ? ST_ALERT : ST_NORMAL,
		          inv->due_at == M_NONE ? glyphs_for(c->utf8)->dash : fig_date(buf, sizeof buf, inv->due_at));
	return r;
}

/* Rows the detail wants: header, dates, the draft note, then lines and totals. */
static int
detail_rows(const struct invoice *inv, int64_t now, int side)
{
	int lines = 1 + (inv->nlines > 0 ? inv->nlines : 1);
	int head = 2 + invoice_is_running_draft(inv, now);

	if (side)
		return head + 1 + lines + 1 + TOTALS_ROWS;
	return head + (lines > TOTALS_ROWS ? lines : TOTALS_ROWS);
}

int
invoice_detail_draw(struct canvas *c, int x, int y, int w, int h, const struct invoice *inv,
                    int64_t now, int side)
{
	char buf[256], period[64], d1[80], d2[32], sbuf[64];
	struct strbuf sb;
	int style, r = 0, used, split;
	const char *st = status_text(inv, now, &style, sbuf, sizeof sbuf);

	if (h <= 0 || w <= 0)
		return 0;
	/* Header: number, period, status. */
	used = canvas_text(c, x, y, w, ST_BOLD, inv->number);
	invoice_period_label(inv, period, sizeof period);
	if (period[0] != '\0' && used + 2 < w)
		used += 2 + canvas_text(c, x + used + 2, y, w - used - 2, ST_NORMAL, period);
	if (used + 2 < w)
		canvas_text(c, x + used + 2, y, w - used - 2, style, st);
	if (++r >= h)
		return r;
	/* The period's days and the dates that matter. */
	strbuf_init(&sb, buf, sizeof buf);
	fig_date(d1, sizeof d1, inv->period_start);
	fig_date(d2, sizeof d2, inv->period_end - 1);
	if (inv->period_end > inv->period_start && strcmp(d1, d2) != 0 &&
	    time_format_period(inv->period_start, inv->period_end, d1, sizeof d1) != 0)
		fig_date(d1, sizeof d1, inv->period_start);
	strbuf_add(&sb, d1);
	if (inv->issued_at != M_NONE) {
		strbuf_add(&sb, "   ");
		strbuf_add(&sb, _("issued"));
		strbuf_add(&sb, " ");
		strbuf_add(&sb, fig_date(d1, sizeof d1, inv->issued_at));
	}
	if (inv->paid_at != M_NONE) {
		strbuf_add(&sb, "   ");
		strbuf_add(&sb, _("paid"));
		strbuf_add(&sb, " ");
		strbuf_add(&sb, fig_date(d1, sizeof d1, inv->paid_at));
	}
	strbuf_finish(&sb);
	draw_text_fit(c, x, y + r, w, ST_DIM, buf);
	if (++r >= h)
		return r;
	if (invoice_is_running_draft(inv, now)) {
		draw_text_fit(c, x, y + r, w, ST_WARN,
		              _("Draft for the running period: still changing as usage comes in."));
		if (++r >= h)
			return r;
	}
	if (side || w < TOTALS_W + 30) {
		/* Stacked: the lines, then the totals at the right edge. */
		int tw = w < TOTALS_W ? w : TOTALS_W;
		int room = h - r - TOTALS_ROWS - (side ? 2 : 1);

		if (side)
			r++;
		r += draw_lines(c, x, y + r, w, room > 2 ? room : 2, inv);
		if (r + 1 < h)
			r++;
		r += draw_totals(c, x + w - tw, y + r, tw, h - r, inv, now);
		return r;
	}
	/* Side by side: the lines on the left, the totals on the right. */
	split = w - TOTALS_W - 2;
	used = draw_lines(c, x, y + r, split, h - r, inv);
	split = draw_totals(c, x + w - TOTALS_W, y + r, TOTALS_W, h - r, inv, now);
	return r + (used > split ? used : split);
}

/* The bottom line: a download's progress, a note, or the keys (the `/`
 * prompt is the status line's, keys.c). */
static void
draw_bar(struct invoices_state *s, struct canvas *c, int x, int y, int w)
{
	char buf[512], a[32], b[32];
	int used;

	if (s->dl.active) {
		int gw = w >= 60 ? 20 : 10;

		snprintf(buf, sizeof buf, _("Saving %s"), s->dl.name);
		used = draw_text_fit(c, x, y, w - gw - 22, ST_NORMAL, buf);
		draw_gauge(c, x + used + 1, y, gw, s->dl.done, s->dl.total > 0 ? s->dl.total : 0, ST_SERIES_0, ST_DIM);
		fig_credits(a, sizeof a, (s->dl.done + 1023) / 1024);
		if (s->dl.total > 0) {
			fig_credits(b, sizeof b, (s->dl.total + 1023) / 1024);
			snprintf(buf, sizeof buf, _("%d%%  %s of %s kB"),
			         (int)(s->dl.done * 100 / s->dl.total), a, b);
		} else {
			snprintf(buf, sizeof buf, _("%s kB"), a);
		}
		canvas_text(c, x + used + gw + 2, y, w - used - gw - 2, ST_NORMAL, buf);
		return;
	}
	if (s->note[0] != '\0') {
		draw_text_fit(c, x, y, w, s->note_style, s->note);
		return;
	}
	draw_text_fit(c, x, y, w, ST_DIM, _("/ search  n/N next/previous  f status  d download PDF  o link"));
}

/* `o`: the hosted page as plain text and, where the terminal can, an OSC 8 link. */
static void
draw_link(const struct invoice *inv, struct canvas *c, int x, int y, int w)
{
	char shown[M_TEXT + 8];
	int used;

	used = canvas_text(c, x, y, w, ST_DIM, _("Invoice page: "));
	if (inv->hosted_url[0] == '\0') {
		draw_text_fit(c, x + used, y, w - used, ST_DIM, _("none for this invoice"));
		return;
	}
	text_fit(inv->hosted_url, w - used, shown, sizeof shown);
	canvas_text(c, x + used, y, w - used, ST_LINK, shown);
	hyperlink_add(x + used, y, ST_LINK, inv->hosted_url, shown);
}

void
invoices_draw(struct invoices_state *s, struct canvas *c, const struct layout *l)
{
	const struct invoice *inv = s->m.detail_index >= 0 ? &s->m.detail : NULL;
	int x = l->x, y = l->y, w = l->w, h = l->h;
	int bar_y = y + h - 1, body_h, link = s->show_link && inv != NULL;
	char buf[256];

	if (w < 20 || h < 4)
		return;
	/* Summary: the filter and the count. */
	snprintf(buf, sizeof buf, P_("%d invoice", "%d invoices", s->m.total), s->m.total);
	canvas_printf(c, x, y, w, ST_DIM, "%s: ", _("Status"));
	canvas_text(c, x + canvas_text_width(c, _("Status")) + 2, y, w, ST_BOLD, invoice_filter_label(s->m.filter));
	draw_text_right(c, x + w, y, w / 2, ST_DIM, buf);
	if (s->headless) {
		/* A print: every invoice, then the selected one's detail. */
		y++;
		draw_list(s, c, x, y, w, s->m.total + 1);
		if (inv != NULL) {
			draw_hline(c, x, y + s->m.total + 1, w, ST_DIM);
			invoice_detail_draw(c, x, y + s->m.total + 2, w, h - s->m.total - 3, inv, s->m.now, 0);
		}
		return;
	}
	body_h = h - 2 - link;
	if (link)
		draw_link(inv, c, x, bar_y - 1, w);
	draw_bar(s, c, x, bar_y, w);
	y++;
	if (w >= INVOICES_WIDE) {
		int dw = w * 2 / 5, lw;

		if (dw < 44)
			dw = 44;
		if (dw > 64)
			dw = 64;
		lw = w - dw - 2;
		draw_list(s, c, x, y, lw, body_h);
		canvas_fill(c, x + lw + 1, y, 1, body_h, ST_DIM, glyphs_for(c->utf8)->v);
		if (inv != NULL)
			invoice_detail_draw(c, x + lw + 3, y, dw - 1, body_h, inv, s->m.now, 1);
		return;
	}
	{
		int want = inv != NULL ? detail_rows(inv, s->m.now, 0) : 0;
		int list_h = body_h - want - 1;

		/* The list keeps at least its header and 3 rows (fewer on tiny screens). */
		if (list_h < 4)
			list_h = body_h >= 9 ? 4 : body_h / 2;
		draw_list(s, c, x, y, w, list_h);
		if (inv == NULL || body_h - list_h - 1 <= 0)
			return;
		draw_hline(c, x, y + list_h, w, ST_DIM);
		invoice_detail_draw(c, x, y + list_h + 1, w, body_h - list_h - 1, inv, s->m.now, 0);
	}
}
