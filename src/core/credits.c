/* credits.c: credit counts and their price per 1,000. */
#include <config.h>

#include "core/credits.h"
#include "core/numfmt.h"
#include "core/util.h"

int
credits_format(char *buf, size_t n, int64_t credits)
{
	struct strbuf sb;
	struct numfmt f;
	uint64_t mag;

	strbuf_init(&sb, buf, n);
	mag = credits < 0 ? 0 - (uint64_t)credits : (uint64_t)credits;
	if (credits < 0)
		strbuf_addc(&sb, '-');
	numfmt_numeric(&f);
	numfmt_append(&sb, mag, 0, &f);
	return strbuf_finish(&sb);
}

enum money_err
credits_price(int64_t credits, int64_t price_per_1000_minor, int64_t *minor)
{
	__int128 total;

	if (credits < 0 || price_per_1000_minor < 0)
		return MONEY_ERR_RANGE;
	/* Both factors < 2^63, so the product fits in 127 bits. */
	total = (__int128)credits * price_per_1000_minor;
	/* Rounded up: the vendor never charges a fraction of a minor unit. */
	total = (total + 999) / 1000;
	if (total > INT64_MAX)
		return MONEY_ERR_OVERFLOW;
	*minor = (int64_t)total;
	return MONEY_OK;
}
