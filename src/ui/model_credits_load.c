/* model_credits_load.c: the Credits model from the cache. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/i18n.h"
#include "ui/model_credits.h"

int
credits_model_load_ledger(struct cache *c, struct credits_model *m, int kind, int offset, int limit, char *err,
                          size_t errsz)
{
	struct ledger_entry *page = NULL;
	int n = 0, total = 0;

	if (limit <= 0)
		limit = LEDGER_PAGE_DEFAULT;
	if (offset < 0)
		offset = 0;
	if (cache_ledger(c, kind, offset, limit, &page, &n, &total) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		return -1;
	}
	/* Past the end (the ledger shrank, or a filter has fewer rows): last page. */
	if (n == 0 && total > 0 && offset > 0) {
		free(page);
		page = NULL;
		offset = (total - 1) / limit * limit;
		if (cache_ledger(c, kind, offset, limit, &page, &n, &total) < 0) {
			snprintf(err, errsz, "%s", cache_error(c));
			return -1;
		}
	}
	free(m->ledger);
	m->ledger = page;
	m->nledger = n;
	m->ledger_total = total;
	m->ledger_kind = kind;
	m->ledger_offset = offset;
	m->ledger_limit = limit;
	return 0;
}

int
credits_model_load(struct cache *c, int64_t now, struct credits_model *m, char *err, size_t errsz)
{
	int kind = m->ledger_kind, offset = m->ledger_offset, limit = m->ledger_limit;

	/* The ledger filter and page survive a reload. */
	credits_model_free(m);
	memset(m, 0, sizeof *m);
	if (billing_ctx_load(c, now, &m->ctx, err, errsz) < 0)
		return -1;
	if (cache_grants(c, &m->grants, &m->ngrants) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		goto fail;
	}
	m->states = calloc((size_t)(m->ngrants > 0 ? m->ngrants : 1), sizeof *m->states);
	if (m->states == NULL) {
		snprintf(err, errsz, "%s", _("out of memory"));
		goto fail;
	}
	credits_model_derive(m);
	if (credits_model_load_ledger(c, m, kind, offset, limit, err, errsz) < 0)
		goto fail;
	return 0;
fail:
	credits_model_free(m);
	return -1;
}
