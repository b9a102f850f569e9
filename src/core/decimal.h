/* decimal.h: a decimal number's text to an integer at a stated scale; never floating point. */
#ifndef BILLTOP_DECIMAL_H
#define BILLTOP_DECIMAL_H

#include <stdint.h>

enum decimal_err {
	DECIMAL_OK = 0,
	DECIMAL_ERR_SYNTAX,  /* not a JSON number */
	DECIMAL_ERR_OVERFLOW /* does not fit in 64 bits at this scale */
};

/*
 * Converts the text of a JSON number (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?,
 * whole string, no spaces) to round(value * 10^scale) as an int64, exactly:
 * "0.06345600000000001" at scale 6 is 63456.  Digits past the scale are rounded
 * once, half away from zero; scale is 0..18.  *out is written only on DECIMAL_OK.
 */
enum decimal_err decimal_scaled(const char *s, int scale, int64_t *out);

#endif
