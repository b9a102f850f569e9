/* spend_figures.c: month-to-date, last month, the projection and the budget
 * of a spend source (spend_figures.h). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client/spend_figures.h"
#include "core/timeutil.h"
#include "core/i18n.h"
#include "core/money.h"

#define DAY 86400
#define BURN_WINDOW 7

int
spend_round(int64_t micro, const char *currency, int64_t *minor)
{
	const struct currency *cur = currency_find(currency);
	int64_t div = 1;
	int i;

	if (!cur || cur->exponent > 6)
		return -1;
	for (i = cur->exponent; i < 6; i++)
		div *= 10;
	if (micro >= 0)
		*minor = micro / div + (micro % div != 0);
	else
		*minor = -((-micro) / div);
	return 0;
}


/* The projection: forecast_period with the spend as the quantity. */
static void
project(struct cache *c, struct spend_figures *f)
{
	struct forecast_in in;
	struct forecast_out out;
	struct burn_rate rate;
	char from[11], to[11];
	int64_t *days = NULL, today = f->now - f->now % DAY;
	int n = 0;
	enum forecast_err e;

	time_format_day(today - BURN_WINDOW * DAY, from, sizeof from);
	time_format_day(today - DAY, to, sizeof to);
	/* days before the first one fetched are unknown, not zero */
	if (f->org.first_day[0] && strcmp(from, f->org.first_day) < 0)
		snprintf(from, sizeof from, "%s", f->org.first_day);
	if (strcmp(from, to) > 0) {
		f->fc_err = FORECAST_TOO_LITTLE_DATA;
		return;
	}
	f->fc_err = FORECAST_INVALID;
	if (cache_spend_per_day(c, from, to, &days, &n) < 0)
		return;
	e = forecast_burn_rate(days, n, BURN_WINDOW, &rate);
	free(days);
	memset(&in, 0, sizeof in);
	in.now = f->now;
	in.period_start = f->month_start;
	in.period_end = f->month_end;
	in.used = f->mtd_micro;
	in.overage = f->mtd_micro;     /* no allowance: all of it is billed */
	in.have_rate = e == FORECAST_OK;
	in.rate = rate;
	in.fee = 0;
	in.overage_per_1000 = 1000;    /* 1 micro-unit per credit */
	in.close_overage_per_1000 = 1000;
	in.tax_bp = 0;
	f->fc_err = forecast_period(&in, &out);
	if (f->fc_err == FORECAST_OK && e != FORECAST_OK)
		f->fc_err = e;
	if (f->fc_err != FORECAST_OK)
		return;
	f->projected_micro = out.spend;
	if (spend_round(out.spend, f->org.currency, &f->projected) < 0)
		f->fc_err = FORECAST_OVERFLOW;
}

int
spend_figures_load(struct cache *c, int64_t now, int64_t budget, const char *budget_currency,
                   struct spend_figures *f, char *err, size_t errsz)
{
	int r;
	__int128 x;

	memset(f, 0, sizeof *f);
	f->now = now;
	f->budget = -1;
	r = cache_spend_org(c, &f->org);
	if (r <= 0) {
		snprintf(err, errsz, "%s", r < 0 ? cache_error(c) : _("the cache holds no spend yet; run billtop sync"));
		return -1;
	}
	f->month_start = time_month_start_utc(now, 0);
	f->month_end = time_month_start_utc(now, 1);
	time_format_day(f->month_start, f->month_from, sizeof f->month_from);
	time_format_day(now, f->today, sizeof f->today);
	time_format_day(time_month_start_utc(now, -1), f->last_from, sizeof f->last_from);
	time_format_day(f->month_start - DAY, f->last_to, sizeof f->last_to);
	if (cache_spend_sum(c, f->month_from, f->today, &f->mtd_micro) < 0 ||
	    cache_spend_sum(c, f->last_from, f->last_to, &f->last_micro) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		return -1;
	}
	if (spend_round(f->mtd_micro, f->org.currency, &f->mtd) < 0 ||
	    spend_round(f->last_micro, f->org.currency, &f->last) < 0) {
		snprintf(err, errsz, _("the costs are in %s, which billtop cannot show"), f->org.currency);
		return -1;
	}
	project(c, f);
	if (f->fc_err == FORECAST_OK) {
		f->change = f->projected - f->last;
		if (f->last > 0) {
			f->has_change_pct = 1;
			x = (__int128)f->change * 2000 / f->last;   /* twentieths of a percent */
			f->change_pct_tenths = (int64_t)((x + (x >= 0 ? 1 : -1)) / 2);
		}
	}
	if (budget > 0 && budget_currency && strcmp(budget_currency, f->org.currency) == 0) {
		f->budget = budget;
		f->budget_pct = (int)((__int128)f->mtd * 100 / budget > 100000 ? 100000
		                      : (__int128)f->mtd * 100 / budget);
		if (f->mtd >= budget)
			f->budget_state = BUDGET_100;
		else if ((__int128)f->mtd * 10 >= (__int128)budget * 8)
			f->budget_state = BUDGET_80;
		else if (f->fc_err == FORECAST_OK && f->projected > budget)
			f->budget_state = BUDGET_PROJECTED_OVER;
	}
	return 0;
}

const char *
spend_source_title(const char *source)
{
	return strcmp(source, "openai") == 0 ? "OpenAI" : strcmp(source, "anthropic") == 0 ? "Anthropic"
	                                                                                   : source;
}

static void
money(const struct spend_figures *f, int64_t minor, int flags, char *buf, size_t n)
{
	if (money_format(buf, n, minor, f->org.currency, flags) < 0)
		snprintf(buf, n, "?");
}

int
spend_overview_lines(const struct spend_figures *f, int flags, struct spend_line *out, int max)
{
	char a[64], b[64];
	int k = 0;

#define LINE(l) (k < max ? (snprintf(out[k].label, sizeof out[k].label, "%s", (l)), &out[k++]) : NULL)
	struct spend_line *ln;

	if ((ln = LINE(_("Organisation"))))
		snprintf(ln->value, sizeof ln->value, "%s", f->org.name[0] ? f->org.name
		         : _("(the API does not name it)"));
	if ((ln = LINE(_("Source"))))
		snprintf(ln->value, sizeof ln->value, "%s", spend_source_title(f->org.source));
	if ((ln = LINE(_("Month to date")))) {
		money(f, f->mtd, flags, a, sizeof a);
		snprintf(ln->value, sizeof ln->value, _("%s (%s to %s)"), a, f->month_from, f->today);
	}
	if ((ln = LINE(_("Projected at month end")))) {
		if (f->fc_err == FORECAST_OK)
			money(f, f->projected, flags, ln->value, sizeof ln->value);
		else
			snprintf(ln->value, sizeof ln->value, "%s", f->fc_err == FORECAST_TOO_LITTLE_DATA
			         ? _("not enough data yet") : _("not available"));
	}
	if ((ln = LINE(_("Last month")))) {
		money(f, f->last, flags, a, sizeof a);
		snprintf(ln->value, sizeof ln->value, _("%s (%s to %s)"), a, f->last_from, f->last_to);
	}
	if ((ln = LINE(_("Change vs last month")))) {
		if (f->fc_err != FORECAST_OK)
			snprintf(ln->value, sizeof ln->value, "%s", _("not available"));
		else {
			money(f, f->change, flags, a, sizeof a);
			if (f->has_change_pct)
				snprintf(ln->value, sizeof ln->value, _("%s%s (%s%lld.%lld%%, projected)"),
				         f->change > 0 ? "+" : "", a, f->change_pct_tenths < 0 ? "-" : "+",
				         (long long)(llabs(f->change_pct_tenths) / 10),
				         (long long)(llabs(f->change_pct_tenths) % 10));
			else
				snprintf(ln->value, sizeof ln->value, _("%s%s (projected)"), f->change > 0 ? "+" : "", a);
		}
	}
	if (f->budget > 0 && (ln = LINE(_("Budget")))) {
		money(f, f->budget, flags, a, sizeof a);
		money(f, f->budget > f->mtd ? f->budget - f->mtd : 0, flags, b, sizeof b);
		snprintf(ln->value, sizeof ln->value, _("%s, %d%% used, %s left"), a, f->budget_pct, b);
	}
#undef LINE
	return k;
}

int
spend_budget_text(const struct spend_figures *f, int flags, char *buf, size_t n)
{
	char a[64], b[64], p[64];

	buf[0] = '\0';
	if (f->budget <= 0 || f->budget_state == BUDGET_NONE)
		return 0;
	money(f, f->mtd, flags, a, sizeof a);
	money(f, f->budget, flags, b, sizeof b);
	switch (f->budget_state) {
	case BUDGET_100:
		snprintf(buf, n, _("Budget reached: %s spent this month of a %s budget"), a, b);
		break;
	case BUDGET_80:
		snprintf(buf, n, _("%d%% of the budget spent: %s of %s this month"), f->budget_pct, a, b);
		break;
	case BUDGET_PROJECTED_OVER:
		money(f, f->projected, flags, p, sizeof p);
		snprintf(buf, n, _("Projected to exceed the budget: %s at month end, budget %s"), p, b);
		break;
	default:
		break;
	}
	return buf[0] != '\0';
}

int
spend_alloc(const struct spend_row *rows, int n, const char *currency, int64_t *out, int64_t *total)
{
	return spend_split(rows, n, currency, -1, out, total);
}

int
spend_split(const struct spend_row *rows, int n, const char *currency, int64_t target, int64_t *out,
            int64_t *total)
{
	const struct currency *cur = currency_find(currency);
	int64_t sum = 0, div = 1, floors = 0, left, *rem;
	int i, j, best;

	*total = 0;
	if (n <= 0)
		return 0;
	if (!cur || cur->exponent > 6)
		return -1;
	for (i = cur->exponent; i < 6; i++)
		div *= 10;
	rem = malloc((size_t)n * sizeof *rem);
	if (!rem)
		return -1;
	/* each row's exact share is micro / div minor units: its floor, then the
	 * units the once-rounded total has left go one each to the rows with the
	 * largest remainders (ties: the earlier row): the largest remainder method */
	for (i = 0; i < n; i++) {
		int64_t m = rows[i].amount > 0 ? rows[i].amount : 0;

		if (money_add(sum, m, &sum) != MONEY_OK) {
			free(rem);
			return -1;
		}
		out[i] = m / div;
		rem[i] = m % div;
		floors += out[i];
	}
	if (target >= 0)
		*total = target;
	else if (spend_round(sum, currency, total) < 0) {
		free(rem);
		return -1;
	}
	for (left = *total - floors; left > 0; left--) {
		best = -1;
		for (j = 0; j < n; j++)
			if (rem[j] > 0 && (best < 0 || rem[j] > rem[best]))
				best = j;
		if (best < 0)
			break;
		out[best]++;
		rem[best] = 0;
	}
	free(rem);
	return 0;
}
