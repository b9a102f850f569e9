/* model_credits.c: grant states, run-out, purchase rules and amounts; no cache. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "ui/model_credits.h"

const int64_t purchase_presets[PURCHASE_NPRESETS] = { 10000, 50000, 100000, 500000 };

enum grant_state
grant_state_at(const struct grant *g, int64_t now)
{
	if (g->available_from != M_NONE && g->available_from > now)
		return GS_SCHEDULED;
	if (g->expires_at != M_NONE && g->expires_at <= now)
		return GS_EXPIRED;
	if (g->remaining <= 0)
		return GS_USED_UP;
	if (g->expires_at != M_NONE && g->expires_at - now <= (int64_t)EXPIRING_SOON_DAYS * DAY_SECS)
		return GS_EXPIRING;
	return GS_ACTIVE;
}

const char *
grant_source_label(enum grant_source s)
{
	switch (s) {
	case GRANT_PLAN_ALLOWANCE: return _("plan allowance");
	case GRANT_PURCHASE: return _("purchase");
	case GRANT_PROMOTION: return _("promotion");
	}
	return "";
}

const char *
ledger_kind_label(int kind)
{
	switch (kind) {
	case LEDGER_ALLOWANCE: return _("allowance");
	case LEDGER_PURCHASE: return _("purchase");
	case LEDGER_PROMOTION: return _("promotion");
	case LEDGER_USAGE: return _("usage");
	case LEDGER_EXPIRY: return _("expiry");
	case LEDGER_OVERAGE: return _("overage");
	case LEDGER_ADJUSTMENT: return _("adjustment");
	default: return _("all kinds");
	}
}

int
ledger_kind_next(int kind)
{
	if (kind < 0)
		return LEDGER_ALLOWANCE;
	if (kind >= LEDGER_ADJUSTMENT)
		return -1;
	return kind + 1;
}

void
runout_compute(const struct billing_ctx *ctx, struct runout *out)
{
	int64_t at;

	out->at = M_NONE;
	out->no_burn = 0;
	if (ctx->credits.balance <= 0) {
		out->state = RUNOUT_EMPTY;
		out->at = ctx->now;
		return;
	}
	if (ctx->burn_err != FORECAST_OK) {
		out->state = RUNOUT_NO_DATA;
		return;
	}
	switch (forecast_run_out(ctx->credits.balance, &ctx->burn, ctx->now, &at)) {
	case FORECAST_OK:
		out->at = at;
		out->state = at < ctx->acct.period_end ? RUNOUT_DATE : RUNOUT_ENOUGH;
		return;
	case FORECAST_NO_BURN:
		out->no_burn = 1;
		out->state = RUNOUT_ENOUGH;
		return;
	case FORECAST_TOO_LITTLE_DATA:
		out->state = RUNOUT_NO_DATA;
		return;
	default:
		/* Beyond any representable date: it lasts. */
		out->state = RUNOUT_ENOUGH;
		return;
	}
}

int64_t
runout_days_left(const struct runout *r, int64_t now)
{
	if (r->state == RUNOUT_EMPTY)
		return 0;
	if (r->at == M_NONE)
		return -1;
	return r->at <= now ? 0 : (r->at - now) / DAY_SECS;
}

int
purchase_refusal(const struct billing_ctx *ctx, char *buf, size_t n)
{
	if (n > 0)
		buf[0] = '\0';
	if (!role_can_change_billing(ctx->acct.role)) {
		snprintf(buf, n, "%s",
		         _("Your role can see billing but not change it: ask an owner or admin to buy credits."));
		return 1;
	}
	if (!ctx->has_plan) {
		snprintf(buf, n, "%s", _("The account's plan is not known yet: refresh and try again."));
		return 1;
	}
	if (ctx->plan.contact_sales) {
		snprintf(buf, n, _("The %s plan buys credits through its contract: contact sales."), ctx->plan.name);
		return 1;
	}
	if (billing_overage_per_1000(ctx) == M_NONE) {
		snprintf(buf, n, _("The %s plan cannot buy credits: its usage stops at the allowance. "
		                   "Upgrade to a paid plan to buy credits."), ctx->plan.name);
		return 1;
	}
	return 0;
}

int
purchase_parse_credits(const char *s, int64_t *credits, const char **why)
{
	int64_t v = 0;
	int digits = 0, kilo = 0;
	const char *p;

	for (p = s; *p == ' '; p++)
		;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (kilo)
				goto syntax;
			if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
				goto too_large;
			digits++;
		} else if (*p == ',' || *p == '_' || *p == ' ') {
			if (digits == 0 && *p != ' ')
				goto syntax;
		} else if ((*p == 'k' || *p == 'K') && digits > 0 && !kilo) {
			kilo = 1;
		} else {
			goto syntax;
		}
	}
	if (digits == 0) {
		*why = _("Type a number of credits, like 50000.");
		return -1;
	}
	if (kilo && __builtin_mul_overflow(v, 1000, &v))
		goto too_large;
	if (v <= 0) {
		*why = _("The amount must be more than zero.");
		return -1;
	}
	if (v > PURCHASE_MAX)
		goto too_large;
	if (v % PURCHASE_STEP != 0) {
		*why = _("Credits are sold in multiples of 1,000.");
		return -1;
	}
	*credits = v;
	return 0;
syntax:
	*why = _("Use digits only, like 50000, 50,000 or 50k.");
	return -1;
too_large:
	*why = _("At most 10,000,000 credits can be bought at once.");
	return -1;
}

void
credits_model_derive(struct credits_model *m)
{
	int i;

	m->overage_per_1000 = billing_overage_per_1000(&m->ctx);
	m->refused = purchase_refusal(&m->ctx, m->refusal, sizeof m->refusal);
	runout_compute(&m->ctx, &m->runout);
	m->nexpiring = 0;
	for (i = 0; i < m->ngrants; i++) {
		m->states[i] = grant_state_at(&m->grants[i], m->ctx.now);
		if (m->states[i] == GS_EXPIRING)
			m->nexpiring++;
	}
}

void
credits_model_init(struct credits_model *m)
{
	memset(m, 0, sizeof *m);
	m->ledger_kind = -1;
	m->ledger_limit = LEDGER_PAGE_DEFAULT;
}

void
credits_model_free(struct credits_model *m)
{
	free(m->grants);
	free(m->states);
	free(m->ledger);
	free(m->past);
	free(m->past_states);
	m->grants = NULL;
	m->states = NULL;
	m->ledger = NULL;
	m->past = NULL;
	m->past_states = NULL;
	m->ngrants = m->nledger = m->npast = m->npast_page = 0;
}
