/* cache_invoices.c: the invoices as the views read them: one with its
 * lines, pages of the list, and for large accounts (thousands of them) a
 * window of rows, positions and search in SQL. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "client/cache_priv.h"
#include "core/i18n.h"

/* ---- invoices ----------------------------------------------------------- */

/*
 * The list's order, whatever order the source sent: drafts (the running
 * period's) first, then newest issue date first (an invoice without one by
 * its period start), then the order the source sent them in. INV_KEY is that
 * order as an ascending row value, so a position is a count of smaller keys
 * and a search can start at any row's key.
 */
#define INV_KEY "-(status = 'draft'), -coalesce(issued_at, period_start, 0), seq"
#define INV_ORDER " ORDER BY -(status = 'draft'), -coalesce(issued_at, period_start, 0), seq"
/* The order within one status: the draft term is the same for every row
 * there, so the (status, issue date, seq) index serves it. */
#define INV_STATUS_ORDER " ORDER BY -coalesce(issued_at, period_start, 0), seq"
#define INV_ORDER_DESC " ORDER BY -(status = 'draft') DESC, -coalesce(issued_at, period_start, 0) DESC, seq DESC"

#define INVOICE_COLS "id, number, status, currency, period_start, period_end, issued_at," \
	" due_at, paid_at, subtotal, credits_applied, tax, total, amount_paid, amount_due," \
	" hosted_url"

static void
row_invoice(sqlite3_stmt *st, void *p)
{
	struct invoice *inv = p;

	memset(inv, 0, sizeof *inv);
	col_str(st, 0, inv->id, sizeof inv->id);
	col_str(st, 1, inv->number, sizeof inv->number);
	inv->status = (enum invoice_status)cache_col_enum(st, 2, invoice_status_parse);
	col_str(st, 3, inv->currency, sizeof inv->currency);
	inv->period_start = col_i64(st, 4);
	inv->period_end = col_i64(st, 5);
	inv->issued_at = col_i64(st, 6);
	inv->due_at = col_i64(st, 7);
	inv->paid_at = col_i64(st, 8);
	inv->subtotal = col_i64(st, 9);
	inv->credits_applied = col_i64(st, 10);
	inv->tax = col_i64(st, 11);
	inv->total = col_i64(st, 12);
	inv->amount_paid = col_i64(st, 13);
	inv->amount_due = col_i64(st, 14);
	col_str(st, 15, inv->hosted_url, sizeof inv->hosted_url);
}

/* Loads inv's lines (inv->lines owned by inv). */
static int
load_lines(struct cache *c, struct invoice *inv)
{
	static const char count_sql[] = "SELECT count(*) FROM invoice_lines WHERE invoice_id = ?1";
	static const char sql[] =
		"SELECT description, quantity, unit, unit_price, unit_price_per, amount"
		" FROM invoice_lines WHERE invoice_id = ?1 ORDER BY n";
	sqlite3_stmt *st;
	int total, i = 0;

	if (cache_count_rows(c, count_sql, inv->id, &total) < 0)
		return -1;
	if (total == 0)
		return 0;
	inv->lines = calloc((size_t)total, sizeof *inv->lines);
	if (!inv->lines)
		return cache_failf(c, _("out of memory"));
	st = cache_stmt(c, sql);
	if (!st)
		return -1;
	bind_str(st, 1, inv->id, 0);
	while (i < total && sqlite3_step(st) == SQLITE_ROW) {
		struct invoice_line *l = &inv->lines[i++];

		col_str(st, 0, l->description, sizeof l->description);
		l->quantity = col_i64(st, 1);
		col_str(st, 2, l->unit, sizeof l->unit);
		l->unit_price = col_i64(st, 3);
		l->unit_price_per = col_i64(st, 4);
		l->amount = col_i64(st, 5);
	}
	sqlite3_reset(st);
	inv->nlines = i;
	return 0;
}

static int
one_invoice(struct cache *c, const char *sql, const char *id, struct invoice *out)
{
	sqlite3_stmt *st = cache_stmt(c, sql);
	int r;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	if (id)
		bind_str(st, 1, id, 0);
	r = cache_step_one(c, st, _("reading an invoice"));
	if (r == 1)
		row_invoice(st, out);
	sqlite3_reset(st);
	if (r == 1 && load_lines(c, out) < 0) {
		invoice_free(out);
		return -1;
	}
	return r;
}

int
cache_invoice(struct cache *c, const char *id, struct invoice *out)
{
	static const char sql[] = "SELECT " INVOICE_COLS " FROM invoices WHERE id = ?1";

	return one_invoice(c, sql, id, out);
}

int
cache_latest_invoice(struct cache *c, struct invoice *out)
{
	static const char sql[] =
		"SELECT " INVOICE_COLS " FROM invoices WHERE status NOT IN ('draft', 'void')" INV_ORDER " LIMIT 1";

	return one_invoice(c, sql, NULL, out);
}

int
cache_invoices(struct cache *c, int status, int offset, int limit,
               struct invoice **out, int *n, int *total)
{
	static const char count_sql[] =
		"SELECT count(*) FROM invoices WHERE ?1 IS NULL OR status = ?1";
	static const char sql_all[] =
		"SELECT " INVOICE_COLS " FROM invoices WHERE ?1 IS NULL" INV_ORDER
		" LIMIT ?2 OFFSET ?3";
	static const char sql_status[] =
		"SELECT " INVOICE_COLS " FROM invoices WHERE status = ?1" INV_ORDER
		" LIMIT ?2 OFFSET ?3";
	const char *filter = status < 0 ? NULL : invoice_status_str((enum invoice_status)status);
	int i;

	*out = NULL;
	*n = 0;
	if (cache_count_rows(c, count_sql, filter, total) < 0)
		return -1;
	if (cache_read_page(c, filter ? sql_status : sql_all, filter, offset, limit, sizeof **out,
	              row_invoice, (void **)out, n, _("reading the invoices")) < 0)
		return -1;
	for (i = 0; i < *n; i++) {
		if (load_lines(c, &(*out)[i]) < 0) {
			for (; i >= 0; i--)
				invoice_free(&(*out)[i]);
			free(*out);
			*out = NULL;
			*n = 0;
			return -1;
		}
	}
	return 0;
}

/* ---- invoice lists on large accounts: windows and search in SQL --------- */

/* ?1 status or NULL; ?2 1 when a query narrows the list; ?3 the number
 * pattern (NULL: none); then per amount range ?4/?7/?10 the currency (NULL:
 * unused) and ?5-?6, ?8-?9, ?11-?12 the range of total, due or subtotal. */
#define INV_AMOUNT(cur, lo, hi) " OR (currency = " cur " AND (total BETWEEN " lo " AND " hi \
	" OR amount_due BETWEEN " lo " AND " hi " OR subtotal BETWEEN " lo " AND " hi "))"
#define INV_WHERE " WHERE (?1 IS NULL OR status = ?1) AND (?2 = 0" \
	" OR number LIKE ?3 ESCAPE '\\'" INV_AMOUNT("?4", "?5", "?6") INV_AMOUNT("?7", "?8", "?9") \
	INV_AMOUNT("?10", "?11", "?12") ")"
#define INV_PARAMS 12

/* ?1: the status, or NULL for every status. */
static void
bind_status(sqlite3_stmt *st, int status)
{
	bind_str(st, 1, status < 0 ? NULL : invoice_status_str((enum invoice_status)status), 0);
}

/* Binds the status and the query (see INV_WHERE). */
static void
bind_invoice_query(sqlite3_stmt *st, int status, const struct invoice_query *q)
{
	char pat[2 * sizeof q->number + 3];
	size_t i, k = 0;
	int a;

	bind_status(st, status);
	sqlite3_bind_int(st, 2, q != NULL);
	if (q == NULL)
		return;
	/* The number as a LIKE pattern: %part%, with its own % _ \ escaped. */
	if (q->number[0] != '\0') {
		pat[k++] = '%';
		for (i = 0; i < sizeof q->number && q->number[i] != '\0'; i++) {
			if (q->number[i] == '%' || q->number[i] == '_' || q->number[i] == '\\')
				pat[k++] = '\\';
			pat[k++] = q->number[i];
		}
		pat[k++] = '%';
		pat[k] = '\0';
		sqlite3_bind_text(st, 3, pat, -1, SQLITE_TRANSIENT);
	}
	for (a = 0; a < q->namounts && a < INVOICE_QUERY_AMOUNTS; a++) {
		bind_str(st, 4 + 3 * a, q->amount[a].currency, 1);
		sqlite3_bind_int64(st, 5 + 3 * a, q->amount[a].lo);
		sqlite3_bind_int64(st, 6 + 3 * a, q->amount[a].hi);
	}
}

int
cache_invoice_rows(struct cache *c, int status, const struct invoice_query *q, int offset, int limit,
                   struct invoice **out, int *n, int *total)
{
	static const char count_sql[] = "SELECT count(*) FROM invoices" INV_WHERE;
	static const char sql[] = "SELECT " INVOICE_COLS " FROM invoices" INV_WHERE
	                          INV_ORDER " LIMIT ?13 OFFSET ?14";
	/* No query: statements schema 4 serves: a window is read in the order
	 * index's order, not sorted; the count of all is kept (row_counts). */
	static const char count_all[] = "SELECT n FROM row_counts WHERE name = 'invoices'";
	static const char count_status[] = "SELECT count(*) FROM invoices WHERE status = ?1";
	static const char rows_all[] = "SELECT " INVOICE_COLS " FROM invoices WHERE ?1 IS NULL"
	                               INV_ORDER " LIMIT ?2 OFFSET ?3";
	static const char rows_status[] = "SELECT " INVOICE_COLS " FROM invoices WHERE status = ?1"
	                                  INV_STATUS_ORDER " LIMIT ?2 OFFSET ?3";
	sqlite3_stmt *st;
	struct invoice *a = NULL;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (q == NULL) {
		/* total NULL: the caller counted already */
		if (total != NULL && cache_count_rows(c, status < 0 ? count_all : count_status,
		               status < 0 ? NULL : invoice_status_str((enum invoice_status)status), total) < 0)
			return -1;
		if (limit == 0)
			return 0;
		return cache_read_page(c, status < 0 ? rows_all : rows_status,
		                 status < 0 ? NULL : invoice_status_str((enum invoice_status)status), offset, limit,
		                 sizeof **out, row_invoice, (void **)out, n, _("reading the invoices"));
	}
	if (!(st = cache_stmt(c, count_sql)))
		return -1;
	bind_invoice_query(st, status, q);
	rc = sqlite3_step(st);
	*total = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return cache_fail(c, _("reading the invoices"));
	if (limit == 0)
		return 0;
	if (!(st = cache_stmt(c, sql)))
		return -1;
	bind_invoice_query(st, status, q);
	sqlite3_bind_int(st, INV_PARAMS + 1, limit < 0 ? -1 : limit);
	sqlite3_bind_int(st, INV_PARAMS + 2, offset < 0 ? 0 : offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cache_grow(c, (void **)&a, &cap, *n, sizeof *a) < 0)
			goto fail;
		row_invoice(st, &a[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the invoices"));
		goto fail;
	}
	sqlite3_reset(st);
	*out = a;
	return 0;
fail:
	sqlite3_reset(st);
	free(a);
	*n = 0;
	return -1;
}

/* Runs a one-integer query; 1 with *v, 0 without a row, -1 on error. */
static int
step_int64(struct cache *c, sqlite3_stmt *st, int64_t *v, const char *what)
{
	int r = cache_step_one(c, st, what);

	if (r == 1)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return r;
}

/* The position in the status's list (newest first) of the invoice at seq:
 * the rows before its key (a, b, seq), counted as a < ?a, then a = ?a and
 * b < ?b, then a, b equal and seq < ?c, each a range of the order index
 * (schema 4), so the draft at the top costs nothing however many follow.
 * Within one status a is constant: two ranges of the status index. */
static int
invoice_position(struct cache *c, int status, int64_t seq, int *index)
{
	static const char key_sql[] = "SELECT -(status = 'draft'), -coalesce(issued_at, period_start, 0)"
	                              " FROM invoices WHERE seq = ?1";
	static const char sql_all[] =
		"SELECT (SELECT count(*) FROM invoices WHERE -(status = 'draft') < ?2)"
		" + (SELECT count(*) FROM invoices WHERE -(status = 'draft') = ?2"
		" AND -coalesce(issued_at, period_start, 0) < ?3)"
		" + (SELECT count(*) FROM invoices WHERE -(status = 'draft') = ?2"
		" AND -coalesce(issued_at, period_start, 0) = ?3 AND seq < ?4)";
	static const char sql_status[] =
		"SELECT (SELECT count(*) FROM invoices WHERE status = ?1"
		" AND -coalesce(issued_at, period_start, 0) < ?3)"
		" + (SELECT count(*) FROM invoices WHERE status = ?1"
		" AND -coalesce(issued_at, period_start, 0) = ?3 AND seq < ?4)";
	sqlite3_stmt *st = cache_stmt(c, key_sql);
	int64_t a = 0, b = 0, v = 0;
	int r;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	r = cache_step_one(c, st, _("reading the invoices"));
	if (r == 1) {
		a = sqlite3_column_int64(st, 0);
		b = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	if (r == 0) {
		*index = 0;   /* gone since its seq was read */
		return 0;
	}
	if (!(st = cache_stmt(c, status < 0 ? sql_all : sql_status)))
		return -1;
	/* (the statement for all has no ?1: binding it is a no-op) */
	bind_status(st, status);
	sqlite3_bind_int64(st, 2, a);
	sqlite3_bind_int64(st, 3, b);
	sqlite3_bind_int64(st, 4, seq);
	if (step_int64(c, st, &v, _("reading the invoices")) != 1)
		return -1;
	*index = (int)v;
	return 0;
}

int
cache_invoice_index(struct cache *c, int status, const char *id_or_number, int *index)
{
	/* By id through its unique index; a number (`print --invoice`) scans. */
	static const char by_id[] = "SELECT seq FROM invoices WHERE (?1 IS NULL OR status = ?1) AND id = ?2";
	static const char by_number[] = "SELECT seq FROM invoices WHERE (?1 IS NULL OR status = ?1)"
	                                " AND number = ?2" INV_ORDER " LIMIT 1";
	sqlite3_stmt *st;
	int64_t seq = 0;
	int r, pass;

	for (pass = 0, r = 0; pass < 2 && r == 0; pass++) {
		if (!(st = cache_stmt(c, pass == 0 ? by_id : by_number)))
			return -1;
		bind_status(st, status);
		bind_str(st, 2, id_or_number, 0);
		r = step_int64(c, st, &seq, _("reading the invoices"));
	}
	if (r != 1)
		return r;
	return invoice_position(c, status, seq, index) < 0 ? -1 : 1;
}

int
cache_invoice_find(struct cache *c, int status, const struct invoice_query *q, int from, int dir, int *index)
{
	static const char at_all[] = "SELECT seq FROM invoices WHERE ?1 IS NULL" INV_ORDER " LIMIT 1 OFFSET ?2";
	static const char at_status[] = "SELECT seq FROM invoices WHERE status = ?1" INV_STATUS_ORDER
	                                " LIMIT 1 OFFSET ?2";
	/* ?13: the row (by seq) to start from, included; NULL: wrap around from
	 * either end. */
	static const char next_sql[] = "SELECT seq FROM invoices" INV_WHERE
	                               " AND (?13 IS NULL OR (" INV_KEY ") >= (SELECT " INV_KEY
	                               " FROM invoices WHERE seq = ?13))" INV_ORDER " LIMIT 1";
	static const char prev_sql[] = "SELECT seq FROM invoices" INV_WHERE
	                               " AND (?13 IS NULL OR (" INV_KEY ") <= (SELECT " INV_KEY
	                               " FROM invoices WHERE seq = ?13))" INV_ORDER_DESC " LIMIT 1";
	sqlite3_stmt *st = cache_stmt(c, status < 0 ? at_all : at_status);
	int64_t start = 0, seq = 0;
	int r, pass;

	if (!st)
		return -1;
	bind_status(st, status);
	sqlite3_bind_int(st, 2, from < 0 ? 0 : from);
	r = step_int64(c, st, &start, _("reading the invoices"));
	if (r <= 0)
		return r;
	for (pass = 0; pass < 2; pass++) {
		if (!(st = cache_stmt(c, dir < 0 ? prev_sql : next_sql)))
			return -1;
		bind_invoice_query(st, status, q);
		if (pass == 0)
			sqlite3_bind_int64(st, INV_PARAMS + 1, start);
		else
			sqlite3_bind_null(st, INV_PARAMS + 1);
		r = step_int64(c, st, &seq, _("searching the invoices"));
		if (r < 0)
			return -1;
		if (r == 1)
			return invoice_position(c, status, seq, index) < 0 ? -1 : 1;
	}
	return 0;
}

int
cache_invoice_currencies(struct cache *c, char (*out)[M_CUR], int max, int *n)
{
	static const char sql[] = "SELECT DISTINCT currency FROM invoices ORDER BY currency";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int rc = SQLITE_DONE;

	*n = 0;
	if (!st)
		return -1;
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		col_str(st, 0, out[(*n)++], M_CUR);
	if (*n < max && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return cache_fail(c, _("reading the invoices"));
	}
	sqlite3_reset(st);
	return 0;
}
