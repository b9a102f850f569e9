/* timeutil.h: UTC instants (int64 seconds since the epoch) in storage and on
 * screen: billing days are UTC calendar days, so no date moves with TZ. */
#ifndef BILLTOP_TIMEUTIL_H
#define BILLTOP_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parses RFC 3339: "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)"; 't'/'z'
 * may be lower case; fractional seconds are truncated.  Rejects anything else:
 * invalid dates (Feb 30, Feb 29 outside leap years), hour 24, second 60,
 * missing zone, trailing junk.  Returns 0, or -1 (*epoch untouched).
 */
int time_parse_rfc3339(const char *s, int64_t *epoch);

/* "2026-11-22T18:19:00Z" (always UTC, no fraction); years 0000-9999. 0 or -1. */
int time_format_rfc3339(int64_t epoch, char *buf, size_t n);

/*
 * anchor + months with the anchor's day of month and UTC time of day, clamped
 * to the end of a shorter month.  Clamping is relative to the anchor, not
 * cumulative: Jan 31 +1 = Feb 28/29, +2 = Mar 31.  months may be negative.
 */
int64_t time_add_months(int64_t anchor, int months);

/*
 * The monthly billing period anchored on `anchor` that contains t:
 * [*start, *end) with *start = time_add_months(anchor, k) <= t < *end.  Works
 * for t before anchor.  UTC (the server's truth).  Returns 0, or -1 if out of range.
 */
int time_period_containing(int64_t anchor, int64_t t, int64_t *start, int64_t *end);

struct time_left {
	int ended; /* until <= now */
	int today; /* not ended, and until falls on today's UTC date */
	int days;  /* UTC calendar days between the two dates (0 when today/ended) */
	int hours; /* whole hours left (floor), 0 when ended */
};

/* Days are UTC calendar days (the billing days), whatever TZ says. */
void time_left_until(int64_t now, int64_t until, struct time_left *out);

/* "9 days left", "1 day left", "ends today", "ended" (translated).  0 or -1 if buf too small. */
int time_left_format(const struct time_left *tl, char *buf, size_t n);

/*
 * The UTC date of an instant for the screen: "2026-11-22" in the C/POSIX
 * locale (LC_TIME), otherwise strftime with nl_langinfo(D_FMT)
 * ("22.11.2026").  TZ is ignored: billing days are UTC days.  0 or -1.
 */
int time_format_date(int64_t epoch, char *buf, size_t n);

/* time_format_date + " HH:MM UTC" (24-hour clock, UTC, said so).  0 or -1. */
int time_format_datetime(int64_t epoch, char *buf, size_t n);

/* A period [start, end) as its first and last day, both included, the one
 * way billtop writes a period: "2026-11-01 to 2026-11-30".  0 or -1. */
int time_format_period(int64_t start, int64_t end, char *buf, size_t n);

/* t floored to 00:00:00Z of its UTC day (INT64_MIN where that is not representable). */
int64_t time_day_start_utc(int64_t t);

/* UTC day key "2026-11-22" for usage tables (any instant of the day works).  0 or -1. */
int time_format_day(int64_t day, char *buf, size_t n);
/* The reverse: "2026-11-22" (exactly ten characters) to its 00:00:00Z.  0 or -1. */
int time_parse_day(const char *day, int64_t *t);
/* 00:00:00Z of the first day of the UTC month `delta` months after t's
 * (negative: before). */
int64_t time_month_start_utc(int64_t t, int delta);

#endif
