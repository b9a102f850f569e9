/* figures.h: credits, money and dates as the Usage and Credits tabs show them. */
#ifndef BILLTOP_FIGURES_H
#define BILLTOP_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "ui/canvas.h"

/* "12,345" per the locale; "?" if it cannot be formatted. */
const char *fig_credits(char *buf, size_t n, int64_t credits);
/* "$1,234.50" in the account's currency, ASCII symbols on an ASCII canvas;
 * M_NONE gives `none` (translated by the caller). */
const char *fig_money(const struct canvas *c, char *buf, size_t n, int64_t minor, const char *currency,
                      const char *none);
/* The local date of an instant ("2026-11-22"); "" for M_NONE. */
const char *fig_date(char *buf, size_t n, int64_t t);

#endif
