/* view_payment_draw.c: the Payment tab drawn into a canvas: methods, then
 * the charge page or the add-a-method panel, then one line for notes. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/columns.h"
#include "ui/figures.h"
#include "ui/glyphs.h"
#include "ui/hyperlink.h"
#include "ui/qr.h"
#include "ui/view_payment.h"

/* The status of a method: default, expiring, expired; marked in words so it
 * survives monochrome. */
static const char *
method_status(const struct payment_model *m, int i, int *style, char *buf, size_t n)
{
	const char *def = m->methods[i].is_default ? _("default") : NULL;
	char exp[96] = "";

	*style = def ? ST_OK : ST_NORMAL;
	if (m->expiry[i] == PMX_EXPIRED) {
		snprintf(exp, sizeof exp, "! %s", _("EXPIRED"));
		*style = ST_ALERT;
	} else if (m->expiry[i] == PMX_SOON) {
		snprintf(exp, sizeof exp, P_("! expires in %d day", "! expires in %d days", m->days_left[i]),
		         m->days_left[i]);
		*style = ST_WARN;
	}
	if (def && exp[0])
		snprintf(buf, n, "%s, %s", def, exp);
	else
		snprintf(buf, n, "%s", def ? def : exp);
	return buf;
}

enum { M_METHOD, M_EXPIRES, M_STATUS, M_COUNT };

static int
draw_methods(struct payment_state *s, struct canvas *c, int x, int y, int w, int h)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	struct column cols[M_COUNT] = {
		{ _("Method"), 16, 0, 0, 1, 0, 0 },
		{ _("Expires"), 9, 0, 1, 0, 0, 0 },
		{ _("Status"), 32, 0, 0, 0, 0, 0 },
	};
	char buf[160];
	int i, r, style, rows = h - 1;

	columns_fit(cols, M_COUNT, w - 4, 2);
	columns_header(c, x + 4, y, cols, M_COUNT, ST_DIM);
	s->pos.n = s->m.nmethods;
	list_clamp(&s->pos, rows);
	if (s->m.nmethods == 0) {
		draw_text_fit(c, x + 4, y + 1, w - 4, ST_WARN,
		              _("No payment method on file.  Press a to add one on the vendor's secure page."));
		return 2;
	}
	for (r = 0; r < rows && s->pos.top + r < s->m.nmethods; r++) {
		const struct payment_method *pm = &s->m.methods[s->pos.top + r];
		int ry = y + 1 + r, sel = !s->headless && s->pos.top + r == s->pos.sel;

		i = s->pos.top + r;
		if (!s->headless)
			canvas_list_row(c, ry, i, s->pos.sel);
		if (sel)
			canvas_text(c, x, ry, 2, ST_SELECTED, g->pointer);
		/* The default carries a mark of its own, not only a colour. */
		if (pm->is_default)
			canvas_text(c, x + 2, ry, 1, ST_OK, g->current);
		pm_label(pm, buf, sizeof buf);
		columns_cell(c, x + 4, ry, &cols[M_METHOD], ST_BOLD, buf);
		if (pm->type == PM_CARD)
			pm_expiry_label(pm, buf, sizeof buf);
		else
			str_copy(buf, sizeof buf, _("bank"));
		columns_cell(c, x + 4, ry, &cols[M_EXPIRES], pm->type == PM_CARD ? ST_NORMAL : ST_DIM, buf);
		method_status(&s->m, i, &style, buf, sizeof buf);
		columns_cell(c, x + 4, ry, &cols[M_STATUS], style, buf);
		if (sel)
			canvas_style(c, x, ry, w, ST_SELECTED);
	}
	return 1 + r;
}

enum { CH_DATE, CH_AMOUNT, CH_METHOD, CH_STATUS, CH_INVOICE, CH_REASON, CH_COUNT };

static void
draw_charges(struct payment_state *s, struct canvas *c, int x, int y, int w, int h)
{
	const struct payment_model *m = &s->m;
	struct column cols[CH_COUNT] = {
		{ _("Date"), 10, 0, 0, 0, 0, 0 },
		{ _("Amount"), 11, 1, 0, 0, 0, 0 },
		{ _("Method"), 20, 0, 2, 0, 0, 0 },
		{ _("Status"), 10, 0, 0, 0, 0, 0 },
		{ _("Invoice"), 13, 0, 1, 0, 0, 0 },
		{ _("Reason"), 10, 0, 0, 1, 0, 0 },
	};
	char buf[M_TEXT + 64], amt[64], reasonbuf[128];
	int i, used, row, ncols;

	if (h < 2)
		return;
	used = canvas_text(c, x, y, w, ST_BOLD, _("Charges"));
	if (m->charges_total > 0) {
		snprintf(buf, sizeof buf, _("%d-%d of %d, newest first"), m->charges_offset + 1,
		         m->charges_offset + m->ncharges, m->charges_total);
		canvas_text(c, x + used + 2, y, w - used - 2, ST_DIM, buf);
	}
	if (!s->headless && m->charges_total > m->charges_limit)
		draw_text_right(c, x + w, y, w / 3, ST_DIM, _("]: older  [: newer"));
	if (m->ncharges == 0) {
		draw_text_fit(c, x + 2, y + 1, w - 2, ST_DIM, _("No charges yet."));
		return;
	}
	/* Narrower than 110 columns the reason gets a line of its own under
	 * its charge, so it is never cut to nothing. */
	ncols = w >= 110 ? CH_COUNT : CH_COUNT - 1;
	columns_fit(cols, ncols, w - 2, 2);
	columns_header(c, x + 2, y + 1, cols, ncols, ST_DIM);
	for (i = 0, row = y + 2; i < m->ncharges && row < y + h; i++, row++) {
		const struct charge *ch = &m->charges[i];
		int st = ST_NORMAL, rst = ST_ALERT;
		const char *status = charge_status_label(ch->status);
		const char *reason = ch->failure_reason;

		columns_cell(c, x + 2, row, &cols[CH_DATE], ST_NORMAL, fig_date(buf, sizeof buf, ch->created_at));
		columns_cell(c, x + 2, row, &cols[CH_AMOUNT], ST_NORMAL,
		             fig_money(c, buf, sizeof buf, ch->amount, ch->currency, "?"));
		columns_cell(c, x + 2, row, &cols[CH_METHOD], ST_NORMAL, m->charge_method[i]);
		switch (ch->status) {
		case CHARGE_FAILED:
			snprintf(buf, sizeof buf, "! %s", status);
			status = buf;
			st = ST_ALERT;
			break;
		case CHARGE_PENDING: st = ST_WARN; break;
		case CHARGE_SUCCEEDED: st = ST_OK; break;
		case CHARGE_REFUNDED: break;
		}
		columns_cell(c, x + 2, row, &cols[CH_STATUS], st, status);
		columns_cell(c, x + 2, row, &cols[CH_INVOICE], ST_NORMAL,
		             m->charge_invoice[i][0] ? m->charge_invoice[i] : glyphs_for(c->utf8)->dash);
		if (ch->status == CHARGE_REFUNDED && ch->refunded_amount != M_NONE) {
			snprintf(reasonbuf, sizeof reasonbuf, _("refunded %s"),
			         fig_money(c, amt, sizeof amt, ch->refunded_amount, ch->currency, "?"));
			reason = reasonbuf;
			rst = ST_DIM;
		}
		if (reason[0] == '\0')
			continue;
		if (ncols == CH_COUNT) {
			columns_cell(c, x + 2, row, &cols[CH_REASON], rst, reason);
		} else if (row + 1 < y + h) {
			row++;
			canvas_text(c, x + 14, row, 2, ST_DIM, glyphs_for(c->utf8)->right);
			draw_text_fit(c, x + 16, row, w - 16, rst, reason);
		}
	}
}

/* The text part of the add-a-method panel; rows used. */
static int
setup_text(const struct setup_link *link, struct canvas *c, int x, int y, int w, int h)
{
	char shown[M_TEXT + 8], buf[256], when[64];
	int r = 0;

	canvas_text(c, x, y + r++, w, ST_BOLD, _("Add a payment method"));
	if (r < h)
		r += draw_wrap(c, x, y + r, w, h - r, ST_NORMAL,
		               _("Open this page in a browser, or scan the code with a phone, to add a card or "
		                 "bank account.  billtop never asks for card numbers."));
	if (r + 1 < h) {
		/* The whole URL as text (wrapped, so it can be copied), and the link. */
		r++;
		/* Cut into lines of w characters (a URL is ASCII), each one a link. */
		size_t len = strlen(link->url), off;

		for (off = 0; off < len && r < h; off += (size_t)w) {
			size_t k = len - off < (size_t)w ? len - off : (size_t)w;

			memcpy(shown, link->url + off, k);
			shown[k] = '\0';
			canvas_text(c, x, y + r, w, ST_LINK, shown);
			hyperlink_add(x, y + r, ST_LINK, link->url, shown);
			r++;
		}
	}
	if (r + 1 < h && link->expires_at != M_NONE && time_format_datetime(link->expires_at, when, sizeof when) == 0) {
		r++;
		snprintf(buf, sizeof buf, _("The link expires %s.  When you are done there, press r to see the new method here."),
		         when);
		r += draw_wrap(c, x, y + r, w, h - r, ST_DIM, buf);
	}
	if (r + 1 < h)
		draw_text_fit(c, x, y + ++r, w, ST_DIM, _("Esc: close this panel"));
	return r + 1;
}

int
payment_setup_draw(const struct setup_link *link, struct canvas *c, int x, int y, int w, int h)
{
	const char *why = NULL;
	struct qr q = { 0, NULL };
	int qw = 0, qh = 0, r;

	if (h <= 0)
		return 0;
	if (!qr_available())
		why = _("(No QR code: billtop was built without libqrencode.)");
	else if (!c->utf8)
		why = _("(The QR code needs a UTF-8 terminal.)");
	else if (qr_encode(link->url, &q) != 0)
		why = _("(This link is too long for a QR code.)");
	else
		qr_size(&q, &qw, &qh);
	/* Beside the text when there is room (80x24 needs it), else below it. */
	if (why == NULL && qh <= h && w >= qw + 32) {
		r = setup_text(link, c, x, y, w - qw - 2, h);
		qr_draw(c, x + w - qw, y, &q, ST_NORMAL);
		qr_free(&q);
		return r > qh ? r : qh;
	}
	r = setup_text(link, c, x, y, w, h);
	if (why == NULL && (qw > w || qh > h - r - 1))
		why = _("(Make the terminal larger to see the QR code.)");
	if (why != NULL) {
		if (r + 1 < h)
			draw_text_fit(c, x, y + r + 1, w, ST_DIM, why);
		qr_free(&q);
		return r + 2;
	}
	qr_draw(c, x, y + r + 1, &q, ST_NORMAL);
	qr_free(&q);
	return r + 1 + qh;
}

void
payment_draw(struct payment_state *s, struct canvas *c, const struct layout *l)
{
	int x = l->x, y = l->y, w = l->w, h = l->h, used, bar = s->headless ? 0 : 1;
	int rows;

	if (w < 20 || h < 4)
		return;
	if (s->show_setup) {
		/* Adding a method takes the whole tab: the QR code needs the rows. */
		payment_setup_draw(&s->setup, c, x, y, w, h - bar);
		if (bar && s->note[0] != '\0')
			draw_text_fit(c, x, y + h - 1, w, s->note_style, s->note);
		return;
	}
	canvas_text(c, x, y, w, ST_BOLD, _("Payment methods"));
	if (!s->headless)
		draw_text_right(c, x + w, y, w / 2, ST_DIM, _("Enter: make default  a: add a method"));
	/* The methods take what they need, up to half the rows. */
	rows = s->m.nmethods + 1;
	if (rows < 2)
		rows = 2;
	if (!s->headless && rows > (h - 1) / 2)
		rows = (h - 1) / 2;
	used = 1 + draw_methods(s, c, x, y + 1, w, rows);
	if (!s->headless && s->note[0] != '\0')
		draw_text_fit(c, x, y + h - 1, w, s->note_style, s->note);
	else if (!s->headless)
		draw_text_fit(c, x, y + h - 1, w, ST_DIM,
		              _("j/k select  Enter/D make default  a add a method  ]/[ older/newer charges"));
	if (used + 1 >= h - bar)
		return;
	draw_charges(s, c, x, y + used + 1, w, h - used - 1 - bar);
}
