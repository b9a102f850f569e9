/* print_credits.c: `billtop print credits [--ledger N] [--kind K]`.
 *
 * text: the Credits tab drawn headless (summary, every grant, the newest N
 * ledger entries).  json: the balance, the run-out forecast, whether credits
 * can be bought, every grant with its state, and the ledger entries.
 * csv: the ledger (newest first), one record per entry, with a header.
 * --ledger N: how many ledger entries (default 20; 0: all).
 * --kind K: only entries of that kind (allowance, purchase, ...).
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
#include "ui/view_credits.h"

#define OPT_LEDGER 0x200
#define OPT_KIND 0x201

static int opt_ledger = LEDGER_PAGE_DEFAULT;
static int opt_kind = -1;

static const struct option longopts[] = {
	{ "ledger", required_argument, NULL, OPT_LEDGER },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ NULL, 0, NULL, 0 }
};

static int
option(int c, const char *arg)
{
	char *end;
	long v;

	switch (c) {
	case OPT_LEDGER:
		v = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || v < 0 || v > 1000000) {
			fprintf(stderr, _("billtop print credits: --ledger must be a number of entries (0: all), not '%s'\n"),
			        arg);
			return -1;
		}
		opt_ledger = (int)v;
		return 0;
	case OPT_KIND:
		if ((opt_kind = ledger_kind_parse(arg)) < 0) {
			fprintf(stderr, _("billtop print credits: --kind must be allowance, purchase, promotion, usage, "
			                  "expiry, overage or adjustment, not '%s'\n"), arg);
			return -1;
		}
		return 0;
	default:
		return -1;
	}
}

static const char *
grant_state_str(enum grant_state s)
{
	switch (s) {
	case GS_EXPIRING: return "expiring_soon";
	case GS_SCHEDULED: return "scheduled";
	case GS_USED_UP: return "used_up";
	case GS_EXPIRED: return "expired";
	default: return "active";
	}
}

static const char *
runout_str(enum runout_state s)
{
	switch (s) {
	case RUNOUT_DATE: return "date";
	case RUNOUT_ENOUGH: return "enough_for_period";
	case RUNOUT_EMPTY: return "empty";
	default: return "not_enough_data";
	}
}

static json_t *
runout_json(const struct credits_model *m)
{
	int64_t days = runout_days_left(&m->runout, m->ctx.now);
	int rate = m->ctx.burn_err == FORECAST_OK && m->ctx.burn.days > 0;

	return json_pack("{s:s, s:o, s:o, s:o, s:i}", "state", runout_str(m->runout.state),
	                 "at", print_json_time(m->runout.at), "days_left", days >= 0 ? json_integer(days) : json_null(),
	                 "burn_per_day", rate ? json_integer(m->ctx.burn.credits / m->ctx.burn.days) : json_null(),
	                 "window_days", rate ? m->ctx.burn.days : 0);
}

static json_t *
grants_json(const struct credits_model *m)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; i < m->ngrants; i++) {
		const struct grant *g = &m->grants[i];

		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:o, s:o, s:s}", "id", g->id,
		                                     "source", grant_source_str(g->source), "description", g->description,
		                                     "amount", (json_int_t)g->amount, "consumed", (json_int_t)g->consumed,
		                                     "remaining", (json_int_t)g->remaining,
		                                     "available_from", print_json_time(g->available_from),
		                                     "expires_at", print_json_time(g->expires_at),
		                                     "state", grant_state_str(m->states[i])));
	}
	return arr;
}

static json_t *
ledger_json(const struct credits_model *m)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; i < m->nledger; i++) {
		const struct ledger_entry *e = &m->ledger[i];

		json_array_append_new(arr, json_pack("{s:s, s:o, s:s, s:I, s:I, s:o, s:s}", "id", e->id,
		                                     "at", print_json_time(e->at), "kind", ledger_kind_str(e->kind),
		                                     "credits", (json_int_t)e->credits,
		                                     "balance_after", (json_int_t)e->balance_after,
		                                     "grant_id", e->grant_id[0] ? json_string(e->grant_id) : json_null(),
		                                     "description", e->description));
	}
	return json_pack("{s:o, s:i, s:o}", "kind", m->ledger_kind < 0 ? json_null()
	                 : json_string(ledger_kind_str((enum ledger_kind)m->ledger_kind)),
	                 "total", m->ledger_total, "entries", arr);
}

static int
print_json(struct print_ctx *ctx, const struct credits_model *m)
{
	const struct credit_summary *c = &m->ctx.credits;
	const char *cur = m->ctx.acct.currency;
	json_t *root;

	root = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "currency", cur,
	                 "balance", (json_int_t)c->balance, "allocated", (json_int_t)c->allocated,
	                 "consumed", (json_int_t)c->consumed, "remaining", (json_int_t)c->remaining,
	                 "scheduled", (json_int_t)c->scheduled, "period_allowance", (json_int_t)c->period_allowance,
	                 "period_used", (json_int_t)c->period_used, "period_overage", (json_int_t)c->period_overage);
	if (root == NULL)
		return EXIT_FAILURE_GENERIC;
	json_object_set_new(root, "run_out", runout_json(m));
	json_object_set_new(root, "forecast", print_json_forecast(m->ctx.fc_err, m->ctx.has_fc_so_far, m->ctx.has_alloc,
	                                                            &m->ctx.fc, cur));
	json_object_set_new(root, "purchase", json_pack("{s:b, s:o, s:o}", "available", !m->refused,
	                                                "reason", m->refused ? json_string(m->refusal) : json_null(),
	                                                "price_per_1000", print_json_money(m->overage_per_1000, cur)));
	json_object_set_new(root, "grants", grants_json(m));
	json_object_set_new(root, "ledger", ledger_json(m));
	return print_json_dump(ctx, root);
}

static int
print_csv(struct print_ctx *ctx, const struct credits_model *m)
{
	static const char *const head[] = { "id", "at", "kind", "credits", "balance_after", "grant_id", "description" };
	char at[32];
	size_t h;
	int i;

	for (h = 0; h < sizeof head / sizeof head[0]; h++)
		csv_field(ctx->out, h == 0, head[h]);
	csv_end(ctx->out);
	for (i = 0; i < m->nledger; i++) {
		const struct ledger_entry *e = &m->ledger[i];

		if (time_format_rfc3339(e->at, at, sizeof at) < 0)
			at[0] = '\0';
		csv_field(ctx->out, 1, e->id);
		csv_field(ctx->out, 0, at);
		csv_field(ctx->out, 0, ledger_kind_str(e->kind));
		csv_int(ctx->out, 0, e->credits);
		csv_int(ctx->out, 0, e->balance_after);
		csv_field(ctx->out, 0, e->grant_id);
		csv_field(ctx->out, 0, e->description);
		csv_end(ctx->out);
	}
	return fflush(ctx->out) == 0 && !ferror(ctx->out) ? EXIT_OK : EXIT_FAILURE_GENERIC;
}

static int
run(struct print_ctx *ctx)
{
	int idx = view_find("credits"), rc;
	struct credits_state *s;

	if (idx < 0)
		return EXIT_FAILURE_GENERIC;
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return EXIT_FAILURE_GENERIC;
	credits_state_init(s);
	s->headless = 1;
	s->ledger_limit_print = opt_ledger;
	s->print_page = ctx->format == PRINT_TEXT;
	s->m.ledger_kind = opt_kind;
	/* The view owns the state from here (its free op), text or not. */
	ctx->app->views[idx].priv = s;
	if (ctx->format == PRINT_TEXT)
		return print_view_text(ctx, "credits");
	if (credits_state_load(s, ctx->cache, ctx->now) < 0) {
		fprintf(stderr, "billtop: %s\n", s->err);
		return EXIT_CACHE;
	}
	rc = ctx->format == PRINT_JSON ? print_json(ctx, &s->m) : print_csv(ctx, &s->m);
	return rc;
}

const struct printer print_credits = {
	.name = "credits",
	.formats = PRINT_TEXT | PRINT_JSON | PRINT_CSV,
	.longopts = longopts,
	.option = option,
	.run = run,
};
