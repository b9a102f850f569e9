/* view_credits.h: the Credits tab's state (ledger filter and page, grant
 * list, purchase dialog) and its drawing, shared by the dashboard and
 * `billtop print credits`.
 *
 * credits_state_load reads the cache; only a new ledger page or filter reads
 * it again (credits_state_ledger_*); credits_draw only draws.
 */
#ifndef BILLTOP_VIEW_CREDITS_H
#define BILLTOP_VIEW_CREDITS_H

#include <stddef.h>
#include <stdint.h>

#include "client/cache.h"
#include "ui/canvas.h"
#include "ui/dialog_purchase.h"
#include "ui/model_credits.h"
#include "ui/view.h"
#include "ui/widgets.h"

struct credits_state {
	struct credits_model m;
	int loaded;
	int headless;            /* billtop print: a page; every grant, no pointer */
	unsigned actions_off;    /* SRC_ACT bits the source cannot do: their keys are not shown */
	int all_grants;          /* show expired and used-up grants too (a page) */
	int past_rows;           /* past grants on screen at the last draw (page size) */
	int past_offset;         /* the first past grant shown (kept across reloads) */
	int ledger_rows;         /* ledger rows on screen at the last draw (page size) */
	struct list_pos ledger;  /* over the whole filtered ledger (n = total) */
	int ledger_limit_print;  /* billtop print: entries to show (0: all) */
	int print_page;          /* billtop print text: only the grants a page lists are read */
	int has_method;          /* a default payment method is on file */
	struct payment_method method;
	struct purchase_dialog dlg;
	char err[512];
};

void credits_state_init(struct credits_state *s);
void credits_state_free(struct credits_state *s);
/* Everything, keeping the filter, the ledger position and the dialog. */
int credits_state_load(struct credits_state *s, struct cache *c, int64_t now);
/* The next ledger kind in the cycle (back to the first page). */
int credits_state_next_kind(struct credits_state *s, struct cache *c);
/* Makes sure the loaded ledger page holds the selected entry. */
int credits_state_sync_page(struct credits_state *s, struct cache *c);
/* a: shows (reading their first page) or hides the past grants. */
int credits_state_toggle_past(struct credits_state *s, struct cache *c);
/* ] and [: the next (dir 1) or previous (-1) page of past grants. */
int credits_state_page_past(struct credits_state *s, struct cache *c, int dir);

/* The default payment method as "Visa ending in 4242", or "" when none. */
void credits_state_method_label(const struct credits_state *s, char *buf, size_t n);

void credits_draw(struct credits_state *s, struct canvas *c, const struct layout *l);

#endif
