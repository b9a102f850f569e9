/* numfmt.h: grouped decimal numbers per the locale (internal to core). */
#ifndef BILLTOP_NUMFMT_H
#define BILLTOP_NUMFMT_H

#include <stdint.h>

#include "core/util.h"

struct numfmt {
	const char *point;    /* decimal point */
	const char *sep;      /* thousands separator ("" = none) */
	const char *grouping; /* localeconv() grouping string */
};

/*
 * LC_NUMERIC / LC_MONETARY conventions.  A field the locale leaves empty (the
 * C/POSIX locale) gets a readable default: '.' point, ',' separator (or '.' when
 * the point is ','), groups of 3.  Valid until the next localeconv()/setlocale().
 */
void numfmt_numeric(struct numfmt *f);
void numfmt_monetary(struct numfmt *f);

/* '.' point, no grouping: machine output. */
extern const struct numfmt numfmt_plain;

/* Appends mag / 10^decimals (decimals 0..19) with exactly `decimals` fraction digits. */
void numfmt_append(struct strbuf *sb, uint64_t mag, int decimals, const struct numfmt *f);

#endif
