/* view_invoices.c: the Invoices tab.  A placeholder until its issue lands: it says the
 * tab is coming and lists the keys it will have. */
#include <config.h>

#include "core/i18n.h"
#include "ui/placeholder.h"
#include "ui/view.h"

static const struct keyhelp keys[] = {
	{ N_("j/k"), N_("select an invoice") },
	{ N_("/"), N_("search by number or amount") },
	{ N_("d"), N_("download the PDF") },
	{ N_("o"), N_("show the hosted invoice link") },
	{ NULL, NULL }
};

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	(void)v;
	placeholder_draw(c, l, N_("Invoices"),
	                 N_("Every invoice with its lines, totals and status, the PDF download, and the hosted invoice link."),
	                 keys);
}

const struct view_ops view_invoices_ops = {
	.name = N_("Invoices"),
	.id = "invoices",
	.load = NULL,
	.draw = draw,
	.key = NULL,
	.keys = keys,
	.free = NULL,
};
