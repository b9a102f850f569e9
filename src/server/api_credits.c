/* api_credits.c: the balance, grants, the ledger and credit purchases. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "server/api.h"
#include "server/engine.h"
#include "server/jsonx.h"
#include "server/list.h"

void
api_credits_get(struct req *rq, struct resp *rs)
{
	sqlite3_stmt *st;
	struct account a;
	int64_t allocated, consumed, scheduled, allowance;

	if (acct_load(rq->db, &a) < 0)
		goto fail;
	st = db_stmt(rq->db, "SELECT coalesce(sum(CASE WHEN phase = 1 THEN amount END), 0),"
	                     " coalesce(sum(CASE WHEN phase = 1 THEN consumed END), 0),"
	                     " coalesce(sum(CASE WHEN phase = 0 THEN amount END), 0),"
	                     " coalesce(sum(CASE WHEN source = 'plan_allowance' AND available_from >= ?1"
	                     "   AND available_from < ?2 THEN amount END), 0)"
	                     " FROM grants WHERE phase < 2");
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, a.period_start);
	sqlite3_bind_int64(st, 2, a.period_end);
	if (db_row(rq->db, st) != 1)
		goto fail;
	allocated = sqlite3_column_int64(st, 0);
	consumed = sqlite3_column_int64(st, 1);
	scheduled = sqlite3_column_int64(st, 2);
	allowance = sqlite3_column_int64(st, 3);
	sqlite3_reset(st);
	resp_json(rs, 200, json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
	                             "balance", (json_int_t)(allocated - consumed),
	                             "allocated", (json_int_t)allocated,
	                             "consumed", (json_int_t)consumed,
	                             "remaining", (json_int_t)(allocated - consumed),
	                             "period_allowance", (json_int_t)allowance,
	                             "period_used", (json_int_t)a.period_used,
	                             "period_overage", (json_int_t)a.period_overage,
	                             "scheduled", (json_int_t)scheduled));
	etag_versions(rq, rs, "credits", "credits", "account", (const char *)NULL);
	return;
fail:
	resp_internal(rs);
}

static json_t *
grant_row(struct req *rq, sqlite3_stmt *st)
{
	(void)rq;
	return json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:o, s:o}",
	                 "id", (const char *)sqlite3_column_text(st, 0),
	                 "source", (const char *)sqlite3_column_text(st, 1),
	                 "description", (const char *)sqlite3_column_text(st, 2),
	                 "amount", (json_int_t)sqlite3_column_int64(st, 3),
	                 "consumed", (json_int_t)sqlite3_column_int64(st, 4),
	                 "remaining", (json_int_t)(sqlite3_column_int64(st, 3) - sqlite3_column_int64(st, 4)),
	                 "available_from", jx_col_time(st, 5),
	                 "expires_at", jx_col_time(st, 6));
}

#define GRANT_COLS "id, source, description, amount, consumed, available_from, expires_at"

void
api_grants_list(struct req *rq, struct resp *rs)
{
	struct list_params lp;
	sqlite3_stmt *st;
	int64_t k[2] = { 0, 0 };
	char what[64];

	if (list_params(rq, rs, &lp) < 0)
		return;
	if (lp.after) {
		if (list_cursor(rq, rs, "SELECT available_from, seq FROM grants WHERE id = ?1", lp.after, k, 2) != 1)
			return;
		st = db_stmt(rq->db, "SELECT " GRANT_COLS " FROM grants WHERE (available_from, seq) < (?1, ?2)"
		                     " ORDER BY available_from DESC, seq DESC LIMIT ?3");
		if (st) {
			sqlite3_bind_int64(st, 1, k[0]);
			sqlite3_bind_int64(st, 2, k[1]);
			sqlite3_bind_int64(st, 3, lp.limit + 1);
		}
	} else {
		st = db_stmt(rq->db, "SELECT " GRANT_COLS " FROM grants"
		                     " ORDER BY available_from DESC, seq DESC LIMIT ?1");
		if (st)
			sqlite3_bind_int64(st, 1, lp.limit + 1);
	}
	list_answer(rq, rs, st, lp.limit, grant_row);
	snprintf(what, sizeof what, "grants|%lld", (long long)lp.limit);
	if (rs->status == 200)
		etag_versions(rq, rs, what, "credits", (const char *)NULL);
}

static json_t *
ledger_row(struct req *rq, sqlite3_stmt *st)
{
	(void)rq;
	return json_pack("{s:s, s:o, s:s, s:I, s:I, s:o, s:s}",
	                 "id", (const char *)sqlite3_column_text(st, 0),
	                 "at", jx_col_time(st, 1),
	                 "kind", (const char *)sqlite3_column_text(st, 2),
	                 "credits", (json_int_t)sqlite3_column_int64(st, 3),
	                 "balance_after", (json_int_t)sqlite3_column_int64(st, 4),
	                 "grant_id", jx_col_str(st, 5),
	                 "description", (const char *)sqlite3_column_text(st, 6));
}

#define LEDGER_COLS "id, at, kind, credits, balance_after, grant_id, description"

static int
ledger_kind_valid(const char *k)
{
	static const char *const kinds[] = { "allowance", "purchase", "promotion", "usage", "expiry",
	                                     "overage", "adjustment", NULL };
	size_t i;

	for (i = 0; kinds[i]; i++)
		if (strcmp(kinds[i], k) == 0)
			return 1;
	return 0;
}

void
api_ledger_list(struct req *rq, struct resp *rs)
{
	struct list_params lp;
	sqlite3_stmt *st;
	const char *kind = req_query(rq, "kind");
	int64_t k[2] = { 0, 0 };
	char what[96];

	if (list_params(rq, rs, &lp) < 0)
		return;
	if (kind && !ledger_kind_valid(kind)) {
		resp_error(rs, 400, "invalid_parameter", "kind '%.40s' is not one of allowance, purchase, "
		           "promotion, usage, expiry, overage, adjustment.", kind);
		return;
	}
	if (lp.after && list_cursor(rq, rs, "SELECT at, seq FROM ledger WHERE id = ?1", lp.after, k, 2) != 1)
		return;
	if (kind && lp.after)
		st = db_stmt(rq->db, "SELECT " LEDGER_COLS " FROM ledger WHERE kind = ?4 AND (at, seq) < (?1, ?2)"
		                     " ORDER BY at DESC, seq DESC LIMIT ?3");
	else if (kind)
		st = db_stmt(rq->db, "SELECT " LEDGER_COLS " FROM ledger WHERE kind = ?4 AND ?1 IS NULL"
		                     " AND ?2 IS NULL ORDER BY at DESC, seq DESC LIMIT ?3");
	else if (lp.after)
		st = db_stmt(rq->db, "SELECT " LEDGER_COLS " FROM ledger WHERE (at, seq) < (?1, ?2)"
		                     " ORDER BY at DESC, seq DESC LIMIT ?3");
	else
		st = db_stmt(rq->db, "SELECT " LEDGER_COLS " FROM ledger WHERE ?1 IS NULL AND ?2 IS NULL"
		                     " ORDER BY at DESC, seq DESC LIMIT ?3");
	if (st) {
		if (lp.after) {
			sqlite3_bind_int64(st, 1, k[0]);
			sqlite3_bind_int64(st, 2, k[1]);
		}
		sqlite3_bind_int64(st, 3, lp.limit + 1);
		if (kind)
			db_bind_text(st, 4, kind);
	}
	list_answer(rq, rs, st, lp.limit, ledger_row);
	snprintf(what, sizeof what, "ledger|%s|%lld", kind ? kind : "", (long long)lp.limit);
	if (rs->status == 200)
		etag_versions(rq, rs, what, "credits", (const char *)NULL);
}

void
api_purchase(struct req *rq, struct resp *rs)
{
	json_t *body = req_json_object(rq, rs, 0), *c;
	struct purchase_out po;
	struct account a;
	json_int_t credits;
	enum eng_result r;

	if (!body)
		return;
	c = json_object_get(body, "credits");
	if (!json_is_integer(c)) {
		resp_error(rs, 400, "bad_request", "credits is required and must be an integer.");
		goto out;
	}
	credits = json_integer_value(c);
	if (credits <= 0 || credits % 1000 != 0 || credits > 10000000) {
		resp_error(rs, 422, "invalid_amount",
		           "credits must be a positive multiple of 1,000 and at most 10,000,000.");
		goto out;
	}
	if (acct_load(rq->db, &a) < 0) {
		resp_internal(rs);
		goto out;
	}
	r = eng_purchase(rq->db, &a, rq->now, credits, &po);
	switch (r) {
	case ENG_OK:
		if (acct_save(rq->db, &a) < 0) {
			resp_internal(rs);
			break;
		}
		resp_json(rs, 201, json_pack("{s:s, s:I, s:o, s:s, s:s, s:o}",
		                             "id", po.id, "credits", credits,
		                             "price", jx_money(po.price, a.currency),
		                             "grant_id", po.grant_id, "charge_id", po.charge_id,
		                             "created_at", jx_time(rq->now)));
		break;
	case ENG_UNAVAILABLE:
		resp_error(rs, 409, "purchase_unavailable",
		           "The %s plan has no price for extra credits; upgrade to buy credits.", a.plan_id);
		break;
	case ENG_NO_PAYMENT_METHOD:
		resp_error(rs, 402, "no_payment_method", "There is no default payment method on file.");
		break;
	case ENG_DECLINED:
		/* The failed charge is recorded; nothing is granted. */
		if (acct_save(rq->db, &a) < 0)
			resp_internal(rs);
		else
			resp_error(rs, 402, "card_declined", "The charge to the default payment method was declined.");
		break;
	default:
		resp_internal(rs);
		break;
	}
out:
	json_decref(body);
}
