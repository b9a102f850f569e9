/* metering.c: per-record rounding to the minimum increment, totals, credits and display. */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>

#include "core/i18n.h"
#include "core/metering.h"
#include "core/numfmt.h"
#include "core/util.h"

#define MAX_DECIMALS 6

int
meter_def_valid(const struct meter_def *def)
{
	return def != NULL && def->raw_per_unit > 0 && def->increment > 0 && def->credits_milli_per_unit >= 0;
}

enum money_err
meter_round_up(const struct meter_def *def, int64_t raw, int64_t *billed_raw)
{
	int64_t q, r;

	if (!meter_def_valid(def) || raw < 0)
		return MONEY_ERR_RANGE;
	q = raw / def->increment;
	if (raw % def->increment != 0)
		q++;
	if (__builtin_mul_overflow(q, def->increment, &r))
		return MONEY_ERR_OVERFLOW;
	*billed_raw = r;
	return MONEY_OK;
}

enum money_err
meter_total_add(const struct meter_def *def, struct meter_total *total, int64_t raw_record)
{
	struct meter_total t = *total;
	int64_t billed;
	enum money_err err;

	if ((err = meter_round_up(def, raw_record, &billed)) != MONEY_OK)
		return err;
	if (__builtin_add_overflow(t.records, 1, &t.records) || __builtin_add_overflow(t.raw, raw_record, &t.raw) ||
	    __builtin_add_overflow(t.billed_raw, billed, &t.billed_raw))
		return MONEY_ERR_OVERFLOW;
	*total = t;
	return MONEY_OK;
}

enum money_err
meter_credits(const struct meter_def *def, int64_t billed_raw, int64_t *credits)
{
	__int128 num, den, q;

	if (!meter_def_valid(def) || billed_raw < 0)
		return MONEY_ERR_RANGE;
	/* Both factors < 2^63: the product fits; the denominator is < 2^73. */
	num = (__int128)billed_raw * def->credits_milli_per_unit;
	den = (__int128)def->raw_per_unit * 1000;
	/* Rounded up: a started credit is a spent credit, as on the server. */
	q = num / den + (num % den != 0);
	if (q > INT64_MAX)
		return MONEY_ERR_OVERFLOW;
	*credits = (int64_t)q;
	return MONEY_OK;
}

static __int128
pow10_128(int d)
{
	__int128 p = 1;

	while (d-- > 0)
		p *= 10;
	return p;
}

/* The fewest decimals (<= MAX_DECIMALS) that show one increment exactly; *exact = 0 if none do. */
static int
meter_decimals(const struct meter_def *def, int *exact)
{
	int d;

	for (d = 0; d <= MAX_DECIMALS; d++) {
		if ((__int128)def->increment * pow10_128(d) % def->raw_per_unit == 0) {
			*exact = 1;
			return d;
		}
	}
	*exact = 0;
	return 2;
}

/* Appends raw / raw_per_unit with d decimals, magnitude rounded up. */
static void
append_display(struct strbuf *sb, const struct meter_def *def, int64_t raw, int d)
{
	unsigned __int128 mag = raw < 0 ? 0 - (uint64_t)raw : (uint64_t)raw, den = (uint64_t)def->raw_per_unit;
	struct numfmt f;

	mag *= (unsigned __int128)pow10_128(d);
	mag = mag / den + (mag % den != 0);
	if (mag > UINT64_MAX) {
		sb->overflow = 1;
		return;
	}
	if (raw < 0)
		strbuf_addc(sb, '-');
	numfmt_numeric(&f);
	numfmt_append(sb, (uint64_t)mag, d, &f);
}

int
meter_format_quantity(const struct meter_def *def, const char *unit, int64_t billed_raw, char *buf, size_t n)
{
	struct strbuf sb;
	int exact;

	strbuf_init(&sb, buf, n);
	if (!meter_def_valid(def)) {
		sb.overflow = 1;
		goto out;
	}
	append_display(&sb, def, billed_raw, meter_decimals(def, &exact));
	if (unit != NULL && unit[0] != '\0') {
		strbuf_addc(&sb, ' ');
		strbuf_add(&sb, unit);
	}
out:
	return strbuf_finish(&sb);
}

static int64_t
gcd64(int64_t a, int64_t b)
{
	while (b != 0) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

int
meter_describe_rounding(const struct meter_def *def, const char *unit, char *buf, size_t n)
{
	char num[64];
	struct strbuf sb;
	int d, exact, r, whole;

	if (n > 0)
		buf[0] = '\0';
	if (!meter_def_valid(def) || unit == NULL)
		return -1;
	if (def->increment == 1 && def->raw_per_unit == 1) {
		r = snprintf(buf, n, _("billed per %s"), unit);
		goto out;
	}
	strbuf_init(&sb, num, sizeof num);
	whole = def->increment % def->raw_per_unit == 0;
	if (whole) {
		append_display(&sb, def, def->increment, 0);
	} else {
		d = meter_decimals(def, &exact);
		if (exact) {
			append_display(&sb, def, def->increment, d);
		} else {
			int64_t g = gcd64(def->increment, def->raw_per_unit);

			r = snprintf(num, sizeof num, "%" PRId64 "/%" PRId64, def->increment / g, def->raw_per_unit / g);
			sb.overflow = r < 0 || (size_t)r >= sizeof num;
		}
	}
	if (strbuf_finish(&sb) < 0)
		return -1;
	if (whole)
		/* TRANSLATORS: "rounded up to 1-minute increments"; the first %s is a number, the second a unit. */
		r = snprintf(buf, n, _("rounded up to %s-%s increments"), num, unit);
	else
		/* TRANSLATORS: "rounded up to 0.01 GB steps"; the first %s is a number, the second a unit. */
		r = snprintf(buf, n, _("rounded up to %s %s steps"), num, unit);
out:
	if (r < 0 || (size_t)r >= n) {
		if (n > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}
