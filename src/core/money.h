/* money.h: amounts as integer minor units of an ISO 4217 currency; never floating point. */
#ifndef BILLTOP_MONEY_H
#define BILLTOP_MONEY_H

#include <stddef.h>
#include <stdint.h>

struct currency {
	char code[4];             /* "USD" */
	int exponent;             /* digits after the decimal point: USD 2, JPY 0, KWD 3 */
	const char *symbol;       /* UTF-8: "$", "€", "CHF" */
	const char *ascii_symbol; /* for terminals that are not UTF-8: "$", "EUR" */
};

/* The table entry for an ISO 4217 code (exact, upper case), or NULL if unknown. */
const struct currency *currency_find(const char *code);

enum money_err {
	MONEY_OK = 0,
	MONEY_ERR_SYNTAX,    /* not a plain decimal number */
	MONEY_ERR_PRECISION, /* more decimals than the currency has */
	MONEY_ERR_OVERFLOW,  /* does not fit in 64 bits */
	MONEY_ERR_CURRENCY,  /* unknown currency code */
	MONEY_ERR_RANGE      /* negative (or otherwise invalid) where it is not allowed */
};

/* A translated sentence naming what was wrong. */
const char *money_strerror(enum money_err err);

/*
 * Parses an exact decimal amount into minor units of currency.
 * Grammar: ["-"] DIGIT+ ["." DIGIT+]; no sign '+', no spaces, no grouping.
 * "12." and ".5" are syntax errors (a digit is required on both sides of '.').
 * Decimals beyond the currency's exponent are accepted only when they are zeros
 * ("12.500" USD = 1250); any non-zero digit there is MONEY_ERR_PRECISION (never rounds).
 * *minor is written only on MONEY_OK.
 */
enum money_err money_parse(const char *s, const char *currency, int64_t *minor);

/* Checked arithmetic; *out is written only on MONEY_OK. */
enum money_err money_add(int64_t a, int64_t b, int64_t *out);
enum money_err money_sub(int64_t a, int64_t b, int64_t *out);
enum money_err money_mul(int64_t a, int64_t b, int64_t *out);

/* ASCII currency symbol ("EUR 5.00") for terminals that are not UTF-8. */
#define MONEY_FMT_ASCII 1
/* Machine output (CSV/JSON): no symbol, no grouping, '.' point: "1234.50", "-3.07". */
#define MONEY_FMT_PLAIN 2

/*
 * Formats minor units of currency for the screen: the currency's symbol (the
 * account's currency, not the locale's) with the LC_MONETARY decimal point,
 * thousands separator, grouping and symbol position.  Where the locale leaves a
 * field empty/CHAR_MAX (C/POSIX), the default is '.', ',' every 3 digits, symbol
 * before the number without a space: "$1,234.50", "-$5.00".  A letter symbol is
 * always separated by a space ("CHF 12.50").  The sign always leads.
 * Returns 0, or -1 (buf set to "" when n > 0) if buf is too small or the
 * currency is unknown.  INT64_MIN works.
 */
int money_format(char *buf, size_t n, int64_t minor, const char *currency, int flags);

#endif
