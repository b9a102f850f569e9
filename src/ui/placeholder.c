/* placeholder.c: the screen of a tab that is not built yet. */
#include <config.h>

#include "core/i18n.h"
#include "ui/placeholder.h"
#include "ui/widgets.h"

void
placeholder_draw(struct canvas *c, const struct layout *l, const char *name,
                 const char *what, const struct keyhelp *keys)
{
	int y = l->y + 1, x = l->x + 2, w = l->w - 4, k;

	if (w < 4)
		return;
	draw_text_fit(c, x, y++, w, ST_BOLD, _(name));
	y++;
	draw_text_fit(c, x, y++, w, ST_NORMAL, _("This tab is coming."));
	y += draw_wrap(c, x, y, w, l->y + l->h - y, ST_DIM, _(what));
	if (!keys || !keys[0].keys)
		return;
	y++;
	draw_text_fit(c, x, y++, w, ST_NORMAL, _("Its keys:"));
	for (k = 0; keys[k].keys && y < l->y + l->h; k++, y++) {
		draw_text_fit(c, x + 2, y, 12, ST_BOLD, _(keys[k].keys));
		draw_text_fit(c, x + 14, y, w - 14, ST_NORMAL, _(keys[k].what));
	}
}
