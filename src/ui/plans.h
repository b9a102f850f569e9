/* plans.h: the Plans tab's model: the catalogue, the current and scheduled
 * plan, and the plan advisor's figures (what the last full period would have
 * cost on each plan, from the account's own usage).  Loaded by plans_load,
 * drawn by plans_draw, written as JSON by `billtop print plans`. */
#ifndef BILLTOP_PLANS_H
#define BILLTOP_PLANS_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"
#include "core/advisor.h"
#include "core/forecast.h"
#include "ui/canvas.h"
#include "ui/view.h"

struct cache;

struct plan_row {
	struct plan plan;
	int is_current, is_scheduled;
	int advised;                 /* cost is known (a full period and a price) */
	struct advisor_cost cost;    /* the last full period on this plan */
	int64_t delta;               /* price minus the current plan's (M_NONE: n/a) */
};

struct plans_model {
	int64_t now;
	struct account acct;
	int has_method;              /* a default payment method is on file */
	struct plan_row *rows;       /* owned; the catalogue, cheapest first */
	int n;
	int current;                 /* index of the current plan, or -1 */
	int scheduled;               /* index of the scheduled plan, or -1 */
	unsigned actions_off;        /* SRC_ACT bits the source cannot do: their keys are not shown */
	/* The last full period, for the advisor. */
	int has_last;                /* 0: the account has no full period yet */
	int64_t last_start, last_end;
	int64_t last_used;           /* credits used in it */
	int best;                    /* the cheapest plan that would have served it, or -1 */
	/* This period on the current plan: forecast_period()'s projection (the
	 * same figure as Overview, Usage and Credits), tax included. */
	enum forecast_err proj_err;  /* FORECAST_OK when proj_total is known */
	int64_t proj_total;          /* minor units of acct.currency */
};

int plans_load(struct cache *c, int64_t now, struct plans_model *m, char *err, size_t errsz);
void plans_free(struct plans_model *m);
/* Draws with plan `sel` selected. */
void plans_draw(const struct plans_model *m, int sel, struct canvas *c, const struct layout *l);
/* What Enter on plan `sel` would do, in one sentence (the confirm text). */
void plans_action_text(const struct plans_model *m, int sel, int utf8, char *buf, size_t n);
/* What the advisor says about row r, e.g. "$625.00" or "would have stopped
 * at 10,000 credits" (translated); "" when nothing is known. */
void plans_advice_label(const struct plans_model *m, int r, int utf8, char *buf, size_t n);
/* The overage price of plan p: "$1.25 per 1,000" or "none: stops at the allowance". */
void plans_overage_label(const struct plan *p, int utf8, char *buf, size_t n);

#endif
