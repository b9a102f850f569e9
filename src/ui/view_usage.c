/* view_usage.c: the Usage tab.  A placeholder until its issue lands: it says the
 * tab is coming and lists the keys it will have. */
#include <config.h>

#include "core/i18n.h"
#include "ui/placeholder.h"
#include "ui/view.h"

static const struct keyhelp keys[] = {
	{ N_("left/right"), N_("select a day in the chart") },
	{ N_("R"), N_("change the range (7, 30, 90 days, this or the last period)") },
	{ N_("b"), N_("cycle the breakdown: line item, meter, agent") },
	{ N_("Enter/Esc"), N_("drill down into a day or an agent, and back") },
	{ NULL, NULL }
};

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	(void)v;
	placeholder_draw(c, l, N_("Usage"),
	                 N_("Credits used this period, a daily chart by line item, meter or agent, a table per meter, and drill-down into days, agents and runs."),
	                 keys);
}

const struct view_ops view_usage_ops = {
	.name = N_("Usage"),
	.id = "usage",
	.load = NULL,
	.draw = draw,
	.key = NULL,
	.keys = keys,
	.free = NULL,
};
