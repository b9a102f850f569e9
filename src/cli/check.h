/* check.h: the thresholds of `billtop check`, evaluated on the account facts
 * (no I/O here, so they are unit-tested).
 *
 *  --credits-below N     the balance is below N credits
 *  --days-left-below N   the fewer of the trial's days left (while trialing)
 *                        and the whole days until the credits run out at the
 *                        burn rate of the last 7 complete days; nothing is
 *                        said when neither is known (no trial, under 3 days
 *                        of data, nothing spent)
 *  --spend-above AMOUNT  this period's spend so far (plan price plus the
 *                        overage used so far at the plan's rate, before tax)
 *                        is above AMOUNT, in the account's currency
 *  --projected-above AMOUNT  the projection of this period's spend at its
 *                        end (the one period forecast, before tax) is
 *                        above AMOUNT; nothing is said while there is no
 *                        projection (fewer than 3 complete days of data)
 *
 * For a spend source (openai, anthropic) the period is the calendar month
 * (UTC) and the spend is the month's costs (client/spend_figures.h);
 * --credits-below and --days-left-below are not offered there.
 */
#ifndef BILLTOP_CHECK_H
#define BILLTOP_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "ui/model_common.h"

struct check_limits {
	int64_t credits_below;   /* M_NONE: not checked */
	int64_t days_below;      /* M_NONE: not checked */
	int64_t spend_above;     /* minor units; M_NONE: not checked */
	int64_t projected_above; /* minor units; M_NONE: not checked */
};

#define CHECK_MAX_REASONS 3

struct check_result {
	int n;                                   /* thresholds crossed */
	char reasons[CHECK_MAX_REASONS][256];    /* one line each, translated */
};

/* Evaluates the limits against ctx (account, plan, credits, burn rate). */
void check_evaluate(const struct billing_ctx *ctx, const struct check_limits *lim, struct check_result *out);

/* The same for a spend source's figures. */
struct spend_figures;
void check_evaluate_spend(const struct spend_figures *f, const struct check_limits *lim,
                          struct check_result *out);

/* Parses a whole number of credits or days for an option ("5000", "5,000").
 * 0, or -1 when it is not a non-negative whole number. */
int check_parse_count(const char *s, int64_t *out);

#endif
