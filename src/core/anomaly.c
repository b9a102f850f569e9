/* anomaly.c: trailing medians and spike ratios, integers only. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/anomaly.h"

static void
sort_small(int64_t *v, int n)
{
	int i, j;

	for (i = 1; i < n; i++) {
		int64_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

int64_t
anomaly_median(const int64_t *v, int n)
{
	int64_t w[ANOMALY_WINDOW * 2];
	int64_t lo, hi;

	if (n <= 0)
		return 0;
	if (n > (int)(sizeof w / sizeof w[0]))
		n = (int)(sizeof w / sizeof w[0]);
	memcpy(w, v, (size_t)n * sizeof w[0]);
	sort_small(w, n);
	if (n % 2)
		return w[n / 2];
	lo = w[n / 2 - 1];
	hi = w[n / 2];
	/* (lo + hi) / 2 rounded down without overflow (lo <= hi) */
	if ((lo < 0) != (hi < 0)) {
		int64_t sum = lo + hi;

		return sum / 2 - (sum % 2 < 0);
	}
	return lo + (hi - lo) / 2;
}

int32_t
anomaly_ratio_tenths(int64_t value, int64_t median)
{
	int64_t whole, rem, tenths;

	if (median <= 0)
		return -1;
	if (value <= 0)
		return 0;
	whole = value / median;
	rem = value % median;
	if (whole > INT32_MAX / 10)
		return INT32_MAX;
	/* rem < median: rem * 10 may overflow only for huge medians */
	if (rem > INT64_MAX / 10)
		tenths = rem / (median / 10);
	else
		tenths = rem * 10 / median;
	if (tenths > 9)
		tenths = 9;
	return (int32_t)(whole * 10 + tenths);
}

int
anomaly_is_spike(const int64_t *series, int n, int i, int factor, int64_t floor, int64_t *median)
{
	int64_t w[ANOMALY_WINDOW];
	int64_t med, v;
	int k;

	if (i < ANOMALY_WINDOW || i >= n || factor < 1)
		return 0;
	for (k = 0; k < ANOMALY_WINDOW; k++)
		w[k] = series[i - ANOMALY_WINDOW + k] > 0 ? series[i - ANOMALY_WINDOW + k] : 0;
	med = anomaly_median(w, ANOMALY_WINDOW);
	if (median)
		*median = med;
	v = series[i];
	if (v < floor || v <= 0)
		return 0;
	if (med > INT64_MAX / factor)
		return 0;
	return v > med * factor;
}

void
anomaly_ratio_text(int32_t tenths, char *buf, unsigned n)
{
	if (tenths < 0)
		snprintf(buf, n, "?");
	else
		snprintf(buf, n, "%ld.%ld", (long)(tenths / 10), (long)(tenths % 10));
}
