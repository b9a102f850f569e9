/* offered.c: the not-offered screen and sentence, and key hints filtered by
 * the source's actions. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/util.h"
#include "ui/hyperlink.h"
#include "ui/offered.h"
#include "ui/theme.h"
#include "ui/widgets.h"

unsigned
offered_missing(const struct source_ops *src, const struct view_ops *ops)
{
	if (!src || !ops || ops->caps == 0 || (src->caps & ops->caps) != 0)
		return 0;
	return ops->caps & ~src->caps;
}

int
offered_text(const struct source_ops *src, const struct view_ops *ops, char *buf, size_t n)
{
	unsigned missing = offered_missing(src, ops);

	if (n)
		buf[0] = '\0';
	if (!missing)
		return 0;
	source_not_offered(src, missing, buf, n);
	return 1;
}

int
offered_print_exit(const struct source_ops *src, const struct view_ops *ops, char *buf, size_t n)
{
	return offered_text(src, ops, buf, n) ? EXIT_NOT_OFFERED : EXIT_OK;
}

void
offered_draw(const struct source_ops *src, const struct view_ops *ops, struct canvas *c,
             int x, int y, int w, int h)
{
	char text[1024];
	const char *url = src->console_url;
	size_t len, ulen;
	int used;

	if (!offered_text(src, ops, text, sizeof text) || w < 5 || h < 1)
		return;
	x += 2;
	w -= 4;
	if (h > 8) {
		y++;
		h--;
	}
	/* the URL on a line of its own, so it is drawn whole and can be a link */
	len = strlen(text);
	ulen = url ? strlen(url) : 0;
	if (ulen && len > ulen && strcmp(text + len - ulen, url) == 0)
		text[len - ulen] = '\0';
	else
		url = NULL;
	used = draw_wrap(c, x, y, w, h, ST_BOLD, text);
	if (!url || used + 1 >= h)
		return;
	y += used + 1;
	draw_text_fit(c, x, y, w, ST_LINK, url);
	if (c->utf8 && canvas_text_width(c, url) <= w)
		hyperlink_add(x, y, ST_LINK, url, url);
}

int
keyhelp_shown(const struct keyhelp *k, unsigned actions)
{
	return k->action <= SA_NONE || k->action >= SA_COUNT ||
	       (actions & SRC_ACT((enum source_action_kind)k->action)) != 0;
}

static int
item_shown(const struct keybar_item *it, unsigned actions)
{
	return it->action <= SA_NONE || it->action >= SA_COUNT ||
	       (actions & SRC_ACT((enum source_action_kind)it->action)) != 0;
}

const char *
keybar_text(const struct glyphs *g, const struct keybar *kb, unsigned actions, char *buf,
            size_t n)
{
	char one[256];
	size_t k = 0;
	int i, all = 1;

	for (i = 0; kb->items[i].hint; i++)
		if (!item_shown(&kb->items[i], actions))
			all = 0;
	if (all)
		return glyphs_hint(g, kb->whole, buf, n);
	if (n)
		buf[0] = '\0';
	for (i = 0; kb->items[i].hint; i++) {
		if (!item_shown(&kb->items[i], actions))
			continue;
		glyphs_hint(g, kb->items[i].hint, one, sizeof one);
		k = strlen(buf);
		snprintf(buf + k, n > k ? n - k : 0, "%s%s", k ? "   " : "", one);
	}
	return buf;
}
