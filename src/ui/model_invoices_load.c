/* model_invoices_load.c: the Invoices model from the cache. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "ui/model_invoices.h"

int
invoices_model_load(struct cache *c, int64_t now, int filter, struct invoices_model *m,
                    char *err, size_t errsz)
{
	struct invoice *list = NULL;
	int n = 0, total = 0, i;

	invoices_model_free(m);
	m->now = now;
	m->filter = filter;
	/* Every invoice of the filter: search and the selection need the whole
	 * list; a row is small (the lines are loaded for the selected one only). */
	if (cache_invoices(c, filter, 0, 1, &list, &n, &total) < 0)
		goto fail;
	for (i = 0; i < n; i++)
		invoice_free(&list[i]);
	free(list);
	list = NULL;
	n = 0;
	if (total > 0 && cache_invoices(c, filter, 0, total, &list, &n, &total) < 0)
		goto fail;
	m->inv = list;
	m->n = n;
	for (i = 0; i < n; i++) {
		if (invoice_is_running_draft(&list[i], now)) {
			m->running_draft = i;
			break;
		}
	}
	/* The server's clock may differ from ours: the newest draft then. */
	for (i = 0; m->running_draft < 0 && i < n; i++)
		if (list[i].status == INV_DRAFT)
			m->running_draft = i;
	return 0;
fail:
	snprintf(err, errsz, "%s", cache_error(c));
	return -1;
}

int
invoices_model_load_detail(struct cache *c, struct invoices_model *m, int index, char *err, size_t errsz)
{
	int r;

	if (index == m->detail_index)
		return 0;
	if (m->detail_index >= 0) {
		invoice_free(&m->detail);
		m->detail_index = -1;
	}
	if (index < 0 || index >= m->n)
		return 0;
	r = cache_invoice(c, m->inv[index].id, &m->detail);
	if (r < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		return -1;
	}
	if (r == 0) {
		/* Gone since the list was read: show the row's own figures. */
		m->detail = m->inv[index];
		m->detail.lines = NULL;
		m->detail.nlines = 0;
	}
	m->detail_index = index;
	return 0;
}
