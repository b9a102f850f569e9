/* cache_spend.c: a provider source's spend rows (cache_spend.h). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache_priv.h"
#include "client/cache_spend.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"

#define MAX_DAYS 36600

int
cache_spend_org(struct cache *c, struct spend_org *out)
{
	sqlite3_stmt *st = cache_stmt(c, "SELECT source, name, currency, first_day, last_day"
	                                 " FROM spend_org WHERE one = 1");
	int r;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	r = cache_step_one(c, st, _("reading the organisation"));
	if (r == 1) {
		col_str(st, 0, out->source, sizeof out->source);
		col_str(st, 1, out->name, sizeof out->name);
		col_str(st, 2, out->currency, sizeof out->currency);
		col_str(st, 3, out->first_day, sizeof out->first_day);
		col_str(st, 4, out->last_day, sizeof out->last_day);
	}
	sqlite3_reset(st);
	return r;
}

static int
done(struct cache *c, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : cache_fail(c, what);
}

int
cache_spend_put_org(struct cache *c, const struct spend_org *o)
{
	sqlite3_stmt *st = cache_stmt(c, "INSERT OR REPLACE INTO spend_org (one, source, name,"
	                                 " currency, first_day, last_day) VALUES (1, ?1, ?2, ?3, ?4, ?5)");

	if (!st)
		return -1;
	bind_str(st, 1, o->source, 0);
	bind_str(st, 2, o->name, 0);
	bind_str(st, 3, o->currency, 0);
	bind_str(st, 4, o->first_day, 0);
	bind_str(st, 5, o->last_day, 0);
	return done(c, st, _("writing the organisation"));
}

int
cache_spend_clear_from(struct cache *c, const char *from_day)
{
	sqlite3_stmt *st = cache_stmt(c, "DELETE FROM spend_costs WHERE day >= ?1");

	if (!st)
		return -1;
	bind_str(st, 1, from_day, 0);
	if (done(c, st, _("clearing the costs")) < 0)
		return -1;
	st = cache_stmt(c, "DELETE FROM spend_tokens WHERE day >= ?1");
	if (!st)
		return -1;
	bind_str(st, 1, from_day, 0);
	if (done(c, st, _("clearing the token usage")) < 0)
		return -1;
	st = cache_stmt(c, "DELETE FROM spend_key_tokens WHERE day >= ?1");
	if (!st)
		return -1;
	bind_str(st, 1, from_day, 0);
	return done(c, st, _("clearing the token usage"));
}

/* amount += micro on one row, checked. */
static int
add_one(struct cache *c, const char *day, const char *dim, const char *key, const char *name,
        int64_t micro, const char *currency)
{
	sqlite3_stmt *st = cache_stmt(c, "SELECT amount_micro FROM spend_costs WHERE day = ?1"
	                                 " AND dimension = ?2 AND key = ?3 AND currency = ?4");
	int64_t old = 0, sum;
	int r;

	if (!st)
		return -1;
	bind_str(st, 1, day, 0);
	bind_str(st, 2, dim, 0);
	bind_str(st, 3, key, 0);
	bind_str(st, 4, currency, 0);
	r = cache_step_one(c, st, _("reading the costs"));
	if (r == 1)
		old = col_i64(st, 0);
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	if (money_add(old, micro, &sum) != MONEY_OK)
		return cache_failf(c, _("the costs of %s do not fit in 64 bits"), day);
	st = cache_stmt(c, "INSERT OR REPLACE INTO spend_costs (day, dimension, key, name,"
	                   " amount_micro, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return -1;
	bind_str(st, 1, day, 0);
	bind_str(st, 2, dim, 0);
	bind_str(st, 3, key, 0);
	bind_str(st, 4, name, 0);
	sqlite3_bind_int64(st, 5, sum);
	bind_str(st, 6, currency, 0);
	return done(c, st, _("writing the costs"));
}

int
cache_spend_add_cost(struct cache *c, const char *day, const char *dim, const char *key,
                     const char *name, int64_t micro, const char *currency)
{
	return add_one(c, day, dim, key, name, micro, currency);
}

/* The two token tables: per model (spend_tokens) and per API key
 * (spend_key_tokens), the same shape but for the key column. */
struct token_table {
	const char *select_sql, *insert_sql;
};

static const struct token_table by_model = {
	"SELECT quantity FROM spend_tokens WHERE day = ?1 AND model = ?2 AND kind = ?3",
	"INSERT OR REPLACE INTO spend_tokens (day, model, kind, quantity) VALUES (?1, ?2, ?3, ?4)",
};

static const struct token_table by_key = {
	"SELECT quantity FROM spend_key_tokens WHERE day = ?1 AND api_key = ?2 AND kind = ?3",
	"INSERT OR REPLACE INTO spend_key_tokens (day, api_key, kind, quantity) VALUES (?1, ?2, ?3, ?4)",
};

/* Adds qty to the row (day, key, kind), checking the sum fits in 64 bits
 * (SQLite would turn an overflowing sum into a float). */
static int
add_tokens(struct cache *c, const struct token_table *t, const char *day, const char *key,
           const char *kind, int64_t qty)
{
	sqlite3_stmt *st = cache_stmt(c, t->select_sql);
	int64_t old = 0, sum;
	int r;

	if (!st)
		return -1;
	bind_str(st, 1, day, 0);
	bind_str(st, 2, key, 0);
	bind_str(st, 3, kind, 0);
	r = cache_step_one(c, st, _("reading the token usage"));
	if (r == 1)
		old = col_i64(st, 0);
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	if (money_add(old, qty, &sum) != MONEY_OK)
		return cache_failf(c, _("the token usage of %s does not fit in 64 bits"), day);
	st = cache_stmt(c, t->insert_sql);
	if (!st)
		return -1;
	bind_str(st, 1, day, 0);
	bind_str(st, 2, key, 0);
	bind_str(st, 3, kind, 0);
	sqlite3_bind_int64(st, 4, sum);
	return done(c, st, _("writing the token usage"));
}

int
cache_spend_add_tokens(struct cache *c, const char *day, const char *model, const char *kind,
                       int64_t qty)
{
	return add_tokens(c, &by_model, day, model, kind, qty);
}

int
cache_spend_add_key_tokens(struct cache *c, const char *day, const char *api_key, const char *kind,
                           int64_t qty)
{
	return add_tokens(c, &by_key, day, api_key, kind, qty);
}

int
cache_spend_clear_names(struct cache *c, const char *dim)
{
	sqlite3_stmt *st = cache_stmt(c, "DELETE FROM spend_names WHERE dimension = ?1");

	if (!st)
		return -1;
	bind_str(st, 1, dim, 0);
	return done(c, st, _("clearing the names"));
}

int
cache_spend_put_name(struct cache *c, const char *dim, const char *key, const char *name)
{
	sqlite3_stmt *st = cache_stmt(c, "INSERT OR REPLACE INTO spend_names (dimension, key, name)"
	                                 " VALUES (?1, ?2, ?3)");

	if (!st)
		return -1;
	bind_str(st, 1, dim, 0);
	bind_str(st, 2, key, 0);
	bind_str(st, 3, name, 0);
	return done(c, st, _("writing the names"));
}

static int
rows(struct cache *c, const char *sql, const char *dim, const char *from_day, const char *to_day,
     struct spend_row **out, int *n)
{
	sqlite3_stmt *st = cache_stmt(c, sql);
	struct spend_row *a = NULL, *p;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	bind_str(st, 1, from_day, 0);
	bind_str(st, 2, to_day, 0);
	if (dim)
		bind_str(st, 3, dim, 0);
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
		col_str(st, 2, p->name, sizeof p->name);
		if (!p->name[0])
			snprintf(p->name, sizeof p->name, "%s", p->key);
		p->amount = col_i64(st, 3);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the costs"));
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
cache_spend_daily(struct cache *c, const char *dim, const char *from_day, const char *to_day,
                  struct spend_row **out, int *n)
{
	static const char sql[] =
		"SELECT s.day, s.key, coalesce(nm.name, s.name), s.amount_micro FROM spend_costs s"
		" LEFT JOIN spend_names nm ON nm.dimension = s.dimension AND nm.key = s.key"
		" WHERE s.day BETWEEN ?1 AND ?2 AND s.dimension = ?3 ORDER BY s.day, s.key";

	return rows(c, sql, dim, from_day, to_day, out, n);
}

int
cache_spend_totals(struct cache *c, const char *dim, const char *from_day, const char *to_day,
                   struct spend_row **out, int *n)
{
	static const char sql[] =
		"SELECT '', s.key, coalesce(nm.name, max(s.name)), sum(s.amount_micro) FROM spend_costs s"
		" LEFT JOIN spend_names nm ON nm.dimension = s.dimension AND nm.key = s.key"
		" WHERE s.day BETWEEN ?1 AND ?2 AND s.dimension = ?3 GROUP BY s.key"
		" ORDER BY sum(s.amount_micro) DESC, s.key";

	return rows(c, sql, dim, from_day, to_day, out, n);
}

int
cache_spend_tokens(struct cache *c, const char *from_day, const char *to_day,
                   struct spend_row **out, int *n)
{
	static const char sql[] =
		"SELECT '', model, kind, sum(quantity) FROM spend_tokens"
		" WHERE day BETWEEN ?1 AND ?2 GROUP BY model, kind ORDER BY model, kind";

	return rows(c, sql, NULL, from_day, to_day, out, n);
}

int
cache_spend_key_tokens(struct cache *c, const char *from_day, const char *to_day,
                       struct spend_row **out, int *n)
{
	static const char sql[] =
		"SELECT '', api_key, kind, sum(quantity) FROM spend_key_tokens"
		" WHERE day BETWEEN ?1 AND ?2 GROUP BY api_key, kind ORDER BY api_key, kind";

	return rows(c, sql, NULL, from_day, to_day, out, n);
}

int
cache_spend_names(struct cache *c, const char *dim, struct spend_row **out, int *n)
{
	/* rows() binds a range as ?1 and ?2: names have none */
	static const char sql[] =
		"SELECT '', key, name, 0 FROM spend_names WHERE ?1 = ?2 AND dimension = ?3 ORDER BY key";

	return rows(c, sql, dim, "", "", out, n);
}

int
cache_spend_sum(struct cache *c, const char *from_day, const char *to_day, int64_t *micro)
{
	sqlite3_stmt *st = cache_stmt(c, "SELECT coalesce(sum(amount_micro), 0) FROM spend_costs"
	                                 " WHERE day BETWEEN ?1 AND ?2 AND dimension = 'total'");
	int r;

	*micro = 0;
	if (!st)
		return -1;
	bind_str(st, 1, from_day, 0);
	bind_str(st, 2, to_day, 0);
	r = cache_step_one(c, st, _("summing the costs"));
	if (r == 1)
		*micro = col_i64(st, 0);
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

int
cache_spend_per_day(struct cache *c, const char *from_day, const char *to_day, int64_t **out, int *n)
{
	struct spend_row *r = NULL;
	int64_t from, to, t, *a;
	int nr = 0, i, k;

	*out = NULL;
	*n = 0;
	if (time_parse_day(from_day, &from) < 0 || time_parse_day(to_day, &to) < 0 || to < from ||
	    (to - from) / 86400 >= MAX_DAYS)
		return cache_failf(c, _("bad day range %s to %s"), from_day, to_day);
	if (cache_spend_daily(c, SPEND_DIM_TOTAL, from_day, to_day, &r, &nr) < 0)
		return -1;
	k = (int)((to - from) / 86400) + 1;
	a = calloc((size_t)k, sizeof *a);
	if (!a) {
		free(r);
		return cache_failf(c, _("out of memory"));
	}
	for (i = 0; i < nr; i++)
		if (time_parse_day(r[i].day, &t) == 0 && t >= from && t <= to)
			a[(t - from) / 86400] = r[i].amount;
	free(r);
	*out = a;
	*n = k;
	return 0;
}
