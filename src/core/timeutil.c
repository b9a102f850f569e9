/* timeutil.c: RFC 3339, calendar arithmetic in UTC, billing periods, and the
 * dates billtop shows: billing days are UTC calendar days, whatever TZ says. */
#include <config.h>

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"

#define DAY 86400

/* Floor division and modulo (C's / truncates toward zero). */
static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t
floor_mod(int64_t a, int64_t b)
{
	int64_t r = a % b;

	if (r != 0 && ((r < 0) != (b < 0)))
		r += b;
	return r;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int64_t y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* Reads exactly n digits; -1 if any is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
time_parse_rfc3339(const char *s, int64_t *epoch)
{
	int y, mo, d, h, mi, sec, oh = 0, om = 0, sign = 0;
	const char *p;

	if (s == NULL)
		return -1;
	/* Each digits() stops at the first non-digit, including the terminating NUL. */
	if ((y = digits(s, 4)) < 0 || s[4] != '-' || (mo = digits(s + 5, 2)) < 0 || s[7] != '-' ||
	    (d = digits(s + 8, 2)) < 0 || (s[10] != 'T' && s[10] != 't') || (h = digits(s + 11, 2)) < 0 ||
	    s[13] != ':' || (mi = digits(s + 14, 2)) < 0 || s[16] != ':' || (sec = digits(s + 17, 2)) < 0)
		return -1;
	p = s + 19;
	if (*p == '.') {
		/* Fractional seconds: at least one digit, then ignored (truncated). */
		if (*++p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p == '+' ? 1 : -1;
		if ((oh = digits(p + 1, 2)) < 0 || p[3] != ':' || (om = digits(p + 4, 2)) < 0)
			return -1;
		p += 6;
	} else {
		return -1;
	}
	if (*p != '\0')
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 59 ||
	    oh > 23 || om > 59)
		return -1;
	*epoch = days_from_civil(y, mo, d) * DAY + h * 3600 + mi * 60 + sec - sign * (oh * 3600 + om * 60);
	return 0;
}

/* Splits a UTC instant; fails for years outside 0000-9999. */
static int
split_utc(int64_t t, int64_t *y, int *m, int *d, int64_t *tod)
{
	civil_from_days(floor_div(t, DAY), y, m, d);
	*tod = floor_mod(t, DAY);
	return *y < 0 || *y > 9999 ? -1 : 0;
}

int
time_format_rfc3339(int64_t epoch, char *buf, size_t n)
{
	int64_t y, tod;
	int m, d, r;

	if (n > 0)
		buf[0] = '\0';
	if (split_utc(epoch, &y, &m, &d, &tod) < 0)
		return -1;
	r = snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, m, d, (int)(tod / 3600),
	    (int)(tod / 60 % 60), (int)(tod % 60));
	if (r < 0 || (size_t)r >= n) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* anchor + months, clamped to month end; -1 if the result does not fit in int64. */
static int
add_months_checked(int64_t anchor, int64_t months, int64_t *out)
{
	int64_t y, total, ny, day, delta, r;
	int m, d, nm;

	day = floor_div(anchor, DAY);
	civil_from_days(day, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	ny = floor_div(total, 12);
	nm = (int)floor_mod(total, 12) + 1;
	if (d > days_in_month(ny, nm))
		d = days_in_month(ny, nm);
	/* Moving by whole days keeps the time of day without computing a day start that may not fit. */
	if (__builtin_mul_overflow(days_from_civil(ny, nm, d) - day, DAY, &delta) ||
	    __builtin_add_overflow(anchor, delta, &r))
		return -1;
	*out = r;
	return 0;
}

int64_t
time_add_months(int64_t anchor, int months)
{
	int64_t r;

	/* Saturates rather than wrapping for instants billions of years away. */
	if (add_months_checked(anchor, months, &r) < 0)
		return months < 0 ? INT64_MIN : INT64_MAX;
	return r;
}

int
time_period_containing(int64_t anchor, int64_t t, int64_t *start, int64_t *end)
{
	int64_t ay, ty, k, s, e;
	int am, ad, tm, td;

	civil_from_days(floor_div(anchor, DAY), &ay, &am, &ad);
	civil_from_days(floor_div(t, DAY), &ty, &tm, &td);
	/* A first guess from the calendar months between them, off by at most one. */
	k = (ty - ay) * 12 + (tm - am);
	if (add_months_checked(anchor, k, &s) < 0)
		return -1;
	while (s > t) {
		k--;
		if (add_months_checked(anchor, k, &s) < 0)
			return -1;
	}
	for (;;) {
		if (add_months_checked(anchor, k + 1, &e) < 0)
			return -1;
		if (e > t)
			break;
		k++;
		s = e;
	}
	*start = s;
	*end = e;
	return 0;
}

/* The UTC calendar day number of an instant: billing days are UTC days. */
static int64_t
utc_day(int64_t t)
{
	return floor_div(t, DAY);
}

void
time_left_until(int64_t now, int64_t until, struct time_left *out)
{
	__int128 left = (__int128)until - now;
	int64_t days;

	memset(out, 0, sizeof *out);
	if (left <= 0) {
		out->ended = 1;
		return;
	}
	out->hours = left / 3600 > INT_MAX ? INT_MAX : (int)(left / 3600);
	/* Calendar days (UTC, the billing days), not 24 h blocks. */
	days = utc_day(until) - utc_day(now);
	if (days <= 0)
		out->today = 1;
	else
		out->days = days > INT_MAX ? INT_MAX : (int)days;
}

int
time_left_format(const struct time_left *tl, char *buf, size_t n)
{
	int r;

	if (tl->ended)
		return str_copy(buf, n, _("ended"));
	if (tl->today)
		return str_copy(buf, n, _("ends today"));
	r = snprintf(buf, n, P_("%d day left", "%d days left", (unsigned long)tl->days), tl->days);
	if (r < 0 || (size_t)r >= n) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* True for the C/POSIX locale (and C.UTF-8), whose D_FMT is the ambiguous "%m/%d/%y". */
static int
c_time_locale(void)
{
	const char *name = setlocale(LC_TIME, NULL);

	return name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	    strncmp(name, "C.", 2) == 0;
}

/* In UTC, never the local zone: a billing date must not move with TZ. */
static int
format_utc(int64_t epoch, const char *fmt, char *buf, size_t n)
{
	time_t tt = (time_t)epoch;
	struct tm tm;
	size_t r;

	if (n > 0)
		buf[0] = '\0';
	if (gmtime_r(&tt, &tm) == NULL)
		return -1;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	/* The format is the locale's D_FMT or ours, never from outside. */
	r = strftime(buf, n, fmt, &tm);
#pragma GCC diagnostic pop
	if (r == 0) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

int
time_format_date(int64_t epoch, char *buf, size_t n)
{
	return format_utc(epoch, c_time_locale() ? "%Y-%m-%d" : nl_langinfo(D_FMT), buf, n);
}

int
time_format_datetime(int64_t epoch, char *buf, size_t n)
{
	char fmt[128];
	struct strbuf sb;

	strbuf_init(&sb, fmt, sizeof fmt);
	strbuf_add(&sb, c_time_locale() ? "%Y-%m-%d" : nl_langinfo(D_FMT));
	/* TRANSLATORS: a time of day in UTC, after a date: keep %H:%M and UTC. */
	strbuf_add(&sb, _(" %H:%M UTC"));
	if (strbuf_finish(&sb) < 0) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return format_utc(epoch, fmt, buf, n);
}

int
time_format_period(int64_t start, int64_t end, char *buf, size_t n)
{
	char a[64], b[64];
	int r;

	if (n > 0)
		buf[0] = '\0';
	/* [start, end): the last day is the one of end's previous second. */
	if (end <= start || end == INT64_MIN || time_format_date(start, a, sizeof a) != 0 ||
	    time_format_date(end - 1, b, sizeof b) != 0)
		return -1;
	/* TRANSLATORS: a billing period, first day to last day, both included. */
	r = snprintf(buf, n, _("%s to %s"), a, b);
	if (r < 0 || (size_t)r >= n) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

int64_t
time_day_start_utc(int64_t t)
{
	int64_t r;

	/* Only the first partial day of the int64 range has no representable start. */
	if (__builtin_sub_overflow(t, floor_mod(t, DAY), &r))
		return INT64_MIN;
	return r;
}

int
time_format_day(int64_t day, char *buf, size_t n)
{
	int64_t y, tod;
	int m, d, r;

	if (n > 0)
		buf[0] = '\0';
	if (split_utc(day, &y, &m, &d, &tod) < 0)
		return -1;
	r = snprintf(buf, n, "%04d-%02d-%02d", (int)y, m, d);
	if (r < 0 || (size_t)r >= n) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

int
time_parse_day(const char *day, int64_t *t)
{
	char buf[32];

	if (strlen(day) != 10)
		return -1;
	snprintf(buf, sizeof buf, "%sT00:00:00Z", day);
	return time_parse_rfc3339(buf, t);
}

int64_t
time_month_start_utc(int64_t t, int delta)
{
	time_t tt = (time_t)t;
	struct tm tm;
	int m;

	gmtime_r(&tt, &tm);
	m = tm.tm_year * 12 + tm.tm_mon + delta;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = m / 12;
	tm.tm_mon = m % 12;
	tm.tm_mday = 1;
	return (int64_t)timegm(&tm);
}
