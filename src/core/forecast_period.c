/* forecast_period.c: what the running period will bill, by billtopd's rules (see forecast.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/credits.h"
#include "core/forecast.h"

#define DAY 86400

enum forecast_err
forecast_tax(int64_t base, int64_t bp, int64_t *tax)
{
	__int128 x;

	if (bp < 0)
		return FORECAST_INVALID;
	if (base <= 0) {
		*tax = 0;
		return FORECAST_OK;
	}
	x = ((__int128)base * bp + 5000) / 10000;
	if (x > INT64_MAX)
		return FORECAST_OVERFLOW;
	*tax = (int64_t)x;
	return FORECAST_OK;
}

/* Usage from now to t at the rate: ceil(credits * (t - now) / (days * DAY)). */
static enum forecast_err
usage_until(const struct forecast_in *in, int64_t t, int64_t *out)
{
	__int128 num, den;

	*out = 0;
	if (in->pause_at > 0 && t > in->pause_at)
		t = in->pause_at;
	if (!in->have_rate || in->stopped || t <= in->now || in->rate.credits <= 0)
		return FORECAST_OK;
	num = (__int128)in->rate.credits * ((__int128)t - in->now);
	den = (__int128)in->rate.days * DAY;
	num = num / den + (num % den != 0);
	if (num > INT64_MAX)
		return FORECAST_OVERFLOW;
	*out = (int64_t)num;
	return FORECAST_OK;
}

/* The next instant after `after` and up to the period end where a grant starts or ends. */
static int64_t
next_event(const struct forecast_in *in, int64_t after)
{
	int64_t t = in->period_end;
	int i;

	if (in->pause_at > after && in->pause_at < t)
		t = in->pause_at;
	for (i = 0; i < in->ngrants; i++) {
		const struct forecast_grant *g = &in->grants[i];

		if (g->available_from > after && g->available_from < t)
			t = g->available_from;
		if (g->expires_at > after && g->expires_at < t)
			t = g->expires_at;
	}
	return t;
}

/* The grant the server draws first over (from, to]: live through it, soonest expiry, then earliest available. */
static int
first_live(const struct forecast_in *in, const int64_t *left, int64_t from, int64_t to)
{
	int i, best = -1;

	for (i = 0; i < in->ngrants; i++) {
		const struct forecast_grant *g = &in->grants[i], *b;

		if (left[i] <= 0 || g->available_from > from || g->expires_at < to)
			continue;
		b = best >= 0 ? &in->grants[best] : NULL;
		if (b == NULL || g->expires_at < b->expires_at ||
		    (g->expires_at == b->expires_at && g->available_from < b->available_from))
			best = i;
	}
	return best;
}

static enum forecast_err
price(int64_t credits, int64_t per_1000, int64_t *out)
{
	*out = 0;
	if (per_1000 < 0 || credits <= 0)
		return FORECAST_OK;
	return credits_price(credits, per_1000, out) == MONEY_OK ? FORECAST_OK : FORECAST_OVERFLOW;
}

static enum forecast_err
bill(int64_t fee, int64_t overage_cost, int64_t tax_bp, int64_t *spend, int64_t *tax, int64_t *total)
{
	enum forecast_err e;

	if (__builtin_add_overflow(fee, overage_cost, spend))
		return FORECAST_OVERFLOW;
	if ((e = forecast_tax(*spend, tax_bp, tax)) != FORECAST_OK)
		return e;
	return __builtin_add_overflow(*spend, *tax, total) ? FORECAST_OVERFLOW : FORECAST_OK;
}

/* Draws `need` credits over (from, to]; what no grant covers is returned in *uncovered. */
static void
draw(const struct forecast_in *in, int64_t *left, int64_t from, int64_t to, int64_t need, int64_t *uncovered)
{
	int g;

	while (need > 0 && (g = first_live(in, left, from, to)) >= 0) {
		int64_t take = need < left[g] ? need : left[g];

		left[g] -= take;
		need -= take;
	}
	*uncovered = need;
}

enum forecast_err
forecast_period(const struct forecast_in *in, struct forecast_out *out)
{
	int64_t *left = NULL, t, prev, u_prev = 0, u, need, unc, added = 0, added_over = 0;
	enum forecast_err e = FORECAST_INVALID;
	int i, runs_out = 0;

	memset(out, 0, sizeof *out);
	if (in->used < 0 || in->overage < 0 || in->overage > in->used || in->fee < 0 || in->tax_bp < 0 ||
	    in->ngrants < 0 || in->ngrants > FORECAST_MAX_GRANTS || (in->ngrants > 0 && in->grants == NULL) ||
	    (in->have_rate && in->rate.days <= 0) || in->period_end < in->period_start)
		return FORECAST_INVALID;
	if (in->ngrants > 0 && (left = calloc((size_t)in->ngrants, sizeof *left)) == NULL)
		return FORECAST_OVERFLOW;
	for (i = 0; i < in->ngrants; i++) {
		if (in->grants[i].remaining < 0)
			goto out;
		left[i] = in->grants[i].remaining;
	}
	/* This period's credits: drawn from grants so far, and left on the live ones. */
	out->consumed = in->used - in->overage;
	for (i = 0; i < in->ngrants; i++)
		if (in->grants[i].available_from <= in->now && in->grants[i].expires_at > in->now &&
		    __builtin_add_overflow(out->remaining, left[i], &out->remaining)) {
			e = FORECAST_OVERFLOW;
			goto out;
		}
	if (__builtin_add_overflow(out->consumed, out->remaining, &out->allocated)) {
		e = FORECAST_OVERFLOW;
		goto out;
	}
	/* So far: the running draft. */
	if ((e = price(in->overage, in->overage_per_1000, &out->overage_cost_so_far)) != FORECAST_OK ||
	    (e = bill(in->fee, out->overage_cost_so_far, in->tax_bp, &out->spend_so_far, &out->tax_so_far,
	              &out->total_so_far)) != FORECAST_OK)
		goto out;
	/* From now to the period end, one stretch between grant events at a time. */
	for (prev = in->now; prev < in->period_end && !runs_out; prev = t) {
		t = next_event(in, prev);
		if ((e = usage_until(in, t, &u)) != FORECAST_OK)
			goto out;
		need = u - u_prev;
		u_prev = u;
		draw(in, left, prev, t, need, &unc);
		if (unc > 0 && in->overage_per_1000 < 0) {
			/* No overage: the server pauses runs at zero for the rest of the period. */
			need -= unc;
			unc = 0;
			runs_out = 1;
		}
		if (__builtin_add_overflow(added, need, &added) || __builtin_add_overflow(added_over, unc, &added_over)) {
			e = FORECAST_OVERFLOW;
			goto out;
		}
		for (i = 0; i < in->ngrants; i++)
			if (in->grants[i].expires_at == t && t < in->period_end && left[i] > 0 &&
			    in->grants[i].available_from <= t) {
				out->expiring += left[i];
				left[i] = 0;
			}
	}
	out->runs_out = runs_out;
	if (in->pause_at > in->now && in->pause_at < in->period_end && !in->stopped)
		out->pauses_at = in->pause_at;
	e = FORECAST_OVERFLOW;
	if (__builtin_add_overflow(in->used, added, &out->projected) ||
	    __builtin_add_overflow(in->overage, added_over, &out->overage))
		goto out;
	out->covered = out->projected - out->overage;
	if ((e = price(out->overage, in->close_overage_per_1000, &out->overage_cost)) != FORECAST_OK)
		goto out;
	e = bill(in->fee, out->overage_cost, in->tax_bp, &out->spend, &out->tax, &out->total);
out:
	free(left);
	return e;
}
