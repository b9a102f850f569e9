/* test_time.c: RFC 3339, month arithmetic, billing periods, local calendar days across DST. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/timeutil.h"

/* 2026-11-22T18:19:00Z */
#define T0 INT64_C(1795371540)

/* An independent oracle: glibc's timegm. */
static int64_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return (int64_t)timegm(&tm);
}

/* Switches TZ, or skips the test if the zone is not installed (it would silently act as UTC). */
static void
use_tz(const char *tz, int64_t probe, long expect_gmtoff)
{
	time_t t = (time_t)probe;
	struct tm tm;

	setenv("TZ", tz, 1);
	tzset();
	if (localtime_r(&t, &tm) == NULL || tm.tm_gmtoff != expect_gmtoff)
		skip();
}

static void
use_locale(const char *name)
{
	if (setlocale(LC_ALL, name) == NULL)
		skip();
}

static int
reset_env(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	setlocale(LC_ALL, "C");
	return 0;
}

static int64_t
parse(const char *s)
{
	int64_t t = 0;

	if (time_parse_rfc3339(s, &t) != 0)
		fail_msg("\"%s\" was rejected", s);
	return t;
}

static void
test_parse_ok(void **state)
{
	(void)state;
	assert_true(utc(2026, 11, 22, 18, 19, 0) == T0);
	assert_true(parse("2026-11-22T18:19:00Z") == T0);
	assert_true(parse("2026-11-22t18:19:00z") == T0);
	assert_true(parse("2026-11-22T18:19:00.999999Z") == T0);
	assert_true(parse("2026-11-22T18:19:00.1z") == T0);
	assert_true(parse("2026-11-22T20:19:00+02:00") == T0);
	assert_true(parse("2026-11-22T12:49:00-05:30") == T0);
	assert_true(parse("2026-11-23T04:19:00.5+10:00") == T0);
	assert_true(parse("2026-11-22T18:19:00+00:00") == T0);
	assert_true(parse("2026-11-22T18:19:00-00:00") == T0);
	assert_true(parse("1970-01-01T00:00:00Z") == 0);
	assert_true(parse("1969-12-31T23:59:59Z") == -1);
	assert_true(parse("1970-01-01T00:30:00+01:00") == -1800);
	assert_true(parse("2024-02-29T12:00:00Z") == utc(2024, 2, 29, 12, 0, 0));
	assert_true(parse("2000-02-29T00:00:00Z") == utc(2000, 2, 29, 0, 0, 0));
	assert_true(parse("2026-12-31T23:59:59Z") == utc(2026, 12, 31, 23, 59, 59));
	assert_true(parse("0000-01-01T00:00:00Z") == INT64_C(-62167219200));
	assert_true(parse("9999-12-31T23:59:59Z") == INT64_C(253402300799));
}

static void
test_parse_reject(void **state)
{
	static const char *const bad[] = {
		"2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
		"2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-32T00:00:00Z",
		"2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z", "2026-11-22T23:59:60Z", "2026-11-22T18:19:00",
		"2026-11-22T18:19:00Zjunk", "2026-11-22T18:19:00Z ", " 2026-11-22T18:19:00Z",
		"2026-11-22 18:19:00Z", "2026-11-22T18:19Z", "2026-11-22T18:19:00.Z", "2026-11-22T18:19:00+02",
		"2026-11-22T18:19:00+0200", "2026-11-22T18:19:00+24:00", "2026-11-22T18:19:00+02:60",
		"2026-11-22T18:19:00+02:00x", "2026-11-22T18:19:00ZZ", "26-11-22T18:19:00Z",
		"2026-1-22T18:19:00Z", "2026-11-22", "", "2026/11/22T18:19:00Z", "2026-11-22T18:19:00UTC",
		"2026-11-22T18:19:00.123", "+2026-11-22T18:19:00Z", "2026-11-22T1a:19:00Z",
	};
	int64_t t = 42;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (time_parse_rfc3339(bad[i], &t) != -1)
			fail_msg("\"%s\" was accepted", bad[i]);
	assert_int_equal(time_parse_rfc3339(NULL, &t), -1);
	assert_true(t == 42);
}

static void
test_format_rfc3339(void **state)
{
	char buf[32];
	int64_t t, back;

	(void)state;
	assert_int_equal(time_format_rfc3339(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-22T18:19:00Z");
	assert_int_equal(time_format_rfc3339(0, buf, sizeof buf), 0);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	assert_int_equal(time_format_rfc3339(-1, buf, sizeof buf), 0);
	assert_string_equal(buf, "1969-12-31T23:59:59Z");
	assert_int_equal(time_format_rfc3339(INT64_C(253402300799), buf, sizeof buf), 0);
	assert_string_equal(buf, "9999-12-31T23:59:59Z");
	assert_int_equal(time_format_rfc3339(INT64_C(253402300800), buf, sizeof buf), -1);
	assert_int_equal(time_format_rfc3339(INT64_C(-62167219201), buf, sizeof buf), -1);
	assert_int_equal(time_format_rfc3339(INT64_MAX, buf, sizeof buf), -1);
	assert_int_equal(time_format_rfc3339(INT64_MIN, buf, sizeof buf), -1);
	/* 20 characters need 21 bytes */
	assert_int_equal(time_format_rfc3339(T0, buf, 20), -1);
	assert_string_equal(buf, "");
	assert_int_equal(time_format_rfc3339(T0, buf, 21), 0);
	/* round trip, and agreement with timegm, over 1900..2100 */
	for (t = utc(1900, 1, 1, 0, 0, 0); t < utc(2100, 1, 1, 0, 0, 0); t += 86400 * 7 + 3607) {
		struct tm tm;
		time_t tt = (time_t)t;

		assert_int_equal(time_format_rfc3339(t, buf, sizeof buf), 0);
		assert_int_equal(time_parse_rfc3339(buf, &back), 0);
		assert_true(back == t);
		gmtime_r(&tt, &tm);
		assert_true(back == utc(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec));
	}
}

static void
test_add_months(void **state)
{
	int64_t jan31 = utc(2026, 1, 31, 12, 34, 56);
	int64_t jan31_leap = utc(2024, 1, 31, 0, 0, 0);

	(void)state;
	assert_true(time_add_months(jan31, 0) == jan31);
	assert_true(time_add_months(jan31, 1) == utc(2026, 2, 28, 12, 34, 56));
	assert_true(time_add_months(jan31, 2) == utc(2026, 3, 31, 12, 34, 56));
	assert_true(time_add_months(jan31, 3) == utc(2026, 4, 30, 12, 34, 56));
	assert_true(time_add_months(jan31, 11) == utc(2026, 12, 31, 12, 34, 56));
	assert_true(time_add_months(jan31, 12) == utc(2027, 1, 31, 12, 34, 56));
	assert_true(time_add_months(jan31, 13) == utc(2027, 2, 28, 12, 34, 56));
	assert_true(time_add_months(jan31, 25) == utc(2028, 2, 29, 12, 34, 56));
	assert_true(time_add_months(jan31, -1) == utc(2025, 12, 31, 12, 34, 56));
	assert_true(time_add_months(jan31, -2) == utc(2025, 11, 30, 12, 34, 56));
	assert_true(time_add_months(jan31, -11) == utc(2025, 2, 28, 12, 34, 56));
	assert_true(time_add_months(jan31, -23) == utc(2024, 2, 29, 12, 34, 56));
	assert_true(time_add_months(jan31_leap, 1) == utc(2024, 2, 29, 0, 0, 0));
	assert_true(time_add_months(jan31_leap, 2) == utc(2024, 3, 31, 0, 0, 0));
	assert_true(time_add_months(utc(2026, 3, 31, 0, 0, 0), -1) == utc(2026, 2, 28, 0, 0, 0));
	assert_true(time_add_months(utc(2026, 11, 15, 9, 0, 0), 120) == utc(2036, 11, 15, 9, 0, 0));
	assert_true(time_add_months(utc(1969, 12, 31, 23, 0, 0), 2) == utc(1970, 2, 28, 23, 0, 0));
	assert_true(time_add_months(utc(1960, 5, 31, 1, 2, 3), -3) == utc(1960, 2, 29, 1, 2, 3));
	assert_true(time_add_months(INT64_MAX, 1) == INT64_MAX);
	assert_true(time_add_months(INT64_MIN, -1) == INT64_MIN);
	assert_true(time_add_months(INT64_MIN, 0) == INT64_MIN);
	assert_true(time_add_months(INT64_MAX, 0) == INT64_MAX);
	assert_true(time_add_months(INT64_MAX, -12) < INT64_MAX);
}

static void
check_period(int64_t anchor, int64_t t, int64_t want_start, int64_t want_end)
{
	int64_t s = 0, e = 0;

	assert_int_equal(time_period_containing(anchor, t, &s, &e), 0);
	assert_true(s == want_start);
	assert_true(e == want_end);
}

static void
test_period(void **state)
{
	int64_t a = utc(2026, 1, 31, 0, 0, 0);
	int64_t b = utc(2026, 1, 15, 10, 0, 0);

	(void)state;
	check_period(a, a, a, utc(2026, 2, 28, 0, 0, 0));
	check_period(a, utc(2026, 2, 15, 0, 0, 0), a, utc(2026, 2, 28, 0, 0, 0));
	check_period(a, utc(2026, 2, 27, 23, 59, 59), a, utc(2026, 2, 28, 0, 0, 0));
	check_period(a, utc(2026, 2, 28, 0, 0, 0), utc(2026, 2, 28, 0, 0, 0), utc(2026, 3, 31, 0, 0, 0));
	check_period(a, utc(2026, 3, 30, 0, 0, 0), utc(2026, 2, 28, 0, 0, 0), utc(2026, 3, 31, 0, 0, 0));
	check_period(a, utc(2026, 4, 1, 0, 0, 0), utc(2026, 3, 31, 0, 0, 0), utc(2026, 4, 30, 0, 0, 0));
	/* before the anchor */
	check_period(a, a - 1, utc(2025, 12, 31, 0, 0, 0), a);
	check_period(a, utc(2020, 6, 15, 0, 0, 0), utc(2020, 5, 31, 0, 0, 0), utc(2020, 6, 30, 0, 0, 0));
	check_period(a, utc(2024, 2, 29, 12, 0, 0), utc(2024, 2, 29, 0, 0, 0), utc(2024, 3, 31, 0, 0, 0));
	/* the anchor's time of day matters */
	check_period(b, utc(2026, 3, 15, 9, 59, 59), utc(2026, 2, 15, 10, 0, 0), utc(2026, 3, 15, 10, 0, 0));
	check_period(b, utc(2026, 3, 15, 10, 0, 0), utc(2026, 3, 15, 10, 0, 0), utc(2026, 4, 15, 10, 0, 0));
	check_period(b, utc(2025, 12, 1, 0, 0, 0), utc(2025, 11, 15, 10, 0, 0), utc(2025, 12, 15, 10, 0, 0));
}

static void
test_period_sweep(void **state)
{
	static const int anchor_days[] = { 1, 15, 28, 29, 30, 31 };
	size_t i;
	int64_t t, s, e, prev_s, prev_e;
	int changes;

	(void)state;
	for (i = 0; i < sizeof anchor_days / sizeof anchor_days[0]; i++) {
		int64_t anchor = utc(2025, 1, anchor_days[i], 7, 30, 0);

		assert_int_equal(time_period_containing(anchor, utc(2023, 1, 1, 0, 0, 0), &prev_s, &prev_e), 0);
		changes = 0;
		for (t = utc(2023, 1, 1, 0, 0, 0); t < utc(2028, 1, 1, 0, 0, 0); t += 3600 * 5 + 17) {
			assert_int_equal(time_period_containing(anchor, t, &s, &e), 0);
			assert_true(s <= t);
			assert_true(t < e);
			/* consecutive periods tile the time line */
			if (s != prev_s) {
				assert_true(s == prev_e);
				changes++;
			}
			prev_s = s;
			prev_e = e;
			/* each start has the anchor's time of day and day of month (or the month's last day) */
			{
				time_t st = (time_t)s, nx = (time_t)(s + 86400);
				struct tm a, b;

				gmtime_r(&st, &a);
				gmtime_r(&nx, &b);
				assert_int_equal(a.tm_hour * 60 + a.tm_min, 7 * 60 + 30);
				assert_true(a.tm_mday == anchor_days[i] || (a.tm_mday < anchor_days[i] && b.tm_mday == 1));
			}
			/* periods are 28..31 days long */
			assert_true(e - s >= 28 * 86400);
			assert_true(e - s <= 31 * 86400);
		}
		/* 2023-01-01 .. 2028-01-01 crosses 60 period boundaries */
		assert_int_equal(changes, 60);
	}
	/* far from the anchor is fine; an end past INT64_MAX is not */
	assert_int_equal(time_period_containing(INT64_MAX - 86400 * 400, 0, &s, &e), 0);
	assert_true(s <= 0 && 0 < e);
	assert_int_equal(time_period_containing(INT64_MAX - 86400 * 10, INT64_MAX - 86400, &s, &e), -1);
	assert_int_equal(time_period_containing(0, INT64_MAX, &s, &e), -1);
	assert_int_equal(time_period_containing(INT64_MAX, INT64_MIN, &s, &e), -1);
}

static void
check_left(int64_t now, int64_t until, int ended, int today, int days, int hours)
{
	struct time_left tl;

	memset(&tl, 0x55, sizeof tl);
	time_left_until(now, until, &tl);
	assert_int_equal(tl.ended, ended);
	assert_int_equal(tl.today, today);
	assert_int_equal(tl.days, days);
	assert_int_equal(tl.hours, hours);
}

static void
test_left_utc(void **state)
{
	int64_t now = utc(2026, 11, 22, 10, 0, 0);

	(void)state;
	use_tz("UTC", now, 0);
	check_left(now, utc(2026, 12, 1, 10, 0, 0), 0, 0, 9, 216);
	check_left(now, utc(2026, 11, 22, 20, 0, 0), 0, 1, 0, 10);
	check_left(now, now + 1, 0, 1, 0, 0);
	check_left(now, utc(2026, 11, 22, 23, 59, 59), 0, 1, 0, 13);
	check_left(now, utc(2026, 11, 23, 0, 0, 0), 0, 0, 1, 14);
	check_left(now, now, 1, 0, 0, 0);
	check_left(now, now - 86400, 1, 0, 0, 0);
	check_left(utc(2026, 11, 22, 23, 30, 0), utc(2026, 11, 23, 1, 0, 0), 0, 0, 1, 1);
	check_left(INT64_MIN, INT64_MAX, 0, 0, 0x7fffffff, 0x7fffffff);
}

/* Billing days are UTC calendar days: no zone moves them, DST or not. */
static void
left_any_zone(void)
{
	/* a day of 23 h 30 min in UTC: two UTC dates */
	check_left(utc(2026, 3, 28, 23, 30, 0), utc(2026, 3, 30, 0, 30, 0), 0, 0, 2, 25);
	check_left(utc(2026, 11, 22, 22, 0, 0), utc(2026, 11, 22, 23, 30, 0), 0, 1, 0, 1);
	check_left(utc(2026, 11, 22, 23, 0, 0), utc(2026, 11, 23, 3, 0, 0), 0, 0, 1, 4);
	/* the period end, 2026-12-01T00:00Z, seen at 2026-11-15 12:00Z: 16 days */
	check_left(utc(2026, 11, 15, 12, 0, 0), utc(2026, 12, 1, 0, 0, 0), 0, 0, 16, 372);
	check_left(utc(2026, 11, 30, 23, 59, 0), utc(2026, 12, 1, 0, 0, 0), 0, 0, 1, 0);
}

static void
test_left_berlin(void **state)
{
	(void)state;
	use_tz("Europe/Berlin", utc(2026, 1, 15, 0, 0, 0), 3600);
	left_any_zone();
}

static void
test_left_new_york(void **state)
{
	(void)state;
	use_tz("America/New_York", utc(2026, 1, 15, 0, 0, 0), -5 * 3600);
	left_any_zone();
	use_tz("Pacific/Kiritimati", utc(2026, 1, 15, 0, 0, 0), 14 * 3600);
	left_any_zone();
}

static void
test_left_format(void **state)
{
	struct time_left tl;
	char buf[32];

	(void)state;
	use_locale("C");
	memset(&tl, 0, sizeof tl);
	tl.days = 9;
	assert_int_equal(time_left_format(&tl, buf, sizeof buf), 0);
	assert_string_equal(buf, "9 days left");
	tl.days = 1;
	assert_int_equal(time_left_format(&tl, buf, sizeof buf), 0);
	assert_string_equal(buf, "1 day left");
	tl.days = 0;
	tl.today = 1;
	tl.hours = 5;
	assert_int_equal(time_left_format(&tl, buf, sizeof buf), 0);
	assert_string_equal(buf, "ends today");
	tl.ended = 1;
	assert_int_equal(time_left_format(&tl, buf, sizeof buf), 0);
	assert_string_equal(buf, "ended");
	memset(&tl, 0, sizeof tl);
	tl.days = 12;
	assert_int_equal(time_left_format(&tl, buf, 13), 0);
	assert_string_equal(buf, "12 days left");
	assert_int_equal(time_left_format(&tl, buf, 12), -1);
	assert_string_equal(buf, "");
	tl.ended = 1;
	assert_int_equal(time_left_format(&tl, buf, 5), -1);
}

static void
test_format_date_c(void **state)
{
	char buf[64];

	(void)state;
	use_tz("UTC", T0, 0);
	use_locale("C");
	assert_int_equal(time_format_date(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-22");
	assert_int_equal(time_format_datetime(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-22 18:19 UTC");
	use_locale("C.UTF-8");
	assert_int_equal(time_format_date(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-22");
	use_locale("POSIX");
	assert_int_equal(time_format_date(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-22");
	/* UTC whatever TZ says: a billing date never moves with the zone */
	use_tz("America/New_York", T0, -5 * 3600);
	assert_int_equal(time_format_date(utc(2026, 11, 23, 3, 0, 0), buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-23");
	assert_int_equal(time_format_datetime(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-22 18:19 UTC");
	use_tz("Pacific/Kiritimati", T0, 14 * 3600);
	assert_int_equal(time_format_date(utc(2026, 11, 30, 12, 0, 0), buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-30");
	/* a period: its last day included */
	assert_int_equal(time_format_period(utc(2026, 11, 1, 0, 0, 0), utc(2026, 12, 1, 0, 0, 0), buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-01 to 2026-11-30");
	assert_int_equal(time_format_period(utc(2026, 12, 1, 0, 0, 0), utc(2026, 12, 1, 0, 0, 0), buf, sizeof buf), -1);
	use_tz("UTC", T0, 0);
	/* too small */
	assert_int_equal(time_format_date(T0, buf, 10), -1);
	assert_string_equal(buf, "");
	assert_int_equal(time_format_date(T0, buf, 11), 0);
	assert_int_equal(time_format_datetime(T0, buf, 20), -1);
	assert_int_equal(time_format_datetime(T0, buf, 21), 0);
}

static void
test_format_date_locales(void **state)
{
	char buf[64];

	(void)state;
	use_tz("UTC", T0, 0);
	use_locale("de_DE.UTF-8");
	assert_int_equal(time_format_date(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "22.11.2026");
	assert_int_equal(time_format_datetime(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "22.11.2026 18:19 UTC");
	use_locale("en_US.UTF-8");
	assert_int_equal(time_format_date(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "11/22/2026");
}

static void
test_day(void **state)
{
	int64_t day = utc(2026, 11, 22, 0, 0, 0);
	char buf[16];

	(void)state;
	assert_true(time_day_start_utc(T0) == day);
	assert_true(time_day_start_utc(day) == day);
	assert_true(time_day_start_utc(day + 86399) == day);
	assert_true(time_day_start_utc(day + 86400) == day + 86400);
	assert_true(time_day_start_utc(0) == 0);
	assert_true(time_day_start_utc(-1) == -86400);
	assert_true(time_day_start_utc(-86400) == -86400);
	assert_true(time_day_start_utc(-86401) == -2 * 86400);
	assert_true(time_day_start_utc(INT64_MAX) == INT64_MAX - INT64_MAX % 86400);
	assert_true(time_day_start_utc(INT64_MIN) == INT64_MIN);
	assert_true(time_day_start_utc(INT64_MIN + 86400) == INT64_MIN + 86400 - (86400 + INT64_MIN % 86400));
	assert_int_equal(time_format_day(day, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-22");
	assert_int_equal(time_format_day(T0, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-22");
	assert_int_equal(time_format_day(-1, buf, sizeof buf), 0);
	assert_string_equal(buf, "1969-12-31");
	assert_int_equal(time_format_day(day, buf, 10), -1);
	assert_string_equal(buf, "");
	assert_int_equal(time_format_day(day, buf, 11), 0);
	assert_int_equal(time_format_day(INT64_MAX, buf, sizeof buf), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_reject),
		cmocka_unit_test(test_format_rfc3339),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_period),
		cmocka_unit_test(test_period_sweep),
		cmocka_unit_test_teardown(test_left_utc, reset_env),
		cmocka_unit_test_teardown(test_left_berlin, reset_env),
		cmocka_unit_test_teardown(test_left_new_york, reset_env),
		cmocka_unit_test_teardown(test_left_format, reset_env),
		cmocka_unit_test_teardown(test_format_date_c, reset_env),
		cmocka_unit_test_teardown(test_format_date_locales, reset_env),
		cmocka_unit_test(test_day),
	};

	reset_env(NULL);
	return cmocka_run_group_tests_name("time", tests, NULL, NULL);
}
