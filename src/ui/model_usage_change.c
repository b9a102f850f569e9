/* model_usage_change.c: the spans and the percentage of struct
 * usage_compare, pure (no cache) so the unit tests need none; the loading
 * is model_usage_compare.c. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "ui/model_usage.h"

int
usage_compare_spans(int64_t now, int64_t period_start, int64_t period_end, struct usage_compare *cmp)
{
	int64_t pf, pt;

	memset(cmp, 0, sizeof *cmp);
	if (usage_range_days(UR_PERIOD, now, period_start, period_end, &cmp->from, &cmp->to) < 0 ||
	    usage_range_days(UR_PREVIOUS, now, period_start, period_end, &pf, &pt) < 0)
		return -1;
	cmp->days = (int)((cmp->to - cmp->from) / DAY_SECS) + 1;
	cmp->prev_from = pf;
	cmp->prev_to = pf + (int64_t)(cmp->days - 1) * DAY_SECS;
	if (cmp->prev_to > pt)
		cmp->prev_to = pt;   /* a shorter previous period: all of it */
	cmp->ok = 1;
	return 0;
}

int
usage_change_tenths(int64_t now, int64_t before, int32_t *tenths)
{
	int64_t delta, q;

	*tenths = 0;
	if (before <= 0 || now < 0 || now == M_NONE || before == M_NONE)
		return -1;
	delta = now - before;   /* both non-negative: no overflow */
	/* delta * 1000 / before without overflow: whole part, then the rest */
	q = delta / before;
	if (q > INT32_MAX / 1000 || q < -(INT32_MAX / 1000)) {
		*tenths = q > 0 ? INT32_MAX : -INT32_MAX;
		return 0;
	}
	q = q * 1000;
	delta %= before;
	if (delta > INT64_MAX / 1000 || delta < -(INT64_MAX / 1000))
		q += delta / (before / 1000);
	else
		q += delta * 1000 / before;
	*tenths = (int32_t)q;
	return 0;
}

void
usage_change_text(int64_t now, int64_t before, char *buf, size_t n)
{
	int32_t t;
	int32_t a;

	if (usage_change_tenths(now, before, &t) < 0) {
		snprintf(buf, n, "%s", now > 0 && now != M_NONE ? _("new") : "");
		return;
	}
	a = t < 0 ? -t : t;
	if (a == INT32_MAX)
		snprintf(buf, n, "%s", t > 0 ? ">+9999%" : "");
	else
		snprintf(buf, n, "%c%ld.%ld%%", t < 0 ? '-' : '+', (long)(a / 10), (long)(a % 10));
}
