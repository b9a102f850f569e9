/* labels.c: short translated text for model values. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/credits.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"
#include "ui/labels.h"

void
money_label(int64_t minor, const char *currency, int utf8, char *buf, size_t n)
{
	if (minor == M_NONE || money_format(buf, n, minor, currency, utf8 ? 0 : MONEY_FMT_ASCII) != 0)
		snprintf(buf, n, "?");
}

void
credits_label(int64_t credits, char *buf, size_t n)
{
	if (credits == M_NONE || credits_format(buf, n, credits) != 0)
		snprintf(buf, n, "?");
}

void
date_label(int64_t t, char *buf, size_t n)
{
	if (t == M_NONE || time_format_date(t, buf, n) != 0)
		snprintf(buf, n, "-");
}

void
plan_price_label(const struct plan *p, int utf8, char *buf, size_t n)
{
	char m[64];

	if (p->contact_sales || p->price == M_NONE) {
		snprintf(buf, n, "%s", _("contact sales"));
		return;
	}
	if (p->price == 0) {
		snprintf(buf, n, "%s", _("no charge"));
		return;
	}
	money_label(p->price, p->currency, utf8, m, sizeof m);
	if (strcmp(p->interval, "year") == 0)
		snprintf(buf, n, _("%s per year"), m);
	else
		snprintf(buf, n, _("%s per month"), m);
}

void
plan_price_short(const struct plan *p, int utf8, char *buf, size_t n)
{
	char m[64];

	if (p->contact_sales || p->price == M_NONE || p->price == 0) {
		plan_price_label(p, utf8, buf, n);
		return;
	}
	money_label(p->price, p->currency, utf8, m, sizeof m);
	if (strcmp(p->interval, "year") == 0)
		snprintf(buf, n, _("%s/year"), m);
	else
		snprintf(buf, n, _("%s/month"), m);
}

const char *
account_status_label(enum account_status s)
{
	switch (s) {
	case ACCT_ACTIVE: return _("Active");
	case ACCT_TRIALING: return _("Trial");
	case ACCT_PAST_DUE: return _("Past due");
	case ACCT_CANCELED: return _("Canceled");
	}
	return "?";
}

/* "visa" -> "Visa"; unknown brands shown as given. */
static void
brand_name(const char *brand, char *buf, size_t n)
{
	static const struct { const char *id, *name; } brands[] = {
		{ "visa", "Visa" }, { "mastercard", "Mastercard" }, { "amex", "American Express" },
		{ "discover", "Discover" }, { "jcb", "JCB" }, { "diners", "Diners Club" },
		{ "unionpay", "UnionPay" }, { NULL, NULL }
	};
	int i;

	for (i = 0; brands[i].id; i++) {
		if (strcmp(brands[i].id, brand) == 0) {
			snprintf(buf, n, "%s", brands[i].name);
			return;
		}
	}
	snprintf(buf, n, "%s", brand[0] ? brand : _("Card"));
}

void
payment_method_label(const struct payment_method *m, int utf8, char *buf, size_t n)
{
	const char *dots = utf8 ? "\u2022\u2022\u2022\u2022" : "****";
	char brand[64];

	if (m->type == PM_CARD) {
		brand_name(m->brand, brand, sizeof brand);
		/* TRANSLATORS: "Visa •••• 4242, expires 12/2026": brand, dots, last four digits, month, year. */
		snprintf(buf, n, _("%s %s %s, expires %02d/%04d"), brand, dots, m->last4,
		         m->exp_month, m->exp_year);
	} else if (m->bank_name[0]) {
		snprintf(buf, n, _("Bank account at %s %s %s"), m->bank_name, dots, m->last4);
	} else {
		snprintf(buf, n, _("Bank account %s %s"), dots, m->last4);
	}
}
