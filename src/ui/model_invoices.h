/* model_invoices.h: the Invoices tab's view model, separate from its drawing.
 *
 * The invoices of one status filter, newest period first, which of them is
 * the running period's draft (selected when the tab opens), and the
 * selected invoice with its lines.  Search and the labels are pure functions
 * on plain values, so the unit tests need no cache.
 */
#ifndef BILLTOP_MODEL_INVOICES_H
#define BILLTOP_MODEL_INVOICES_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"

struct cache;

/* Translated: "draft", "issued", "paid", "past due", "void". */
const char *inv_status_label(enum invoice_status s);
/* Translated filter names: "all" for -1, else the status label. */
const char *invoice_filter_label(int filter);
/* The next filter in the cycle all -> draft -> issued -> paid -> past due -> void -> all. */
int invoice_filter_next(int filter);

/* 1 when inv is a draft whose period contains now: it still changes. */
int invoice_is_running_draft(const struct invoice *inv, int64_t now);

/* The billing period, in UTC (the server's periods): "Oct 2026" for a whole
 * calendar month, "15 Oct-14 Nov" for another span (the last day is
 * end - 1 s), "06 Oct 2026" for a one-off invoice (end <= start).  The
 * month names follow LC_TIME.  0 or -1. */
int invoice_period_label(const struct invoice *inv, char *buf, size_t n);

/* 1 when the query finds inv: a case-insensitive part of its number, or an
 * amount equal to its total, amount due or subtotal ("534.60", "$534.60",
 * "1,234.50"; a whole number "534" finds 534.00 to 534.99). */
int invoice_matches(const struct invoice *inv, const char *query);

struct invoices_model {
	int64_t now;
	int filter;                 /* -1: every status, else enum invoice_status */
	int n;
	struct invoice *inv;        /* owned, newest period first (lines not needed here) */
	int running_draft;          /* index in inv of the running period's draft, or -1 */
	int detail_index;           /* which row detail holds, or -1 */
	struct invoice detail;      /* that invoice with its lines; owned */
};

void invoices_model_init(struct invoices_model *m);
/* The first match of query at or after index from going in direction dir
 * (+1 or -1), wrapping around; -1 when nothing matches. */
int invoices_find(const struct invoices_model *m, const char *query, int from, int dir);
/* How many invoices the query finds. */
int invoices_count_matches(const struct invoices_model *m, const char *query);
/* The row to select when the tab opens: the running draft, else the first. */
int invoices_initial_row(const struct invoices_model *m);

/* Loads the list for filter from the cache (model_invoices_load.c).  0, or -1 with err. */
int invoices_model_load(struct cache *c, int64_t now, int filter, struct invoices_model *m,
                        char *err, size_t errsz);
/* Loads row index's invoice with its lines into m->detail (no-op when it is
 * already there).  0, or -1 with err. */
int invoices_model_load_detail(struct cache *c, struct invoices_model *m, int index,
                               char *err, size_t errsz);
void invoices_model_free(struct invoices_model *m);

#endif
