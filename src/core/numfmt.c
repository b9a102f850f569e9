/* numfmt.c: grouped decimal numbers per the locale. */
#include <config.h>

#include <limits.h>
#include <locale.h>
#include <string.h>

#include "core/numfmt.h"

const struct numfmt numfmt_plain = { ".", "", "" };

static void
fill_defaults(struct numfmt *f)
{
	if (f->point == NULL || f->point[0] == '\0')
		f->point = ".";
	if (f->sep == NULL || f->sep[0] == '\0')
		f->sep = strcmp(f->point, ",") == 0 ? "." : ",";
	if (f->grouping == NULL || f->grouping[0] == '\0' || f->grouping[0] == CHAR_MAX ||
	    f->grouping[0] <= 0)
		f->grouping = "\3";
}

void
numfmt_numeric(struct numfmt *f)
{
	const struct lconv *lc = localeconv();

	f->point = lc->decimal_point;
	f->sep = lc->thousands_sep;
	f->grouping = lc->grouping;
	fill_defaults(f);
}

void
numfmt_monetary(struct numfmt *f)
{
	const struct lconv *lc = localeconv();

	f->point = lc->mon_decimal_point;
	f->sep = lc->mon_thousands_sep;
	f->grouping = lc->mon_grouping;
	fill_defaults(f);
}

void
numfmt_append(struct strbuf *sb, uint64_t mag, int decimals, const struct numfmt *f)
{
	char digits[48];
	unsigned char mark[48] = { 0 };
	size_t len = 0, intlen, cum = 0, i;
	const char *g = f->grouping;
	int size = 0;

	if (decimals < 0 || decimals > 19) {
		sb->overflow = 1;
		return;
	}
	/* Digits in reverse, padded so there is at least one integer digit. */
	do {
		digits[len++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag > 0);
	while (len < (size_t)decimals + 1)
		digits[len++] = '0';
	for (i = 0; i < len / 2; i++) {
		char t = digits[i];
		digits[i] = digits[len - 1 - i];
		digits[len - 1 - i] = t;
	}
	intlen = len - (size_t)decimals;

	/* mark[i]: a separator goes before integer digit i.  A 0 element repeats the last size; CHAR_MAX ends grouping. */
	if (f->sep[0] != '\0') {
		for (;;) {
			if (*g == CHAR_MAX)
				break;
			if (*g != '\0')
				size = *g++;
			if (size <= 0)
				break;
			cum += (size_t)size;
			if (cum >= intlen)
				break;
			mark[intlen - cum] = 1;
		}
	}
	for (i = 0; i < intlen; i++) {
		if (mark[i])
			strbuf_add(sb, f->sep);
		strbuf_addc(sb, digits[i]);
	}
	if (decimals > 0) {
		strbuf_add(sb, f->point);
		strbuf_addn(sb, digits + intlen, (size_t)decimals);
	}
}
