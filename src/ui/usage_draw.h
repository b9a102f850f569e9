/* usage_draw.h: the Usage tab's drawing, one function per drill level (internal to the tab). */
#ifndef BILLTOP_USAGE_DRAW_H
#define BILLTOP_USAGE_DRAW_H

#include "ui/columns.h"
#include "ui/view_usage.h"

/* "This period: 44,000 of 400,000 credits used" and the projection; rows used. */
int usage_draw_period(const struct usage_model *m, struct canvas *c, int x, int y, int w, int rows, int wrap);
/* A table of m's lines in `rows` rows (header, body, total); rows used.
 * *body_rows gets the rows the body had (for paging). */
int usage_draw_table(const struct usage_model *m, struct canvas *c, int x, int y, int w, int rows,
                     int show_zero, struct list_pos *pos, int pointer, int *body_rows);

void usage_draw_range(struct usage_state *s, struct canvas *c, const struct layout *l);
void usage_draw_day(struct usage_state *s, struct canvas *c, const struct layout *l);
void usage_draw_runs(struct usage_state *s, struct canvas *c, const struct layout *l);
/* A run's status as the runs table shows it (translated). */
const char *run_status_label(enum run_status st);

#endif
