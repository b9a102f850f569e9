/* model_payment.c: card expiry, labels and the derived parts of the Payment model. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "ui/model_payment.h"

#define DAY 86400

enum pm_expiry
pm_expiry_at(const struct payment_method *pm, int64_t now, int *days_left)
{
	char first[32];
	int64_t start, end;

	if (days_left != NULL)
		*days_left = 0;
	if (pm->type != PM_CARD)
		return PMX_NONE;
	if (pm->exp_month < 1 || pm->exp_month > 12 || pm->exp_year < 1970 || pm->exp_year > 9999)
		return PMX_EXPIRED;
	snprintf(first, sizeof first, "%04d-%02d-01T00:00:00Z", pm->exp_year, pm->exp_month);
	if (time_parse_rfc3339(first, &start) != 0)
		return PMX_EXPIRED;
	/* Valid through the end of the expiry month. */
	end = time_add_months(start, 1);
	if (now >= end)
		return PMX_EXPIRED;
	if (days_left != NULL)
		*days_left = (int)((end - now) / DAY);
	return end - now <= (int64_t)EXPIRY_WARN_DAYS * DAY ? PMX_SOON : PMX_OK;
}

const char *
card_brand_label(const char *brand)
{
	static const struct {
		const char *id, *label;
	} brands[] = {
		{ "visa", "Visa" }, { "mastercard", "Mastercard" }, { "amex", "American Express" },
		{ "discover", "Discover" }, { "diners", "Diners Club" }, { "jcb", "JCB" },
		{ "unionpay", "UnionPay" }, { "cartes_bancaires", "Cartes Bancaires" },
	};
	size_t i;

	for (i = 0; i < sizeof brands / sizeof brands[0]; i++)
		if (strcmp(brand, brands[i].id) == 0)
			return brands[i].label;
	return brand[0] != '\0' ? brand : _("Card");
}

int
pm_label(const struct payment_method *pm, char *buf, size_t n)
{
	const char *name = pm->type == PM_CARD ? card_brand_label(pm->brand)
	                   : pm->bank_name[0] != '\0' ? pm->bank_name : _("Bank account");
	/* TRANSLATORS: a payment method: "Visa ending 4242", "Chase ending 6789". */
	int r = snprintf(buf, n, _("%s ending %s"), name, pm->last4);

	return r < 0 || (size_t)r >= n ? -1 : 0;
}

int
pm_expiry_label(const struct payment_method *pm, char *buf, size_t n)
{
	int r;

	if (pm->type != PM_CARD)
		r = snprintf(buf, n, "%s", "");
	else
		r = snprintf(buf, n, "%02d/%04d", pm->exp_month, pm->exp_year);
	return r < 0 || (size_t)r >= n ? -1 : 0;
}

const char *
charge_status_label(enum charge_status s)
{
	switch (s) {
	case CHARGE_PENDING: return _("pending");
	case CHARGE_SUCCEEDED: return _("succeeded");
	case CHARGE_FAILED: return _("failed");
	case CHARGE_REFUNDED: return _("refunded");
	}
	return "?";
}

void
payment_model_init(struct payment_model *m)
{
	memset(m, 0, sizeof *m);
	m->default_index = -1;
	m->charges_limit = CHARGES_PAGE_DEFAULT;
}

int
payment_model_derive(struct payment_model *m)
{
	int i;

	free(m->expiry);
	free(m->days_left);
	m->expiry = NULL;
	m->days_left = NULL;
	m->default_index = -1;
	if (m->nmethods == 0)
		return 0;
	m->expiry = calloc((size_t)m->nmethods, sizeof *m->expiry);
	m->days_left = calloc((size_t)m->nmethods, sizeof *m->days_left);
	if (m->expiry == NULL || m->days_left == NULL)
		return -1;
	for (i = 0; i < m->nmethods; i++) {
		m->expiry[i] = pm_expiry_at(&m->methods[i], m->now, &m->days_left[i]);
		if (m->methods[i].is_default && m->default_index < 0)
			m->default_index = i;
	}
	return 0;
}

const struct payment_method *
payment_model_method(const struct payment_model *m, const char *id)
{
	int i;

	for (i = 0; i < m->nmethods; i++)
		if (strcmp(m->methods[i].id, id) == 0)
			return &m->methods[i];
	return NULL;
}

static void
free_charges(struct payment_model *m)
{
	free(m->charges);
	free(m->charge_method);
	free(m->charge_invoice);
	m->charges = NULL;
	m->charge_method = NULL;
	m->charge_invoice = NULL;
	m->ncharges = 0;
}

void
payment_model_free(struct payment_model *m)
{
	free(m->methods);
	free(m->expiry);
	free(m->days_left);
	free_charges(m);
	payment_model_init(m);
}

void
payment_model_free_charges(struct payment_model *m)
{
	free_charges(m);
}
