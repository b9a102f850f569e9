/* cache_write.c: inserts and deletes for one refresh, all with bound
 * parameters through cached prepared statements. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "client/cache_priv.h"
#include "client/cache_write.h"
#include "core/i18n.h"
#include "core/util.h"

#define BUSY_TIMEOUT_MS 5000

/* Steps a statement that returns no row, then resets it.  what is
 * untranslated (N_): gettext runs only on failure, not once per row. */
static int
run(struct cache *c, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		cache_fail(c, _(what));
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

#define WAIT_NOTICE_MS 1000

static int
begin_immediate(struct cache *c, int wait_ms)
{
	int rc;

	sqlite3_busy_timeout(c->db, wait_ms);
	rc = sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_busy_timeout(c->db, BUSY_TIMEOUT_MS);
	return rc;
}

int
cache_begin(struct cache *c, int wait_ms)
{
	return cache_begin_notify(c, wait_ms, NULL, NULL);
}

int
cache_begin_notify(struct cache *c, int wait_ms, cache_wait_fn waiting, void *arg)
{
	int total = wait_ms > 0 ? wait_ms : BUSY_TIMEOUT_MS, first = total, rc;

	if (c->snapshot)
		cache_snapshot_end(c);
	/* a second refresh on this cache waits for the first rather than failing;
	 * after a second of it, the caller may say so */
	if (waiting && total > WAIT_NOTICE_MS)
		first = WAIT_NOTICE_MS;
	rc = begin_immediate(c, first);
	if ((rc & 0xff) == SQLITE_BUSY && first < total) {
		waiting(arg, c->path);
		rc = begin_immediate(c, total - first);
	}
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_BUSY)
			return cache_failf(c, _("%s: another refresh is still writing this cache"),
			                   c->path);
		return cache_fail(c, _("starting a transaction"));
	}
	c->in_tx = 1;
	return 0;
}

int
cache_commit(struct cache *c)
{
	if (sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		cache_fail(c, _("saving the refresh"));
		cache_rollback(c);
		return -1;
	}
	c->in_tx = 0;
	return 0;
}

void
cache_rollback(struct cache *c)
{
	if (!sqlite3_get_autocommit(c->db))
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	c->in_tx = 0;
}

int
cache_clear(struct cache *c, enum cache_table t)
{
	static const char *const sql[CT_COUNT] = {
		"DELETE FROM plans", "DELETE FROM grants", "DELETE FROM ledger",
		"DELETE FROM meters", "DELETE FROM agents", "DELETE FROM runs",
		"DELETE FROM invoices", "DELETE FROM payment_methods", "DELETE FROM charges",
	};
	static const char lines[] = "DELETE FROM invoice_lines";
	sqlite3_stmt *st;

	if ((int)t < 0 || t >= CT_COUNT)
		return cache_failf(c, "bad table");
	st = cache_stmt(c, sql[t]);
	if (!st || run(c, st, N_("clearing a table")) < 0)
		return -1;
	if (t == CT_INVOICES) {
		st = cache_stmt(c, lines);
		if (!st || run(c, st, N_("clearing a table")) < 0)
			return -1;
	}
	return 0;
}

int
cache_put_account(struct cache *c, const struct account *a)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO account (one, id, name, role, status, currency, plan_id,"
		" trial_end, period_start, period_end, next_billing, scheduled_plan_id,"
		" scheduled_at, runs_paused, pause_reason, payment_update_url, sales_url,"
		" tax_rate_bp, created_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
		" ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, a->id, 0);
	bind_str(st, 2, a->name, 0);
	bind_str(st, 3, role_str(a->role), 0);
	bind_str(st, 4, account_status_str(a->status), 0);
	bind_str(st, 5, a->currency, 0);
	bind_str(st, 6, a->plan_id, 0);
	bind_i64(st, 7, a->trial_end);
	bind_i64(st, 8, a->period_start);
	bind_i64(st, 9, a->period_end);
	bind_i64(st, 10, a->next_billing);
	bind_str(st, 11, a->scheduled_plan_id, 1);
	bind_i64(st, 12, a->scheduled_at);
	sqlite3_bind_int(st, 13, a->runs_paused);
	bind_str(st, 14, a->pause_reason == PAUSE_NONE ? NULL : pause_reason_str(a->pause_reason), 1);
	bind_str(st, 15, a->payment_update_url, 1);
	bind_str(st, 16, a->sales_url, 1);
	bind_i64(st, 17, a->tax_rate_bp);
	bind_i64(st, 18, a->created_at);
	return run(c, st, N_("saving the account"));
}

int
cache_put_credit_summary(struct cache *c, const struct credit_summary *s)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO credit_summary (one, balance, allocated, consumed,"
		" remaining, period_allowance, period_used, period_overage, scheduled)"
		" VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_i64(st, 1, s->balance);
	bind_i64(st, 2, s->allocated);
	bind_i64(st, 3, s->consumed);
	bind_i64(st, 4, s->remaining);
	bind_i64(st, 5, s->period_allowance);
	bind_i64(st, 6, s->period_used);
	bind_i64(st, 7, s->period_overage);
	bind_i64(st, 8, s->scheduled);
	return run(c, st, N_("saving the credits"));
}

int
cache_put_plan(struct cache *c, int64_t seq, const struct plan *p)
{
	static const char sql[] =
		"INSERT INTO plans (seq, id, name, rank, price, currency, interval,"
		" included_credits, overage_per_1000, rate_limit, support, features,"
		" contact_sales) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, p->id, 0);
	bind_str(st, 3, p->name, 0);
	bind_i64(st, 4, p->rank);
	bind_i64(st, 5, p->price);
	bind_str(st, 6, p->currency, 0);
	bind_str(st, 7, p->interval, 0);
	bind_i64(st, 8, p->included_credits);
	bind_i64(st, 9, p->overage_per_1000);
	bind_str(st, 10, p->rate_limit, 1);
	bind_str(st, 11, p->support, 1);
	bind_str(st, 12, p->features, 0);
	sqlite3_bind_int(st, 13, p->contact_sales);
	return run(c, st, N_("saving a plan"));
}

int
cache_put_grant(struct cache *c, int64_t seq, const struct grant *g)
{
	static const char sql[] =
		"INSERT INTO grants (seq, id, source, description, amount, consumed, remaining,"
		" available_from, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, g->id, 0);
	bind_str(st, 3, grant_source_str(g->source), 0);
	bind_str(st, 4, g->description, 1);
	bind_i64(st, 5, g->amount);
	bind_i64(st, 6, g->consumed);
	bind_i64(st, 7, g->remaining);
	bind_i64(st, 8, g->available_from);
	bind_i64(st, 9, g->expires_at);
	return run(c, st, N_("saving a grant"));
}

int
cache_put_ledger(struct cache *c, int64_t seq, const struct ledger_entry *l)
{
	static const char sql[] =
		"INSERT INTO ledger (seq, id, at, kind, credits, balance_after, grant_id,"
		" description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, l->id, 0);
	bind_i64(st, 3, l->at);
	bind_str(st, 4, ledger_kind_str(l->kind), 0);
	bind_i64(st, 5, l->credits);
	bind_i64(st, 6, l->balance_after);
	bind_str(st, 7, l->grant_id, 1);
	bind_str(st, 8, l->description, 1);
	return run(c, st, N_("saving a ledger entry"));
}

int
cache_put_meter(struct cache *c, int64_t seq, const struct meter *m)
{
	static const char sql[] =
		"INSERT INTO meters (seq, id, name, unit, raw_unit, raw_per_unit, increment,"
		" credits_milli_per_unit, line_item) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, m->id, 0);
	bind_str(st, 3, m->name, 0);
	bind_str(st, 4, m->unit, 0);
	bind_str(st, 5, m->raw_unit, 0);
	bind_i64(st, 6, m->raw_per_unit);
	bind_i64(st, 7, m->increment);
	bind_i64(st, 8, m->credits_milli_per_unit);
	bind_str(st, 9, line_item_str(m->line_item), 0);
	return run(c, st, N_("saving a meter"));
}

int
cache_put_agent(struct cache *c, int64_t seq, const struct agent *a)
{
	static const char sql[] = "INSERT INTO agents (seq, id, name) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, a->id, 0);
	bind_str(st, 3, a->name, 0);
	return run(c, st, N_("saving an agent"));
}

int
cache_put_run(struct cache *c, int64_t seq, const struct run *r)
{
	static const char sql[] =
		"INSERT INTO runs (seq, id, agent_id, started_at, ended_at, status, credits_llm,"
		" credits_tool_calls, credits_storage, credits_total)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, r->id, 0);
	bind_str(st, 3, r->agent_id, 0);
	bind_i64(st, 4, r->started_at);
	bind_i64(st, 5, r->ended_at);
	bind_str(st, 6, run_status_str(r->status), 0);
	bind_i64(st, 7, r->credits[ITEM_LLM]);
	bind_i64(st, 8, r->credits[ITEM_TOOL_CALLS]);
	bind_i64(st, 9, r->credits[ITEM_STORAGE]);
	bind_i64(st, 10, r->credits_total);
	return run(c, st, N_("saving a run"));
}

int
cache_put_invoice(struct cache *c, int64_t seq, const struct invoice *inv)
{
	static const char sql[] =
		"INSERT INTO invoices (seq, id, number, status, currency, period_start,"
		" period_end, issued_at, due_at, paid_at, subtotal, credits_applied, tax, total,"
		" amount_paid, amount_due, hosted_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
	static const char line_sql[] =
		"INSERT INTO invoice_lines (invoice_id, n, description, quantity, unit,"
		" unit_price, unit_price_per, amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int i;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, inv->id, 0);
	bind_str(st, 3, inv->number, 0);
	bind_str(st, 4, invoice_status_str(inv->status), 0);
	bind_str(st, 5, inv->currency, 0);
	bind_i64(st, 6, inv->period_start);
	bind_i64(st, 7, inv->period_end);
	bind_i64(st, 8, inv->issued_at);
	bind_i64(st, 9, inv->due_at);
	bind_i64(st, 10, inv->paid_at);
	bind_i64(st, 11, inv->subtotal);
	bind_i64(st, 12, inv->credits_applied);
	bind_i64(st, 13, inv->tax);
	bind_i64(st, 14, inv->total);
	bind_i64(st, 15, inv->amount_paid);
	bind_i64(st, 16, inv->amount_due);
	bind_str(st, 17, inv->hosted_url, 1);
	if (run(c, st, N_("saving an invoice")) < 0)
		return -1;
	for (i = 0; i < inv->nlines; i++) {
		const struct invoice_line *l = &inv->lines[i];

		st = cache_stmt(c, line_sql);
		if (!st)
			return -1;
		bind_str(st, 1, inv->id, 0);
		sqlite3_bind_int(st, 2, i);
		bind_str(st, 3, l->description, 0);
		bind_i64(st, 4, l->quantity);
		bind_str(st, 5, l->unit, 1);
		bind_i64(st, 6, l->unit_price);
		bind_i64(st, 7, l->unit_price_per);
		bind_i64(st, 8, l->amount);
		if (run(c, st, N_("saving an invoice line")) < 0)
			return -1;
	}
	return 0;
}

int
cache_put_payment_method(struct cache *c, int64_t seq, const struct payment_method *pm)
{
	static const char sql[] =
		"INSERT INTO payment_methods (seq, id, type, brand, last4, exp_month, exp_year,"
		" bank_name, is_default, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, pm->id, 0);
	bind_str(st, 3, pm_type_str(pm->type), 0);
	bind_str(st, 4, pm->brand, 1);
	bind_str(st, 5, pm->last4, 0);
	if (pm->type == PM_CARD) {
		sqlite3_bind_int(st, 6, pm->exp_month);
		sqlite3_bind_int(st, 7, pm->exp_year);
	}
	bind_str(st, 8, pm->bank_name, 1);
	sqlite3_bind_int(st, 9, pm->is_default);
	bind_i64(st, 10, pm->created_at);
	return run(c, st, N_("saving a payment method"));
}

int
cache_put_charge(struct cache *c, int64_t seq, const struct charge *ch)
{
	static const char sql[] =
		"INSERT INTO charges (seq, id, created_at, amount, currency, status,"
		" failure_reason, payment_method_id, invoice_id, description, refunded_amount)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	bind_str(st, 2, ch->id, 0);
	bind_i64(st, 3, ch->created_at);
	bind_i64(st, 4, ch->amount);
	bind_str(st, 5, ch->currency, 0);
	bind_str(st, 6, charge_status_str(ch->status), 0);
	bind_str(st, 7, ch->failure_reason, 1);
	bind_str(st, 8, ch->payment_method_id, 1);
	bind_str(st, 9, ch->invoice_id, 1);
	bind_str(st, 10, ch->description, 1);
	bind_i64(st, 11, ch->refunded_amount);
	return run(c, st, N_("saving a charge"));
}

/* ---- usage -------------------------------------------------------------- */

static int
run_range(struct cache *c, const char *sql, const char *from, const char *to)
{
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, from, 0);
	bind_str(st, 2, to, 0);
	return run(c, st, N_("saving the usage"));
}

int
cache_usage_clear(struct cache *c, const char *from_day, const char *to_day)
{
	static const char sql[] = "DELETE FROM usage_daily WHERE day BETWEEN ?1 AND ?2";

	return run_range(c, sql, from_day, to_day);
}

int
cache_put_usage(struct cache *c, const struct usage_day *u)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO usage_daily (day, meter_id, agent_id, records, raw,"
		" billed_raw, credits) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, u->day, 0);
	bind_str(st, 2, u->meter_id, 0);
	bind_str(st, 3, u->agent_id, 0);
	bind_i64(st, 4, u->records);
	bind_i64(st, 5, u->raw);
	bind_i64(st, 6, u->billed_raw);
	bind_i64(st, 7, u->credits);
	return run(c, st, N_("saving the usage"));
}

int
cache_usage_rebuild(struct cache *c, const char *from_day, const char *to_day)
{
	static const char del_meter[] = "DELETE FROM usage_by_meter WHERE day BETWEEN ?1 AND ?2";
	static const char del_agent[] = "DELETE FROM usage_by_agent WHERE day BETWEEN ?1 AND ?2";
	static const char del_item[] = "DELETE FROM usage_by_item WHERE day BETWEEN ?1 AND ?2";
	static const char ins_meter[] =
		"INSERT INTO usage_by_meter SELECT day, meter_id, sum(raw), sum(billed_raw),"
		" sum(credits) FROM usage_daily WHERE day BETWEEN ?1 AND ?2 GROUP BY day, meter_id";
	static const char ins_agent[] =
		"INSERT INTO usage_by_agent SELECT day, agent_id, sum(raw), sum(billed_raw),"
		" sum(credits) FROM usage_daily WHERE day BETWEEN ?1 AND ?2 GROUP BY day, agent_id";
	static const char ins_item[] =
		"INSERT INTO usage_by_item SELECT u.day, m.line_item, sum(u.raw),"
		" sum(u.billed_raw), sum(u.credits) FROM usage_daily u"
		" JOIN meters m ON m.id = u.meter_id WHERE u.day BETWEEN ?1 AND ?2"
		" GROUP BY u.day, m.line_item";

	if (run_range(c, del_meter, from_day, to_day) < 0 ||
	    run_range(c, del_agent, from_day, to_day) < 0 ||
	    run_range(c, del_item, from_day, to_day) < 0 ||
	    run_range(c, ins_meter, from_day, to_day) < 0 ||
	    run_range(c, ins_agent, from_day, to_day) < 0 ||
	    run_range(c, ins_item, from_day, to_day) < 0)
		return -1;
	return 0;
}

int
cache_usage_rebuild_items(struct cache *c)
{
	static const char del[] = "DELETE FROM usage_by_item";
	static const char ins[] =
		"INSERT INTO usage_by_item SELECT u.day, m.line_item, sum(u.raw),"
		" sum(u.billed_raw), sum(u.credits) FROM usage_daily u"
		" JOIN meters m ON m.id = u.meter_id GROUP BY u.day, m.line_item";
	sqlite3_stmt *st = cache_stmt(c, del);

	if (!st || run(c, st, N_("saving the usage")) < 0)
		return -1;
	st = cache_stmt(c, ins);
	if (!st || run(c, st, N_("saving the usage")) < 0)
		return -1;
	return 0;
}

int
cache_usage_trim(struct cache *c, const char *from_day)
{
	static const char *const sql[] = {
		"DELETE FROM usage_daily WHERE day < ?1",
		"DELETE FROM usage_by_meter WHERE day < ?1",
		"DELETE FROM usage_by_agent WHERE day < ?1",
		"DELETE FROM usage_by_item WHERE day < ?1",
		"DELETE FROM usage_windows WHERE month < substr(?1, 1, 7)",
	};
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		st = cache_stmt(c, sql[i]);
		if (!st)
			return -1;
		bind_str(st, 1, from_day, 0);
		if (run(c, st, N_("saving the usage")) < 0)
			return -1;
	}
	return 0;
}

int
cache_window_etag(struct cache *c, const char *month, char *etag, size_t n)
{
	static const char sql[] = "SELECT etag FROM usage_windows WHERE month = ?1";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int rc;

	etag[0] = '\0';
	if (!st)
		return -1;
	bind_str(st, 1, month, 0);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		col_str(st, 0, etag, n);
	else if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the usage windows"));
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

int
cache_window_put(struct cache *c, const char *month, const char *etag, int64_t now)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO usage_windows (month, etag, fetched_at) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, month, 0);
	bind_str(st, 2, etag ? etag : "", 0);
	sqlite3_bind_int64(st, 3, now);
	return run(c, st, N_("saving the usage windows"));
}

int
cache_windows_forget(struct cache *c)
{
	static const char sql[] = "UPDATE usage_windows SET etag = ''";
	sqlite3_stmt *st = cache_stmt(c, sql);

	return st ? run(c, st, N_("saving the usage windows")) : -1;
}

/* ---- sync state --------------------------------------------------------- */

int
cache_etag(struct cache *c, const char *resource, char *etag, size_t n)
{
	static const char sql[] = "SELECT etag FROM sync_state WHERE resource = ?1";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int rc;

	etag[0] = '\0';
	if (!st)
		return -1;
	bind_str(st, 1, resource, 0);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		col_str(st, 0, etag, n);
	else if (rc != SQLITE_DONE) {
		cache_fail(c, _("reading the sync state"));
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

int
cache_state_success(struct cache *c, const char *resource, int64_t now, const char *etag)
{
	static const char sql[] =
		"INSERT INTO sync_state (resource, last_success, last_attempt, last_error, etag)"
		" VALUES (?1, ?2, ?2, '', coalesce(?3, ''))"
		" ON CONFLICT (resource) DO UPDATE SET last_success = ?2, last_attempt = ?2,"
		" last_error = '', etag = coalesce(?3, etag)";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, resource, 0);
	sqlite3_bind_int64(st, 2, now);
	bind_str(st, 3, etag, 0);
	return run(c, st, N_("saving the sync state"));
}

int
cache_state_failure(struct cache *c, const char *resource, int64_t now, const char *error)
{
	static const char sql[] =
		"INSERT INTO sync_state (resource, last_success, last_attempt, last_error, etag)"
		" VALUES (?1, NULL, ?2, ?3, '')"
		" ON CONFLICT (resource) DO UPDATE SET last_attempt = ?2, last_error = ?3";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, resource, 0);
	sqlite3_bind_int64(st, 2, now);
	bind_str(st, 3, error, 0);
	return run(c, st, N_("saving the sync state"));
}

int
cache_state_note(struct cache *c, const char *resource, const char *note)
{
	static const char sql[] = "UPDATE sync_state SET last_error = ?2 WHERE resource = ?1";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, resource, 0);
	bind_str(st, 2, note, 0);
	return run(c, st, N_("saving the sync state"));
}

int
cache_state_attempt(struct cache *c, const char *resource, int64_t now)
{
	static const char sql[] =
		"INSERT INTO sync_state (resource, last_success, last_attempt, last_error, etag)"
		" VALUES (?1, NULL, ?2, '', '')"
		" ON CONFLICT (resource) DO UPDATE SET last_attempt = ?2";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st)
		return -1;
	bind_str(st, 1, resource, 0);
	sqlite3_bind_int64(st, 2, now);
	return run(c, st, N_("saving the sync state"));
}

int
cache_error_is_constraint(const struct cache *c)
{
	return (c->errcode & 0xff) == SQLITE_CONSTRAINT;
}

int
cache_etags_forget(struct cache *c)
{
	static const char sql[] = "UPDATE sync_state SET etag = ''";
	sqlite3_stmt *st = cache_stmt(c, sql);

	if (!st || run(c, st, N_("saving the sync state")) < 0)
		return -1;
	return cache_windows_forget(c);
}

int
cache_set_synced_at(struct cache *c, int64_t now)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO meta (key, value) VALUES ('synced_at', ?1)";
	sqlite3_stmt *st = cache_stmt(c, sql);
	char buf[32];

	if (!st)
		return -1;
	snprintf(buf, sizeof buf, "%lld", (long long)now);
	bind_str(st, 1, buf, 0);
	return run(c, st, N_("saving the sync state"));
}
