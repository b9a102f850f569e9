/* dialog_purchase.c: the Buy credits dialog: presets, a typed amount, its price. */
#include <config.h>

#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/credits.h"
#include "core/forecast.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/util.h"
#include "ui/dialog_purchase.h"
#include "ui/glyphs.h"
#include "ui/figures.h"
#include "ui/model_credits.h"
#include "ui/widgets.h"

void
purchase_open(struct purchase_dialog *d, int64_t per_1000, int64_t tax_bp, const char *currency,
              const char *plan_name, const char *method)
{
	memset(d, 0, sizeof *d);
	d->open = 1;
	d->preset = 1;   /* 50,000: a sensible top-up */
	d->per_1000 = per_1000;
	d->tax_bp = tax_bp > 0 ? tax_bp : 0;
	str_copy(d->currency, sizeof d->currency, currency);
	str_copy(d->plan_name, sizeof d->plan_name, plan_name);
	str_copy(d->method, sizeof d->method, method ? method : "");
}

int
purchase_amount(struct purchase_dialog *d, int64_t *credits)
{
	const char *why = NULL;

	d->error[0] = '\0';
	if (d->preset >= 0 && d->preset < PURCHASE_NPRESETS) {
		*credits = purchase_presets[d->preset];
		return 0;
	}
	if (purchase_parse_credits(d->typed, credits, &why) < 0) {
		str_copy(d->error, sizeof d->error, why);
		return -1;
	}
	return 0;
}

enum purchase_key
purchase_key(struct purchase_dialog *d, int key, int64_t *credits)
{
	size_t len = strlen(d->typed);

	switch (key) {
	case 27:
		d->open = 0;
		return PK_CANCEL;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return purchase_amount(d, credits) == 0 ? PK_CONFIRM : PK_NONE;
	case KEY_LEFT:
	case KEY_BTAB:
		d->preset = d->preset <= 0 ? PURCHASE_NPRESETS - 1 : d->preset - 1;
		break;
	case KEY_RIGHT:
	case '\t':
		d->preset = d->preset < 0 || d->preset >= PURCHASE_NPRESETS - 1 ? 0 : d->preset + 1;
		break;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (d->preset < 0 && len > 0)
			d->typed[len - 1] = '\0';
		break;
	default:
		/* Typing starts (or continues) the "other amount" field. */
		if (((key >= '0' && key <= '9') || key == ',' || key == 'k' || key == 'K' || key == '_') &&
		    len + 1 < sizeof d->typed) {
			if (d->preset >= 0) {
				d->preset = -1;
				d->typed[0] = '\0';
				len = 0;
			}
			d->typed[len] = (char)key;
			d->typed[len + 1] = '\0';
		}
		break;
	}
	/* Say at once what is wrong with a typed amount (nothing while it is empty). */
	d->error[0] = '\0';
	if (d->preset < 0 && d->typed[0] != '\0') {
		int64_t v;

		(void)purchase_amount(d, &v);
	}
	return PK_NONE;
}

/* "50,000 credits for $67.50 ($62.50 plus $5.00 tax)": what will be charged,
 * taxed as billtopd taxes a one-off invoice; "" when it cannot be computed. */
static void
amount_line(const struct purchase_dialog *d, int64_t credits, int utf8, char *buf, size_t n)
{
	char a[32], money[48], net[48], taxs[48];
	int64_t price, tax, total;
	int flags = utf8 ? 0 : MONEY_FMT_ASCII;

	if (credits_price(credits, d->per_1000, &price) != MONEY_OK ||
	    forecast_tax(price, d->tax_bp, &tax) != FORECAST_OK || money_add(price, tax, &total) != MONEY_OK ||
	    money_format(money, sizeof money, total, d->currency, flags) < 0 ||
	    money_format(net, sizeof net, price, d->currency, flags) < 0 ||
	    money_format(taxs, sizeof taxs, tax, d->currency, flags) < 0) {
		str_copy(buf, n, "");
		return;
	}
	if (tax > 0)
		snprintf(buf, n, _("%s credits for %s (%s plus %s tax)"), fig_credits(a, sizeof a, credits), money, net,
		         taxs);
	else
		snprintf(buf, n, _("%s credits for %s"), fig_credits(a, sizeof a, credits), money);
}

void
purchase_draw(const struct purchase_dialog *d, struct canvas *c, int x, int y, int w, int h)
{
	char line[320], a[32], money[48];
	int bw = w < 58 ? w : 58, bh = 12, bx, by, ix, iw, i, px, cw;
	int64_t credits = 0;
	struct purchase_dialog tmp = *d;

	if (bh > h)
		bh = h;
	bx = x + (w - bw) / 2;
	by = y + (h - bh) / 2;
	draw_box(c, bx, by, bw, bh, ST_DIALOG, _("Buy credits"));
	ix = bx + 2;
	iw = bw - 4;
	y = by + 1;

	fig_money(c, money, sizeof money, d->per_1000, d->currency, "?");
	snprintf(line, sizeof line, _("%s per 1,000 credits on the %s plan"), money, d->plan_name);
	y += draw_wrap(c, ix, y, iw, 2, ST_DIALOG, line);
	y++;

	/* The presets on one line; the chosen one marked with brackets and the selection style. */
	px = ix;
	for (i = 0; i < PURCHASE_NPRESETS; i++) {
		snprintf(line, sizeof line, d->preset == i ? "[%s]" : " %s ", fig_credits(a, sizeof a, purchase_presets[i]));
		cw = canvas_text_width(c, line);
		if (px + cw > ix + iw)
			break;
		canvas_text(c, px, y, cw, d->preset == i ? ST_SELECTED : ST_DIALOG, line);
		px += cw + 1;
	}
	y++;
	snprintf(line, sizeof line, _("Other amount: %s%s"), d->typed, d->preset < 0 ? "_" : "");
	draw_text_fit(c, ix, y++, iw, d->preset < 0 ? ST_SELECTED : ST_DIALOG, line);
	y++;

	if (purchase_amount(&tmp, &credits) == 0) {
		amount_line(d, credits, c->utf8, line, sizeof line);
		draw_text_fit(c, ix, y++, iw, ST_BOLD, line);
	} else if (d->typed[0] != '\0' && tmp.error[0] != '\0') {
		/* The error names what is wrong, with a mark so it reads without colour. */
		snprintf(line, sizeof line, "! %s", tmp.error);
		y += draw_wrap(c, ix, y, iw, 2, ST_ALERT, line);
	} else {
		draw_text_fit(c, ix, y++, iw, ST_DIM, _("Type a multiple of 1,000, at most 10,000,000."));
	}
	if (d->method[0])
		snprintf(line, sizeof line, _("Charged to %s."), d->method);
	else
		snprintf(line, sizeof line, "%s", _("No payment method is on file: the server will refuse the charge."));
	y += draw_wrap(c, ix, y, iw, 2, ST_DIALOG, line);
	if (by + bh - 2 > y)
		y = by + bh - 2;
	draw_text_fit(c, ix, y, iw, ST_DIM, iw >= 48
	              ? glyphs_hint(glyphs_for(c->utf8), N_("left/right: preset   Enter: buy   Esc: cancel"), line, sizeof line)
	              : _("Enter: buy  Esc: cancel"));
}

void
purchase_confirm_text(const struct purchase_dialog *d, int64_t credits, int utf8, char *title, size_t tn,
                      char *body, size_t bn)
{
	char line[256];

	amount_line(d, credits, utf8, line, sizeof line);
	snprintf(title, tn, "%s", _("Buy credits"));
	if (d->method[0])
		snprintf(body, bn, _("Buy %s, charged to %s now? The credits never expire."), line, d->method);
	else
		snprintf(body, bn, _("Buy %s, charged to your default payment method now? The credits never expire."),
		         line);
}

