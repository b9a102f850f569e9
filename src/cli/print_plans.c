/* print_plans.c: `billtop print plans`: the catalogue and the advisor. */
#include <config.h>

#include <string.h>

#include "cli/print.h"
#include "client/model.h"
#include "core/i18n.h"
#include "ui/plans.h"

static json_t *
features_json(const char *features)
{
	json_t *arr = json_array();
	const char *p = features, *nl;
	char line[M_TEXT];
	size_t k;

	while (*p) {
		nl = strchr(p, '\n');
		k = nl ? (size_t)(nl - p) : strlen(p);
		if (k >= sizeof line)
			k = sizeof line - 1;
		memcpy(line, p, k);
		line[k] = '\0';
		json_array_append_new(arr, json_string(line));
		p += k;
		if (*p == '\n')
			p++;
	}
	return arr;
}

static json_t *
row_json(const struct plans_model *m, int i)
{
	const struct plan_row *r = &m->rows[i];
	const struct plan *p = &r->plan;
	json_t *o, *adv = json_null();

	if (r->advised)
		adv = json_pack("{s:o, s:I, s:I, s:b}", "cost", print_json_money(r->cost.cost, p->currency),
		                "overage_credits", (json_int_t)r->cost.overage_credits,
		                "unserved_credits", (json_int_t)r->cost.unserved_credits,
		                "would_stop", r->cost.stopped);
	o = json_pack("{s:s, s:s, s:I, s:o, s:s, s:o, s:o, s:s, s:s, s:o, s:b, s:b, s:b, s:b}",
	              "id", p->id, "name", p->name, "rank", (json_int_t)p->rank,
	              "price", print_json_money(p->price, p->currency), "interval", p->interval,
	              "included_credits", p->included_credits == M_NONE ? json_null()
	              : json_integer(p->included_credits),
	              "overage_price_per_1000", print_json_money(p->overage_per_1000, p->currency),
	              "rate_limit", p->rate_limit, "support", p->support,
	              "features", features_json(p->features),
	              "contact_sales", p->contact_sales, "current", r->is_current,
	              "scheduled", r->is_scheduled, "best_fit", i == m->best);
	json_object_set_new(o, "price_difference", r->delta == M_NONE ? json_null()
	                    : print_json_money(r->delta, p->currency));
	json_object_set_new(o, "last_period", adv);
	return o;
}

static int
run(struct print_ctx *ctx)
{
	struct plans_model m;
	json_t *root, *arr, *sched = json_null();
	char err[512];
	int i, rc;

	if (ctx->format == PRINT_TEXT)
		return print_view_text(ctx, "plans");
	memset(&m, 0, sizeof m);
	if (plans_load(ctx->cache, ctx->now, &m, err, sizeof err) != 0) {
		fprintf(stderr, "billtop: %s\n", err);
		return EXIT_CACHE;
	}
	arr = json_array();
	for (i = 0; i < m.n; i++)
		json_array_append_new(arr, row_json(&m, i));
	if (m.acct.scheduled_plan_id[0])
		sched = json_pack("{s:s, s:o}", "plan_id", m.acct.scheduled_plan_id,
		                  "effective_at", print_json_time(m.acct.scheduled_at));
	root = json_pack("{s:o, s:s, s:o, s:o, s:o}", "now", print_json_time(m.now),
	                 "current_plan", m.acct.plan_id, "scheduled_change", sched,
	                 "last_period", !m.has_last ? json_null() :
	                 json_pack("{s:o, s:o, s:I}", "start", print_json_time(m.last_start),
	                           "end", print_json_time(m.last_end),
	                           "credits_used", (json_int_t)m.last_used),
	                 "plans", arr);
	/* the one period forecast, as overview/usage/credits print it */
	json_object_set_new(root, "this_period", json_pack("{s:s, s:o}", "projection",
	                    m.proj_err == FORECAST_OK ? "ok" : m.proj_err == FORECAST_TOO_LITTLE_DATA
	                    ? "not_enough_data" : "none", "projected_total",
	                    m.proj_err == FORECAST_OK ? print_json_money(m.proj_total, m.acct.currency)
	                    : json_null()));
	rc = print_json_dump(ctx, root);
	plans_free(&m);
	return rc;
}

const struct printer print_plans = {
	.name = "plans",
	.formats = PRINT_TEXT | PRINT_JSON,
	.longopts = NULL,
	.option = NULL,
	.run = run,
};
