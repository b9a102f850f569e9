/* money.c: ISO 4217 currencies, exact parsing, checked arithmetic and formatting of minor units. */
#include <config.h>

#include <limits.h>
#include <locale.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "core/numfmt.h"
#include "core/util.h"

/*
 * Exponents per ISO 4217.  Where a symbol is shared by several currencies
 * ("kr", "¥" for CNY) the code is shown instead, so an amount is never ambiguous.
 */
static const struct currency currencies[] = {
	{ "AED", 2, "AED", "AED" },
	{ "AUD", 2, "A$", "A$" },
	{ "BHD", 3, "BHD", "BHD" },
	{ "BRL", 2, "R$", "R$" },
	{ "CAD", 2, "CA$", "CA$" },
	{ "CHF", 2, "CHF", "CHF" },
	{ "CLP", 0, "CLP", "CLP" },
	{ "CNY", 2, "CN\xc2\xa5", "CNY" },
	{ "CZK", 2, "CZK", "CZK" },
	{ "DKK", 2, "DKK", "DKK" },
	{ "EUR", 2, "\xe2\x82\xac", "EUR" },
	{ "GBP", 2, "\xc2\xa3", "GBP" },
	{ "HKD", 2, "HK$", "HK$" },
	{ "HUF", 2, "HUF", "HUF" },
	{ "IDR", 2, "IDR", "IDR" },
	{ "ILS", 2, "\xe2\x82\xaa", "ILS" },
	{ "INR", 2, "\xe2\x82\xb9", "INR" },
	{ "IQD", 3, "IQD", "IQD" },
	{ "ISK", 0, "ISK", "ISK" },
	{ "JOD", 3, "JOD", "JOD" },
	{ "JPY", 0, "\xc2\xa5", "JPY" },
	{ "KRW", 0, "\xe2\x82\xa9", "KRW" },
	{ "KWD", 3, "KWD", "KWD" },
	{ "LYD", 3, "LYD", "LYD" },
	{ "MXN", 2, "MX$", "MX$" },
	{ "NOK", 2, "NOK", "NOK" },
	{ "NZD", 2, "NZ$", "NZ$" },
	{ "OMR", 3, "OMR", "OMR" },
	{ "PLN", 2, "PLN", "PLN" },
	{ "SAR", 2, "SAR", "SAR" },
	{ "SEK", 2, "SEK", "SEK" },
	{ "SGD", 2, "SGD", "SGD" },
	{ "THB", 2, "THB", "THB" },
	{ "TND", 3, "TND", "TND" },
	{ "TRY", 2, "TRY", "TRY" },
	{ "TWD", 2, "NT$", "NT$" },
	{ "USD", 2, "$", "$" },
	{ "VND", 0, "VND", "VND" },
	{ "XAF", 0, "XAF", "XAF" },
	{ "XOF", 0, "XOF", "XOF" },
	{ "ZAR", 2, "ZAR", "ZAR" },
};

const struct currency *
currency_find(const char *code)
{
	size_t i;

	if (code == NULL || strlen(code) != 3)
		return NULL;
	for (i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
		if (memcmp(currencies[i].code, code, 3) == 0)
			return &currencies[i];
	return NULL;
}

const char *
money_strerror(enum money_err err)
{
	switch (err) {
	case MONEY_OK:
		return _("no error");
	case MONEY_ERR_SYNTAX:
		return _("not an amount: write digits with an optional '.' and decimals, "
			 "like 12.50 (no spaces, no '+', no thousands separators)");
	case MONEY_ERR_PRECISION:
		return _("too many decimal places for this currency");
	case MONEY_ERR_OVERFLOW:
		return _("amount is too large");
	case MONEY_ERR_CURRENCY:
		return _("unknown currency code");
	case MONEY_ERR_RANGE:
		return _("amount must not be negative");
	}
	return _("unknown error");
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

enum money_err
money_parse(const char *s, const char *currency, int64_t *minor)
{
	const struct currency *cur;
	const char *p, *intp, *frac = NULL;
	size_t intlen = 0, fraclen = 0, i;
	uint64_t mag = 0, limit;
	int neg = 0;

	if (s == NULL)
		return MONEY_ERR_SYNTAX;
	/* Grammar first: ["-"] DIGIT+ ["." DIGIT+] and nothing else. */
	p = s;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	intp = p;
	while (is_digit(*p))
		p++;
	intlen = (size_t)(p - intp);
	if (intlen == 0)
		return MONEY_ERR_SYNTAX;
	if (*p == '.') {
		frac = ++p;
		while (is_digit(*p))
			p++;
		fraclen = (size_t)(p - frac);
		if (fraclen == 0)
			return MONEY_ERR_SYNTAX;
	}
	if (*p != '\0')
		return MONEY_ERR_SYNTAX;

	cur = currency_find(currency);
	if (cur == NULL)
		return MONEY_ERR_CURRENCY;
	/* Decimals past the exponent may only be zeros: never round. */
	for (i = (size_t)cur->exponent; i < fraclen; i++)
		if (frac[i] != '0')
			return MONEY_ERR_PRECISION;

	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (i = 0; i < intlen + (size_t)cur->exponent; i++) {
		unsigned d;

		if (i < intlen)
			d = (unsigned)(intp[i] - '0');
		else if (i - intlen < fraclen)
			d = (unsigned)(frac[i - intlen] - '0');
		else
			d = 0;
		if (__builtin_mul_overflow(mag, 10, &mag) || __builtin_add_overflow(mag, d, &mag) ||
		    mag > limit)
			return MONEY_ERR_OVERFLOW;
	}
	/* 0 - mag in unsigned, then to int64: well defined for INT64_MIN's magnitude. */
	*minor = neg ? (int64_t)(0 - mag) : (int64_t)mag;
	return MONEY_OK;
}

enum money_err
money_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return MONEY_ERR_OVERFLOW;
	*out = r;
	return MONEY_OK;
}

enum money_err
money_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_sub_overflow(a, b, &r))
		return MONEY_ERR_OVERFLOW;
	*out = r;
	return MONEY_OK;
}

enum money_err
money_mul(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_mul_overflow(a, b, &r))
		return MONEY_ERR_OVERFLOW;
	*out = r;
	return MONEY_OK;
}

static int
ascii_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

int
money_format(char *buf, size_t n, int64_t minor, const char *currency, int flags)
{
	const struct currency *cur = currency_find(currency);
	const struct lconv *lc;
	struct strbuf sb;
	struct numfmt f;
	const char *sym;
	uint64_t mag;
	int neg = minor < 0, precedes, space;
	char cs, sep;

	strbuf_init(&sb, buf, n);
	if (cur == NULL) {
		sb.overflow = 1;
		goto out;
	}
	mag = neg ? 0 - (uint64_t)minor : (uint64_t)minor;
	if (neg)
		strbuf_addc(&sb, '-');
	if (flags & MONEY_FMT_PLAIN) {
		numfmt_append(&sb, mag, cur->exponent, &numfmt_plain);
		goto out;
	}

	lc = localeconv();
	cs = neg ? lc->n_cs_precedes : lc->p_cs_precedes;
	sep = neg ? lc->n_sep_by_space : lc->p_sep_by_space;
	precedes = cs == CHAR_MAX ? 1 : cs != 0;
	space = sep == CHAR_MAX ? 0 : sep != 0;
	sym = (flags & MONEY_FMT_ASCII) ? cur->ascii_symbol : cur->symbol;
	/* A symbol that is letters ("CHF", "EUR") would run into the digits. */
	if (precedes && ascii_alpha(sym[strlen(sym) - 1]))
		space = 1;
	if (!precedes && ascii_alpha(sym[0]))
		space = 1;

	numfmt_monetary(&f);
	if (precedes) {
		strbuf_add(&sb, sym);
		if (space)
			strbuf_addc(&sb, ' ');
	}
	numfmt_append(&sb, mag, cur->exponent, &f);
	if (!precedes) {
		if (space)
			strbuf_addc(&sb, ' ');
		strbuf_add(&sb, sym);
	}
out:
	return strbuf_finish(&sb);
}
