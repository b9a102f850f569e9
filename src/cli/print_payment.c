/* print_payment.c: `billtop print payment [--charges N]`.
 *
 * text: the Payment tab drawn headless: the methods on file with the
 * default and expiry marks, then the newest N charges.  json: the methods
 * (with expiry state) and the charges.  csv: the charges, newest first, one
 * record each, with a header.  --charges N: how many (default 20; 0: all).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/csv.h"
#include "cli/print.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/view_payment.h"

#define OPT_CHARGES 0x200

static int opt_charges = CHARGES_PAGE_DEFAULT;

static const struct option longopts[] = {
	{ "charges", required_argument, NULL, OPT_CHARGES },
	{ NULL, 0, NULL, 0 }
};

static int
option(int c, const char *arg)
{
	char *end;
	long v;

	if (c != OPT_CHARGES)
		return -1;
	v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || v < 0 || v > 1000000) {
		fprintf(stderr, _("billtop print payment: --charges must be a number of charges (0: all), not '%s'\n"),
		        arg);
		return -1;
	}
	opt_charges = (int)v;
	return 0;
}

static const char *
expiry_str(enum pm_expiry e)
{
	switch (e) {
	case PMX_OK: return "ok";
	case PMX_SOON: return "expiring_soon";
	case PMX_EXPIRED: return "expired";
	default: return "none";
	}
}

static json_t *
methods_json(const struct payment_model *m)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; i < m->nmethods; i++) {
		const struct payment_method *pm = &m->methods[i];
		int card = pm->type == PM_CARD;

		json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:b, s:s, s:o, s:o}",
		                                     "id", pm->id, "type", pm_type_str(pm->type),
		                                     "brand", card ? json_string(pm->brand) : json_null(),
		                                     "last4", pm->last4,
		                                     "exp_month", card ? json_integer(pm->exp_month) : json_null(),
		                                     "exp_year", card ? json_integer(pm->exp_year) : json_null(),
		                                     "bank_name", card ? json_null() : json_string(pm->bank_name),
		                                     "is_default", pm->is_default, "expiry", expiry_str(m->expiry[i]),
		                                     "days_left", m->expiry[i] == PMX_OK || m->expiry[i] == PMX_SOON
		                                     ? json_integer(m->days_left[i]) : json_null(),
		                                     "created_at", print_json_time(pm->created_at)));
	}
	return arr;
}

static json_t *
charges_json(const struct payment_model *m)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; i < m->ncharges; i++) {
		const struct charge *ch = &m->charges[i];

		json_array_append_new(arr, json_pack("{s:s, s:o, s:o, s:s, s:o, s:s, s:s, s:o, s:o, s:s, s:o}",
		                                     "id", ch->id, "created_at", print_json_time(ch->created_at),
		                                     "amount", print_json_money(ch->amount, ch->currency),
		                                     "status", charge_status_str(ch->status),
		                                     "failure_reason", ch->failure_reason[0]
		                                     ? json_string(ch->failure_reason) : json_null(),
		                                     "payment_method_id", ch->payment_method_id,
		                                     "method", m->charge_method[i],
		                                     "invoice_id", ch->invoice_id[0] ? json_string(ch->invoice_id) : json_null(),
		                                     "invoice_number", m->charge_invoice[i][0]
		                                     ? json_string(m->charge_invoice[i]) : json_null(),
		                                     "description", ch->description,
		                                     "refunded_amount", print_json_money(ch->refunded_amount, ch->currency)));
	}
	return json_pack("{s:i, s:o}", "total", m->charges_total, "items", arr);
}

static int
print_csv(struct print_ctx *ctx, const struct payment_model *m)
{
	static const char *const head[] = {
		"id", "created_at", "amount", "currency", "status", "failure_reason", "payment_method_id",
		"method", "invoice_id", "invoice_number", "refunded_amount"
	};
	char at[32];
	size_t h;
	int i;

	for (h = 0; h < sizeof head / sizeof head[0]; h++)
		csv_field(ctx->out, h == 0, head[h]);
	csv_end(ctx->out);
	for (i = 0; i < m->ncharges; i++) {
		const struct charge *ch = &m->charges[i];

		if (time_format_rfc3339(ch->created_at, at, sizeof at) < 0)
			at[0] = '\0';
		csv_field(ctx->out, 1, ch->id);
		csv_field(ctx->out, 0, at);
		csv_money(ctx->out, 0, ch->amount, ch->currency);
		csv_field(ctx->out, 0, ch->currency);
		csv_field(ctx->out, 0, charge_status_str(ch->status));
		csv_field(ctx->out, 0, ch->failure_reason);
		csv_field(ctx->out, 0, ch->payment_method_id);
		csv_field(ctx->out, 0, m->charge_method[i]);
		csv_field(ctx->out, 0, ch->invoice_id);
		csv_field(ctx->out, 0, m->charge_invoice[i]);
		csv_money(ctx->out, 0, ch->refunded_amount, ch->currency);
		csv_end(ctx->out);
	}
	return fflush(ctx->out) == 0 && !ferror(ctx->out) ? EXIT_OK : EXIT_FAILURE_GENERIC;
}

static int
run(struct print_ctx *ctx)
{
	int idx = view_find("payment");
	struct payment_state *s;
	char err[256];
	json_t *root;

	if (idx < 0)
		return EXIT_FAILURE_GENERIC;
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return EXIT_FAILURE_GENERIC;
	payment_state_init(s);
	s->headless = 1;
	/* 0: every charge (the page is as long as the history). */
	s->charges_limit = opt_charges > 0 ? opt_charges : 1000000;
	/* The view owns the state from here (its free op), text or not. */
	ctx->app->views[idx].priv = s;
	if (ctx->format == PRINT_TEXT)
		return print_view_text(ctx, "payment");
	if (payment_state_load(ctx->cache, ctx->now, s, err, sizeof err) < 0) {
		fprintf(stderr, "billtop: %s\n", err);
		return EXIT_CACHE;
	}
	if (ctx->format == PRINT_CSV)
		return print_csv(ctx, &s->m);
	root = json_pack("{s:o, s:o}", "methods", methods_json(&s->m), "charges", charges_json(&s->m));
	return print_json_dump(ctx, root);
}

const struct printer print_payment = {
	"payment", PRINT_TEXT | PRINT_JSON | PRINT_CSV, longopts, option, run
};
