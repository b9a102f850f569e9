/* test_anomaly.c: trailing median, floor, factor, ties and the ratio text. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/anomaly.h"

static void
test_median(void **state)
{
	const int64_t odd[] = { 5, 1, 3 };
	const int64_t even[] = { 4, 1, 3, 2 };     /* (2 + 3) / 2 = 2 */
	const int64_t ties[] = { 7, 7, 7, 1 };     /* (7 + 7) / 2 */
	const int64_t neg[] = { -3, 0 };           /* -1.5 rounds down to -2 */
	const int64_t big[] = { INT64_MAX, INT64_MAX - 1 };
	int64_t copy[3];

	(void)state;
	memcpy(copy, odd, sizeof copy);
	assert_int_equal(anomaly_median(odd, 3), 3);
	assert_memory_equal(copy, odd, sizeof copy);   /* not sorted in place */
	assert_int_equal(anomaly_median(even, 4), 2);
	assert_int_equal(anomaly_median(ties, 4), 7);
	assert_int_equal(anomaly_median(neg, 2), -2);
	assert_int_equal(anomaly_median(big, 2), INT64_MAX - 1);
	assert_int_equal(anomaly_median(odd, 0), 0);
}

static void
test_ratio(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(anomaly_ratio_tenths(410, 100), 41);
	assert_int_equal(anomaly_ratio_tenths(419, 100), 41);   /* rounded down */
	assert_int_equal(anomaly_ratio_tenths(1, 3), 3);
	assert_int_equal(anomaly_ratio_tenths(10, 0), -1);
	assert_int_equal(anomaly_ratio_tenths(0, 5), 0);
	assert_int_equal(anomaly_ratio_tenths(INT64_MAX, 1), INT32_MAX);
	assert_int_equal(anomaly_ratio_tenths(INT64_MAX, INT64_MAX - 1), 10);
	anomaly_ratio_text(41, buf, sizeof buf);
	assert_string_equal(buf, "4.1");
	anomaly_ratio_text(30, buf, sizeof buf);
	assert_string_equal(buf, "3.0");
}

static void
fill(int64_t *s, int n, int64_t v)
{
	int i;

	for (i = 0; i < n; i++)
		s[i] = v;
}

static void
test_spike(void **state)
{
	int64_t s[ANOMALY_WINDOW + 1], med = -1;
	const int i = ANOMALY_WINDOW;

	(void)state;
	fill(s, ANOMALY_WINDOW, 100);
	s[i] = 300;   /* exactly 3x: not more than 3x */
	assert_false(anomaly_is_spike(s, i + 1, i, 3, ANOMALY_FLOOR, &med));
	assert_int_equal(med, 100);
	s[i] = 301;
	assert_true(anomaly_is_spike(s, i + 1, i, 3, ANOMALY_FLOOR, NULL));
	assert_false(anomaly_is_spike(s, i + 1, i, 4, ANOMALY_FLOOR, NULL));
	/* not enough days before it */
	assert_false(anomaly_is_spike(s, i + 1, i - 1, 3, ANOMALY_FLOOR, NULL));
	/* one earlier spike in the window does not move the median */
	s[3] = 100000;
	assert_true(anomaly_is_spike(s, i + 1, i, 3, ANOMALY_FLOOR, &med));
	assert_int_equal(med, 100);
}

static void
test_floor(void **state)
{
	int64_t s[ANOMALY_WINDOW + 1];
	int64_t med = -1;
	const int i = ANOMALY_WINDOW;

	(void)state;
	/* a median of 0: only the floor decides */
	fill(s, ANOMALY_WINDOW, 0);
	s[i] = ANOMALY_FLOOR - 1;
	assert_false(anomaly_is_spike(s, i + 1, i, 3, ANOMALY_FLOOR, &med));
	assert_int_equal(med, 0);
	s[i] = ANOMALY_FLOOR;
	assert_true(anomaly_is_spike(s, i + 1, i, 3, ANOMALY_FLOOR, NULL));
	/* a small series: 10x its median, but under the floor */
	fill(s, ANOMALY_WINDOW, 5);
	s[i] = 50;
	assert_false(anomaly_is_spike(s, i + 1, i, 3, ANOMALY_FLOOR, NULL));
	/* ties at the middle: seven 0s and seven 200s, median 100 */
	fill(s, 7, 0);
	fill(s + 7, 7, 200);
	s[i] = 301;
	assert_true(anomaly_is_spike(s, i + 1, i, 3, ANOMALY_FLOOR, &med));
	assert_int_equal(med, 100);
	/* no overflow with a huge median */
	fill(s, ANOMALY_WINDOW, INT64_MAX / 2);
	s[i] = INT64_MAX;
	assert_false(anomaly_is_spike(s, i + 1, i, 3, ANOMALY_FLOOR, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_spike),
		cmocka_unit_test(test_floor),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
