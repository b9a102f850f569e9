/* decimal.c: exact decimal text to scaled integers (see decimal.h). */
#include <config.h>

#include <stddef.h>
#include <stdint.h>

#include "core/decimal.h"

/* Appends one digit to *acc (non-negative); -1 on overflow. */
static int
push_digit(uint64_t *acc, int d)
{
	if (*acc > (UINT64_MAX - (uint64_t)d) / 10)
		return -1;
	*acc = *acc * 10 + (uint64_t)d;
	return 0;
}

enum decimal_err
decimal_scaled(const char *s, int scale, int64_t *out)
{
	const char *p = s, *int_start, *frac_start = NULL;
	size_t int_len, frac_len = 0;
	long exp10 = 0;
	int neg = 0, round_digit = 0;
	uint64_t acc = 0, limit;
	long shift, i, ndigits;

	if (s == NULL || scale < 0 || scale > 18)
		return DECIMAL_ERR_SYNTAX;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	int_start = p;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return DECIMAL_ERR_SYNTAX;
	int_len = (size_t)(p - int_start);
	if (*p == '.') {
		frac_start = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		frac_len = (size_t)(p - frac_start);
		if (frac_len == 0)
			return DECIMAL_ERR_SYNTAX;
	}
	if (*p == 'e' || *p == 'E') {
		int eneg = 0;

		p++;
		if (*p == '+' || *p == '-')
			eneg = *p++ == '-';
		if (!(*p >= '0' && *p <= '9'))
			return DECIMAL_ERR_SYNTAX;
		while (*p >= '0' && *p <= '9') {
			if (exp10 < 100000)
				exp10 = exp10 * 10 + (*p - '0');
			p++;
		}
		if (eneg)
			exp10 = -exp10;
	}
	if (*p != '\0')
		return DECIMAL_ERR_SYNTAX;

	/* The digits d1..dn with the point after int_len + exp10 digits; keep
	 * int_len + exp10 + scale of them, round on the next, the rest is sticky. */
	ndigits = (long)(int_len + frac_len);
	shift = (long)int_len + exp10 + scale;
	for (i = 0; i < ndigits || i < shift; i++) {
		int d = 0;

		if (i < ndigits)
			d = i < (long)int_len ? int_start[i] - '0' : frac_start[i - (long)int_len] - '0';
		if (i < shift) {
			if (push_digit(&acc, d) != 0)
				return DECIMAL_ERR_OVERFLOW;
		} else if (i == shift) {
			round_digit = d; /* half away from zero: the first dropped digit decides */
		}
	}
	if (round_digit >= 5) {
		if (acc == UINT64_MAX)
			return DECIMAL_ERR_OVERFLOW;
		acc++;
	}
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	if (acc > limit)
		return DECIMAL_ERR_OVERFLOW;
	if (neg)
		*out = acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)acc;
	else
		*out = (int64_t)acc;
	return DECIMAL_OK;
}
