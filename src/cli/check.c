/* check.c: `billtop check` thresholds against the account facts. */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/check.h"
#include "client/spend_figures.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/text.h"
#include "core/timeutil.h"
#include "ui/figures.h"
#include "ui/model_credits.h"
#include "ui/model_usage.h"

int
check_parse_count(const char *s, int64_t *out)
{
	int64_t v = 0;
	int digits = 0;

	for (; *s; s++) {
		if (*s == ',' || *s == '_') {
			if (digits == 0)
				return -1;
			continue;
		}
		if (*s < '0' || *s > '9')
			return -1;
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *s - '0', &v))
			return -1;
		digits++;
	}
	if (digits == 0)
		return -1;
	*out = v;
	return 0;
}

static void
add_reason(struct check_result *out, const char *line)
{
	if (out->n < CHECK_MAX_REASONS)
		snprintf(out->reasons[out->n++], sizeof out->reasons[0], "%s", line);
}

static void
check_credits(const struct billing_ctx *ctx, int64_t below, struct check_result *out)
{
	char a[32], b[32], line[256];

	if (ctx->credits.balance >= below)
		return;
	snprintf(line, sizeof line, _("credits below %s: %s left"), fig_credits(a, sizeof a, below),
	         fig_credits(b, sizeof b, ctx->credits.balance));
	add_reason(out, line);
}

static void
check_days(const struct billing_ctx *ctx, int64_t below, struct check_result *out)
{
	struct time_left tl;
	struct runout r;
	char date[32], line[256];
	int64_t trial = -1, credits;

	if (ctx->acct.status == ACCT_TRIALING && ctx->acct.trial_end != M_NONE) {
		time_left_until(ctx->now, ctx->acct.trial_end, &tl);
		trial = tl.ended || tl.today ? 0 : tl.days;
	}
	runout_compute(ctx, &r);
	credits = runout_days_left(&r, ctx->now);
	if (trial >= 0 && trial < below && (credits < 0 || trial <= credits)) {
		fig_date(date, sizeof date, ctx->acct.trial_end);
		snprintf(line, sizeof line,
		         P_("days left below %" PRId64 ": the trial ends on %s (%" PRId64 " day left)",
		            "days left below %" PRId64 ": the trial ends on %s (%" PRId64 " days left)",
		            (unsigned long)trial), below, date, trial);
		add_reason(out, line);
	} else if (credits >= 0 && credits < below) {
		if (r.state == RUNOUT_EMPTY)
			snprintf(line, sizeof line, _("days left below %" PRId64 ": the credits have run out"), below);
		else
			snprintf(line, sizeof line,
			         P_("days left below %" PRId64 ": the credits run out on %s (%" PRId64 " day left)",
			            "days left below %" PRId64 ": the credits run out on %s (%" PRId64 " days left)",
			            (unsigned long)credits), below, fig_date(date, sizeof date, r.at), credits);
		add_reason(out, line);
	}
}

static void
check_spend(const struct billing_ctx *ctx, int64_t above, struct check_result *out)
{
	struct usage_period p;
	char a[48], b[48], line[256];
	int flags = text_utf8_locale() ? 0 : MONEY_FMT_ASCII;

	usage_period_compute(ctx, &p);
	if (p.spent == M_NONE || p.spent <= above)
		return;
	if (money_format(a, sizeof a, above, ctx->acct.currency, flags) < 0 ||
	    money_format(b, sizeof b, p.spent, ctx->acct.currency, flags) < 0)
		return;
	snprintf(line, sizeof line, _("spend above %s: %s so far this period"), a, b);
	add_reason(out, line);
}

static void
above_line(const char *what, int64_t above, int64_t value, const char *currency, struct check_result *out)
{
	char a[48], b[48], line[256];
	int flags = text_utf8_locale() ? 0 : MONEY_FMT_ASCII;

	if (value <= above)
		return;
	if (money_format(a, sizeof a, above, currency, flags) < 0 ||
	    money_format(b, sizeof b, value, currency, flags) < 0)
		return;
	if (strcmp(what, "spend") == 0)
		snprintf(line, sizeof line, _("spend above %s: %s so far this period"), a, b);
	else
		snprintf(line, sizeof line, _("projected spend above %s: %s at the end of this period"), a, b);
	add_reason(out, line);
}

void
check_evaluate_spend(const struct spend_figures *f, const struct check_limits *lim, struct check_result *out)
{
	memset(out, 0, sizeof *out);
	if (lim->spend_above != M_NONE)
		above_line("spend", lim->spend_above, f->mtd, f->org.currency, out);
	if (lim->projected_above != M_NONE && f->fc_err == FORECAST_OK)
		above_line("projected", lim->projected_above, f->projected, f->org.currency, out);
}

void
check_evaluate(const struct billing_ctx *ctx, const struct check_limits *lim, struct check_result *out)
{
	memset(out, 0, sizeof *out);
	if (lim->credits_below != M_NONE)
		check_credits(ctx, lim->credits_below, out);
	if (lim->days_below != M_NONE)
		check_days(ctx, lim->days_below, out);
	if (lim->spend_above != M_NONE)
		check_spend(ctx, lim->spend_above, out);
	if (lim->projected_above != M_NONE && ctx->fc_err == FORECAST_OK)
		above_line("projected", lim->projected_above, ctx->fc.spend, ctx->acct.currency, out);
}
