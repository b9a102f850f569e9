/* placeholder.h: the "This tab is coming" screen of a tab not built yet. */
#ifndef BILLTOP_PLACEHOLDER_H
#define BILLTOP_PLACEHOLDER_H

#include "ui/view.h"

/* Draws the tab's name, a line saying it is coming, what it will show
 * (untranslated, shown through _()) and its keys. */
void placeholder_draw(struct canvas *c, const struct layout *l, const char *name,
                      const char *what, const struct keyhelp *keys);

#endif
