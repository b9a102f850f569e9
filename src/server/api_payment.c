/* api_payment.c: payment methods, the default method, hosted setup and charges. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "server/api.h"
#include "server/engine.h"
#include "server/jsonx.h"
#include "server/list.h"

#define SETUP_URL "https://billing.example.com/setup/"
#define SETUP_TTL 3600
#define PM_COLS "id, type, brand, last4, exp_month, exp_year, bank_name, is_default, created_at"

static json_t *
method_row(struct req *rq, sqlite3_stmt *st)
{
	(void)rq;
	return json_pack("{s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:b, s:o}",
	                 "id", (const char *)sqlite3_column_text(st, 0),
	                 "type", (const char *)sqlite3_column_text(st, 1),
	                 "brand", jx_col_str(st, 2),
	                 "last4", (const char *)sqlite3_column_text(st, 3),
	                 "exp_month", jx_col_int(st, 4), "exp_year", jx_col_int(st, 5),
	                 "bank_name", jx_col_str(st, 6),
	                 "is_default", sqlite3_column_int(st, 7),
	                 "created_at", jx_col_time(st, 8));
}

void
api_methods_list(struct req *rq, struct resp *rs)
{
	struct list_params lp;
	sqlite3_stmt *st;
	int64_t k[3] = { INT64_MAX, INT64_MAX, INT64_MAX };
	char what[64];

	if (list_params(rq, rs, &lp) < 0)
		return;
	if (lp.after && list_cursor(rq, rs, "SELECT is_default, created_at, seq FROM payment_methods WHERE id = ?1",
	                            lp.after, k, 3) != 1)
		return;
	st = db_stmt(rq->db, "SELECT " PM_COLS " FROM payment_methods"
	                     " WHERE (is_default, created_at, seq) < (?1, ?2, ?3)"
	                     " ORDER BY is_default DESC, created_at DESC, seq DESC LIMIT ?4");
	if (st) {
		sqlite3_bind_int64(st, 1, k[0]);
		sqlite3_bind_int64(st, 2, k[1]);
		sqlite3_bind_int64(st, 3, k[2]);
		sqlite3_bind_int64(st, 4, lp.limit + 1);
	}
	list_answer(rq, rs, st, lp.limit, method_row);
	snprintf(what, sizeof what, "payment_methods|%lld", (long long)lp.limit);
	if (rs->status == 200)
		etag_versions(rq, rs, what, "payment_methods", (const char *)NULL);
}

void
api_method_default(struct req *rq, struct resp *rs)
{
	sqlite3_stmt *st = db_stmt(rq->db, "SELECT " PM_COLS " FROM payment_methods WHERE id = ?1");
	json_t *body = req_json_object(rq, rs, 1);
	struct account a;
	int r;

	if (!body)
		return;
	json_decref(body);
	if (!st) {
		resp_internal(rs);
		return;
	}
	db_bind_text(st, 1, rq->seg[1]);
	r = db_row(rq->db, st);
	sqlite3_reset(st);
	if (r < 0) {
		resp_internal(rs);
		return;
	}
	if (r == 0) {
		resp_error(rs, 404, "not_found", "No payment method has the id '%.64s'.", rq->seg[1]);
		return;
	}
	if (acct_load(rq->db, &a) < 0 || eng_set_default(rq->db, &a, rq->seg[1], rq->now) < 0) {
		resp_internal(rs);
		return;
	}
	st = db_stmt(rq->db, "SELECT " PM_COLS " FROM payment_methods WHERE id = ?1");
	if (!st) {
		resp_internal(rs);
		return;
	}
	db_bind_text(st, 1, rq->seg[1]);
	if (db_row(rq->db, st) != 1) {
		sqlite3_reset(st);
		resp_internal(rs);
		return;
	}
	resp_json(rs, 200, method_row(rq, st));
	sqlite3_reset(st);
}

void
api_methods_setup(struct req *rq, struct resp *rs)
{
	json_t *body = req_json_object(rq, rs, 1);
	char id[ID_MAX], url[160];

	if (!body)
		return;
	json_decref(body);
	if (db_next_id(rq->db, "seti", 8, id, sizeof id) < 0) {
		resp_internal(rs);
		return;
	}
	snprintf(url, sizeof url, "%s%s", SETUP_URL, id);
	resp_json(rs, 201, json_pack("{s:s, s:o}", "url", url, "expires_at", jx_time(rq->now + SETUP_TTL)));
}

static json_t *
charge_row(struct req *rq, sqlite3_stmt *st)
{
	return json_pack("{s:s, s:o, s:o, s:s, s:o, s:o, s:o, s:s, s:o}",
	                 "id", (const char *)sqlite3_column_text(st, 0),
	                 "created_at", jx_col_time(st, 1),
	                 "amount", jx_money(sqlite3_column_int64(st, 2), rq->currency),
	                 "status", (const char *)sqlite3_column_text(st, 3),
	                 "failure_reason", jx_col_str(st, 4),
	                 "payment_method_id", jx_col_str(st, 5),
	                 "invoice_id", jx_col_str(st, 6),
	                 "description", (const char *)sqlite3_column_text(st, 7),
	                 "refunded_amount", jx_col_money(st, 8, rq->currency));
}

void
api_charges_list(struct req *rq, struct resp *rs)
{
	struct list_params lp;
	sqlite3_stmt *st;
	int64_t k[2] = { INT64_MAX, INT64_MAX };
	char what[64];

	if (list_params(rq, rs, &lp) < 0)
		return;
	if (lp.after && list_cursor(rq, rs, "SELECT created_at, seq FROM charges WHERE id = ?1", lp.after, k, 2) != 1)
		return;
	st = db_stmt(rq->db, "SELECT id, created_at, amount, status, failure_reason, payment_method_id,"
	                     " invoice_id, description, refunded_amount FROM charges"
	                     " WHERE (created_at, seq) < (?1, ?2) ORDER BY created_at DESC, seq DESC LIMIT ?3");
	if (st) {
		sqlite3_bind_int64(st, 1, k[0]);
		sqlite3_bind_int64(st, 2, k[1]);
		sqlite3_bind_int64(st, 3, lp.limit + 1);
	}
	list_answer(rq, rs, st, lp.limit, charge_row);
	snprintf(what, sizeof what, "charges|%lld", (long long)lp.limit);
	if (rs->status == 200)
		etag_versions(rq, rs, what, "charges", (const char *)NULL);
}
