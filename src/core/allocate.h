/* allocate.h: splitting a total over rows so that the rows sum to it exactly. */
#ifndef BILLTOP_ALLOCATE_H
#define BILLTOP_ALLOCATE_H

#include <stdint.h>

/*
 * Splits `total` (>= 0) over n rows in proportion to weights[] (each >= 0) by
 * the largest remainder method: every row gets floor(total * w / sum), then
 * the units left go one each to the rows with the largest remainders (ties:
 * the earlier row).  out[] sums to total exactly.  All weights 0 (or n == 0)
 * with total > 0 cannot be split: -1.  0, or -1 on bad input.
 */
int allocate_largest_remainder(int64_t total, const int64_t *weights, int n, int64_t *out);

#endif
