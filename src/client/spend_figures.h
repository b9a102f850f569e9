/* spend_figures.h: the Overview figures of a spend source (openai,
 * anthropic), one computation for the dashboard, `print` and `check`.
 *
 * Costs are summed exactly in micro-units of the currency and rounded ONCE
 * to minor units, up (the way the native invoice rounds, docs/sources.md).
 * The projection at the month's end is forecast_period() (core/forecast.h)
 * fed with no plan, no grants and the spend as the quantity: one "credit" is
 * one micro-unit and the overage price is 1000 micro-units per 1000 credits,
 * so the forecast's money comes out in micro-units and is rounded once like
 * the rest (docs/figures.md).  The burn rate is forecast_burn_rate() over
 * the last 7 complete UTC days.
 */
#ifndef BILLTOP_SPEND_FIGURES_H
#define BILLTOP_SPEND_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "client/cache.h"
#include "client/cache_spend.h"
#include "core/forecast.h"

enum spend_budget_state {
	BUDGET_NONE = 0,       /* no budget, or below 80% and not projected over */
	BUDGET_PROJECTED_OVER, /* the projection exceeds the budget */
	BUDGET_80,             /* month-to-date reached 80% */
	BUDGET_100             /* month-to-date reached the budget */
};

struct spend_figures {
	struct spend_org org;
	int64_t now;
	char month_from[11], today[11];      /* this month so far */
	char last_from[11], last_to[11];     /* last month */
	int64_t month_start, month_end;      /* Unix seconds */
	int64_t mtd_micro, last_micro;
	int64_t mtd, last;                   /* minor units, rounded once */
	enum forecast_err fc_err;            /* FORECAST_OK: projected is known */
	int64_t projected_micro, projected;
	int64_t change;                      /* projected - last (minor); valid with fc_err OK */
	int has_change_pct;                  /* last > 0 */
	int64_t change_pct_tenths;           /* change / last in tenths of a percent, rounded half away */
	int64_t budget;                      /* minor units; -1: none (or another currency) */
	int budget_pct;                      /* month-to-date / budget, whole percent (floor) */
	enum spend_budget_state budget_state;
};

/* 0, or -1 with err (no spend in the cache: run billtop sync). */
int spend_figures_load(struct cache *c, int64_t now, int64_t budget, const char *budget_currency,
                       struct spend_figures *f, char *err, size_t errsz);
/* micro-units to minor units of currency, rounded up once (-1 on overflow). */
int spend_round(int64_t micro, const char *currency, int64_t *minor);

#endif

/* The Overview as label/value rows, the same for the dashboard and print
 * text (flags: MONEY_FMT_ASCII for terminals that are not UTF-8). */
#define SPEND_ROWS 10
struct spend_line {
	char label[64];
	char value[160];
};
int spend_overview_lines(const struct spend_figures *f, int flags, struct spend_line *out, int max);
/* The budget banner ("" when none is due); 1 when there is one. */
int spend_budget_text(const struct spend_figures *f, int flags, char *buf, size_t n);
/* "OpenAI", "Anthropic" */
const char *spend_source_title(const char *source);
/* Rows of micro-units shown in minor units that sum exactly to their total:
 * the total is summed exactly and rounded once (spend_round); each row gets
 * the floor of its exact share and the units left go to the rows with the
 * largest remainders (the largest remainder method on the exact amounts, so
 * a row that is a whole number of cents shows exactly that).  out[] has n
 * entries.  0, or -1 (overflow, unknown currency, out of memory). */
int spend_alloc(const struct spend_row *rows, int n, const char *currency, int64_t *out,
                int64_t *total);
/* The same with a given total (target >= 0: a chart bar already rounded,
 * at least the sum of the floors), or target -1 for spend_alloc. */
int spend_split(const struct spend_row *rows, int n, const char *currency, int64_t target, int64_t *out,
                int64_t *total);
