/* csv.c: RFC 4180 fields and records. */
#include <config.h>

#include <inttypes.h>
#include <string.h>

#include "cli/csv.h"
#include "client/model.h"
#include "core/money.h"

void
csv_field(FILE *out, int first, const char *s)
{
	const char *p;

	if (!first)
		fputc(',', out);
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
}

void
csv_int(FILE *out, int first, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	csv_field(out, first, buf);
}

void
csv_money(FILE *out, int first, int64_t minor, const char *currency)
{
	char buf[48];

	if (minor == M_NONE || money_format(buf, sizeof buf, minor, currency, MONEY_FMT_PLAIN) < 0)
		buf[0] = '\0';
	csv_field(out, first, buf);
}

void
csv_end(FILE *out)
{
	fputs("\r\n", out);
}
