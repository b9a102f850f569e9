/* csv.c: RFC 4180 fields and records; server text kept from running as a
 * spreadsheet formula. */
#include <config.h>

#include <inttypes.h>
#include <string.h>

#include "cli/csv.h"
#include "client/model.h"

/* prefix: a character written before s, inside the quotes if any (or 0). */
static void
put_field(FILE *out, int first, char prefix, const char *s)
{
	const char *p;

	if (!first)
		fputc(',', out);
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		if (prefix)
			fputc(prefix, out);
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (prefix)
		fputc(prefix, out);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
}

void
csv_field(FILE *out, int first, const char *s)
{
	/* "=HYPERLINK(...)" from a hostile server must stay text in a spreadsheet */
	put_field(out, first, s && *s && strchr("=+-@\t\r", *s) ? '\'' : 0, s);
}

void
csv_number(FILE *out, int first, const char *s)
{
	put_field(out, first, 0, s);
}

void
csv_int(FILE *out, int first, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	csv_number(out, first, buf);
}

/* Money in CSV is the integer amount in the currency's minor unit (522.56 USD
 * is 52256, 1,500 JPY is 1500, 1.250 KWD is 1250), next to a currency column:
 * what a script sums without rounding.  Empty when unknown. */
void
csv_money(FILE *out, int first, int64_t minor, const char *currency)
{
	(void)currency;
	if (minor == M_NONE)
		csv_field(out, first, "");
	else
		csv_int(out, first, minor);
}

void
csv_end(FILE *out)
{
	fputs("\r\n", out);
}
