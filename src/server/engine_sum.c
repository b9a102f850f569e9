/* engine_sum.c: checked sums of credits and money that tell an overflow from a fault. */
#include <config.h>

#include "core/money.h"
#include "server/engine.h"

int
eng_overflow(struct db *d)
{
	d->overflow = 1;
	return -1;
}

int
eng_add(struct db *d, int64_t a, int64_t b, int64_t *out)
{
	return money_add(a, b, out) == MONEY_OK ? 0 : eng_overflow(d);
}

int
eng_sub(struct db *d, int64_t a, int64_t b, int64_t *out)
{
	return money_sub(a, b, out) == MONEY_OK ? 0 : eng_overflow(d);
}
