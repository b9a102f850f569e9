/* cmd_print.c: `billtop print TAB [--format text|json|csv] [--width N]`. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/print.h"
#include "client/cache.h"
#include "client/client.h"
#include "client/cache_spend.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/banner.h"
#include "ui/canvas.h"
#include "ui/glyphs.h"
#include "ui/model_usage.h"
#include "ui/offered.h"
#include "client/source.h"

/* The printers: one line each, in the order of the tabs. */
static const struct printer *const printers[] = {
	&print_overview,
	&print_credits,
	&print_usage,
	&print_plans,
	&print_invoices,
	&print_payment,
};

#define NPRINTERS ((int)(sizeof printers / sizeof printers[0]))
#define OPT_FORMAT 0x180
#define OPT_WIDTH 0x181

static void
print_help(FILE *out)
{
	int i;

	fprintf(out, _("Usage: %s print TAB [--format text|json] [--width N]\n"), PACKAGE);
	fputs(_("Prints a tab from the local cache (never the network).  TAB is one of:"), out);
	for (i = 0; i < NPRINTERS; i++)
		fprintf(out, " %s", printers[i]->name);
	fputs("\n\n", out);
	fputs(_("      --format FORMAT   text (the default), json, or csv where the tab has it\n"
	        "      --width N         the text's width in columns, 20 to 1000 (default 80)\n"
	        "      --cache FILE      print from FILE instead of the default cache\n"
	        "      --profile NAME    the cache of the [profile NAME] section\n\n"), out);
	/* TRANSLATORS: a table follows: each tab, its formats and its own options. */
	fputs(_("Each tab's formats and its own options:\n"), out);
	/* From the printers' own tables, so this list cannot drift from the parser. */
	for (i = 0; i < NPRINTERS; i++) {
		const struct option *o;

		fprintf(out, "  %-10s%s%s%s", printers[i]->name,
		        printers[i]->formats & PRINT_TEXT ? "text" : "",
		        printers[i]->formats & PRINT_JSON ? "|json" : "",
		        printers[i]->formats & PRINT_CSV ? "|csv" : "");
		for (o = printers[i]->longopts; o && o->name; o++)
			fprintf(out, "  --%s%s", o->name, o->has_arg == required_argument ? "=VALUE" : "");
		fputs("\n", out);
	}
}

static int
parse_format(const char *s, enum print_format *f)
{
	if (strcmp(s, "text") == 0)
		*f = PRINT_TEXT;
	else if (strcmp(s, "json") == 0)
		*f = PRINT_JSON;
	else if (strcmp(s, "csv") == 0)
		*f = PRINT_CSV;
	else
		return -1;
	return 0;
}

/* The shared options, then the printer's own, as one getopt table. */
static struct option *
merge_options(const struct printer *p)
{
	static const struct option base[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
	};
	struct option *all;
	size_t nb = sizeof base / sizeof base[0], ne = 0;

	while (p->longopts && p->longopts[ne].name)
		ne++;
	all = calloc(nb + ne + 1, sizeof *all);
	if (!all)
		return NULL;
	memcpy(all, base, sizeof base);
	if (ne)
		memcpy(all + nb, p->longopts, ne * sizeof *all);
	return all;
}

/* The cache `billtop sync` would use; printing never creates one, and reads
 * it read-only (a cache the user made read-only still prints). */
static int
open_cache(struct cli_opts *opts, struct client **cl, struct cache **out)
{
	struct client_err err;
	const char *note = NULL;

	if (client_open(opts, CLIENT_NO_CACHE, cl, &err) != 0) {
		fprintf(stderr, "billtop: %s\n", err.message);
		return client_err_exit_code(&err);
	}
	if (access((*cl)->cache_path, F_OK) != 0) {
		fprintf(stderr, _("billtop: no cache at %s yet: run `billtop sync` first\n"), (*cl)->cache_path);
		return EXIT_CACHE;
	}
	if (cache_open_ex((*cl)->cache_path, CACHE_OPEN_READONLY, out, &note) != 0) {
		/* cache_error names the path */
		fprintf(stderr, "billtop: %s\n", cache_error(*out));
		cache_close(*out);
		*out = NULL;
		return EXIT_CACHE;
	}
	if (note)
		fprintf(stderr, "billtop: %s\n", note);
	return EXIT_OK;
}

static const struct source_ops *print_source(struct client *cl, struct cache *c, int spend);

int
cmd_print(struct cli_opts *opts, int argc, char **argv)
{
	const struct printer *p = NULL;
	struct print_ctx ctx;
	struct option *longopts = NULL;
	struct client *cl = NULL;
	struct app app;
	char *end, words[1024];
	const char *format_arg = NULL;
	long w;
	int c, i, idx, rc = EXIT_USAGE, spend;

	memset(&ctx, 0, sizeof ctx);
	ctx.opts = opts;
	ctx.format = PRINT_TEXT;
	ctx.width = 80;
	ctx.out = stdout;
	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
			print_help(stdout);
			return EXIT_OK;
		}
		print_help(stderr);
		return EXIT_USAGE;
	}
	for (i = 0; i < NPRINTERS; i++)
		if (strcmp(printers[i]->name, argv[1]) == 0)
			p = printers[i];
	if (!p) {
		fprintf(stderr, _("billtop print: unknown tab '%s'\n"), argv[1]);
		print_help(stderr);
		return EXIT_USAGE;
	}
	longopts = merge_options(p);
	if (!longopts)
		return EXIT_FAILURE_GENERIC;
	argc--;
	argv++;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			/* checked against the printer once the source is known */
			if (parse_format(optarg, &ctx.format) != 0) {
				fprintf(stderr, _("billtop print %s: --format %s is not available\n"), p->name, optarg);
				goto out;
			}
			format_arg = optarg;
			break;
		case OPT_WIDTH:
			w = strtol(optarg, &end, 10);
			if (*end || w < 20 || w > 1000) {
				fprintf(stderr, _("billtop print: --width must be a number from 20 to 1000, not '%s'\n"),
				        optarg);
				goto out;
			}
			ctx.width = (int)w;
			break;
		case 'h':
			print_help(stdout);
			rc = EXIT_OK;
			goto out;
		default:
			if (cli_common_option(opts, c, optarg))
				break;
			if (c >= 0x200 && p->option) {
				if (p->option(c, optarg) != 0)
					goto out;
				break;
			}
			print_help(stderr);
			goto out;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("billtop print: unexpected argument '%s'\n"), argv[optind]);
		goto out;
	}
	rc = open_cache(opts, &cl, &ctx.cache);
	if (rc != EXIT_OK)
		goto out;
	spend = print_is_spend(cl, ctx.cache) &&
	        (strcmp(p->name, "overview") == 0 || strcmp(p->name, "usage") == 0);
	if (format_arg && !spend && !(p->formats & (int)ctx.format)) {
		fprintf(stderr, _("billtop print %s: --format %s is not available\n"), p->name, format_arg);
		rc = EXIT_USAGE;
		goto out;
	}
	ctx.budget = cl->cfg.budget;
	memcpy(ctx.budget_currency, cl->cfg.budget_currency, sizeof ctx.budget_currency);
	app_init(&app, ctx.cache, 1);
	app.source = print_source(cl, ctx.cache, spend);
	app.anomaly_factor = cl->cfg.anomaly_factor;
	ctx.app = &app;
	ctx.utf8 = app.utf8;
	ctx.now = app.now;
	idx = view_find(p->name);
	if (spend && app.have_snapshot) {
		rc = print_spend(&ctx, p->name);
	} else if (idx >= 0 && offered_print_exit(app.source, view_table[idx], words, sizeof words) != EXIT_OK) {
		/* the tab's data is not in this source: the same sentence as the tab's screen */
		fprintf(stderr, "billtop: %s\n", words);
		rc = EXIT_NOT_OFFERED;
	} else if (!app.have_snapshot) {
		fprintf(stderr, "%s\n", _("billtop: the cache is empty: run `billtop sync` first"));
		rc = EXIT_CACHE;
	} else if (app.access == ACCESS_FORBIDDEN) {
		fprintf(stderr, _("billtop: your role (%s) cannot see billing; owners, admins and "
		                  "billing readers can\n"), app.role);
		rc = EXIT_AUTH;
	} else {
		rc = p->run(&ctx);
	}
	app_free(&app);
out:
	cache_close(ctx.cache);
	client_close(cl);
	free(longopts);
	return rc;
}

int
print_view_text(struct print_ctx *ctx, const char *id)
{
	struct app *app = ctx->app;
	struct banner b[BANNER_MAX];
	struct canvas *c;
	struct layout l;
	struct view *v;
	int idx = view_find(id), nb, rows, rc = EXIT_OK;

	if (idx < 0)
		return EXIT_FAILURE_GENERIC;
	c = canvas_new(ctx->width, PRINT_HEIGHT, ctx->utf8);
	if (!c)
		return EXIT_FAILURE_GENERIC;
	app->cur = idx;
	v = &app->views[idx];
	if (app_load_view(app, idx) != 0) {
		fprintf(stderr, "billtop: %s\n", app->load_error);
		rc = EXIT_CACHE;
		goto out;
	}
	nb = banners_collect(app, b, BANNER_MAX);
	rows = banners_draw(c, 0, 0, c->w, BANNER_MAX * 2, b, nb);
	view_layout(&l, 0, rows ? rows + 1 : 0, c->w, c->h - (rows ? rows + 1 : 0));
	l.compact = c->w < 80;
	l.now = app->now;
	v->ops->draw(v, c, &l);
	/* Only the rows drawn on: the canvas is far taller than a print needs. */
	{
		struct canvas *out = canvas_new(c->w, canvas_rows_used(c) > 0 ? canvas_rows_used(c) : 1,
		                                ctx->utf8);
		int x, y;

		if (!out) {
			rc = EXIT_FAILURE_GENERIC;
			goto out;
		}
		for (y = 0; y < out->h; y++)
			for (x = 0; x < out->w; x++)
				out->cells[y * out->w + x] = c->cells[y * c->w + x];
		if (canvas_write(out, ctx->out) != 0 || fflush(ctx->out) != 0)
			rc = EXIT_FAILURE_GENERIC;
		canvas_free(out);
	}
out:
	canvas_free(c);
	return rc;
}

json_t *
print_json_time(int64_t t)
{
	char buf[32];

	if (t == M_NONE || time_format_rfc3339(t, buf, sizeof buf) != 0)
		return json_null();
	return json_string(buf);
}

json_t *
print_json_money(int64_t minor, const char *currency)
{
	if (minor == M_NONE)
		return json_null();
	return json_pack("{s:I, s:s}", "amount", (json_int_t)minor, "currency", currency);
}

static json_t *
day_json(int64_t t)
{
	char buf[M_DAY];

	return time_format_day(t, buf, sizeof buf) < 0 ? json_null() : json_string(buf);
}

json_t *
print_json_compare(const struct usage_compare *k)
{
	int32_t t;

	if (!k->ok)
		return json_null();
	return json_pack("{s:i, s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:o}", "days", k->days, "from", day_json(k->from),
	                 "to", day_json(k->to), "previous_from", day_json(k->prev_from),
	                 "previous_to", day_json(k->prev_to), "credits", (json_int_t)k->credits,
	                 "previous", (json_int_t)k->prev_credits, "delta", (json_int_t)(k->credits - k->prev_credits),
	                 "change_permille", usage_change_tenths(k->credits, k->prev_credits, &t) == 0 ? json_integer(t)
	                                                                                          : json_null());
}

json_t *
print_json_forecast(enum forecast_err err, int has_so_far, int has_alloc, const struct forecast_out *fc,
                    const char *cur)
{
	const char *status = err == FORECAST_OK ? "ok" : err == FORECAST_TOO_LITTLE_DATA ? "not_enough_data" : "none";
	json_t *so_far = json_null(), *end = json_null(), *period = json_null();

	if (has_so_far)
		so_far = json_pack("{s:o, s:o, s:o, s:o}", "spend", print_json_money(fc->spend_so_far, cur),
		                   "tax", print_json_money(fc->tax_so_far, cur),
		                   "total", print_json_money(fc->total_so_far, cur),
		                   "overage_cost", print_json_money(fc->overage_cost_so_far, cur));
	if (err == FORECAST_OK)
		end = json_pack("{s:I, s:I, s:I, s:b, s:o, s:I, s:o, s:o, s:o, s:o}",
		                "credits", (json_int_t)fc->projected, "covered_credits", (json_int_t)fc->covered,
		                "overage_credits", (json_int_t)fc->overage, "runs_out", fc->runs_out,
		                "runs_pause_at", print_json_time(fc->pauses_at > 0 ? fc->pauses_at : M_NONE),
		                "expiring_credits", (json_int_t)fc->expiring,
		                "overage_cost", print_json_money(fc->overage_cost, cur),
		                "spend", print_json_money(fc->spend, cur), "tax", print_json_money(fc->tax, cur),
		                "total", print_json_money(fc->total, cur));
	if (has_alloc)
		period = json_pack("{s:I, s:I, s:I}", "allocated", (json_int_t)fc->allocated,
		                   "consumed", (json_int_t)fc->consumed, "remaining", (json_int_t)fc->remaining);
	return json_pack("{s:s, s:o, s:o, s:o}", "status", status, "so_far", so_far, "at_period_end", end,
	                 "this_period", period);
}

json_t *
print_json_banners(struct print_ctx *ctx)
{
	static const char *const kinds[] = {
		[BANNER_PAST_DUE] = "past_due", [BANNER_PAUSED] = "runs_paused",
		[BANNER_EXHAUSTED] = "credits_exhausted", [BANNER_TRIAL] = "trial",
		[BANNER_INSECURE] = "insecure", [BANNER_OFFLINE] = "offline", [BANNER_STALE] = "stale",
	};
	struct banner b[BANNER_MAX];
	json_t *arr = json_array();
	int n, i;

	n = banners_collect(ctx->app, b, BANNER_MAX);
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s?}", "kind", kinds[b[i].kind],
		                                     "text", b[i].text, "url", b[i].url[0] ? b[i].url : NULL));
	return arr;
}

int
print_json_dump(struct print_ctx *ctx, json_t *root)
{
	json_t *top;
	int r;

	if (!root)
		return EXIT_FAILURE_GENERIC;
	/* format_version first: a script checks it before reading anything else
	 * (docs/print-json.md; raised when a field changes meaning or goes). */
	top = json_pack("{s:i}", "format_version", PRINT_FORMAT_VERSION);
	if (!top || json_object_update(top, root) != 0) {
		json_decref(top);
		json_decref(root);
		return EXIT_FAILURE_GENERIC;
	}
	json_decref(root);
	r = json_dumpf(top, ctx->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(top);
	if (r != 0 || fputc('\n', ctx->out) == EOF || fflush(ctx->out) != 0)
		return EXIT_FAILURE_GENERIC;
	return EXIT_OK;
}

/* The source to print with: the configured one; for a cache a spend source
 * wrote, read without --source, the source named in it. */
static const struct source_ops *
print_source(struct client *cl, struct cache *c, int spend)
{
	struct spend_org org;
	const struct source_ops *src = client_source(cl);

	if (!spend || (src->caps & SRC_CAP_SPEND))
		return src;
	if (cache_spend_org(c, &org) == 1 && source_find(org.source))
		return source_find(org.source);
	return &source_openai;
}

int
print_is_spend(struct client *cl, struct cache *c)
{
	struct spend_org org;
	struct account a;

	if (client_source(cl)->caps & SRC_CAP_SPEND)
		return 1;
	/* a cache a spend source wrote, read without --source */
	return cache_spend_org(c, &org) == 1 && cache_account(c, &a) == 0;
}
