/* print_spend.c: `billtop print overview|usage` for a spend source (openai,
 * anthropic): the figures of client/spend_figures.h as text, JSON or CSV. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/csv.h"
#include "cli/print.h"
#include "client/cache_spend.h"
#include "client/decode_spend.h"
#include "client/spend_figures.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/text.h"

static const char *
fc_status(enum forecast_err e)
{
	return e == FORECAST_OK ? "ok" : e == FORECAST_TOO_LITTLE_DATA ? "not_enough_data" : "not_available";
}

static const char *
budget_status(enum spend_budget_state s)
{
	switch (s) {
	case BUDGET_100: return "reached";
	case BUDGET_80: return "above_80_percent";
	case BUDGET_PROJECTED_OVER: return "projected_over";
	default: return "ok";
	}
}

static int
load(struct print_ctx *ctx, struct spend_figures *f)
{
	char err[512];

	if (spend_figures_load(ctx->cache, ctx->now, ctx->budget, ctx->budget_currency, f, err, sizeof err) < 0) {
		fprintf(stderr, "billtop: %s\n", err);
		return EXIT_CACHE;
	}
	return EXIT_OK;
}

static int
overview(struct print_ctx *ctx)
{
	struct spend_figures f;
	struct spend_line l[SPEND_ROWS];
	char banner[512];
	const char *cur;
	int rc = load(ctx, &f), n, i;
	json_t *o;

	if (rc != EXIT_OK)
		return rc;
	cur = f.org.currency;
	if (ctx->format == PRINT_JSON) {
		o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:{s:s, s:s}, s:o, s:{s:s, s:o}, s:o, s:o}",
		              "source", f.org.source, "organization", f.org.name, "currency", cur,
		              "month_start", f.month_from,
		              "month_to_date", print_json_money(f.mtd, cur),
		              "last_month_range", "from", f.last_from, "to", f.last_to,
		              "last_month", print_json_money(f.last, cur),
		              "projection", "status", fc_status(f.fc_err),
		              "at_month_end", f.fc_err == FORECAST_OK ? print_json_money(f.projected, cur) : json_null(),
		              "change_vs_last_month", f.fc_err == FORECAST_OK ? print_json_money(f.change, cur)
		                                                             : json_null(),
		              "budget", f.budget > 0
		              ? json_pack("{s:o, s:i, s:s}", "amount", print_json_money(f.budget, cur),
		                          "percent_used", f.budget_pct, "status", budget_status(f.budget_state))
		              : json_null());
		return print_json_dump(ctx, o);
	}
	n = spend_overview_lines(&f, ctx->utf8 ? 0 : MONEY_FMT_ASCII, l, SPEND_ROWS);
	if (ctx->format == PRINT_CSV) {
		csv_field(ctx->out, 1, "figure");
		csv_field(ctx->out, 0, "amount");
		csv_field(ctx->out, 0, "currency");
		csv_end(ctx->out);
#define ROW(name, v) do { csv_field(ctx->out, 1, name); csv_money(ctx->out, 0, v, cur); \
		csv_field(ctx->out, 0, cur); csv_end(ctx->out); } while (0)
		ROW("month_to_date", f.mtd);
		ROW("projected_at_month_end", f.fc_err == FORECAST_OK ? f.projected : M_NONE);
		ROW("last_month", f.last);
		ROW("change_vs_last_month", f.fc_err == FORECAST_OK ? f.change : M_NONE);
		ROW("budget", f.budget > 0 ? f.budget : M_NONE);
#undef ROW
		return fflush(ctx->out) == 0 ? EXIT_OK : EXIT_FAILURE_GENERIC;
	}
	if (spend_budget_text(&f, ctx->utf8 ? 0 : MONEY_FMT_ASCII, banner, sizeof banner))
		fprintf(ctx->out, "! %s\n\n", banner);
	for (i = 0; i < n; i++)
		fprintf(ctx->out, "%-24s %s\n", l[i].label, l[i].value);
	return fflush(ctx->out) == 0 ? EXIT_OK : EXIT_FAILURE_GENERIC;
}

/* One cost table (rows of one dimension over the month so far). */
static int
cost_table(struct print_ctx *ctx, const struct spend_figures *f, const char *dim, const char *title,
           int daily, json_t *arr)
{
	struct spend_row *r = NULL;
	int64_t *minor = NULL, total;
	char m[64], name[64];
	int n = 0, i, rc = -1, nw = ctx->width - 2 - 18 - (daily ? 12 : 0);
	const char *cur = f->org.currency;

	if ((daily ? cache_spend_daily : cache_spend_totals)(ctx->cache, dim, f->month_from, f->today, &r, &n) < 0) {
		fprintf(stderr, "billtop: %s\n", cache_error(ctx->cache));
		return -1;
	}
	if (n > 0 && !(minor = calloc((size_t)n, sizeof *minor)))
		goto out;
	if (spend_alloc(r, n, cur, minor, &total) < 0)
		goto out;
	if (nw < 10)
		nw = 10;
	if (nw > (int)sizeof name - 1)
		nw = (int)sizeof name - 1;
	if (ctx->format == PRINT_TEXT)
		fprintf(ctx->out, "%s\n", title);
	for (i = 0; i < n; i++) {
		const char *label = r[i].key[0] || r[i].name[0] ? r[i].name : _("(none)");

		if (ctx->format == PRINT_JSON) {
			json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:o, s:I}", "day", daily ? r[i].day : "",
			                                     "key", r[i].key, "name", label,
			                                     "cost", print_json_money(minor[i], cur),
			                                     "cost_micro", (json_int_t)r[i].amount));
		} else if (ctx->format == PRINT_CSV) {
			csv_field(ctx->out, 1, dim);
			csv_field(ctx->out, 0, daily ? r[i].day : "");
			csv_field(ctx->out, 0, r[i].key);
			csv_field(ctx->out, 0, label);
			csv_money(ctx->out, 0, minor[i], cur);
			csv_int(ctx->out, 0, r[i].amount);
			csv_end(ctx->out);
		} else {
			text_fit(label, nw, name, sizeof name);
			money_format(m, sizeof m, minor[i], cur, ctx->utf8 ? 0 : MONEY_FMT_ASCII);
			if (daily)
				fprintf(ctx->out, "  %-10s  %-*s %16s\n", r[i].day, nw, name, m);
			else
				fprintf(ctx->out, "  %-*s %16s\n", nw, name, m);
		}
	}
	if (ctx->format == PRINT_TEXT) {
		money_format(m, sizeof m, total, cur, ctx->utf8 ? 0 : MONEY_FMT_ASCII);
		fprintf(ctx->out, "  %-*s %16s\n\n", nw + (daily ? 12 : 0), _("Total"), m);
	}
	rc = 0;
out:
	if (rc < 0)
		fprintf(stderr, "billtop: %s\n", _("the costs do not add up in 64 bits"));
	free(minor);
	free(r);
	return rc;
}

static const char *const kinds[] = {
	TOK_INPUT, TOK_CACHE_WRITE, TOK_CACHE_READ, TOK_OUTPUT, TOK_REQUESTS, TOK_WEB_SEARCH,
	TOK_IMAGES, TOK_CHARACTERS, TOK_SECONDS, TOK_MODERATION, TOK_VECTOR_BYTES, TOK_SESSIONS
};
#define NKINDS 12

/* The name of an API key id among names[] (the id when none is known). */
static const char *
key_name(const struct spend_row *names, int nn, const char *id)
{
	int i;

	for (i = 0; i < nn; i++)
		if (strcmp(names[i].key, id) == 0)
			return names[i].name;
	return id;
}

/* Tokens and requests by model, or by_key by API key (names[]: the keys'
 * names): rows key = model or key id, name = kind. */
static int
tokens(struct print_ctx *ctx, struct spend_row *r, int n, int by_key, const struct spend_row *names, int nn,
       json_t *arr)
{
	int i, j, k;
	int64_t q[NKINDS];
	char model[64], extra[160];
	const char *label;
	size_t len;

	if (ctx->format == PRINT_TEXT && by_key && n == 0)
		return 0;   /* a cache of a billtop before the table */
	if (ctx->format == PRINT_TEXT) {
		if (by_key)
			fprintf(ctx->out, "\n");
		fprintf(ctx->out, "%s\n", by_key ? _("Tokens and requests by API key") : _("Tokens and requests by model"));
		fprintf(ctx->out, "  %-18s%12s%12s%12s%12s%12s\n", by_key ? _("API key") : _("Model"), _("Input"),
		        _("Cache write"), _("Cache read"), _("Output"), _("Requests"));
	}
	for (i = 0; i < n; i = j) {
		memset(q, 0, sizeof q);
		for (j = i; j < n && strcmp(r[j].key, r[i].key) == 0; j++)
			for (k = 0; k < NKINDS; k++)
				if (strcmp(r[j].name, kinds[k]) == 0)
					q[k] = r[j].amount;
		if (ctx->format == PRINT_JSON) {
			json_t *o = by_key ? json_pack("{s:s, s:s}", "api_key", r[i].key, "name",
			                              r[i].key[0] ? key_name(names, nn, r[i].key) : "")
			                  : json_pack("{s:s}", "model", r[i].key);

			for (k = 0; k < NKINDS; k++)
				json_object_set_new(o, kinds[k], json_integer((json_int_t)q[k]));
			json_array_append_new(arr, o);
		} else if (ctx->format == PRINT_CSV) {
			if (by_key) {   /* the key's name, then its quantities */
				csv_field(ctx->out, 1, "api_key");
				csv_field(ctx->out, 0, "");
				csv_field(ctx->out, 0, r[i].key);
				csv_field(ctx->out, 0, r[i].key[0] ? key_name(names, nn, r[i].key) : "");
				csv_field(ctx->out, 0, "");
				csv_field(ctx->out, 0, "");
				csv_end(ctx->out);
			}
			for (k = 0; k < NKINDS; k++) {
				csv_field(ctx->out, 1, by_key ? "api_key_tokens" : "tokens");
				csv_field(ctx->out, 0, "");
				csv_field(ctx->out, 0, r[i].key);
				csv_field(ctx->out, 0, kinds[k]);
				csv_field(ctx->out, 0, "");
				csv_int(ctx->out, 0, q[k]);
				csv_end(ctx->out);
			}
		} else {
			/* moderations' input tokens are input tokens of their model */
			int64_t input = q[0] + q[9];
			int none = !input && !q[1] && !q[2] && !q[3] && !q[4];

			if (by_key)
				label = r[i].key[0] ? key_name(names, nn, r[i].key) : _("(no API key)");
			else
				label = r[i].key[0] ? r[i].key : none ? _("(no model)") : _("(all models)");
			text_fit(label, 17, model, sizeof model);
			extra[0] = '\0';
			len = 0;
			/* vector stores and code interpreter sessions have no model */
			if (q[10] && len < sizeof extra)
				len += (size_t)snprintf(extra + len, sizeof extra - len, _(", %lld vector store byte-days"),
				                        (long long)q[10]);
			if (q[11] && len < sizeof extra)
				len += (size_t)snprintf(extra + len, sizeof extra - len,
				                        _(", %lld code interpreter sessions"), (long long)q[11]);
			/* web searches, images, characters, seconds: after the row, with their unit */
			if (q[5] && len < sizeof extra)
				len += (size_t)snprintf(extra + len, sizeof extra - len, _(", %lld web searches"),
				                        (long long)q[5]);
			if (q[6] && len < sizeof extra)
				len += (size_t)snprintf(extra + len, sizeof extra - len, _(", %lld images"), (long long)q[6]);
			if (q[7] && len < sizeof extra)
				len += (size_t)snprintf(extra + len, sizeof extra - len, _(", %lld characters"), (long long)q[7]);
			if (q[8] && len < sizeof extra)
				len += (size_t)snprintf(extra + len, sizeof extra - len, _(", %lld seconds"), (long long)q[8]);
			if (none && extra[0]) {
				fprintf(ctx->out, "  %s\n    %s\n", model, extra + 2);
				continue;
			}
			fprintf(ctx->out, "  %-18s%12lld%12lld%12lld%12lld%12lld\n", model, (long long)input,
			        (long long)q[1], (long long)q[2], (long long)q[3], (long long)q[4]);
			if (extra[0])
				fprintf(ctx->out, "    %s\n", extra + 2);
		}
	}
	return 0;
}

/* Both token tables: by model, and by API key (usage read grouped by it). */
static int
token_tables(struct print_ctx *ctx, const struct spend_figures *f, json_t *by_model, json_t *by_key)
{
	struct spend_row *r = NULL, *k = NULL, *names = NULL;
	int n = 0, nk = 0, nn = 0, rc = -1;

	if (cache_spend_tokens(ctx->cache, f->month_from, f->today, &r, &n) < 0 ||
	    cache_spend_key_tokens(ctx->cache, f->month_from, f->today, &k, &nk) < 0 ||
	    cache_spend_names(ctx->cache, "api_key", &names, &nn) < 0) {
		fprintf(stderr, "billtop: %s\n", cache_error(ctx->cache));
		goto out;
	}
	if (tokens(ctx, r, n, 0, NULL, 0, by_model) < 0 || tokens(ctx, k, nk, 1, names, nn, by_key) < 0)
		goto out;
	rc = 0;
out:
	free(r);
	free(k);
	free(names);
	return rc;
}

static int
usage(struct print_ctx *ctx)
{
	struct spend_figures f;
	const char *item_dim, *group_dim;
	json_t *by_item = json_array(), *by_group = json_array(), *daily = json_array(), *tok = json_array();
	json_t *by_key = json_array();
	int rc = load(ctx, &f);

	if (rc != EXIT_OK)
		goto out;
	rc = EXIT_FAILURE_GENERIC;
	item_dim = strcmp(f.org.source, "anthropic") == 0 ? "description" : "line_item";
	group_dim = strcmp(f.org.source, "anthropic") == 0 ? "workspace" : "project";
	if (ctx->format == PRINT_TEXT)
		fprintf(ctx->out, _("%s spend, %s to %s\n\n"), spend_source_title(f.org.source), f.month_from, f.today);
	if (ctx->format == PRINT_CSV) {
		csv_field(ctx->out, 1, "table");
		csv_field(ctx->out, 0, "day");
		csv_field(ctx->out, 0, "key");
		csv_field(ctx->out, 0, "name");
		csv_field(ctx->out, 0, "cost");
		csv_field(ctx->out, 0, "quantity_or_micro");
		csv_end(ctx->out);
	}
	if (cost_table(ctx, &f, item_dim, strcmp(item_dim, "line_item") == 0 ? _("Cost by line item")
	               : _("Cost by description"), 0, by_item) < 0 ||
	    cost_table(ctx, &f, group_dim, strcmp(group_dim, "project") == 0 ? _("Cost by project")
	               : _("Cost by workspace"), 0, by_group) < 0 ||
	    cost_table(ctx, &f, item_dim, _("Daily cost"), 1, daily) < 0 ||
	    token_tables(ctx, &f, tok, by_key) < 0)
		goto out;
	if (ctx->format == PRINT_JSON) {
		rc = print_json_dump(ctx, json_pack("{s:s, s:s, s:s, s:s, s:O, s:O, s:O, s:O, s:O}", "source",
		                                    f.org.source, "currency", f.org.currency, "from", f.month_from,
		                                    "to", f.today, "by_item", by_item, "by_group", by_group,
		                                    "daily", daily, "tokens", tok, "by_api_key", by_key));
		goto out;
	}
	rc = fflush(ctx->out) == 0 ? EXIT_OK : EXIT_FAILURE_GENERIC;
out:
	json_decref(by_item);
	json_decref(by_group);
	json_decref(daily);
	json_decref(tok);
	json_decref(by_key);
	return rc;
}

int
print_spend(struct print_ctx *ctx, const char *tab)
{
	if (strcmp(tab, "overview") == 0)
		return overview(ctx);
	if (strcmp(tab, "usage") == 0)
		return usage(ctx);
	return -1;
}
