/* model_invoices_load.c: the Invoices model from the cache: the count, a
 * window of rows, the running draft, the selected invoice's lines, search. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "ui/model_invoices.h"

#define MAX_DRAFTS 100     /* one per period: a handful at the most */
#define MAX_CURRENCIES INVOICE_QUERY_AMOUNTS

static void
rows_free(struct invoice *rows, int n)
{
	int i;

	for (i = 0; i < n; i++)
		invoice_free(&rows[i]);
	free(rows);
}

static int
fail(struct cache *c, char *err, size_t errsz)
{
	snprintf(err, errsz, "%s", cache_error(c));
	return -1;
}

/* Replaces the window with the rows [first, first + count) of the list;
 * recount: counts the list again (else m->total stays: counted at load). */
static int
read_window(struct cache *c, struct invoices_model *m, int first, int count, int recount, char *err,
            size_t errsz)
{
	struct invoice *rows = NULL;
	int n = 0, total = m->total;

	if (cache_invoice_rows(c, m->filter, NULL, first, count, &rows, &n, recount ? &total : NULL) < 0)
		return fail(c, err, errsz);
	rows_free(m->inv, m->n);
	m->inv = rows;
	m->off = first;
	m->n = n;
	m->total = total;
	return 0;
}

/* The running period's draft (else the newest draft: the server's clock may
 * differ from ours), as a list index of the filter, or -1. */
static int
running_draft(struct cache *c, struct invoices_model *m, char *err, size_t errsz)
{
	struct invoice *drafts = NULL;
	int n = 0, total = 0, i, pick = -1, index = -1, r = 0;

	if (cache_invoice_rows(c, INV_DRAFT, NULL, 0, MAX_DRAFTS, &drafts, &n, &total) < 0)
		return fail(c, err, errsz);
	for (i = 0; i < n && pick < 0; i++)
		if (invoice_is_running_draft(&drafts[i], m->now))
			pick = i;
	if (pick < 0 && n > 0)
		pick = 0;
	if (pick >= 0)
		r = cache_invoice_index(c, m->filter, drafts[pick].id, &index);
	rows_free(drafts, n);
	if (r < 0)
		return fail(c, err, errsz);
	m->running_draft = r == 1 ? index : -1;
	return 0;
}

int
invoices_model_load(struct cache *c, int64_t now, int filter, int all, struct invoices_model *m,
                    char *err, size_t errsz)
{
	struct invoice *none = NULL;
	int n = 0;

	invoices_model_free(m);
	m->now = now;
	m->filter = filter;
	if (all)
		return read_window(c, m, 0, -1, 1, err, errsz) < 0 ? -1 : running_draft(c, m, err, errsz);
	if (cache_invoice_rows(c, filter, NULL, 0, 0, &none, &n, &m->total) < 0)
		return fail(c, err, errsz);
	return running_draft(c, m, err, errsz);
}

int
invoices_model_cover(struct cache *c, struct invoices_model *m, int row, int margin, char *err, size_t errsz)
{
	int lo, hi, first;

	if (margin > INVOICES_WINDOW / 2 - 1)
		margin = INVOICES_WINDOW / 2 - 1;
	lo = row - margin < 0 ? 0 : row - margin;
	hi = row + margin + 1 > m->total ? m->total : row + margin + 1;
	if (m->total == 0 || (lo >= m->off && hi <= m->off + m->n))
		return 0;
	first = row - INVOICES_WINDOW / 2;
	if (first > m->total - INVOICES_WINDOW)
		first = m->total - INVOICES_WINDOW;
	if (first < 0)
		first = 0;
	/* the count is the load's: a window read does not count every invoice again */
	return read_window(c, m, first, INVOICES_WINDOW, 0, err, errsz);
}

int
invoices_model_read_top(struct cache *c, struct invoices_model *m, int count, char *err, size_t errsz)
{
	if (m->off == 0 && (m->n >= count || m->n == m->total))
		return 0;
	return read_window(c, m, 0, count, 0, err, errsz);
}

int
invoices_model_load_detail(struct cache *c, struct invoices_model *m, int index, char *err, size_t errsz)
{
	const struct invoice *row;
	int r;

	if (index == m->detail_index)
		return 0;
	if (m->detail_index >= 0) {
		invoice_free(&m->detail);
		m->detail_index = -1;
	}
	if (index < 0 || index >= m->total)
		return 0;
	if (invoices_model_cover(c, m, index, 0, err, errsz) < 0)
		return -1;
	if ((row = invoices_row(m, index)) == NULL)
		return 0;   /* the list shrank since it was counted */
	r = cache_invoice(c, row->id, &m->detail);
	if (r < 0)
		return fail(c, err, errsz);
	if (r == 0) {
		/* Gone since the list was read: show the row's own figures. */
		m->detail = *row;
		m->detail.lines = NULL;
		m->detail.nlines = 0;
	}
	m->detail_index = index;
	return 0;
}

int
invoices_model_find(struct cache *c, const struct invoices_model *m, const char *query, int from, int dir,
                    int *at, int *count, char *err, size_t errsz)
{
	char cur[MAX_CURRENCIES][M_CUR];
	struct invoice_query q;
	struct invoice *none = NULL;
	int ncur = 0, n = 0, index = -1, r;

	*at = -1;
	*count = 0;
	if (cache_invoice_currencies(c, cur, MAX_CURRENCIES, &ncur) < 0)
		return fail(c, err, errsz);
	if (!invoice_query_make(query, (const char (*)[M_CUR])cur, ncur, &q))
		return 0;
	r = cache_invoice_find(c, m->filter, &q, from, dir < 0 ? -1 : 1, &index);
	if (r < 0 || cache_invoice_rows(c, m->filter, &q, 0, 0, &none, &n, count) < 0)
		return fail(c, err, errsz);
	*at = r == 1 ? index : -1;
	return 0;
}
