/* labels.h: model values as short translated text for the screen, shared by
 * every tab and `billtop print` (text).  ASCII-only output when !utf8. */
#ifndef BILLTOP_LABELS_H
#define BILLTOP_LABELS_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"

/* "$500.00 per month", "no charge", "contact sales". */
void plan_price_label(const struct plan *p, int utf8, char *buf, size_t n);
/* "$500.00/month", "no charge", "contact sales": for narrow columns. */
void plan_price_short(const struct plan *p, int utf8, char *buf, size_t n);
/* "Active", "Trial", "Past due", "Canceled" (translated). */
const char *account_status_label(enum account_status s);
/* "Visa **** 4242, expires 08/2027" / "Bank account at X **** 6789". */
void payment_method_label(const struct payment_method *m, int utf8, char *buf, size_t n);
/* Money for the screen ("$1,234.50", ASCII symbol when !utf8); "?" if unknown. */
void money_label(int64_t minor, const char *currency, int utf8, char *buf, size_t n);
/* Credits grouped ("400,000"). */
void credits_label(int64_t credits, char *buf, size_t n);
/* A date for the screen, or "-" for M_NONE. */
void date_label(int64_t t, char *buf, size_t n);


#endif
