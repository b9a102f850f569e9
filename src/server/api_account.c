/* api_account.c: GET /v1/account, GET /v1/plans and subscription changes. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "server/api.h"
#include "server/engine.h"
#include "server/jsonx.h"
#include "server/list.h"

#define PAY_URL "https://billing.example.com/pay/"
#define SALES_URL "https://example.com/contact-sales"

static json_t *
str_or_null(const char *s)
{
	return *s ? json_string(s) : json_null();
}

json_t *
api_account_json(struct req *rq)
{
	struct account a;
	json_t *o, *sched;
	char url[160];
	int canceled;

	if (acct_load(rq->db, &a) < 0)
		return NULL;
	canceled = strcmp(a.status, "canceled") == 0;
	sched = a.scheduled_plan_id[0]
	        ? json_pack("{s:s, s:o}", "plan_id", a.scheduled_plan_id, "effective_at", jx_time(a.period_end))
	        : json_null();
	snprintf(url, sizeof url, "%s%s", PAY_URL, a.id);
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:b, s:o, s:s, s:s,"
	              " s:I, s:o}",
	              "id", a.id, "name", a.name, "role", role_name(rq->role), "status", a.status,
	              "currency", a.currency, "plan_id", a.plan_id,
	              "trial_end", a.trial_end == NO_TIME ? json_null() : jx_time(a.trial_end),
	              "current_period_start", jx_time(a.period_start),
	              "current_period_end", jx_time(a.period_end),
	              "next_billing_date", canceled ? json_null() : jx_time(a.period_end),
	              "scheduled_change", sched,
	              "runs_paused", a.paused_reason[0] != '\0',
	              "runs_paused_reason", str_or_null(a.paused_reason),
	              "payment_update_url", url, "sales_url", SALES_URL,
	              "tax_rate_bp", (json_int_t)a.tax_rate_bp,
	              "created_at", jx_time(a.created_at));
	return o;
}

void
api_account_get(struct req *rq, struct resp *rs)
{
	char what[64];

	snprintf(what, sizeof what, "account|%s", role_name(rq->role));
	resp_json(rs, 200, api_account_json(rq));
	etag_versions(rq, rs, what, "account", (const char *)NULL);
}

static json_t *
plan_row(struct req *rq, sqlite3_stmt *st)
{
	json_t *features = json_loads((const char *)sqlite3_column_text(st, 8), 0, NULL);

	if (!features)
		features = json_array();
	return json_pack("{s:s, s:s, s:I, s:o, s:s, s:o, s:o, s:s, s:s, s:o, s:b}",
	                 "id", (const char *)sqlite3_column_text(st, 0),
	                 "name", (const char *)sqlite3_column_text(st, 1),
	                 "rank", (json_int_t)sqlite3_column_int64(st, 2),
	                 "price", jx_col_money(st, 3, rq->currency),
	                 "interval", "month",
	                 "included_credits", jx_col_int(st, 4),
	                 "overage_price_per_1000", jx_col_money(st, 5, rq->currency),
	                 "rate_limit", (const char *)sqlite3_column_text(st, 6),
	                 "support", (const char *)sqlite3_column_text(st, 7),
	                 "features", features,
	                 "contact_sales", sqlite3_column_int(st, 9));
}

#define PLAN_COLS "id, name, rank, price, included, overage, rate_limit, support, features, contact_sales"

void
api_plans_list(struct req *rq, struct resp *rs)
{
	struct list_params lp;
	sqlite3_stmt *st;
	int64_t rank = 0;
	char what[64];
	int r;

	if (list_params(rq, rs, &lp) < 0)
		return;
	if (lp.after) {
		st = db_stmt(rq->db, "SELECT rank FROM plans WHERE id = ?1");
		if (st)
			db_bind_text(st, 1, lp.after);
		if (!st || (r = db_row(rq->db, st)) < 0) {
			resp_internal(rs);
			return;
		}
		if (r == 1)
			rank = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (!r) {
			list_unknown_after(rs, lp.after);
			return;
		}
		st = db_stmt(rq->db, "SELECT " PLAN_COLS " FROM plans WHERE (rank, id) > (?1, ?2)"
		                     " ORDER BY rank, id LIMIT ?3");
		if (st) {
			sqlite3_bind_int64(st, 1, rank);
			db_bind_text(st, 2, lp.after);
			sqlite3_bind_int64(st, 3, lp.limit + 1);
		}
	} else {
		st = db_stmt(rq->db, "SELECT " PLAN_COLS " FROM plans ORDER BY rank, id LIMIT ?1");
		if (st)
			sqlite3_bind_int64(st, 1, lp.limit + 1);
	}
	list_answer(rq, rs, st, lp.limit, plan_row);
	snprintf(what, sizeof what, "plans|%lld", (long long)lp.limit);
	if (rs->status == 200)
		etag_versions(rq, rs, what, "plans", (const char *)NULL);
}

/* Maps an engine refusal to its HTTP error; 1 when it wrote one. */
static int
refusal(struct resp *rs, enum eng_result r, const struct account *a)
{
	switch (r) {
	case ENG_OK:
		return 0;
	case ENG_PAST_DUE:
		resp_error(rs, 409, "account_past_due",
		           "The account is past due: set a working default payment method first (%s%s).",
		           PAY_URL, a->id);
		return 1;
	case ENG_ALREADY_ON_PLAN:
		resp_error(rs, 409, "already_on_plan", "The account is already on the %s plan.", a->plan_id);
		return 1;
	case ENG_NO_PAYMENT_METHOD:
		resp_error(rs, 402, "no_payment_method", "There is no default payment method on file.");
		return 1;
	case ENG_DECLINED:
		resp_error(rs, 402, "card_declined", "The charge to the default payment method was declined.");
		return 1;
	case ENG_NO_SCHEDULED_CHANGE:
		resp_error(rs, 409, "no_scheduled_change", "There is no scheduled plan change to cancel.");
		return 1;
	default:
		resp_internal(rs);
		return 1;
	}
}

void
api_subscription_change(struct req *rq, struct resp *rs)
{
	json_t *body = req_json_object(rq, rs, 0), *pid;
	struct account a;
	struct plan p;
	int r;

	if (!body)
		return;
	pid = json_object_get(body, "plan_id");
	if (!json_is_string(pid)) {
		resp_error(rs, 400, "bad_request", "plan_id is required and must be a string.");
		goto out;
	}
	r = plan_load(rq->db, json_string_value(pid), &p);
	if (r < 0 || acct_load(rq->db, &a) < 0) {
		resp_internal(rs);
		goto out;
	}
	if (r == 0) {
		resp_error(rs, 422, "plan_not_found", "No plan has the id '%.64s'.", json_string_value(pid));
		goto out;
	}
	if (p.contact_sales) {
		resp_error(rs, 422, "contact_sales",
		           "The %s plan is sold by our sales team: contact them at %s.", p.name, SALES_URL);
		goto out;
	}
	r = eng_change_plan(rq->db, &a, &p, rq->now);
	if (refusal(rs, r, &a)) {
		/* A declined upgrade keeps its failed charge on record. */
		if (r == ENG_DECLINED && acct_save(rq->db, &a) < 0)
			resp_internal(rs);
		goto out;
	}
	resp_json(rs, 200, api_account_json(rq));
out:
	json_decref(body);
}

void
api_subscription_cancel(struct req *rq, struct resp *rs)
{
	json_t *body = req_json_object(rq, rs, 1);
	struct account a;

	if (!body)
		return;
	json_decref(body);
	if (acct_load(rq->db, &a) < 0) {
		resp_internal(rs);
		return;
	}
	if (refusal(rs, eng_cancel_scheduled(rq->db, &a), &a))
		return;
	resp_json(rs, 200, api_account_json(rq));
}
