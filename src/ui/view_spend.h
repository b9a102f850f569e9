/* view_spend.h: the Overview and Usage tabs for a spend source (openai,
 * anthropic): the figures of client/spend_figures.h (the same as `billtop
 * print`), the daily cost chart (ui/chart.h) and the cost and token tables. */
#ifndef BILLTOP_VIEW_SPEND_H
#define BILLTOP_VIEW_SPEND_H

#include <stddef.h>

#include "client/spend_figures.h"
#include "ui/canvas.h"
#include "ui/view.h"

struct app;

struct spend_table {
	struct spend_row *rows;
	int64_t *minor;           /* rows in minor units, summing to total */
	int n;
	int64_t total;
};

struct spend_view {
	struct spend_figures f;
	struct spend_line lines[SPEND_ROWS];
	int nlines;
	char banner[512];
	struct spend_table items, groups;
	char item_title[64], group_title[64];
	int64_t *day_minor;       /* the month's days, cost per day (chart) */
	char (*day_labels)[16];
	const char **day_label_ptrs;
	int ndays;
	struct spend_row *tokens;
	int ntokens;
	struct spend_row *key_tokens;  /* by API key: key id, kind (cache_spend_key_tokens) */
	int nkey_tokens;
	struct spend_row *key_names;   /* the API keys' names */
	int nkey_names;
	struct spend_row *daily;  /* the month's rows by item and day (the drill-down) */
	int ndaily;
	int sel;                  /* the selected day (index), or -1 */
};

/* 1 when the app reads a spend source. */
int spend_view_active(const struct app *app);
/* Loads *sv (allocated, or reused); 0, or -1 with err. */
int spend_view_load(struct app *app, struct spend_view **sv, char *err, size_t errsz);
void spend_view_free(struct spend_view *sv);
void spend_view_draw_overview(const struct spend_view *sv, struct canvas *c, const struct layout *l);
/* Usage keys: left/right (h/l) select a day, Esc clears; VIEW_HANDLED or VIEW_IGNORED. */
int spend_view_key(struct spend_view *sv, int key);
void spend_view_draw_usage(const struct spend_view *sv, struct canvas *c, const struct layout *l);

#endif
