/* anomaly.h: a day far above its trailing median (issue 17, item 3).
 *
 * Integer only.  A day is anomalous when its value is more than `factor`
 * times the median of the ANOMALY_WINDOW days before it and at least
 * `floor` (the absolute floor: it keeps small series and a median of 0
 * from flagging every first use).  The median of an even count is the
 * mean of the two middle values, rounded down.  The ratio is shown in
 * tenths ("4.1x"), rounded down; with a median of 0 there is no ratio.
 */
#ifndef BILLTOP_ANOMALY_H
#define BILLTOP_ANOMALY_H

#include <stdint.h>

#define ANOMALY_WINDOW 14             /* days before the day */
#define ANOMALY_FACTOR_DEFAULT 3
#define ANOMALY_FACTOR_MIN 2
#define ANOMALY_FACTOR_MAX 100
/* The floor: 100 credits (billtop), or 100 minor units of the currency
 * (spend sources: $1.00). */
#define ANOMALY_FLOOR 100

/* The median of v[0..n-1] (n >= 1; v is not modified); 0 when n <= 0. */
int64_t anomaly_median(const int64_t *v, int n);

/* value / median in tenths, rounded down (41 = "4.1x"), capped at
 * INT32_MAX; -1 when median <= 0. */
int32_t anomaly_ratio_tenths(int64_t value, int64_t median);

/* 1 when series[i] is an anomaly against series[i - ANOMALY_WINDOW .. i - 1]
 * (i must be >= ANOMALY_WINDOW, else 0).  Negative values count as 0.
 * *median gets the window's median when not NULL. */
int anomaly_is_spike(const int64_t *series, int n, int i, int factor, int64_t floor, int64_t *median);

/* "4.1" for 41 (always '.', the caller localises if it must). */
void anomaly_ratio_text(int32_t tenths, char *buf, unsigned n);

#endif
