/* views.c: the tabs, in the order of the tab bar and the 1-6 keys.
 * Adding a tab: one line here, one view_NAME.c with its ops (see README). */
#include <config.h>

#include <string.h>

#include "ui/view.h"

const struct view_ops *const view_table[] = {
	&view_overview_ops,
	&view_credits_ops,
	&view_usage_ops,
	&view_invoices_ops,
	&view_payment_ops,
	&view_plans_ops,
};

const int view_count = (int)(sizeof view_table / sizeof view_table[0]);

void
view_layout(struct layout *l, int x, int y, int w, int h)
{
	l->x = x + VIEW_MARGIN;
	l->y = y;
	l->w = w - 2 * VIEW_MARGIN;
	l->h = h;
	l->compact = 0;
	l->now = 0;
}

int
view_find(const char *id)
{
	int i;

	for (i = 0; i < view_count; i++)
		if (strcmp(view_table[i]->id, id) == 0)
			return i;
	return -1;
}
