/* forecast.c: burn rate over recent complete days and what it implies; integer only. */
#include <config.h>

#include "core/credits.h"
#include "core/forecast.h"

#define DAY 86400
#define MIN_DAYS 3

enum forecast_err
forecast_burn_rate(const int64_t *daily_credits, int ndays, int window, struct burn_rate *out)
{
	int64_t sum = 0;
	int w, i;

	w = window < ndays ? window : ndays;
	if (daily_credits == NULL || w < MIN_DAYS)
		return FORECAST_TOO_LITTLE_DATA;
	for (i = ndays - w; i < ndays; i++)
		if (__builtin_add_overflow(sum, daily_credits[i], &sum))
			return FORECAST_OVERFLOW;
	out->credits = sum;
	out->days = w;
	return FORECAST_OK;
}

enum forecast_err
forecast_run_out(int64_t balance, const struct burn_rate *rate, int64_t now, int64_t *run_out)
{
	__int128 secs;

	if (balance <= 0) {
		*run_out = now;
		return FORECAST_OK;
	}
	if (rate->days <= 0)
		return FORECAST_INVALID;
	if (rate->credits <= 0)
		return FORECAST_NO_BURN;
	/* balance / (credits / (days * DAY)) seconds, floored; < 2^111 before the division. */
	secs = (__int128)balance * rate->days * DAY / rate->credits;
	if (secs > (__int128)INT64_MAX - now)
		return FORECAST_OVERFLOW;
	*run_out = (int64_t)(now + secs);
	return FORECAST_OK;
}

enum forecast_err
forecast_period_credits(int64_t used_so_far, const struct burn_rate *rate, int64_t now, int64_t period_end,
    int64_t *projected)
{
	__int128 remaining = (__int128)period_end - now, add = 0, den, total;

	if (rate->days <= 0)
		return FORECAST_INVALID;
	if (remaining > 0 && rate->credits > 0) {
		/* remaining < 2^64 and credits < 2^63: the product fits in a signed 128-bit. */
		add = (__int128)rate->credits * remaining;
		den = (__int128)rate->days * DAY;
		add = add / den + (add % den != 0);
	}
	total = used_so_far + add;
	if (total > INT64_MAX || total < INT64_MIN)
		return FORECAST_OVERFLOW;
	*projected = (int64_t)total;
	return FORECAST_OK;
}

enum forecast_err
forecast_period_spend(int64_t plan_price_minor, int64_t allowance, int64_t projected_credits,
    int64_t overage_per_1000_minor, int64_t *spend_minor, int64_t *overage_credits)
{
	int64_t over = 0, price = 0, spend;

	if (plan_price_minor < 0 || allowance < 0 || projected_credits < 0)
		return FORECAST_INVALID;
	if (projected_credits > allowance)
		over = projected_credits - allowance;
	if (overage_per_1000_minor >= 0) {
		switch (credits_price(over, overage_per_1000_minor, &price)) {
		case MONEY_OK:
			break;
		case MONEY_ERR_OVERFLOW:
			return FORECAST_OVERFLOW;
		default:
			return FORECAST_INVALID;
		}
	}
	if (money_add(plan_price_minor, price, &spend) != MONEY_OK)
		return FORECAST_OVERFLOW;
	*spend_minor = spend;
	*overage_credits = over;
	return FORECAST_OK;
}
