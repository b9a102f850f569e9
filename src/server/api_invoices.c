/* api_invoices.c: invoices (the draft first, then newest period first) and their PDFs. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/api.h"
#include "server/jsonx.h"
#include "server/list.h"
#include "server/pdf.h"
#include "server/state.h"

#define INVOICE_URL "https://billing.example.com/invoices/"
#define INV_COLS "seq, id, number, status, period_start, period_end, issued_at, due_at, paid_at," \
	" subtotal, credits_applied, tax, total, amount_paid"

static json_t *
lines_json(struct req *rq, int64_t seq)
{
	sqlite3_stmt *st = db_stmt(rq->db, "SELECT description, quantity, unit, unit_price, unit_price_per, amount"
	                                   " FROM invoice_lines WHERE invoice_seq = ?1 ORDER BY pos");
	json_t *arr = json_array(), *l;
	int r;

	if (!st || !arr)
		goto fail;
	sqlite3_bind_int64(st, 1, seq);
	while ((r = db_row(rq->db, st)) == 1) {
		l = json_pack("{s:s, s:I, s:s, s:o, s:I, s:o}",
		              "description", (const char *)sqlite3_column_text(st, 0),
		              "quantity", (json_int_t)sqlite3_column_int64(st, 1),
		              "unit", (const char *)sqlite3_column_text(st, 2),
		              "unit_price", jx_money(sqlite3_column_int64(st, 3), rq->currency),
		              "unit_price_per", (json_int_t)sqlite3_column_int64(st, 4),
		              "amount", jx_money(sqlite3_column_int64(st, 5), rq->currency));
		if (!l || json_array_append_new(arr, l) < 0) {
			r = -1;
			break;
		}
	}
	sqlite3_reset(st);
	if (r < 0)
		goto fail;
	return arr;
fail:
	json_decref(arr);
	return NULL;
}

static json_t *
invoice_row(struct req *rq, sqlite3_stmt *st)
{
	const char *status = (const char *)sqlite3_column_text(st, 3);
	const char *id = (const char *)sqlite3_column_text(st, 1);
	int64_t total = sqlite3_column_int64(st, 12), paid = sqlite3_column_int64(st, 13), due;
	json_t *lines = lines_json(rq, sqlite3_column_int64(st, 0));
	char url[512];   /* an id of up to 127 bytes, each as %XX */

	if (!lines)
		return NULL;
	due = strcmp(status, "paid") == 0 || strcmp(status, "void") == 0 ? 0 : total - paid;
	if (jx_url_segment(url, sizeof url, INVOICE_URL, id) < 0) {
		json_decref(lines);
		return NULL;
	}
	return json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s}",
	                 "id", id, "number", (const char *)sqlite3_column_text(st, 2), "status", status,
	                 "currency", rq->currency,
	                 "period_start", jx_col_time(st, 4), "period_end", jx_col_time(st, 5),
	                 "issued_at", jx_col_time(st, 6), "due_at", jx_col_time(st, 7),
	                 "paid_at", jx_col_time(st, 8), "lines", lines,
	                 "subtotal", jx_money(sqlite3_column_int64(st, 9), rq->currency),
	                 "credits_applied", jx_money(sqlite3_column_int64(st, 10), rq->currency),
	                 "tax", jx_money(sqlite3_column_int64(st, 11), rq->currency),
	                 "total", jx_money(total, rq->currency),
	                 "amount_paid", jx_money(paid, rq->currency),
	                 "amount_due", jx_money(due, rq->currency),
	                 "hosted_url", url);
}

static int
status_valid(const char *s)
{
	static const char *const all[] = { "draft", "issued", "paid", "past_due", "void", NULL };
	size_t i;

	for (i = 0; all[i]; i++)
		if (strcmp(all[i], s) == 0)
			return 1;
	return 0;
}

void
api_invoices_list(struct req *rq, struct resp *rs)
{
	struct list_params lp;
	sqlite3_stmt *st;
	const char *status = req_query(rq, "status");
	int64_t k[3] = { INT64_MAX, INT64_MAX, INT64_MAX };
	char what[96];

	if (list_params(rq, rs, &lp) < 0)
		return;
	if (status && !status_valid(status)) {
		resp_error(rs, 400, "invalid_parameter",
		           "status '%.40s' is not one of draft, issued, paid, past_due, void.", status);
		return;
	}
	if (lp.after && list_cursor(rq, rs, "SELECT is_draft, period_start, seq FROM invoices WHERE id = ?1",
	                            lp.after, k, 3) != 1)
		return;
	if (status)
		st = db_stmt(rq->db, "SELECT " INV_COLS " FROM invoices WHERE status = ?4"
		                     " AND (is_draft, period_start, seq) < (?1, ?2, ?3)"
		                     " ORDER BY is_draft DESC, period_start DESC, seq DESC LIMIT ?5");
	else
		st = db_stmt(rq->db, "SELECT " INV_COLS " FROM invoices WHERE ?4 IS NULL"
		                     " AND (is_draft, period_start, seq) < (?1, ?2, ?3)"
		                     " ORDER BY is_draft DESC, period_start DESC, seq DESC LIMIT ?5");
	if (st) {
		sqlite3_bind_int64(st, 1, k[0]);
		sqlite3_bind_int64(st, 2, k[1]);
		sqlite3_bind_int64(st, 3, k[2]);
		db_bind_text(st, 4, status);
		sqlite3_bind_int64(st, 5, lp.limit + 1);
	}
	list_answer(rq, rs, st, lp.limit, invoice_row);
	snprintf(what, sizeof what, "invoices|%s|%lld", status ? status : "", (long long)lp.limit);
	if (rs->status == 200)
		etag_versions(rq, rs, what, "invoices", (const char *)NULL);
}

/* Positions st on the invoice named by the path; 1, or 0/-1 with the 404/500 written. */
static int
invoice_find(struct req *rq, struct resp *rs, sqlite3_stmt **out)
{
	sqlite3_stmt *st = db_stmt(rq->db, "SELECT " INV_COLS " FROM invoices WHERE id = ?1");
	int r;

	if (!st) {
		resp_internal(rs);
		return -1;
	}
	db_bind_text(st, 1, rq->seg[1]);
	r = db_row(rq->db, st);
	if (r < 0)
		resp_internal(rs);
	else if (r == 0)
		resp_error(rs, 404, "not_found", "No invoice has the id '%.64s'.", rq->seg[1]);
	if (r != 1)
		sqlite3_reset(st);
	*out = st;
	return r;
}

void
api_invoice_get(struct req *rq, struct resp *rs)
{
	sqlite3_stmt *st;
	char what[128];

	if (invoice_find(rq, rs, &st) != 1)
		return;
	resp_json(rs, 200, invoice_row(rq, st));
	sqlite3_reset(st);
	snprintf(what, sizeof what, "invoice|%.64s", rq->seg[1]);
	if (rs->status == 200)
		etag_versions(rq, rs, what, "invoices", (const char *)NULL);
}

void
api_invoice_pdf(struct req *rq, struct resp *rs)
{
	sqlite3_stmt *st;
	json_t *inv;
	struct account a;
	char what[128], *pdf = NULL;
	size_t len = 0;

	if (invoice_find(rq, rs, &st) != 1)
		return;
	inv = invoice_row(rq, st);
	sqlite3_reset(st);
	if (!inv || acct_load(rq->db, &a) < 0 || pdf_invoice(inv, a.name, &pdf, &len) < 0) {
		json_decref(inv);
		resp_internal(rs);
		return;
	}
	json_decref(inv);
	free(rs->body);
	rs->body = pdf;
	rs->len = len;
	rs->status = 200;
	rs->ctype = "application/pdf";
	snprintf(what, sizeof what, "pdf|%.64s", rq->seg[1]);
	etag_versions(rq, rs, what, "invoices", "account", (const char *)NULL);
}
