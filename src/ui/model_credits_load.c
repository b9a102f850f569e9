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

/* Grant states for n grants into a new array (*states). */
static int
derive_states(const struct grant *g, int n, int64_t now, enum grant_state **states, char *err, size_t errsz)
{
	int i;

	*states = calloc((size_t)(n > 0 ? n : 1), sizeof **states);
	if (*states == NULL) {
		snprintf(err, errsz, "%s", _("out of memory"));
		return -1;
	}
	for (i = 0; i < n; i++)
		(*states)[i] = grant_state_at(&g[i], now);
	return 0;
}

int
credits_model_load_past(struct cache *c, struct credits_model *m, int offset, int limit, char *err, size_t errsz)
{
	struct grant *page = NULL;
	enum grant_state *states = NULL;
	int n = 0, total = 0;

	if (offset < 0)
		offset = 0;
	if (cache_grants_past(c, m->ctx.now, offset, limit, &page, &n, &total) < 0)
		goto cache_fail;
	/* Past the end (fewer past grants since): the last page. */
	if (n == 0 && total > 0 && offset > 0) {
		free(page);
		offset = total > limit ? total - limit : 0;
		if (cache_grants_past(c, m->ctx.now, offset, limit, &page, &n, &total) < 0)
			goto cache_fail;
	}
	if (derive_states(page, n, m->ctx.now, &states, err, errsz) < 0) {
		free(page);
		return -1;
	}
	free(m->past);
	free(m->past_states);
	m->past = page;
	m->past_states = states;
	m->npast_page = n;
	m->past_offset = offset;
	m->npast = total;
	return 0;
cache_fail:
	snprintf(err, errsz, "%s", cache_error(c));
	return -1;
}

int
credits_model_load(struct cache *c, int64_t now, int all, struct credits_model *m, char *err, size_t errsz)
{
	int kind = m->ledger_kind, offset = m->ledger_offset, limit = m->ledger_limit, r;

	/* The ledger filter and page survive a reload. */
	credits_model_free(m);
	memset(m, 0, sizeof *m);
	if (billing_ctx_load(c, now, &m->ctx, err, errsz) < 0)
		return -1;
	if (all == CREDITS_ALL)
		r = cache_grants(c, &m->grants, &m->ngrants);
	else if (all == CREDITS_PRINT)
		r = cache_grants_print(c, m->ctx.now, PRINT_PAST_GRANTS, &m->grants, &m->ngrants, &m->npast);
	else
		r = cache_grants_current(c, m->ctx.now, &m->grants, &m->ngrants, &m->npast);
	if (r < 0) {
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
