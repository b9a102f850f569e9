/* print_overview.c: `billtop print overview`: the Overview as text or JSON. */
#include <config.h>

#include <string.h>

#include "cli/print.h"
#include "client/model.h"
#include "core/i18n.h"
#include "ui/app.h"
#include "ui/overview.h"

static json_t *
account_json(const struct account *a)
{
	json_t *sched = json_null();

	if (a->scheduled_plan_id[0])
		sched = json_pack("{s:s, s:o}", "plan_id", a->scheduled_plan_id,
		                  "effective_at", print_json_time(a->scheduled_at));
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:b, s:o}",
	                 "id", a->id, "name", a->name, "role", role_str(a->role),
	                 "status", account_status_str(a->status), "currency", a->currency,
	                 "plan_id", a->plan_id,
	                 "trial_end", print_json_time(a->trial_end),
	                 "current_period_start", print_json_time(a->period_start),
	                 "current_period_end", print_json_time(a->period_end),
	                 "next_billing_date", print_json_time(a->next_billing),
	                 "scheduled_change", sched,
	                 "runs_paused", a->runs_paused,
	                 "runs_paused_reason", a->pause_reason == PAUSE_NONE ? json_null()
	                 : json_string(pause_reason_str(a->pause_reason)));
}

static json_t *
plan_json(const struct plan *p)
{
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:b}", "id", p->id, "name", p->name,
	                 "price", print_json_money(p->price, p->currency),
	                 "included_credits", p->included_credits == M_NONE ? json_null()
	                 : json_integer(p->included_credits),
	                 "overage_price_per_1000", print_json_money(p->overage_per_1000, p->currency),
	                 "contact_sales", p->contact_sales);
}

static const char *
forecast_str(enum forecast_err e)
{
	switch (e) {
	case FORECAST_OK: return "ok";
	case FORECAST_TOO_LITTLE_DATA: return "not_enough_data";
	case FORECAST_NO_BURN: return "no_usage";
	case FORECAST_OVERFLOW: return "overflow";
	default: return "not_available";
	}
}

static json_t *
overview_json(struct print_ctx *ctx, const struct overview *o)
{
	const char *cur = o->acct.currency;
	const struct credit_summary *cs = &o->credits;
	json_t *root, *proj;

	root = json_object();
	json_object_set_new(root, "now", print_json_time(o->now));
	json_object_set_new(root, "synced_at", print_json_time(ctx->app->synced_at));
	json_object_set_new(root, "account", account_json(&o->acct));
	json_object_set_new(root, "plan", o->has_plan ? plan_json(&o->plan) : json_null());
	json_object_set_new(root, "credits", !o->has_credits ? json_null() :
	    json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
	              "balance", (json_int_t)cs->balance, "allocated", (json_int_t)cs->allocated,
	              "consumed", (json_int_t)cs->consumed, "remaining", (json_int_t)cs->remaining,
	              "period_allowance", (json_int_t)cs->period_allowance,
	              "period_used", (json_int_t)cs->period_used,
	              "period_overage", (json_int_t)cs->period_overage,
	              "scheduled", (json_int_t)cs->scheduled));
	json_object_set_new(root, "spend", !o->spend_known ? json_null() :
	    json_pack("{s:o, s:o}", "so_far", print_json_money(o->spend_so_far, cur),
	              "overage_so_far", print_json_money(o->overage_so_far, cur)));
	proj = json_pack("{s:s, s:i}", "status", forecast_str(o->forecast), "days", o->burn_days);
	if (o->forecast == FORECAST_OK) {
		json_object_set_new(proj, "burn_rate", json_pack("{s:I, s:i}", "credits",
		                    (json_int_t)o->burn.credits, "days", o->burn.days));
		json_object_set_new(proj, "credits", json_integer(o->projected_credits));
		json_object_set_new(proj, "spend", print_json_money(o->projected_spend, cur));
		json_object_set_new(proj, "overage_credits", json_integer(o->projected_overage));
	}
	json_object_set_new(root, "projection", proj);
	json_object_set_new(root, "previous_period", print_json_compare(&o->cmp));
	json_object_set_new(root, "forecast", print_json_forecast(o->forecast, o->spend_known, o->has_alloc, &o->fc, cur));
	json_object_set_new(root, "latest_invoice", !o->has_invoice ? json_null() :
	    json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "id", o->invoice.id,
	              "number", o->invoice.number, "status", invoice_status_str(o->invoice.status),
	              "total", print_json_money(o->invoice.total, o->invoice.currency),
	              "amount_due", print_json_money(o->invoice.amount_due, o->invoice.currency),
	              "issued_at", print_json_time(o->invoice.issued_at),
	              "due_at", print_json_time(o->invoice.due_at)));
	json_object_set_new(root, "payment_method", !o->has_method ? json_null() :
	    json_pack("{s:s, s:s, s:s?, s:s, s:i, s:i, s:s?}", "id", o->method.id,
	              "type", pm_type_str(o->method.type),
	              "brand", o->method.brand[0] ? o->method.brand : NULL,
	              "last4", o->method.last4, "exp_month", o->method.exp_month,
	              "exp_year", o->method.exp_year,
	              "bank_name", o->method.bank_name[0] ? o->method.bank_name : NULL));
	json_object_set_new(root, "banners", print_json_banners(ctx));
	return root;
}

static int
run(struct print_ctx *ctx)
{
	struct overview o;
	char err[512];

	if (ctx->format == PRINT_TEXT)
		return print_view_text(ctx, "overview");
	if (overview_load(ctx->cache, ctx->now, &o, err, sizeof err) != 0) {
		fprintf(stderr, "billtop: %s\n", err);
		return EXIT_CACHE;
	}
	return print_json_dump(ctx, overview_json(ctx, &o));
}

const struct printer print_overview = {
	.name = "overview",
	.formats = PRINT_TEXT | PRINT_JSON,
	.longopts = NULL,
	.option = NULL,
	.run = run,
};
