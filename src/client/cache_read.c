/* cache_read.c: the single objects and lists the views draw, straight from
 * the cache tables in the order the API gave them (seq). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "client/cache_priv.h"
#include "core/i18n.h"

/* An enum column back into its value (0 if the cache somehow holds another). */
int
cache_col_enum(sqlite3_stmt *st, int i, int (*parse)(const char *))
{
	const unsigned char *s = sqlite3_column_text(st, i);
	int v = parse(s ? (const char *)s : "");

	return v < 0 ? 0 : v;
}

/* Steps a one-row query: 1 with the row, 0 without, -1 on error (reset done
 * by the caller through done_one). */
int
cache_step_one(struct cache *c, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return cache_fail(c, what);
}

/* Grows *arr to hold n + 1 elements of size sz. */
int
cache_grow(struct cache *c, void **arr, int *cap, int n, size_t sz)
{
	void *p;
	int ncap;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	p = realloc(*arr, (size_t)ncap * sz);
	if (!p)
		return cache_failf(c, _("out of memory"));
	*arr = p;
	*cap = ncap;
	return 0;
}

/* ---- account and credits ------------------------------------------------ */

int
cache_account(struct cache *c, struct account *a)
{
	static const char sql[] =
		"SELECT id, name, role, status, currency, plan_id, trial_end, period_start,"
		" period_end, next_billing, scheduled_plan_id, scheduled_at, runs_paused,"
		" pause_reason, payment_update_url, sales_url, tax_rate_bp, created_at"
		" FROM account WHERE one = 1";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int r;

	if (!st)
		return -1;
	memset(a, 0, sizeof *a);
	r = cache_step_one(c, st, _("reading the account"));
	if (r == 1) {
		col_str(st, 0, a->id, sizeof a->id);
		col_str(st, 1, a->name, sizeof a->name);
		a->role = (enum role)cache_col_enum(st, 2, role_parse);
		a->status = (enum account_status)cache_col_enum(st, 3, account_status_parse);
		col_str(st, 4, a->currency, sizeof a->currency);
		col_str(st, 5, a->plan_id, sizeof a->plan_id);
		a->trial_end = col_i64(st, 6);
		a->period_start = col_i64(st, 7);
		a->period_end = col_i64(st, 8);
		a->next_billing = col_i64(st, 9);
		col_str(st, 10, a->scheduled_plan_id, sizeof a->scheduled_plan_id);
		a->scheduled_at = col_i64(st, 11);
		a->runs_paused = sqlite3_column_int(st, 12);
		a->pause_reason = (enum pause_reason)cache_col_enum(st, 13, pause_reason_parse);
		col_str(st, 14, a->payment_update_url, sizeof a->payment_update_url);
		col_str(st, 15, a->sales_url, sizeof a->sales_url);
		a->tax_rate_bp = col_i64(st, 16);
		a->created_at = col_i64(st, 17);
	}
	sqlite3_reset(st);
	return r;
}

int
cache_credit_summary(struct cache *c, struct credit_summary *s)
{
	static const char sql[] =
		"SELECT balance, allocated, consumed, remaining, period_allowance, period_used,"
		" period_overage, scheduled FROM credit_summary WHERE one = 1";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int r;

	if (!st)
		return -1;
	memset(s, 0, sizeof *s);
	r = cache_step_one(c, st, _("reading the credits"));
	if (r == 1) {
		s->balance = col_i64(st, 0);
		s->allocated = col_i64(st, 1);
		s->consumed = col_i64(st, 2);
		s->remaining = col_i64(st, 3);
		s->period_allowance = col_i64(st, 4);
		s->period_used = col_i64(st, 5);
		s->period_overage = col_i64(st, 6);
		s->scheduled = col_i64(st, 7);
	}
	sqlite3_reset(st);
	return r;
}

/* ---- plans -------------------------------------------------------------- */

#define PLAN_COLS "id, name, rank, price, currency, interval, included_credits," \
	" overage_per_1000, rate_limit, support, features, contact_sales"

static void
row_plan(sqlite3_stmt *st, struct plan *p)
{
	memset(p, 0, sizeof *p);
	col_str(st, 0, p->id, sizeof p->id);
	col_str(st, 1, p->name, sizeof p->name);
	p->rank = col_i64(st, 2);
	p->price = col_i64(st, 3);
	col_str(st, 4, p->currency, sizeof p->currency);
	col_str(st, 5, p->interval, sizeof p->interval);
	p->included_credits = col_i64(st, 6);
	p->overage_per_1000 = col_i64(st, 7);
	col_str(st, 8, p->rate_limit, sizeof p->rate_limit);
	col_str(st, 9, p->support, sizeof p->support);
	col_str(st, 10, p->features, sizeof p->features);
	p->contact_sales = sqlite3_column_int(st, 11);
}

int
cache_plan(struct cache *c, const char *id, struct plan *out)
{
	static const char sql[] = "SELECT " PLAN_COLS " FROM plans WHERE id = ?1";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int r;

	if (!st)
		return -1;
	memset(out, 0, sizeof *out);
	bind_str(st, 1, id, 0);
	r = cache_step_one(c, st, _("reading a plan"));
	if (r == 1)
		row_plan(st, out);
	sqlite3_reset(st);
	return r;
}

int
cache_plans(struct cache *c, struct plan **out, int *n)
{
	static const char sql[] = "SELECT " PLAN_COLS " FROM plans ORDER BY seq";
	sqlite3_stmt *st = cache_stmt(c, sql);
	struct plan *a = NULL;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cache_grow(c, (void **)&a, &cap, *n, sizeof *a) < 0)
			goto fail;
		row_plan(st, &a[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the plans"));
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

/* ---- grants, meters, agents, payment methods ---------------------------- */

static void
row_grant(sqlite3_stmt *st, struct grant *g)
{
	memset(g, 0, sizeof *g);
	col_str(st, 0, g->id, sizeof g->id);
	g->source = (enum grant_source)cache_col_enum(st, 1, grant_source_parse);
	col_str(st, 2, g->description, sizeof g->description);
	g->amount = col_i64(st, 3);
	g->consumed = col_i64(st, 4);
	g->remaining = col_i64(st, 5);
	g->available_from = col_i64(st, 6);
	g->expires_at = col_i64(st, 7);
}

static void
row_meter(sqlite3_stmt *st, struct meter *m)
{
	memset(m, 0, sizeof *m);
	col_str(st, 0, m->id, sizeof m->id);
	col_str(st, 1, m->name, sizeof m->name);
	col_str(st, 2, m->unit, sizeof m->unit);
	col_str(st, 3, m->raw_unit, sizeof m->raw_unit);
	m->raw_per_unit = col_i64(st, 4);
	m->increment = col_i64(st, 5);
	m->credits_milli_per_unit = col_i64(st, 6);
	m->line_item = (enum line_item)cache_col_enum(st, 7, line_item_parse);
}

static void
row_agent(sqlite3_stmt *st, struct agent *a)
{
	memset(a, 0, sizeof *a);
	col_str(st, 0, a->id, sizeof a->id);
	col_str(st, 1, a->name, sizeof a->name);
}

static void
row_pm(sqlite3_stmt *st, struct payment_method *pm)
{
	memset(pm, 0, sizeof *pm);
	col_str(st, 0, pm->id, sizeof pm->id);
	pm->type = (enum pm_type)cache_col_enum(st, 1, pm_type_parse);
	col_str(st, 2, pm->brand, sizeof pm->brand);
	col_str(st, 3, pm->last4, sizeof pm->last4);
	pm->exp_month = sqlite3_column_int(st, 4);
	pm->exp_year = sqlite3_column_int(st, 5);
	col_str(st, 6, pm->bank_name, sizeof pm->bank_name);
	pm->is_default = sqlite3_column_int(st, 7);
	pm->created_at = col_i64(st, 8);
}

/* Reads every row of sql into a malloc'ed array through row(). */
static int
read_all(struct cache *c, const char *sql, size_t sz, void (*row)(sqlite3_stmt *, void *),
         void **out, int *n, const char *what)
{
	sqlite3_stmt *st = cache_stmt(c, sql);
	char *a = NULL;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cache_grow(c, (void **)&a, &cap, *n, sz) < 0)
			goto fail;
		row(st, a + (size_t)(*n)++ * sz);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, what);
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

/* Adapters: the row functions take typed pointers. */
static void row_grant_v(sqlite3_stmt *st, void *p) { row_grant(st, p); }
static void row_meter_v(sqlite3_stmt *st, void *p) { row_meter(st, p); }
static void row_agent_v(sqlite3_stmt *st, void *p) { row_agent(st, p); }
static void row_pm_v(sqlite3_stmt *st, void *p) { row_pm(st, p); }

int
cache_grants(struct cache *c, struct grant **out, int *n)
{
	static const char sql[] =
		"SELECT id, source, description, amount, consumed, remaining, available_from,"
		" expires_at FROM grants ORDER BY seq";

	return read_all(c, sql, sizeof **out, row_grant_v, (void **)out, n,
	                _("reading the grants"));
}

/* A grant that no longer counts at ?1: started, and expired or used up
 * (as grant_state_at() in ui/model_credits.c judges it). */
#define GRANT_PAST "(available_from <= ?1 AND ((expires_at IS NOT NULL AND expires_at <= ?1) OR remaining <= 0))"
#define GRANT_COLS "id, source, description, amount, consumed, remaining, available_from, expires_at"
/* The grants that may still count at ?1, through two indexes (schema 4):
 * NOT GRANT_PAST implies credits left or not available yet, so the current
 * grants are these less the past ones, and a large account's thousands of
 * used-up grants are never read to find the few that count. */
#define GRANT_MAYBE_CURRENT "seq IN (SELECT seq FROM grants WHERE remaining > 0" \
	" UNION SELECT seq FROM grants WHERE available_from > ?1)"
#define GRANT_CURRENT GRANT_MAYBE_CURRENT " AND NOT " GRANT_PAST

/* Reads the rows of st (bound) into a new array. */
static int
read_grants(struct cache *c, sqlite3_stmt *st, struct grant **out, int *n)
{
	struct grant *a = NULL;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cache_grow(c, (void **)&a, &cap, *n, sizeof *a) < 0)
			goto fail;
		row_grant(st, &a[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the grants"));
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

/* How many grants no longer count at now: all of them (the count kept,
 * schema 4) less the current ones (indexed). */
static int
grants_past_count(struct cache *c, int64_t now, int *past)
{
	static const char sql[] = "SELECT (SELECT n FROM row_counts WHERE name = 'grants')"
	                          " - (SELECT count(*) FROM grants WHERE " GRANT_CURRENT ")";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	rc = sqlite3_step(st);
	*past = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : cache_fail(c, _("reading the grants"));
}

int
cache_grants_current(struct cache *c, int64_t now, struct grant **out, int *n, int *past)
{
	static const char sql[] = "SELECT " GRANT_COLS " FROM grants WHERE " GRANT_CURRENT " ORDER BY seq";
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (grants_past_count(c, now, past) < 0 || !(st = cache_stmt(c, sql)))
		return -1;
	sqlite3_bind_int64(st, 1, now);
	return read_grants(c, st, out, n);
}

int
cache_grants_print(struct cache *c, int64_t now, int npast, struct grant **out, int *n, int *hidden)
{
	static const char sql[] = "SELECT " GRANT_COLS " FROM grants WHERE (" GRANT_CURRENT ")"
	                          " OR seq IN (SELECT seq FROM grants WHERE " GRANT_PAST " ORDER BY seq LIMIT ?2)"
	                          " ORDER BY seq";
	sqlite3_stmt *st;
	int past;

	*out = NULL;
	*n = 0;
	if (grants_past_count(c, now, &past) < 0 || !(st = cache_stmt(c, sql)))
		return -1;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, npast < 0 ? 0 : npast);
	*hidden = past > npast ? past - npast : 0;
	return read_grants(c, st, out, n);
}

int
cache_grants_past(struct cache *c, int64_t now, int offset, int limit, struct grant **out, int *n, int *total)
{
	static const char sql[] = "SELECT " GRANT_COLS " FROM grants WHERE " GRANT_PAST
	                          " ORDER BY seq LIMIT ?2 OFFSET ?3";
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (grants_past_count(c, now, total) < 0 || !(st = cache_stmt(c, sql)))
		return -1;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, limit < 0 ? -1 : limit);
	sqlite3_bind_int(st, 3, offset < 0 ? 0 : offset);
	return read_grants(c, st, out, n);
}

int
cache_meters(struct cache *c, struct meter **out, int *n)
{
	static const char sql[] =
		"SELECT id, name, unit, raw_unit, raw_per_unit, increment, credits_milli_per_unit,"
		" line_item FROM meters ORDER BY seq";

	return read_all(c, sql, sizeof **out, row_meter_v, (void **)out, n,
	                _("reading the meters"));
}

int
cache_agents(struct cache *c, struct agent **out, int *n)
{
	static const char sql[] = "SELECT id, name FROM agents ORDER BY seq";

	return read_all(c, sql, sizeof **out, row_agent_v, (void **)out, n,
	                _("reading the agents"));
}

#define PM_COLS "id, type, brand, last4, exp_month, exp_year, bank_name, is_default, created_at"

int
cache_payment_methods(struct cache *c, struct payment_method **out, int *n)
{
	static const char sql[] = "SELECT " PM_COLS " FROM payment_methods ORDER BY seq";

	return read_all(c, sql, sizeof **out, row_pm_v, (void **)out, n,
	                _("reading the payment methods"));
}

int
cache_default_method(struct cache *c, struct payment_method *out)
{
	static const char sql[] =
		"SELECT " PM_COLS " FROM payment_methods WHERE is_default = 1 ORDER BY seq LIMIT 1";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int r;

	if (!st)
		return -1;
	memset(out, 0, sizeof *out);
	r = cache_step_one(c, st, _("reading the payment methods"));
	if (r == 1)
		row_pm(st, out);
	sqlite3_reset(st);
	return r;
}

/* ---- paged lists: ledger, invoices, charges ----------------------------- */

/* Counts with an optional filter bound at ?1 (-1 binds NULL: all). */
int
cache_count_rows(struct cache *c, const char *sql, const char *filter, int *total)
{
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, filter, 0);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return cache_fail(c, _("counting rows"));
	}
	*total = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return 0;
}

static void
row_ledger(sqlite3_stmt *st, void *p)
{
	struct ledger_entry *l = p;

	memset(l, 0, sizeof *l);
	col_str(st, 0, l->id, sizeof l->id);
	l->at = col_i64(st, 1);
	l->kind = (enum ledger_kind)cache_col_enum(st, 2, ledger_kind_parse);
	l->credits = col_i64(st, 3);
	l->balance_after = col_i64(st, 4);
	col_str(st, 5, l->grant_id, sizeof l->grant_id);
	col_str(st, 6, l->description, sizeof l->description);
}

/* Runs a paged query (?1 filter or NULL, ?2 limit, ?3 offset). */
int
cache_read_page(struct cache *c, const char *sql, const char *filter, int offset, int limit,
          size_t sz, void (*row)(sqlite3_stmt *, void *), void **out, int *n,
          const char *what)
{
	sqlite3_stmt *st = cache_stmt(c, sql);
	char *a = NULL;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	bind_str(st, 1, filter, 0);
	sqlite3_bind_int(st, 2, limit < 0 ? -1 : limit);
	sqlite3_bind_int(st, 3, offset < 0 ? 0 : offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cache_grow(c, (void **)&a, &cap, *n, sz) < 0)
			goto fail;
		row(st, a + (size_t)(*n)++ * sz);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, what);
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
cache_ledger(struct cache *c, int kind, int offset, int limit,
             struct ledger_entry **out, int *n, int *total)
{
	/* every kind: the count kept (schema 4); one kind: a range of ledger_by_kind */
	static const char count_all[] = "SELECT n FROM row_counts WHERE name = 'ledger'";
	static const char count_kind[] = "SELECT count(*) FROM ledger WHERE kind = ?1";
	static const char sql_all[] =
		"SELECT id, at, kind, credits, balance_after, grant_id, description FROM ledger"
		" WHERE ?1 IS NULL ORDER BY seq LIMIT ?2 OFFSET ?3";
	static const char sql_kind[] =
		"SELECT id, at, kind, credits, balance_after, grant_id, description FROM ledger"
		" WHERE kind = ?1 ORDER BY seq LIMIT ?2 OFFSET ?3";
	const char *filter = kind < 0 ? NULL : ledger_kind_str((enum ledger_kind)kind);

	*out = NULL;
	*n = 0;
	if (cache_count_rows(c, filter ? count_kind : count_all, filter, total) < 0)
		return -1;
	return cache_read_page(c, filter ? sql_kind : sql_all, filter, offset, limit, sizeof **out,
	                 row_ledger, (void **)out, n, _("reading the ledger"));
}

static void
row_charge(sqlite3_stmt *st, void *p)
{
	struct charge *ch = p;

	memset(ch, 0, sizeof *ch);
	col_str(st, 0, ch->id, sizeof ch->id);
	ch->created_at = col_i64(st, 1);
	ch->amount = col_i64(st, 2);
	col_str(st, 3, ch->currency, sizeof ch->currency);
	ch->status = (enum charge_status)cache_col_enum(st, 4, charge_status_parse);
	col_str(st, 5, ch->failure_reason, sizeof ch->failure_reason);
	col_str(st, 6, ch->payment_method_id, sizeof ch->payment_method_id);
	col_str(st, 7, ch->invoice_id, sizeof ch->invoice_id);
	col_str(st, 8, ch->description, sizeof ch->description);
	ch->refunded_amount = col_i64(st, 9);
	col_str(st, 10, ch->invoice_number, sizeof ch->invoice_number);
}

int
cache_charges(struct cache *c, int offset, int limit, struct charge **out, int *n, int *total)
{
	/* the count kept (schema 4), not count(*): that reads every page */
	static const char count_sql[] = "SELECT n FROM row_counts WHERE name = 'charges'";
	/* each charge's invoice number in the same query (invoices' unique id
	 * index), not one lookup per row */
	static const char sql[] =
		"SELECT c.id, c.created_at, c.amount, c.currency, c.status, c.failure_reason,"
		" c.payment_method_id, c.invoice_id, c.description, c.refunded_amount, i.number"
		" FROM charges c LEFT JOIN invoices i ON i.id = c.invoice_id"
		" WHERE ?1 IS NULL ORDER BY c.seq LIMIT ?2 OFFSET ?3";

	*out = NULL;
	*n = 0;
	if (cache_count_rows(c, count_sql, NULL, total) < 0)
		return -1;
	return cache_read_page(c, sql, NULL, offset, limit, sizeof **out, row_charge, (void **)out, n,
	                 _("reading the charges"));
}

/* ---- runs --------------------------------------------------------------- */

static void
row_run(sqlite3_stmt *st, void *p)
{
	struct run *r = p;

	memset(r, 0, sizeof *r);
	col_str(st, 0, r->id, sizeof r->id);
	col_str(st, 1, r->agent_id, sizeof r->agent_id);
	r->started_at = col_i64(st, 2);
	r->ended_at = col_i64(st, 3);
	r->status = (enum run_status)cache_col_enum(st, 4, run_status_parse);
	r->credits[ITEM_LLM] = col_i64(st, 5);
	r->credits[ITEM_TOOL_CALLS] = col_i64(st, 6);
	r->credits[ITEM_STORAGE] = col_i64(st, 7);
	r->credits_total = col_i64(st, 8);
}

int
cache_runs(struct cache *c, const char *agent_id, int64_t from, int64_t to,
           struct run **out, int *n)
{
	static const char sql[] =
		"SELECT id, agent_id, started_at, ended_at, status, credits_llm,"
		" credits_tool_calls, credits_storage, credits_total FROM runs"
		" WHERE (?1 IS NULL OR agent_id = ?1) AND started_at >= ?2 AND started_at < ?3"
		" ORDER BY started_at DESC, id DESC";
	sqlite3_stmt *st = cache_stmt(c, sql);
	struct run *a = NULL;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	bind_str(st, 1, agent_id, 1);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cache_grow(c, (void **)&a, &cap, *n, sizeof *a) < 0)
			goto fail;
		row_run(st, &a[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the runs"));
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
