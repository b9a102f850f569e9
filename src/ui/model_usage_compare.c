/* model_usage_compare.c: this period so far against the same days of the
 * previous one (issue 17, item 4).
 *
 * The one computation behind the Overview's "vs last period", the Usage
 * table's columns and `print usage`'s `compare`: day 1..k of this period
 * and day 1..k of the previous one, k the days of this period so far (today
 * included).  The rule is in docs/figures.md.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/model_usage.h"

static struct usage_line *
line_for(struct usage_model *m, const char *key)
{
	int i;

	for (i = 0; i < m->nlines; i++)
		if (strcmp(m->lines[i].key, key) == 0)
			return &m->lines[i];
	return NULL;
}

/* Adds the span's totals per key into the lines (prev: prev_credits). */
static int
add_span(struct cache *c, struct usage_model *m, int64_t from, int64_t to, int prev, int64_t *total, char *err,
         size_t errsz)
{
	struct usage_row *rows = NULL;
	char from_s[M_DAY], to_s[M_DAY];
	struct usage_line *l;
	int n = 0, i;

	if (time_format_day(from, from_s, sizeof from_s) < 0 || time_format_day(to, to_s, sizeof to_s) < 0) {
		snprintf(err, errsz, "%s", _("the date range is out of bounds"));
		return -1;
	}
	if (cache_usage_totals(c, m->by, from_s, to_s, &rows, &n) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		return -1;
	}
	*total = 0;
	for (i = 0; i < n; i++) {
		*total = usage_sum(*total, rows[i].credits);
		if ((l = line_for(m, rows[i].key)) == NULL)
			continue;
		if (prev)
			l->prev_credits = usage_sum(l->prev_credits, rows[i].credits);
		else
			l->period_credits = usage_sum(l->period_credits, rows[i].credits);
	}
	free(rows);
	return 0;
}

int
usage_compare_load(struct cache *c, const struct account *acct, int64_t now, struct usage_compare *cmp, char *err,
                   size_t errsz)
{
	struct usage_model m;

	memset(&m, 0, sizeof m);
	m.by = BY_ITEM;   /* no lines: only the totals */
	if (usage_compare_spans(now, acct->period_start, acct->period_end, cmp) < 0)
		return 0;   /* no period: nothing to compare (cmp->ok 0) */
	/* An account younger than the previous period has nothing to compare with. */
	if (acct->created_at != M_NONE && acct->created_at >= cmp->prev_from + DAY_SECS) {
		memset(cmp, 0, sizeof *cmp);
		return 0;
	}
	if (add_span(c, &m, cmp->from, cmp->to, 0, &cmp->credits, err, errsz) < 0 ||
	    add_span(c, &m, cmp->prev_from, cmp->prev_to, 1, &cmp->prev_credits, err, errsz) < 0) {
		cmp->ok = 0;
		return -1;
	}
	return 0;
}

int
usage_model_compare(struct cache *c, const struct usage_source *src, struct usage_model *m, char *err,
                    size_t errsz)
{
	int64_t sum;
	int i;

	for (i = 0; i < m->nlines; i++)
		m->lines[i].period_credits = m->lines[i].prev_credits = M_NONE;
	if (usage_compare_load(c, &src->ctx.acct, src->ctx.now, &m->cmp, err, errsz) < 0)
		return -1;
	if (!m->cmp.ok)
		return 0;
	for (i = 0; i < m->nlines; i++)
		m->lines[i].period_credits = m->lines[i].prev_credits = 0;
	/* The rows per breakdown; the totals are usage_compare_load's (the Overview's). */
	if (add_span(c, m, m->cmp.from, m->cmp.to, 0, &sum, err, errsz) < 0 ||
	    add_span(c, m, m->cmp.prev_from, m->cmp.prev_to, 1, &sum, err, errsz) < 0) {
		m->cmp.ok = 0;
		return -1;
	}
	return 0;
}
