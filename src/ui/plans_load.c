/* plans_load.c: the Plans model from the cache, and the advisor's figures. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"
#include "ui/model_common.h"
#include "ui/plans.h"

#define DAY 86400

/* Credits used over the last full period [last_start, last_end). */
static int
load_last_period(struct cache *c, struct plans_model *m)
{
	int64_t *per_day = NULL, sum = 0;
	char fday[16], tday[16];
	int n = 0, i;

	m->last_end = m->acct.period_start;
	m->last_start = time_add_months(m->acct.period_start, -1);
	/* A period the account did not live through whole tells nothing. */
	if (m->last_start < m->acct.created_at || m->last_end <= m->last_start)
		return 0;
	if (time_format_day(m->last_start, fday, sizeof fday) != 0 ||
	    time_format_day(m->last_end - DAY, tday, sizeof tday) != 0)
		return -1;
	if (cache_usage_credits_per_day(c, fday, tday, &per_day, &n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (money_add(sum, per_day[i], &sum) != MONEY_OK)
			break;
	free(per_day);
	if (i < n)
		return 0;
	m->has_last = 1;
	m->last_used = sum;
	return 0;
}

static void
advise(struct plans_model *m)
{
	struct advisor_plan *ap;
	int i, *map, k = 0;

	m->best = -1;
	ap = calloc((size_t)m->n + 1, sizeof *ap);
	map = calloc((size_t)m->n + 1, sizeof *map);
	if (!ap || !map)
		goto out;
	for (i = 0; i < m->n; i++) {
		struct plan *p = &m->rows[i].plan;
		struct plan_row *r = &m->rows[i];

		r->delta = M_NONE;
		if (m->current >= 0 && p->price != M_NONE && m->rows[m->current].plan.price != M_NONE)
			r->delta = p->price - m->rows[m->current].plan.price;
		if (p->contact_sales || p->price == M_NONE || p->included_credits == M_NONE)
			continue;
		ap[k].price = p->price;
		ap[k].included = p->included_credits;
		ap[k].overage_per_1000 = p->overage_per_1000 == M_NONE ? -1 : p->overage_per_1000;
		map[k++] = i;
		if (m->has_last && advisor_period_cost(&ap[k - 1], m->last_used, &r->cost) == MONEY_OK)
			r->advised = 1;
	}
	if (m->has_last) {
		i = advisor_best(ap, k, m->last_used);
		m->best = i >= 0 ? map[i] : -1;
	}
out:
	free(ap);
	free(map);
}

/* The period forecast every tab shows (billing_ctx_load, forecast_period):
 * no second computation here.  Without it (no credit summary yet, no price)
 * the Plans tab simply says nothing about this period. */
static void
load_projection(struct cache *c, struct plans_model *m)
{
	struct billing_ctx *ctx = calloc(1, sizeof *ctx);
	char e[256];

	m->proj_err = FORECAST_INVALID;
	m->proj_total = M_NONE;
	if (ctx == NULL)
		return;
	if (billing_ctx_load(c, m->now, ctx, e, sizeof e) == 0) {
		m->proj_err = ctx->fc_err;
		if (ctx->fc_err == FORECAST_OK)
			m->proj_total = ctx->fc.total;
	}
	free(ctx);
}

int
plans_load(struct cache *c, int64_t now, struct plans_model *m, char *err, size_t errsz)
{
	struct payment_method pm;
	struct plan *plans = NULL;
	int n = 0, i, r;

	plans_free(m);
	memset(m, 0, sizeof *m);
	m->now = now;
	m->current = m->scheduled = m->best = -1;
	r = cache_account(c, &m->acct);
	if (r != 1) {
		snprintf(err, errsz, "%s", r < 0 ? cache_error(c) : _("The cache holds no account yet."));
		return -1;
	}
	if (cache_plans(c, &plans, &n) != 0)
		goto fail;
	m->rows = calloc((size_t)n + 1, sizeof *m->rows);
	if (!m->rows) {
		free(plans);
		snprintf(err, errsz, "%s", _("out of memory"));
		return -1;
	}
	m->n = n;
	for (i = 0; i < n; i++) {
		m->rows[i].plan = plans[i];
		if (strcmp(plans[i].id, m->acct.plan_id) == 0) {
			m->rows[i].is_current = 1;
			m->current = i;
		}
		if (m->acct.scheduled_plan_id[0] && strcmp(plans[i].id, m->acct.scheduled_plan_id) == 0) {
			m->rows[i].is_scheduled = 1;
			m->scheduled = i;
		}
	}
	free(plans);
	r = cache_default_method(c, &pm);
	if (r < 0)
		goto fail;
	m->has_method = r == 1;
	if (load_last_period(c, m) != 0)
		goto fail;
	advise(m);
	load_projection(c, m);
	return 0;
fail:
	snprintf(err, errsz, "%s", cache_error(c));
	plans_free(m);
	return -1;
}

void
plans_free(struct plans_model *m)
{
	free(m->rows);
	m->rows = NULL;
	m->n = 0;
}
