/* overview.h: the Overview tab's model: everything it shows, loaded from the
 * cache once per refresh (overview_load), drawn by view_overview.c and
 * written as JSON by `billtop print overview`. */
#ifndef BILLTOP_OVERVIEW_H
#define BILLTOP_OVERVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"
#include "core/forecast.h"
#include "ui/canvas.h"
#include "ui/model_usage.h"
#include "ui/view.h"

struct cache;

/* Complete UTC days behind a burn rate. */
#define OVERVIEW_BURN_WINDOW 7

struct spend_view;
struct overview {
	int64_t now;
	struct spend_view *spend;   /* a spend source's figures (view_spend.h), or NULL */
	struct account acct;
	int has_plan;
	struct plan plan;
	int has_scheduled;          /* a downgrade waits and its plan is known */
	struct plan scheduled;
	int has_credits;
	struct credit_summary credits;

	/* Spend this period before tax: the running draft (core forecast; fc has it with tax). */
	int spend_known;            /* 0: the plan has no price (contact sales) */
	int64_t spend_so_far;
	int64_t overage_so_far;     /* minor units, before tax */
	/* The projection at period end (core forecast_period via model_common). */
	struct forecast_out fc;
	int has_alloc;               /* fc.allocated/consumed/remaining are known */
	enum forecast_err forecast;  /* FORECAST_OK or why there is none */
	int burn_days;               /* complete days behind the rate */
	struct burn_rate burn;
	int64_t projected_credits;
	int64_t projected_spend;     /* tax included: what the invoice will charge */
	int64_t projected_overage;   /* credits past the allowance at period end */

	int has_invoice;            /* the latest invoice that is not a draft */
	struct invoice invoice;     /* lines not loaded (NULL) */
	int has_method;
	struct payment_method method;
	/* Credits this period so far against the same days of the previous one. */
	struct usage_compare cmp;
};

/* Loads the model at `now`.  0, or -1 with err set (the cache holds no
 * account yet, or a query failed). */
int overview_load(struct cache *c, int64_t now, struct overview *o, char *err, size_t errsz);

/* Draws the model into l's rectangle of c. */
void overview_draw(const struct overview *o, struct canvas *c, const struct layout *l);

#endif
