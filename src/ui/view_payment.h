/* view_payment.h: the Payment tab's state and drawing, shared by the
 * dashboard and `billtop print payment`.
 *
 * The methods on file (one selected: Enter or D makes it the default after a
 * confirm dialog), the charge history one page at a time (] older, [ newer),
 * and, after `a`, the vendor's hosted page to add a method: its URL as text
 * and an OSC 8 link, and a QR code for a phone.  billtop never asks for a
 * card number.
 */
#ifndef BILLTOP_VIEW_PAYMENT_H
#define BILLTOP_VIEW_PAYMENT_H

#include <stdint.h>

#include "client/model.h"
#include "ui/canvas.h"
#include "ui/model_payment.h"
#include "ui/view.h"
#include "ui/widgets.h"

struct cache;

struct payment_state {
	struct payment_model m;
	int headless;               /* `billtop print`: everything, no key hints */
	struct list_pos pos;        /* the selected method */
	int charges_offset;         /* the page asked for */
	int charges_limit;
	/* `a`: the hosted setup page the server answered with. */
	int show_setup;
	struct setup_link setup;
	char note[512];
	int note_style;
};

void payment_state_init(struct payment_state *s);
/* Loads the methods and the charge page; keeps the selected method.  0 or -1. */
int payment_state_load(struct cache *c, int64_t now, struct payment_state *s, char *err, size_t errsz);
void payment_state_free(struct payment_state *s);

void payment_draw(struct payment_state *s, struct canvas *c, const struct layout *l);
/* The add-a-method panel: URL, link and QR code within w x h; rows used. */
int payment_setup_draw(const struct setup_link *link, struct canvas *c, int x, int y, int w, int h);

#endif
