/* model_invoices.h: the Invoices tab's view model, separate from its drawing.
 *
 * The invoices of one status filter, the running draft first, then newest
 * issue date first (cache_invoices' order): how many there
 * are, a window of INVOICES_WINDOW rows around the selection (a large
 * account has thousands; `billtop print` loads them all), which of them is
 * the running period's draft (selected when the tab opens), and the
 * selected invoice with its lines.  Search runs in SQL over the whole list
 * (cache_invoice_find); the query it runs and the labels are pure functions
 * on plain values, so the unit tests need no cache for them.
 */
#ifndef BILLTOP_MODEL_INVOICES_H
#define BILLTOP_MODEL_INVOICES_H

#include <stddef.h>
#include <stdint.h>

#include "client/cache.h"
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
/* 1 when inv is unpaid and its due date has passed at now (UTC instants):
 * only then is it past due, whatever a declined charge made its status. */
int invoice_is_overdue(const struct invoice *inv, int64_t now);
/* The one status text every screen and `print` shows for inv at now
 * (translated): "still changing" (the running draft), "PAST DUE" (overdue),
 * "payment failed" (declined, not due yet), else the status label. */
const char *invoice_status_text(const struct invoice *inv, int64_t now);
/* Its style (enum style in ui/theme.h). */
int invoice_status_style(const struct invoice *inv, int64_t now);

/* The billing period, in UTC (the server's periods): "Oct 2026" for a whole
 * calendar month, "15 Oct-14 Nov" for another span (the last day is
 * end - 1 s), "06 Oct 2026" for a one-off invoice (end <= start).  The
 * month names follow LC_TIME.  0 or -1. */
int invoice_period_label(const struct invoice *inv, char *buf, size_t n);

/* The search a query typed after `/` runs (cache_invoice_find): a
 * case-insensitive part of the number, or an amount equal to the total,
 * amount due or subtotal ("534.60", "$534.60", "1,234.50"; a whole number
 * "534" finds 534.00 to 534.99) in each of the currencies given.  Returns 0
 * for an empty query (it finds nothing), else 1. */
int invoice_query_make(const char *query, const char (*currencies)[M_CUR], int ncur, struct invoice_query *q);
/* 1 when q finds inv: what the SQL of cache_invoice_find does, in C. */
int invoice_query_matches(const struct invoice_query *q, const struct invoice *inv);
/* 1 when the query finds inv (a query made for inv's currency). */
int invoice_matches(const struct invoice *inv, const char *query);

/* Rows read around the selection; a screen shows far fewer. */
#define INVOICES_WINDOW 256

struct invoices_model {
	int64_t now;
	int filter;                 /* -1: every status, else enum invoice_status */
	int total;                  /* invoices of the filter in the cache */
	int off, n;                 /* inv holds the list's rows [off, off + n) */
	struct invoice *inv;        /* owned, in the list's order, without lines */
	int running_draft;          /* list index of the running period's draft, or -1 */
	int detail_index;           /* which list index detail holds, or -1 */
	struct invoice detail;      /* that invoice with its lines; owned */
};

void invoices_model_init(struct invoices_model *m);
/* The row at list index i, or NULL when it is outside the window. */
const struct invoice *invoices_row(const struct invoices_model *m, int i);
/* The row to select when the tab opens: the running draft, else the first. */
int invoices_initial_row(const struct invoices_model *m);

/* The model from the cache (model_invoices_load.c); 0, or -1 with err. */
/* Counts the filter's invoices and finds the running draft; all: reads
 * every row too (`billtop print`), else no rows until invoices_model_cover. */
int invoices_model_load(struct cache *c, int64_t now, int filter, int all, struct invoices_model *m,
                        char *err, size_t errsz);
/* Makes sure the rows within margin of list index `row` are read (else
 * reads the window around it). */
int invoices_model_cover(struct cache *c, struct invoices_model *m, int row, int margin,
                         char *err, size_t errsz);
/* Makes the window the list's first count rows (`billtop print`: a page
 * shows no more), unless it already starts there and holds them. */
int invoices_model_read_top(struct cache *c, struct invoices_model *m, int count, char *err, size_t errsz);
/* Loads list index's invoice with its lines into m->detail (no-op when it
 * is already there). */
int invoices_model_load_detail(struct cache *c, struct invoices_model *m, int index,
                               char *err, size_t errsz);
/* Searches the whole filtered list for query from list index `from` in
 * direction dir (+1 older, -1 newer), wrapping: *at is the list index of
 * the match or -1, *count how many the query finds. */
int invoices_model_find(struct cache *c, const struct invoices_model *m, const char *query, int from, int dir,
                        int *at, int *count, char *err, size_t errsz);
void invoices_model_free(struct invoices_model *m);

#endif
