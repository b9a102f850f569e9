/* view_invoices.h: the Invoices tab's state and drawing, shared by the
 * dashboard and `billtop print invoices`.
 *
 * invoices_state_load reads the cache; invoices_draw only draws the state, so
 * a redraw never touches the cache.  The detail panel sits beside the list
 * from INVOICES_WIDE columns on, below it otherwise.
 */
#ifndef BILLTOP_VIEW_INVOICES_H
#define BILLTOP_VIEW_INVOICES_H

#include <stdint.h>

#include "ui/canvas.h"
#include "ui/model_invoices.h"
#include "ui/view.h"
#include "ui/widgets.h"

struct cache;
struct dl_job;

#define INVOICES_WIDE 110

/* A download's progress as the view shows it. */
struct invoices_dl {
	int active;                  /* a download runs */
	int64_t done, total;         /* bytes; total -1 when unknown */
	char name[256];              /* the file name it will get */
	struct dl_job *job;          /* owned (invoice_dl.c); NULL when none */
};

struct invoices_state {
	struct invoices_model m;
	int loaded;                  /* the first load selects the running draft */
	int headless;                /* `billtop print`: every row, no key hints */
	int print_rows;              /* headless text: only the first print_rows rows are read
	                              * (a page shows no more; 0: every row, for json and csv) */
	char want[M_NAME];           /* the first load selects this id or number ("": the draft) */
	struct list_pos pos;
	int list_rows;               /* rows of the list in the last draw (paging) */
	/* One line under the list: a search result, a saved file, an error. */
	char note[512];
	int note_style;
	int show_link;               /* `o`: the hosted link is shown */
	struct invoices_dl dl;
};

void invoices_state_init(struct invoices_state *s);
/* Loads (or reloads, keeping the selected invoice) for the state's filter.
 * 0, or -1 with err. */
int invoices_state_load(struct cache *c, int64_t now, struct invoices_state *s, char *err, size_t errsz);
/* Selects row (clamped) and loads its detail.  0, or -1 with err. */
int invoices_state_select(struct cache *c, struct invoices_state *s, int row, char *err, size_t errsz);
void invoices_state_free(struct invoices_state *s);

/* Draws the list, the detail and the bottom line into l. */
void invoices_draw(struct invoices_state *s, struct canvas *c, const struct layout *l);
/* Draws one invoice's detail in w x h at x,y; returns the rows used. */
int invoice_detail_draw(struct canvas *c, int x, int y, int w, int h, const struct invoice *inv,
                        int64_t now, int side);

#endif
