/* print_usage.c: `billtop print usage [--range R] [--by B] [--show-zero]`.
 *
 * text: the Usage tab drawn headless (the same canvas rendering as the tab,
 * every row, the meters' billing notes).  json: the range, the current
 * period with its projection, the chart's series per day, and every row
 * (zero-usage rows included).  csv: the table, one record per row, with a
 * header; amounts in integer minor units, shares as "12.3".
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
#include "ui/view_usage.h"

#define OPT_RANGE 0x200
#define OPT_BY 0x201
#define OPT_ZERO 0x202

static enum usage_range opt_range = UR_DEFAULT;
static enum usage_by opt_by = USAGE_BY_DEFAULT;
static int opt_zero;

static const struct option longopts[] = {
	{ "range", required_argument, NULL, OPT_RANGE },
	{ "by", required_argument, NULL, OPT_BY },
	{ "show-zero", no_argument, NULL, OPT_ZERO },
	{ NULL, 0, NULL, 0 }
};

static int
option(int c, const char *arg)
{
	int v;

	switch (c) {
	case OPT_RANGE:
		if ((v = usage_range_parse(arg)) < 0) {
			fprintf(stderr, _("billtop print usage: --range must be 7d, 30d, 90d, period or previous, not '%s'\n"),
			        arg);
			return -1;
		}
		opt_range = (enum usage_range)v;
		return 0;
	case OPT_BY:
		if ((v = usage_by_parse(arg)) < 0) {
			fprintf(stderr, _("billtop print usage: --by must be meter, agent or item, not '%s'\n"), arg);
			return -1;
		}
		opt_by = (enum usage_by)v;
		return 0;
	case OPT_ZERO:
		opt_zero = 1;
		return 0;
	default:
		return -1;
	}
}

static const struct meter *
find_meter(const struct usage_source *src, const char *id)
{
	int i;

	for (i = 0; i < src->nmeters; i++)
		if (strcmp(src->meters[i].id, id) == 0)
			return &src->meters[i];
	return NULL;
}

static json_t *
day_key_json(int64_t t)
{
	char buf[M_DAY];

	if (time_format_day(t, buf, sizeof buf) < 0)
		return json_null();
	return json_string(buf);
}

static json_t *
period_json(const struct usage_model *m)
{
	const struct usage_period *p = &m->period;
	int ok = p->proj_err == FORECAST_OK;

	return json_pack("{s:o, s:o, s:I, s:I, s:I, s:s, s:o, s:o, s:o, s:o}",
	                 "start", print_json_time(p->start), "end", print_json_time(p->end),
	                 "used", (json_int_t)p->used, "allowance", (json_int_t)p->allowance,
	                 "overage", (json_int_t)p->overage,
	                 "projection", ok ? "ok" : p->proj_err == FORECAST_TOO_LITTLE_DATA ? "not_enough_data" : "none",
	                 "projected", ok ? json_integer(p->projected) : json_null(),
	                 "projected_overage", ok ? json_integer(p->projected_overage) : json_null(),
	                 "projected_spend", print_json_money(ok ? p->projected_spend : M_NONE, m->currency),
	                 "spent", print_json_money(p->spent, m->currency));
}

/* A credit sum; null (JSON) or empty (CSV) when it overflowed 64 bits. */
static json_t *
credits_json(int64_t v)
{
	return v == M_NONE ? json_null() : json_integer(v);
}

static void
csv_credits(FILE *out, int first, int64_t v)
{
	if (v == M_NONE)
		csv_field(out, first, "");
	else
		csv_int(out, first, v);
}

static json_t *
row_json(const struct usage_source *src, const struct usage_model *m, const struct usage_line *l)
{
	const struct meter *mt = l->is_meter ? find_meter(src, l->key) : NULL;
	json_t *meter = json_null();

	if (mt)
		meter = json_pack("{s:o, s:o, s:s, s:s, s:s, s:s}", "raw", credits_json(l->raw),
		                  "billed_raw", credits_json(l->billed_raw),
		                  "raw_unit", mt->raw_unit, "unit", mt->unit, "quantity", l->quantity,
		                  "billing", l->billed_how);
	return json_pack("{s:s, s:s, s:o, s:o, s:i, s:o}", "key", l->key, "name", l->label,
	                 "credits", credits_json(l->credits), "cost", print_json_money(l->cost, m->currency),
	                 "share_permille", l->share_pm, "meter", meter);
}

/* This period so far against the same days of the previous one, per row
 * and in total (usage_model_compare); null when there is no period. */
static json_t *
change_json(int64_t now, int64_t before)
{
	int32_t t;

	return usage_change_tenths(now, before, &t) == 0 ? json_integer(t) : json_null();
}

static json_t *
compare_json(const struct usage_model *m)
{
	json_t *rows, *o = print_json_compare(&m->cmp);
	int i;

	if (!m->cmp.ok || o == NULL)
		return o;
	rows = json_array();
	for (i = 0; i < m->nlines; i++) {
		const struct usage_line *l = &m->lines[i];

		json_array_append_new(rows, json_pack("{s:s, s:o, s:o, s:o, s:o}", "key", l->key,
		                                      "credits", credits_json(l->period_credits),
		                                      "previous", credits_json(l->prev_credits),
		                                      "delta", credits_json(l->period_credits == M_NONE || l->prev_credits == M_NONE
		                                                            ? M_NONE : l->period_credits - l->prev_credits),
		                                      "change_permille", change_json(l->period_credits, l->prev_credits)));
	}
	json_object_set_new(o, "rows", rows);
	return o;
}

/* The model's anomalies (newest first), each with its sentence as the tab lists it. */
static json_t *
anomalies_json(const struct usage_model *m)
{
	json_t *a = json_array();
	char text[256];
	int i;

	for (i = 0; i < m->nanomalies; i++) {
		const struct usage_anomaly *x = &m->anomalies[i];

		usage_anomaly_text(x, text, sizeof text);
		json_array_append_new(a, json_pack("{s:s, s:o, s:s, s:I, s:I, s:o, s:s}", "day", x->day_key,
		                                   "key", x->key[0] ? json_string(x->key) : json_null(),
		                                   "name", x->label, "credits", (json_int_t)x->value,
		                                   "median", (json_int_t)x->median,
		                                   "ratio_tenths", x->ratio_tenths >= 0 ? json_integer(x->ratio_tenths)
		                                                                        : json_null(),
		                                   "text", text));
	}
	return a;
}

static int
print_json(struct print_ctx *ctx, const struct usage_source *src, const struct usage_model *m)
{
	json_t *root, *series = json_array(), *days = json_array(), *rows = json_array();
	int i, k;

	for (k = 0; k < m->nseries; k++)
		json_array_append_new(series, json_pack("{s:o, s:s}", "key",
		                                        m->series[k].key[0] ? json_string(m->series[k].key) : json_null(),
		                                        "name", m->series[k].label));
	for (i = 0; i < m->ndays; i++) {
		json_t *v = json_array();

		for (k = 0; k < m->nseries; k++)
			json_array_append_new(v, json_integer(m->days[i].credits[k]));
		json_array_append_new(days, json_pack("{s:s, s:I, s:o}", "day", m->days[i].day_key,
		                                      "total", (json_int_t)m->days[i].total, "series", v));
	}
	for (i = 0; i < m->nlines; i++)
		json_array_append_new(rows, row_json(src, m, &m->lines[i]));
	root = json_pack("{s:s, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
	                 "range", usage_range_name(m->range), "from", day_key_json(m->from), "to", day_key_json(m->to),
	                 "by", usage_by_name(m->by), "currency", m->currency, "period", period_json(m),
	                 "total", json_pack("{s:o, s:o}", "credits", credits_json(m->total_credits),
	                                    "cost", print_json_money(m->total_cost, m->currency)),
	                 "series", series, "days", days, "rows", rows);
	if (root != NULL) {
		json_object_set_new(root, "anomaly_factor", json_integer(m->anomaly_factor));
		json_object_set_new(root, "anomalies", anomalies_json(m));
		json_object_set_new(root, "compare", compare_json(m));
	}
	if (root != NULL)
		json_object_set_new(root, "forecast", print_json_forecast(src->ctx.fc_err, src->ctx.has_fc_so_far, src->ctx.has_alloc,
		                                                          &src->ctx.fc, m->currency));
	return print_json_dump(ctx, root);
}

static int
print_csv(struct print_ctx *ctx, const struct usage_source *src, const struct usage_model *m)
{
	static const char *const head[] = { "key", "name", "credits", "cost", "currency", "share_percent",
	                                    "billed_raw", "raw_unit", "unit", "billing",
	                                    "period_credits", "previous_credits", "delta", "change_percent" };
	char share[24];
	int32_t change;
	size_t h;
	int i;

	for (h = 0; h < sizeof head / sizeof head[0]; h++)
		csv_field(ctx->out, h == 0, head[h]);
	csv_end(ctx->out);
	for (i = 0; i < m->nlines; i++) {
		const struct usage_line *l = &m->lines[i];
		const struct meter *mt = l->is_meter ? find_meter(src, l->key) : NULL;

		csv_field(ctx->out, 1, l->key);
		csv_field(ctx->out, 0, l->label);
		csv_credits(ctx->out, 0, l->credits);
		csv_money(ctx->out, 0, l->cost, m->currency);
		csv_field(ctx->out, 0, m->currency);
		/* Machine output: always '.' whatever the locale. */
		snprintf(share, sizeof share, "%d.%d", l->share_pm / 10, l->share_pm % 10);
		csv_number(ctx->out, 0, share);
		if (mt) {
			csv_credits(ctx->out, 0, l->billed_raw);
			csv_field(ctx->out, 0, mt->raw_unit);
			csv_field(ctx->out, 0, mt->unit);
			csv_field(ctx->out, 0, l->billed_how);
		} else {
			for (h = 0; h < 4; h++)
				csv_field(ctx->out, 0, "");
		}
		/* This period so far against the same days of the previous one. */
		csv_credits(ctx->out, 0, l->period_credits);
		csv_credits(ctx->out, 0, l->prev_credits);
		csv_credits(ctx->out, 0, l->period_credits == M_NONE || l->prev_credits == M_NONE
		                         ? M_NONE : l->period_credits - l->prev_credits);
		if (usage_change_tenths(l->period_credits, l->prev_credits, &change) == 0) {
			snprintf(share, sizeof share, "%s%ld.%ld", change < 0 ? "-" : "", labs((long)change) / 10,
			         labs((long)change) % 10);
			csv_number(ctx->out, 0, share);
		} else {
			csv_field(ctx->out, 0, "");
		}
		csv_end(ctx->out);
	}
	return fflush(ctx->out) == 0 && !ferror(ctx->out) ? EXIT_OK : EXIT_FAILURE_GENERIC;
}

/* The tab's state with the options, in place before the headless view loads. */
static int
print_text(struct print_ctx *ctx)
{
	int idx = view_find("usage");
	struct usage_state *s;

	if (idx < 0)
		return EXIT_FAILURE_GENERIC;
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return EXIT_FAILURE_GENERIC;
	usage_state_init(s);
	s->range = opt_range;
	s->by = opt_by;
	s->show_zero = opt_zero;
	ctx->app->views[idx].priv = s;   /* the view owns it from here (its free op) */
	return print_view_text(ctx, "usage");
}

static int
run(struct print_ctx *ctx)
{
	struct usage_source src;
	struct usage_model m;
	char err[512];
	int rc;

	if (ctx->format == PRINT_TEXT)
		return print_text(ctx);
	if (usage_source_load(ctx->cache, ctx->now, &src, err, sizeof err) < 0) {
		fprintf(stderr, "billtop: %s\n", err);
		return EXIT_CACHE;
	}
	if (ctx->app->anomaly_factor > 0)
		src.anomaly_factor = ctx->app->anomaly_factor;
	if (usage_model_load(ctx->cache, &src, &m, opt_range, opt_by, err, sizeof err) < 0) {
		fprintf(stderr, "billtop: %s\n", err);
		usage_source_free(&src);
		return EXIT_CACHE;
	}
	rc = ctx->format == PRINT_JSON ? print_json(ctx, &src, &m) : print_csv(ctx, &src, &m);
	usage_model_free(&m);
	usage_source_free(&src);
	return rc;
}

const struct printer print_usage = {
	.name = "usage",
	.formats = PRINT_TEXT | PRINT_JSON | PRINT_CSV,
	.longopts = longopts,
	.option = option,
	.run = run,
};
