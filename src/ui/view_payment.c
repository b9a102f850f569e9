/* view_payment.c: the Payment tab.  A placeholder until its issue lands: it says the
 * tab is coming and lists the keys it will have. */
#include <config.h>

#include "core/i18n.h"
#include "ui/placeholder.h"
#include "ui/view.h"

static const struct keyhelp keys[] = {
	{ N_("j/k"), N_("select a payment method") },
	{ N_("Enter"), N_("make it the default") },
	{ N_("a"), N_("add a payment method (hosted page)") },
	{ NULL, NULL }
};

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	(void)v;
	placeholder_draw(c, l, N_("Payment"),
	                 N_("The cards and bank accounts on file, the default one, adding a method on the hosted page, and every charge."),
	                 keys);
}

const struct view_ops view_payment_ops = {
	.name = N_("Payment"),
	.id = "payment",
	.load = NULL,
	.draw = draw,
	.key = NULL,
	.keys = keys,
	.free = NULL,
};
