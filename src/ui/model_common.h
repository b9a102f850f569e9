/* model_common.h: the account-wide facts the Usage and Credits models (and
 * `billtop check`) share: the account and its plan, the credit summary,
 * and the burn rate of the last complete days.  "Now" comes from the
 * caller (app_clock() in ui/app.h: BILLTOP_NOW or the system clock).
 *
 * Loaded once per data change from the cache (never per frame); the pure
 * helpers below take plain values so they are unit-tested without a cache.
 */
#ifndef BILLTOP_MODEL_COMMON_H
#define BILLTOP_MODEL_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"
#include "core/forecast.h"

struct cache;

#define DAY_SECS 86400
/* The burn-rate window: the last 7 complete UTC days. */
#define BURN_WINDOW 7

struct billing_ctx {
	int64_t now;
	struct account acct;
	int has_plan;                 /* 0: the account's plan is not in the cache */
	struct plan plan;
	struct credit_summary credits;
	/* Burn rate over the last BURN_WINDOW complete days the account existed. */
	enum forecast_err burn_err;   /* FORECAST_OK or FORECAST_TOO_LITTLE_DATA */
	struct burn_rate burn;
	int burn_days;                /* complete days the rate could use (0..7) */
	/* The period forecast (core/forecast.h), the one source of every
	 * spend and projection figure: FORECAST_OK, or why there is none
	 * (FORECAST_INVALID: the plan has no price, e.g. contact sales). */
	enum forecast_err fc_err;
	struct forecast_out fc;
	int has_fc_so_far;            /* fc's "so far" figures are known (the plan has a price) */
	int has_alloc;                /* fc's allocated/consumed/remaining are known */
};

/* Fills ctx from the cache.  Returns 0, or -1 when the cache has no account
 * or credit summary yet (err names what is missing) or a query failed. */
int billing_ctx_load(struct cache *c, int64_t now, struct billing_ctx *ctx, char *err, size_t errsz);

/* The forecast input from the account facts and the grants that still
 * count (cache_grants_current); grants[] is filled from g (ng entries) and
 * must hold ng entries.  0, or -1 when the plan's price is unknown (in is
 * filled all the same, without a fee: the credit figures still hold). */
int billing_forecast_input(const struct billing_ctx *ctx, const struct plan *at_close, const struct grant *g,
                           int ng, struct forecast_grant *grants, struct forecast_in *in);
/* When billtopd pauses runs for the oldest past-due invoice due at
 * `oldest_due` (M_NONE: none is past due): 0 for never. */
int64_t billing_pause_at(int64_t oldest_due);

/* The price of 1,000 credits on the account's plan, or M_NONE when the plan
 * has no overage price (usage stops at the allowance) or is unknown. */
int64_t billing_overage_per_1000(const struct billing_ctx *ctx);

/* The complete UTC days usable for a burn rate at `now` for an account
 * created at `created_at`: [*from, *to] (day starts), at most `window` days
 * ending yesterday, never before the first whole day of the account.
 * Returns the number of days (0 when none). */
int burn_window_days(int64_t now, int64_t created_at, int window, int64_t *from, int64_t *to);

/* "YYYY-MM-DD" -> the day's 00:00:00Z; 0, or -1 when it is not a valid day. */
int model_day_parse(const char *s, int64_t *day);

/* Share in per-mille of total, rounded half up; 0 when total <= 0. */
int share_permille(int64_t part, int64_t total);
/* "12.3%" with the locale's decimal point.  0 or -1. */
int share_format(int permille, char *buf, size_t n);

#endif
