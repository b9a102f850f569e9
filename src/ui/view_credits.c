/* view_credits.c: the Credits tab.  A placeholder until its issue lands: it says the
 * tab is coming and lists the keys it will have. */
#include <config.h>

#include "core/i18n.h"
#include "ui/placeholder.h"
#include "ui/view.h"

static const struct keyhelp keys[] = {
	{ N_("j/k"), N_("move in the grants and the ledger") },
	{ N_("f"), N_("filter the ledger by kind") },
	{ N_("b"), N_("buy credits") },
	{ NULL, NULL }
};

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	(void)v;
	placeholder_draw(c, l, N_("Credits"),
	                 N_("Your balance, every credit grant with its expiry, the ledger of every change, when the credits run out at the current burn rate, and buying more."),
	                 keys);
}

const struct view_ops view_credits_ops = {
	.name = N_("Credits"),
	.id = "credits",
	.load = NULL,
	.draw = draw,
	.key = NULL,
	.keys = keys,
	.free = NULL,
};
