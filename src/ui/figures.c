/* figures.c: credits, money and dates for the Usage and Credits tabs. */
#include <config.h>

#include "client/model.h"
#include "core/credits.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/figures.h"

const char *
fig_credits(char *buf, size_t n, int64_t credits)
{
	/* M_NONE: a sum too large for 64 bits (see usage_sum). */
	if (credits == M_NONE) {
		str_copy(buf, n, _("n/a"));
		return buf;
	}
	if (credits_format(buf, n, credits) < 0)
		str_copy(buf, n, "?");
	return buf;
}

const char *
fig_money(const struct canvas *c, char *buf, size_t n, int64_t minor, const char *currency, const char *none)
{
	if (minor == M_NONE) {
		str_copy(buf, n, none);
		return buf;
	}
	if (money_format(buf, n, minor, currency, c != NULL && !c->utf8 ? MONEY_FMT_ASCII : 0) < 0)
		str_copy(buf, n, "?");
	return buf;
}

const char *
fig_date(char *buf, size_t n, int64_t t)
{
	if (t == M_NONE || time_format_date(t, buf, n) < 0)
		str_copy(buf, n, "");
	return buf;
}
