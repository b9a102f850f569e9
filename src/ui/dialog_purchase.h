/* dialog_purchase.h: choosing how many credits to buy.
 *
 * Presets (left/right) or a typed number (digits, Backspace), validated as
 * the server will; the price at the plan's overage rate (credits_price,
 * rounded up like the server).  Enter on a valid amount asks for a
 * confirmation naming amount and price; only then is the request sent (by
 * the view, through app_confirm with a fresh Idempotency-Key).
 */
#ifndef BILLTOP_DIALOG_PURCHASE_H
#define BILLTOP_DIALOG_PURCHASE_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"
#include "ui/canvas.h"

struct purchase_dialog {
	int open;
	int preset;                 /* index into purchase_presets, or -1 while typing */
	char typed[24];             /* the typed amount */
	int64_t per_1000;           /* price of 1,000 credits, minor units */
	int64_t tax_bp;             /* the account's tax rate: quotes include the tax */
	char currency[M_CUR];
	char plan_name[M_NAME];
	char method[M_NAME];        /* "Visa **** 4242" or "" when none is on file */
	char error[256];            /* why the amount cannot be bought, or "" */
};

enum purchase_key {
	PK_NONE,      /* the key changed the dialog (or was swallowed) */
	PK_CANCEL,    /* Esc: close it */
	PK_CONFIRM    /* Enter on a valid amount: *credits set */
};

void purchase_open(struct purchase_dialog *d, int64_t per_1000, int64_t tax_bp, const char *currency,
                   const char *plan_name,
                   const char *method);
/* The amount chosen now: 0 and *credits, or -1 with d->error set. */
int purchase_amount(struct purchase_dialog *d, int64_t *credits);
/* Handles a key while the dialog is open. */
enum purchase_key purchase_key(struct purchase_dialog *d, int key, int64_t *credits);
/* Draws the dialog centred in the rectangle. */
void purchase_draw(const struct purchase_dialog *d, struct canvas *c, int x, int y, int w, int h);
/* "Buy 50,000 credits for $62.50?" and its body, for the confirmation. */
void purchase_confirm_text(const struct purchase_dialog *d, int64_t credits, int utf8, char *title, size_t tn,
                           char *body, size_t bn);

#endif
