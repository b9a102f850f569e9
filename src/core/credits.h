/* credits.h: credit counts (plain integers) and their price. */
#ifndef BILLTOP_CREDITS_H
#define BILLTOP_CREDITS_H

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"

/*
 * Formats a credit count grouped per LC_NUMERIC; in the C/POSIX locale ','
 * every 3 digits ("400,000"), same rule as money_format.  Negative ok.
 * Returns 0, or -1 (buf set to "" when n > 0) if buf is too small.
 */
int credits_format(char *buf, size_t n, int64_t credits);

/*
 * Price in minor units of `credits` at `price_per_1000_minor` per 1,000 credits,
 * ROUNDED UP to the next minor unit: the vendor never charges a fraction and the
 * server rounds the same way.  1000 at 125 = 125; 1 at 125 = 1; 0 = 0.
 * Negative credits or price: MONEY_ERR_RANGE.  *minor written only on MONEY_OK.
 */
enum money_err credits_price(int64_t credits, int64_t price_per_1000_minor, int64_t *minor);

#endif
