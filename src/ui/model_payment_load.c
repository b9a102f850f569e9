/* model_payment_load.c: the Payment model from the cache. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/i18n.h"
#include "core/util.h"
#include "ui/model_payment.h"

int
payment_model_load_charges(struct cache *c, struct payment_model *m, int offset, int limit,
                           char *err, size_t errsz)
{
	int i;

	payment_model_free_charges(m);
	if (offset < 0)
		offset = 0;
	m->charges_offset = offset;
	m->charges_limit = limit > 0 ? limit : CHARGES_PAGE_DEFAULT;
	if (cache_charges(c, offset, m->charges_limit, &m->charges, &m->ncharges, &m->charges_total) < 0)
		goto fail;
	if (m->ncharges == 0)
		return 0;
	m->charge_method = calloc((size_t)m->ncharges, sizeof *m->charge_method);
	m->charge_invoice = calloc((size_t)m->ncharges, sizeof *m->charge_invoice);
	if (m->charge_method == NULL || m->charge_invoice == NULL) {
		snprintf(err, errsz, "%s", _("out of memory"));
		return -1;
	}
	for (i = 0; i < m->ncharges; i++) {
		const struct charge *ch = &m->charges[i];
		const struct payment_method *pm = payment_model_method(m, ch->payment_method_id);

		/* A method removed since still shows by its id. */
		if (pm == NULL || pm_label(pm, m->charge_method[i], sizeof m->charge_method[i]) != 0)
			str_copy(m->charge_method[i], sizeof m->charge_method[i], ch->payment_method_id);
		if (ch->invoice_id[0] == '\0')
			continue;
		/* An invoice not in the cache shows by its id. */
		str_copy(m->charge_invoice[i], sizeof m->charge_invoice[i],
		         ch->invoice_number[0] != '\0' ? ch->invoice_number : ch->invoice_id);
	}
	return 0;
fail:
	snprintf(err, errsz, "%s", cache_error(c));
	return -1;
}

int
payment_model_load(struct cache *c, int64_t now, int offset, int limit, struct payment_model *m,
                   char *err, size_t errsz)
{
	payment_model_free(m);
	m->now = now;
	if (cache_payment_methods(c, &m->methods, &m->nmethods) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		return -1;
	}
	if (payment_model_derive(m) < 0) {
		snprintf(err, errsz, "%s", _("out of memory"));
		return -1;
	}
	return payment_model_load_charges(c, m, offset, limit, err, errsz);
}
