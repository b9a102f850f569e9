/* decode_billing.c: invoices, payment methods, charges, purchases and the
 * hosted setup link (docs/api.md) into model.h structs. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "client/decode.h"
#include "client/decode_priv.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/util.h"

static int
dec_line(struct dctx *d, const json_t *o, struct invoice_line *l)
{
	if (d_is_object(d, o) < 0 ||
	    d_str(d, o, "description", l->description, sizeof l->description, D_TEXT) < 0 ||
	    d_int(d, o, "quantity", INT64_MIN + 1, INT64_MAX, 0, &l->quantity) < 0 ||
	    d_str(d, o, "unit", l->unit, sizeof l->unit, D_TEXT | D_NULL) < 0 ||
	    d_money(d, o, "unit_price", INT64_MIN + 1, D_NULL, &l->unit_price) < 0 ||
	    d_int(d, o, "unit_price_per", 1, INT64_MAX, 0, &l->unit_price_per) < 0 ||
	    d_money(d, o, "amount", INT64_MIN + 1, 0, &l->amount) < 0)
		return -1;
	return 0;
}

/* The lines array; inv->lines is allocated here and owned by inv. */
static int
dec_lines(struct dctx *d, const json_t *o, struct invoice *inv)
{
	json_t *arr, *v;
	size_t i, mark, n;

	if (d_array(d, o, "lines", &arr) < 0)
		return -1;
	n = json_array_size(arr);
	if (n > 100000)
		return d_fail(d, "lines", _("more than 100000 lines"));
	if (n == 0)
		return 0;
	inv->lines = calloc(n, sizeof *inv->lines);
	if (!inv->lines)
		return d_fail(d, "lines", _("out of memory"));
	json_array_foreach(arr, i, v) {
		mark = d_push_key(d, "lines");
		d_push_index(d, i);
		if (dec_line(d, v, &inv->lines[i]) < 0)
			return -1;
		inv->nlines++;
		d_pop(d, mark);
	}
	return 0;
}

int
dec_invoice(struct dctx *d, const json_t *o, struct invoice *inv)
{
	int v;

	if (d_str(d, o, "id", inv->id, sizeof inv->id, 0) < 0 ||
	    d_str(d, o, "number", inv->number, sizeof inv->number, D_LABEL) < 0 ||
	    d_enum(d, o, "status", invoice_status_parse, 0, 0, &v) < 0)
		return -1;
	inv->status = (enum invoice_status)v;
	if (d_str(d, o, "currency", inv->currency, sizeof inv->currency, 0) < 0)
		return -1;
	if (!currency_find(inv->currency))
		return d_fail(d, "currency", _("unknown currency '%s'"), inv->currency);
	if (d->currency && strcmp(inv->currency, d->currency) != 0)
		return d_fail(d, "currency", _("'%s' differs from the account currency '%s'"),
		              inv->currency, d->currency);
	if (d_time(d, o, "period_start", 0, &inv->period_start) < 0 ||
	    d_time(d, o, "period_end", 0, &inv->period_end) < 0 ||
	    d_time(d, o, "issued_at", D_NULL, &inv->issued_at) < 0 ||
	    d_time(d, o, "due_at", D_NULL, &inv->due_at) < 0 ||
	    d_time(d, o, "paid_at", D_NULL, &inv->paid_at) < 0 ||
	    dec_lines(d, o, inv) < 0 ||
	    d_money(d, o, "subtotal", INT64_MIN + 1, 0, &inv->subtotal) < 0 ||
	    d_money(d, o, "credits_applied", 0, 0, &inv->credits_applied) < 0 ||
	    d_money(d, o, "tax", INT64_MIN + 1, 0, &inv->tax) < 0 ||
	    d_money(d, o, "total", INT64_MIN + 1, 0, &inv->total) < 0 ||
	    d_money(d, o, "amount_paid", 0, 0, &inv->amount_paid) < 0 ||
	    d_money(d, o, "amount_due", 0, 0, &inv->amount_due) < 0 ||
	    d_url(d, o, "hosted_url", inv->hosted_url, sizeof inv->hosted_url, D_NULL) < 0)
		return -1;
	return 0;
}

int
decode_invoice(const json_t *root, const char *currency, struct invoice *out,
               struct client_err *err)
{
	struct dctx d;

	dctx_init(&d, currency, err);
	memset(out, 0, sizeof *out);
	if (d_is_object(&d, root) < 0 || dec_invoice(&d, root, out) < 0) {
		invoice_free(out);
		return -1;
	}
	return 0;
}

/* last4: exactly four ASCII digits. */
static int
dec_last4(struct dctx *d, const json_t *o, char *dst, size_t n)
{
	int i;

	if (d_str(d, o, "last4", dst, n, 0) < 0)
		return -1;
	for (i = 0; i < 4; i++)
		if (dst[i] < '0' || dst[i] > '9')
			break;
	if (i < 4 || dst[4] != '\0') {
		dst[0] = '\0';
		return d_fail(d, "last4", _("expected four digits"));
	}
	return 0;
}

int
dec_payment_method(struct dctx *d, const json_t *o, struct payment_method *pm)
{
	int64_t month, year;
	int v;

	if (d_str(d, o, "id", pm->id, sizeof pm->id, 0) < 0 ||
	    d_enum(d, o, "type", pm_type_parse, 0, 0, &v) < 0)
		return -1;
	pm->type = (enum pm_type)v;
	if (dec_last4(d, o, pm->last4, sizeof pm->last4) < 0 ||
	    d_bool(d, o, "is_default", &pm->is_default) < 0 ||
	    d_time(d, o, "created_at", 0, &pm->created_at) < 0)
		return -1;
	if (pm->type == PM_CARD) {
		if (d_str(d, o, "brand", pm->brand, sizeof pm->brand, D_TEXT) < 0 ||
		    d_int(d, o, "exp_month", 1, 12, 0, &month) < 0 ||
		    d_int(d, o, "exp_year", 1970, 9999, 0, &year) < 0)
			return -1;
		pm->exp_month = (int)month;
		pm->exp_year = (int)year;
	} else {
		if (d_str(d, o, "bank_name", pm->bank_name, sizeof pm->bank_name, D_TEXT) < 0)
			return -1;
	}
	return 0;
}

int
decode_payment_method(const json_t *root, struct payment_method *out, struct client_err *err)
{
	struct dctx d;

	dctx_init(&d, NULL, err);
	memset(out, 0, sizeof *out);
	if (d_is_object(&d, root) < 0)
		return -1;
	return dec_payment_method(&d, root, out);
}

int
dec_charge(struct dctx *d, const json_t *o, struct charge *ch)
{
	int v;

	if (d_str(d, o, "id", ch->id, sizeof ch->id, 0) < 0 ||
	    d_time(d, o, "created_at", 0, &ch->created_at) < 0 ||
	    d_money(d, o, "amount", 0, 0, &ch->amount) < 0 ||
	    d_enum(d, o, "status", charge_status_parse, 0, 0, &v) < 0)
		return -1;
	ch->status = (enum charge_status)v;
	if (d_str(d, o, "failure_reason", ch->failure_reason, sizeof ch->failure_reason,
	          D_TEXT | D_NULL) < 0 ||
	    d_str(d, o, "payment_method_id", ch->payment_method_id,
	          sizeof ch->payment_method_id, D_NULL) < 0 ||
	    d_str(d, o, "invoice_id", ch->invoice_id, sizeof ch->invoice_id, D_NULL) < 0 ||
	    d_str(d, o, "description", ch->description, sizeof ch->description,
	          D_TEXT | D_NULL) < 0 ||
	    d_money(d, o, "refunded_amount", 0, D_NULL, &ch->refunded_amount) < 0)
		return -1;
	str_copy(ch->currency, sizeof ch->currency, d->currency ? d->currency : "");
	return 0;
}

int
decode_purchase(const json_t *root, const char *currency, struct purchase *p,
                struct client_err *err)
{
	struct dctx d;

	dctx_init(&d, currency, err);
	memset(p, 0, sizeof *p);
	if (d_is_object(&d, root) < 0 ||
	    d_str(&d, root, "id", p->id, sizeof p->id, 0) < 0 ||
	    d_int(&d, root, "credits", 1, INT64_MAX, 0, &p->credits) < 0 ||
	    d_money(&d, root, "price", 0, 0, &p->price) < 0 ||
	    d_str(&d, root, "grant_id", p->grant_id, sizeof p->grant_id, 0) < 0 ||
	    d_str(&d, root, "charge_id", p->charge_id, sizeof p->charge_id, 0) < 0 ||
	    d_time(&d, root, "created_at", 0, &p->created_at) < 0)
		return -1;
	str_copy(p->currency, sizeof p->currency, currency ? currency : "");
	return 0;
}

int
decode_setup_link(const json_t *root, struct setup_link *out, struct client_err *err)
{
	struct dctx d;

	dctx_init(&d, NULL, err);
	memset(out, 0, sizeof *out);
	if (d_is_object(&d, root) < 0 ||
	    d_url(&d, root, "url", out->url, sizeof out->url, 0) < 0 ||
	    d_time(&d, root, "expires_at", 0, &out->expires_at) < 0)
		return -1;
	return 0;
}
