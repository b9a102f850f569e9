/* offered.h: what the source offers, as the dashboard and `billtop print`
 * show it (client/source.h).
 *
 * A tab whose resources (view_ops.caps) the source does not offer is
 * replaced by one screen: the sentence of source_not_offered() ("OpenAI's
 * API has no invoices: see them at URL") with the URL on a line of its own,
 * an OSC 8 link unless the canvas is ASCII.  `billtop print TAB` writes the
 * same sentence on stderr and exits EXIT_NOT_OFFERED.  Keys of actions the
 * source cannot do are left out of the `?` overlay and of the key bars.
 */
#ifndef BILLTOP_OFFERED_H
#define BILLTOP_OFFERED_H

#include <stddef.h>

#include "client/source.h"
#include "ui/canvas.h"
#include "ui/glyphs.h"
#include "ui/view.h"

/* The resources of tab ops that src lacks (SRC_CAP_* bits), or 0 when src
 * offers at least one of them (or the tab needs none). */
unsigned offered_missing(const struct source_ops *src, const struct view_ops *ops);

/* The sentence for that tab into buf (source_not_offered()); "" when the
 * tab is offered.  Returns 1 when it is not offered, else 0. */
int offered_text(const struct source_ops *src, const struct view_ops *ops, char *buf, size_t n);

/* `billtop print`: EXIT_OK when the tab is offered; else EXIT_NOT_OFFERED
 * with the sentence in buf. */
int offered_print_exit(const struct source_ops *src, const struct view_ops *ops, char *buf,
                       size_t n);

/* Draws the not-offered screen of tab ops into c within x, y, w, h. */
void offered_draw(const struct source_ops *src, const struct view_ops *ops, struct canvas *c,
                  int x, int y, int w, int h);

/* 1 when the `?` overlay shows k for a source that can do `actions`. */
int keyhelp_shown(const struct keyhelp *k, unsigned actions);

/* A key bar: the hints of a tab's foot line, each with the action it runs
 * (SA_NONE: always).  whole is the same line as one message (what is shown,
 * translated, when every action is offered); items end with { NULL, 0 }. */
struct keybar_item {
	const char *hint;   /* untranslated: N_("p: buy credits") */
	int action;         /* enum source_action_kind */
};
struct keybar {
	const char *whole;  /* N_("p: buy credits   f: ledger kind") */
	const struct keybar_item *items;
};
/* The line for a source that can do `actions`, through glyphs_hint() (so
 * "up/down" becomes arrows where the glyphs have them).  Returns buf. */
const char *keybar_text(const struct glyphs *g, const struct keybar *kb, unsigned actions,
                        char *buf, size_t n);

#endif
