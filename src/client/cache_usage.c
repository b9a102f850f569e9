/* cache_usage.c: the Usage charts' queries.  They read only the daily rollup
 * tables (usage_by_meter, usage_by_agent, usage_by_item), whose primary keys
 * start with the day, so a redraw never scans the raw per-agent rows. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "client/cache_priv.h"
#include "core/i18n.h"
#include "core/timeutil.h"

#define MAX_DAYS 36600   /* a century: a range past that is a caller's mistake */

static const char daily_meter[] =
	"SELECT day, meter_id, raw, billed_raw, credits FROM usage_by_meter"
	" WHERE day BETWEEN ?1 AND ?2 ORDER BY day, meter_id";
static const char daily_agent[] =
	"SELECT day, agent_id, raw, billed_raw, credits FROM usage_by_agent"
	" WHERE day BETWEEN ?1 AND ?2 ORDER BY day, agent_id";
static const char daily_item[] =
	"SELECT day, item, raw, billed_raw, credits FROM usage_by_item"
	" WHERE day BETWEEN ?1 AND ?2 ORDER BY day, item";
static const char totals_meter[] =
	"SELECT '', meter_id, sum(raw), sum(billed_raw), sum(credits) FROM usage_by_meter"
	" WHERE day BETWEEN ?1 AND ?2 GROUP BY meter_id ORDER BY sum(credits) DESC, meter_id";
static const char totals_agent[] =
	"SELECT '', agent_id, sum(raw), sum(billed_raw), sum(credits) FROM usage_by_agent"
	" WHERE day BETWEEN ?1 AND ?2 GROUP BY agent_id ORDER BY sum(credits) DESC, agent_id";
static const char totals_item[] =
	"SELECT '', item, sum(raw), sum(billed_raw), sum(credits) FROM usage_by_item"
	" WHERE day BETWEEN ?1 AND ?2 GROUP BY item ORDER BY sum(credits) DESC, item";

static int
rows(struct cache *c, const char *sql, const char *from_day, const char *to_day,
     struct usage_row **out, int *n)
{
	sqlite3_stmt *st = cache_stmt(c, sql);
	struct usage_row *a = NULL, *p;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	bind_str(st, 1, from_day, 0);
	bind_str(st, 2, to_day, 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			p = realloc(a, (size_t)cap * sizeof *a);
			if (!p) {
				cache_failf(c, _("out of memory"));
				goto fail;
			}
			a = p;
		}
		p = &a[(*n)++];
		col_str(st, 0, p->day, sizeof p->day);
		col_str(st, 1, p->key, sizeof p->key);
		p->raw = col_i64(st, 2);
		p->billed_raw = col_i64(st, 3);
		p->credits = col_i64(st, 4);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the usage"));
		goto fail;
	}
	sqlite3_reset(st);
	*out = a;
	return 0;
fail:
	sqlite3_reset(st);
	free(a);
	*n = 0;
	return -1;
}

int
cache_usage_daily(struct cache *c, enum usage_by by, const char *from_day,
                  const char *to_day, struct usage_row **out, int *n)
{
	const char *sql = by == BY_METER ? daily_meter : by == BY_AGENT ? daily_agent : daily_item;

	return rows(c, sql, from_day, to_day, out, n);
}

int
cache_usage_totals(struct cache *c, enum usage_by by, const char *from_day,
                   const char *to_day, struct usage_row **out, int *n)
{
	const char *sql = by == BY_METER ? totals_meter : by == BY_AGENT ? totals_agent
	                                                                 : totals_item;

	return rows(c, sql, from_day, to_day, out, n);
}

int
cache_usage_credits_per_day(struct cache *c, const char *from_day, const char *to_day,
                            int64_t **out, int *n)
{
	static const char sql[] =
		"SELECT day, sum(credits) FROM usage_by_meter WHERE day BETWEEN ?1 AND ?2"
		" GROUP BY day ORDER BY day";
	sqlite3_stmt *st;
	int64_t from, to, t, *a;
	char day[M_DAY];
	int64_t days;
	int rc;

	*out = NULL;
	*n = 0;
	if (time_parse_day(from_day, &from) < 0 || time_parse_day(to_day, &to) < 0)
		return cache_failf(c, _("not a YYYY-MM-DD day range: %s to %s"), from_day, to_day);
	if (to < from)
		return 0;
	days = (to - from) / 86400 + 1;
	if (days > MAX_DAYS)
		return cache_failf(c, _("a day range of more than %d days"), MAX_DAYS);
	a = calloc((size_t)days, sizeof *a);
	if (!a)
		return cache_failf(c, _("out of memory"));
	st = cache_stmt(c, sql);
	if (!st) {
		free(a);
		return -1;
	}
	bind_str(st, 1, from_day, 0);
	bind_str(st, 2, to_day, 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		col_str(st, 0, day, sizeof day);
		if (time_parse_day(day, &t) == 0 && t >= from && t <= to)
			a[(t - from) / 86400] = col_i64(st, 1);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the usage"));
		sqlite3_reset(st);
		free(a);
		return -1;
	}
	sqlite3_reset(st);
	*out = a;
	*n = (int)days;
	return 0;
}
