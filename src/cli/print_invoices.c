/* print_invoices.c: `billtop print invoices [--status S] [--invoice ID]`.
 *
 * text: the Invoices tab drawn headless: every invoice (newest first), then
 * the detail of the running draft, or of --invoice (an id or a number); a
 * page of PRINT_HEIGHT rows at most, so only the rows it shows are read.
 * json: every invoice with its lines, totals and whether it is the running
 * draft.  csv: one record per invoice (no lines), with a header.
 * --status S: only draft, issued, paid, past_due or void invoices.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/csv.h"
#include "cli/print.h"
#include "client/cache.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/view_invoices.h"

#define OPT_STATUS 0x200
#define OPT_INVOICE 0x201

static int opt_status = -1;
static const char *opt_invoice;

static const struct option longopts[] = {
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "invoice", required_argument, NULL, OPT_INVOICE },
	{ NULL, 0, NULL, 0 }
};

static int
option(int c, const char *arg)
{
	switch (c) {
	case OPT_STATUS:
		if ((opt_status = invoice_status_parse(arg)) < 0) {
			fprintf(stderr, _("billtop print invoices: --status must be draft, issued, paid, past_due or "
			                  "void, not '%s'\n"), arg);
			return -1;
		}
		return 0;
	case OPT_INVOICE:
		opt_invoice = arg;
		return 0;
	default:
		return -1;
	}
}

static json_t *
lines_json(const struct invoice *inv)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; i < inv->nlines; i++) {
		const struct invoice_line *ln = &inv->lines[i];

		json_array_append_new(arr, json_pack("{s:s, s:I, s:s, s:o, s:I, s:o}", "description", ln->description,
		                                     "quantity", (json_int_t)ln->quantity, "unit", ln->unit,
		                                     "unit_price", print_json_money(ln->unit_price, inv->currency),
		                                     "unit_price_per", (json_int_t)ln->unit_price_per,
		                                     "amount", print_json_money(ln->amount, inv->currency)));
	}
	return arr;
}

static json_t *
invoice_json(const struct invoice *inv, int64_t now)
{
	const char *cur = inv->currency;
	json_t *o = json_pack("{s:s, s:s, s:s, s:b, s:s, s:o, s:o, s:o, s:o, s:o}", "id", inv->id,
	                      "number", inv->number, "status", invoice_status_str(inv->status),
	                      "still_changing", invoice_is_running_draft(inv, now), "currency", cur,
	                      "period_start", print_json_time(inv->period_start),
	                      "period_end", print_json_time(inv->period_end),
	                      "issued_at", print_json_time(inv->issued_at), "due_at", print_json_time(inv->due_at),
	                      "paid_at", print_json_time(inv->paid_at));

	if (o == NULL)
		return NULL;
	json_object_set_new(o, "lines", lines_json(inv));
	json_object_set_new(o, "subtotal", print_json_money(inv->subtotal, cur));
	json_object_set_new(o, "credits_applied", print_json_money(inv->credits_applied, cur));
	json_object_set_new(o, "tax", print_json_money(inv->tax, cur));
	json_object_set_new(o, "total", print_json_money(inv->total, cur));
	json_object_set_new(o, "amount_paid", print_json_money(inv->amount_paid, cur));
	json_object_set_new(o, "amount_due", print_json_money(inv->amount_due, cur));
	json_object_set_new(o, "hosted_url", inv->hosted_url[0] ? json_string(inv->hosted_url) : json_null());
	return o;
}

static int
print_json(struct print_ctx *ctx, const struct invoices_model *m)
{
	json_t *arr = json_array(), *root;
	struct invoice full;
	int i, r;

	for (i = 0; i < m->n; i++) {
		/* The list rows carry no lines: each invoice in full. */
		r = cache_invoice(ctx->cache, m->inv[i].id, &full);
		if (r < 0) {
			fprintf(stderr, "billtop: %s\n", cache_error(ctx->cache));
			json_decref(arr);
			return EXIT_CACHE;
		}
		json_array_append_new(arr, invoice_json(r > 0 ? &full : &m->inv[i], m->now));
		if (r > 0)
			invoice_free(&full);
	}
	root = json_pack("{s:o, s:i, s:o}", "status", m->filter < 0 ? json_null()
	                 : json_string(invoice_status_str((enum invoice_status)m->filter)),
	                 "count", m->n, "invoices", arr);
	return print_json_dump(ctx, root);
}

static void
csv_time(FILE *out, int64_t t)
{
	char buf[32];

	if (t == M_NONE || time_format_rfc3339(t, buf, sizeof buf) < 0)
		buf[0] = '\0';
	csv_field(out, 0, buf);
}

static int
print_csv(struct print_ctx *ctx, const struct invoices_model *m)
{
	static const char *const head[] = {
		"id", "number", "status", "period_start", "period_end", "issued_at", "due_at", "paid_at",
		"currency", "subtotal", "credits_applied", "tax", "total", "amount_paid", "amount_due"
	};
	size_t h;
	int i;

	for (h = 0; h < sizeof head / sizeof head[0]; h++)
		csv_field(ctx->out, h == 0, head[h]);
	csv_end(ctx->out);
	for (i = 0; i < m->n; i++) {
		const struct invoice *inv = &m->inv[i];

		csv_field(ctx->out, 1, inv->id);
		csv_field(ctx->out, 0, inv->number);
		csv_field(ctx->out, 0, invoice_status_str(inv->status));
		csv_time(ctx->out, inv->period_start);
		csv_time(ctx->out, inv->period_end);
		csv_time(ctx->out, inv->issued_at);
		csv_time(ctx->out, inv->due_at);
		csv_time(ctx->out, inv->paid_at);
		csv_field(ctx->out, 0, inv->currency);
		csv_money(ctx->out, 0, inv->subtotal, inv->currency);
		csv_money(ctx->out, 0, inv->credits_applied, inv->currency);
		csv_money(ctx->out, 0, inv->tax, inv->currency);
		csv_money(ctx->out, 0, inv->total, inv->currency);
		csv_money(ctx->out, 0, inv->amount_paid, inv->currency);
		csv_money(ctx->out, 0, inv->amount_due, inv->currency);
		csv_end(ctx->out);
	}
	return fflush(ctx->out) == 0 && !ferror(ctx->out) ? EXIT_OK : EXIT_FAILURE_GENERIC;
}

static int
run(struct print_ctx *ctx)
{
	int idx = view_find("invoices"), at, r;
	struct invoices_state *s;
	char err[256];

	if (idx < 0)
		return EXIT_FAILURE_GENERIC;
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return EXIT_FAILURE_GENERIC;
	invoices_state_init(s);
	s->headless = 1;
	/* text is one page: only the rows it can show are read */
	s->print_rows = ctx->format == PRINT_TEXT ? PRINT_HEIGHT : 0;
	s->m.filter = opt_status;
	if (opt_invoice != NULL)
		str_copy(s->want, sizeof s->want, opt_invoice);
	/* The view owns the state from here (its free op), text or not. */
	ctx->app->views[idx].priv = s;
	if (invoices_state_load(ctx->cache, ctx->now, s, err, sizeof err) < 0) {
		fprintf(stderr, "billtop: %s\n", err);
		return EXIT_CACHE;
	}
	/* by id, else by number, in the status's list (as the load selects it) */
	r = opt_invoice != NULL ? cache_invoice_index(ctx->cache, s->m.filter, opt_invoice, &at) : 1;
	if (r < 0) {
		fprintf(stderr, "billtop: %s\n", cache_error(ctx->cache));
		return EXIT_CACHE;
	}
	if (r == 0) {
		fprintf(stderr, _("billtop print invoices: no invoice has the id or number '%s' in the cache\n"),
		        opt_invoice);
		return EXIT_USAGE;
	}
	if (ctx->format == PRINT_TEXT) {
		s->loaded = 0;   /* the view's load selects `want` again */
		return print_view_text(ctx, "invoices");
	}
	return ctx->format == PRINT_JSON ? print_json(ctx, &s->m) : print_csv(ctx, &s->m);
}

const struct printer print_invoices = {
	"invoices", PRINT_TEXT | PRINT_JSON | PRINT_CSV, longopts, option, run
};
