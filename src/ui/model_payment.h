/* model_payment.h: the Payment tab's view model, separate from its drawing.
 *
 * The methods on file with their expiry state, the default one, and one page
 * of the charge history with, per charge, the method's label and the number
 * of the invoice it paid.  The pure parts take plain values.
 */
#ifndef BILLTOP_MODEL_PAYMENT_H
#define BILLTOP_MODEL_PAYMENT_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"

struct cache;

/* Cards expiring within this many days are warned about. */
#define EXPIRY_WARN_DAYS 60
#define CHARGES_PAGE_DEFAULT 20

enum pm_expiry {
	PMX_NONE,      /* a bank account: no expiry */
	PMX_OK,
	PMX_SOON,      /* expires within EXPIRY_WARN_DAYS */
	PMX_EXPIRED
};

/* A card is good through the last second of its expiry month (UTC).
 * *days_left (may be NULL) gets the whole days left, 0 when expired. */
enum pm_expiry pm_expiry_at(const struct payment_method *pm, int64_t now, int *days_left);
/* "Visa", "Mastercard", "American Express", ...; an unknown brand as sent. */
const char *card_brand_label(const char *brand);
/* "Visa ending 4242" / "Chase Bank ending 6789" (translated).  0 or -1. */
int pm_label(const struct payment_method *pm, char *buf, size_t n);
/* "08/2027" for cards, "" for bank accounts.  0 or -1. */
int pm_expiry_label(const struct payment_method *pm, char *buf, size_t n);
/* Translated: "pending", "succeeded", "failed", "refunded". */
const char *charge_status_label(enum charge_status s);

struct payment_model {
	int64_t now;
	int nmethods;
	struct payment_method *methods;   /* owned; default first, then newest */
	enum pm_expiry *expiry;           /* owned; per method */
	int *days_left;                   /* owned; per method */
	int default_index;                /* -1 when there is no default */
	/* One page of the charges, newest first. */
	int charges_offset, charges_limit, charges_total;
	int ncharges;
	struct charge *charges;           /* owned */
	char (*charge_method)[M_NAME];    /* owned; per charge: pm_label or the id */
	char (*charge_invoice)[M_NAME];   /* owned; per charge: invoice number, or "" */
};

void payment_model_init(struct payment_model *m);
/* Fills expiry, days_left and default_index from methods. */
int payment_model_derive(struct payment_model *m);
/* The method with this id, or NULL. */
const struct payment_method *payment_model_method(const struct payment_model *m, const char *id);

/* Loads the methods and the charge page at offset (model_payment_load.c). */
int payment_model_load(struct cache *c, int64_t now, int offset, int limit, struct payment_model *m,
                       char *err, size_t errsz);
/* Reloads the charges page only. */
int payment_model_load_charges(struct cache *c, struct payment_model *m, int offset, int limit,
                               char *err, size_t errsz);
/* Frees the charge page only (before loading another). */
void payment_model_free_charges(struct payment_model *m);
void payment_model_free(struct payment_model *m);

#endif
