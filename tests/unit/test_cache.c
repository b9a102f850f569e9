/* test_cache.c: the SQLite cache: creation modes, migrations, refusal of a
 * newer schema, corrupt-file recovery, the write API and every read. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "client/cache.h"
#include "client/cache_write.h"

/* Bounded copy into an array member. */
#define SET(d, s) snprintf((d), sizeof(d), "%s", (s))

static char dir[256];
static char path[512];

static void
rm_rf(const char *d)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
	assert_int_equal(system(cmd), 0);
}

static int
setup(void **state)
{
	snprintf(dir, sizeof dir, "%s/billtop-cache.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/sub/dir/test.db", dir);
	return 0;
}

static int
teardown(void **state)
{
	rm_rf(dir);
	return 0;
}

static struct cache *
open_ok(const char **note)
{
	struct cache *c;
	const char *n = NULL;

	if (cache_open(path, &c, &n) < 0)
		fail_msg("cache_open: %s", cache_error(c));
	if (note)
		*note = n;
	else
		assert_null(n);
	return c;
}

/* Runs one SQL statement with sqlite3 directly, beside billtop's connection. */
static void
raw_sql(const char *file, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static int64_t
raw_int(const char *file, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void
test_create_modes(void **state)
{
	struct cache *c;
	struct stat st;
	char p[600], parent[600];
	mode_t old = umask(0);     /* a careless umask must not matter */

	c = open_ok(NULL);
	umask(old);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(parent, sizeof parent, "%s/sub/dir", dir);
	assert_int_equal(stat(parent, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	snprintf(parent, sizeof parent, "%s/sub", dir);
	assert_int_equal(stat(parent, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* a write creates -wal and -shm: 0600 too */
	assert_int_equal(cache_begin(c, 1000), 0);
	assert_int_equal(cache_set_synced_at(c, 42), 0);
	assert_int_equal(cache_commit(c), 0);
	snprintf(p, sizeof p, "%s-wal", path);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(p, sizeof p, "%s-shm", path);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(cache_synced_at(c), 42);
	assert_true(cache_has_snapshot(c));
	cache_close(c);

	assert_int_equal(raw_int(path, "PRAGMA user_version"), 5);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'usage_by_item'"), 1);

	/* an existing cache that is too open is tightened */
	assert_int_equal(chmod(path, 0644), 0);
	c = open_ok(NULL);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	cache_close(c);
}

static void
test_default_path(void **state)
{
	char buf[512];

	setenv("XDG_CACHE_HOME", "/x/cache", 1);
	assert_int_equal(cache_default_path("work", buf, sizeof buf), 0);
	assert_string_equal(buf, "/x/cache/billtop/work.db");
	assert_int_equal(cache_default_path(NULL, buf, sizeof buf), 0);
	assert_string_equal(buf, "/x/cache/billtop/default.db");
	unsetenv("XDG_CACHE_HOME");
	setenv("HOME", "/home/u", 1);
	assert_int_equal(cache_default_path("", buf, sizeof buf), 0);
	assert_string_equal(buf, "/home/u/.cache/billtop/default.db");
}

/* ---- a whole snapshot written and read back ---------------------------- */

static void
fill(struct cache *c)
{
	struct account a;
	struct credit_summary s = { 356000, 460000, 104000, 356000, 400000, 44000, 0, 0 };
	struct plan p;
	struct grant g;
	struct ledger_entry l;
	struct meter m;
	struct agent ag;
	struct usage_day u;
	struct run r;
	struct invoice inv;
	struct invoice_line lines[2];
	struct payment_method pm;
	struct charge ch;
	int i;

	memset(&a, 0, sizeof a);
	SET(a.id, "acct_demo");
	SET(a.name, "Acme");
	a.role = ROLE_BILLING_READER;
	a.status = ACCT_PAST_DUE;
	SET(a.currency, "USD");
	SET(a.plan_id, "pro");
	a.trial_end = M_NONE;
	a.period_start = 1793491200;
	a.period_end = 1796083200;
	a.next_billing = 1796083200;
	a.scheduled_at = M_NONE;
	a.runs_paused = 1;
	a.pause_reason = PAUSE_PAST_DUE;
	a.tax_rate_bp = 800;
	a.created_at = 1784107800;
	assert_int_equal(cache_put_account(c, &a), 0);
	assert_int_equal(cache_put_credit_summary(c, &s), 0);

	for (i = 0; i < 3; i++) {
		memset(&p, 0, sizeof p);
		snprintf(p.id, sizeof p.id, "plan%d", i);
		snprintf(p.name, sizeof p.name, "Plan %d", i);
		p.rank = i;
		p.price = i == 2 ? M_NONE : 1000 * i;
		SET(p.currency, "USD");
		SET(p.interval, "month");
		p.included_credits = i == 2 ? M_NONE : 1000;
		p.overage_per_1000 = i == 0 ? M_NONE : 125;
		SET(p.features, "a\nb");
		p.contact_sales = i == 2;
		assert_int_equal(cache_put_plan(c, i, &p), 0);
	}
	memset(&g, 0, sizeof g);
	SET(g.id, "grt_1");
	g.source = GRANT_PURCHASE;
	g.amount = 50000;
	g.remaining = 50000;
	g.available_from = 1790000000;
	g.expires_at = M_NONE;
	assert_int_equal(cache_put_grant(c, 0, &g), 0);
	for (i = 0; i < 25; i++) {
		memset(&l, 0, sizeof l);
		snprintf(l.id, sizeof l.id, "led_%03d", 100 - i);
		l.at = 1795000000 - i * 86400;
		l.kind = i % 5 == 0 ? LEDGER_ALLOWANCE : LEDGER_USAGE;
		l.credits = i % 5 == 0 ? 1000 : -10;
		l.balance_after = 5000 - i;
		assert_int_equal(cache_put_ledger(c, i, &l), 0);
	}
	memset(&m, 0, sizeof m);
	SET(m.id, "llm_tokens");
	SET(m.name, "LLM tokens");
	SET(m.unit, "token");
	SET(m.raw_unit, "token");
	m.raw_per_unit = 1;
	m.increment = 1;
	m.credits_milli_per_unit = 2;
	m.line_item = ITEM_LLM;
	assert_int_equal(cache_put_meter(c, 0, &m), 0);
	SET(m.id, "storage_gb");
	m.line_item = ITEM_STORAGE;
	assert_int_equal(cache_put_meter(c, 1, &m), 0);
	memset(&ag, 0, sizeof ag);
	SET(ag.id, "agt_a");
	SET(ag.name, "A");
	assert_int_equal(cache_put_agent(c, 0, &ag), 0);
	SET(ag.id, "agt_b");
	assert_int_equal(cache_put_agent(c, 1, &ag), 0);

	/* usage: 2026-11-01 and 2026-11-03, nothing on 11-02 */
	memset(&u, 0, sizeof u);
	SET(u.day, "2026-11-01");
	SET(u.meter_id, "llm_tokens");
	SET(u.agent_id, "agt_a");
	u.records = 1; u.raw = 100; u.billed_raw = 100; u.credits = 10;
	assert_int_equal(cache_put_usage(c, &u), 0);
	SET(u.agent_id, "agt_b");
	u.credits = 5;
	assert_int_equal(cache_put_usage(c, &u), 0);
	SET(u.meter_id, "storage_gb");
	u.credits = 7;
	assert_int_equal(cache_put_usage(c, &u), 0);
	SET(u.day, "2026-11-03");
	u.credits = 30;
	assert_int_equal(cache_put_usage(c, &u), 0);
	assert_int_equal(cache_usage_rebuild(c, "2026-11-01", "2026-11-30"), 0);

	memset(&r, 0, sizeof r);
	SET(r.id, "run_2");
	SET(r.agent_id, "agt_a");
	r.started_at = 1794000100;
	r.ended_at = M_NONE;
	r.status = RUN_RUNNING;
	assert_int_equal(cache_put_run(c, 0, &r), 0);
	SET(r.id, "run_1");
	r.started_at = 1794000000;
	r.ended_at = 1794000050;
	r.status = RUN_SUCCEEDED;
	r.credits[ITEM_LLM] = 5;
	r.credits_total = 5;
	assert_int_equal(cache_put_run(c, 1, &r), 0);
	SET(r.id, "run_b");
	SET(r.agent_id, "agt_b");
	assert_int_equal(cache_put_run(c, 2, &r), 0);

	for (i = 0; i < 3; i++) {
		memset(&inv, 0, sizeof inv);
		memset(lines, 0, sizeof lines);
		snprintf(inv.id, sizeof inv.id, "inv_%d", 3 - i);
		snprintf(inv.number, sizeof inv.number, "BT-%d", 3 - i);
		inv.status = i == 0 ? INV_DRAFT : i == 1 ? INV_PAST_DUE : INV_PAID;
		SET(inv.currency, "USD");
		inv.period_start = 1793491200 - i * 2592000;
		inv.period_end = inv.period_start + 2592000;
		inv.issued_at = i == 0 ? M_NONE : inv.period_end;
		inv.due_at = inv.paid_at = M_NONE;
		inv.subtotal = inv.total = inv.amount_due = 1000 * (i + 1);
		SET(lines[0].description, "Plan");
		lines[0].quantity = 1;
		lines[0].unit_price = 1000;
		lines[0].unit_price_per = 1;
		lines[0].amount = 1000;
		SET(lines[1].description, "Overage");
		lines[1].quantity = 2000;
		lines[1].unit_price = M_NONE;
		lines[1].unit_price_per = 1000;
		lines[1].amount = 250;
		inv.lines = lines;
		inv.nlines = i;     /* 0, 1, 2 lines */
		assert_int_equal(cache_put_invoice(c, i, &inv), 0);
	}
	memset(&pm, 0, sizeof pm);
	SET(pm.id, "pm_1");
	pm.type = PM_BANK_ACCOUNT;
	SET(pm.last4, "6789");
	SET(pm.bank_name, "First Bank");
	pm.created_at = 1784107900;
	assert_int_equal(cache_put_payment_method(c, 1, &pm), 0);
	SET(pm.id, "pm_2");
	pm.type = PM_CARD;
	SET(pm.brand, "visa");
	pm.exp_month = 8;
	pm.exp_year = 2027;
	pm.is_default = 1;
	assert_int_equal(cache_put_payment_method(c, 0, &pm), 0);
	for (i = 0; i < 4; i++) {
		memset(&ch, 0, sizeof ch);
		snprintf(ch.id, sizeof ch.id, "ch_%d", 4 - i);
		ch.created_at = 1794000000 - i;
		ch.amount = 100 * i;
		SET(ch.currency, "USD");
		ch.status = i == 1 ? CHARGE_FAILED : CHARGE_SUCCEEDED;
		ch.refunded_amount = M_NONE;
		assert_int_equal(cache_put_charge(c, i, &ch), 0);
	}
	assert_int_equal(cache_state_success(c, "account", 1795000000, "\"e1\""), 0);
	assert_int_equal(cache_state_success(c, "plans", 1795000000, "\"e2\""), 0);
	assert_int_equal(cache_state_success(c, "charges", 1795000000, NULL), 0);
	assert_int_equal(cache_set_synced_at(c, 1795000000), 0);
}

static void
test_snapshot_roundtrip(void **state)
{
	struct cache *c = open_ok(NULL);
	struct account a;
	struct credit_summary s;
	struct plan p, *plans;
	struct grant *grants;
	struct meter *meters;
	struct agent *agents;
	struct payment_method pm, *pms;
	struct ledger_entry *led;
	struct invoice inv, *invs;
	struct charge *chs;
	struct run *runs;
	struct sync_state *ss;
	int n, total, i;

	assert_false(cache_has_snapshot(c));
	assert_int_equal(cache_synced_at(c), M_NONE);
	assert_int_equal(cache_account(c, &a), 0);          /* absent, no error */
	assert_int_equal(cache_begin(c, 1000), 0);
	fill(c);
	assert_int_equal(cache_commit(c), 0);

	assert_int_equal(cache_account(c, &a), 1);
	assert_string_equal(a.id, "acct_demo");
	assert_int_equal(a.role, ROLE_BILLING_READER);
	assert_int_equal(a.status, ACCT_PAST_DUE);
	assert_int_equal(a.trial_end, M_NONE);
	assert_int_equal(a.pause_reason, PAUSE_PAST_DUE);
	assert_string_equal(a.scheduled_plan_id, "");
	assert_int_equal(cache_credit_summary(c, &s), 1);
	assert_int_equal(s.period_used, 44000);

	assert_int_equal(cache_plan(c, "plan2", &p), 1);
	assert_int_equal(p.contact_sales, 1);
	assert_int_equal(p.price, M_NONE);
	assert_int_equal(cache_plan(c, "nope", &p), 0);
	assert_int_equal(cache_plans(c, &plans, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(plans[0].id, "plan0");
	assert_int_equal(plans[0].overage_per_1000, M_NONE);
	assert_string_equal(plans[1].features, "a\nb");
	free(plans);

	assert_int_equal(cache_grants(c, &grants, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(grants[0].expires_at, M_NONE);
	free(grants);
	assert_int_equal(cache_meters(c, &meters, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(meters[1].line_item, ITEM_STORAGE);
	free(meters);
	assert_int_equal(cache_agents(c, &agents, &n), 0);
	assert_int_equal(n, 2);
	free(agents);

	/* payment methods: in seq order, default first */
	assert_int_equal(cache_payment_methods(c, &pms, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(pms[0].id, "pm_2");
	assert_int_equal(pms[1].exp_month, 0);
	free(pms);
	assert_int_equal(cache_default_method(c, &pm), 1);
	assert_string_equal(pm.brand, "visa");

	/* the ledger, paged and filtered */
	assert_int_equal(cache_ledger(c, -1, 20, 10, &led, &n, &total), 0);
	assert_int_equal(total, 25);
	assert_int_equal(n, 5);
	assert_string_equal(led[0].id, "led_080");
	free(led);
	assert_int_equal(cache_ledger(c, LEDGER_ALLOWANCE, 0, 100, &led, &n, &total), 0);
	assert_int_equal(total, 5);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++)
		assert_int_equal(led[i].kind, LEDGER_ALLOWANCE);
	free(led);

	/* invoices with their lines */
	assert_int_equal(cache_invoices(c, -1, 0, 10, &invs, &n, &total), 0);
	assert_int_equal(total, 3);
	assert_int_equal(n, 3);
	assert_int_equal(invs[0].status, INV_DRAFT);
	assert_int_equal(invs[2].nlines, 2);
	assert_string_equal(invs[2].lines[1].description, "Overage");
	assert_int_equal(invs[2].lines[1].unit_price, M_NONE);
	for (i = 0; i < n; i++)
		invoice_free(&invs[i]);
	free(invs);
	assert_int_equal(cache_invoices(c, INV_PAID, 0, 10, &invs, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_string_equal(invs[0].id, "inv_1");
	invoice_free(&invs[0]);
	free(invs);
	assert_int_equal(cache_latest_invoice(c, &inv), 1);
	assert_string_equal(inv.id, "inv_2");           /* the newest that is not a draft */
	assert_int_equal(inv.nlines, 1);
	invoice_free(&inv);
	assert_int_equal(cache_invoice(c, "inv_1", &inv), 1);
	assert_int_equal(inv.nlines, 2);
	invoice_free(&inv);
	assert_int_equal(cache_invoice(c, "inv_9", &inv), 0);

	assert_int_equal(cache_charges(c, 1, 2, &chs, &n, &total), 0);
	assert_int_equal(total, 4);
	assert_int_equal(n, 2);
	assert_string_equal(chs[0].id, "ch_3");
	assert_int_equal(chs[0].status, CHARGE_FAILED);
	free(chs);

	assert_int_equal(cache_runs(c, "agt_a", 1794000000, 1794000101, &runs, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(runs[0].id, "run_2");      /* newest first */
	assert_int_equal(runs[0].ended_at, M_NONE);
	free(runs);
	assert_int_equal(cache_runs(c, "agt_a", 1794000001, 1794000100, &runs, &n), 0);
	assert_int_equal(n, 0);
	free(runs);
	assert_int_equal(cache_runs(c, NULL, 0, INT64_MAX, &runs, &n), 0);
	assert_int_equal(n, 3);
	free(runs);

	assert_int_equal(cache_sync_states(c, &ss, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(ss[0].resource, "account");
	assert_string_equal(ss[0].etag, "\"e1\"");
	assert_string_equal(ss[1].resource, "plans");
	assert_string_equal(ss[2].resource, "charges");
	assert_string_equal(ss[2].etag, "");
	assert_int_equal(ss[2].last_success, 1795000000);
	free(ss);
	assert_int_equal(cache_synced_at(c), 1795000000);
	cache_close(c);
}

static void
test_usage_rollups(void **state)
{
	struct cache *c = open_ok(NULL);
	struct usage_row *rows;
	int64_t *per_day;
	int n;

	assert_int_equal(cache_begin(c, 1000), 0);
	fill(c);
	assert_int_equal(cache_commit(c), 0);

	assert_int_equal(cache_usage_daily(c, BY_METER, "2026-11-01", "2026-11-30", &rows, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].day, "2026-11-01");
	assert_string_equal(rows[0].key, "llm_tokens");
	assert_int_equal(rows[0].credits, 15);
	assert_int_equal(rows[0].raw, 200);
	assert_string_equal(rows[1].key, "storage_gb");
	assert_int_equal(rows[1].credits, 7);
	assert_string_equal(rows[2].day, "2026-11-03");
	free(rows);

	assert_int_equal(cache_usage_daily(c, BY_AGENT, "2026-11-01", "2026-11-01", &rows, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].key, "agt_a");
	assert_int_equal(rows[0].credits, 10);
	assert_string_equal(rows[1].key, "agt_b");
	assert_int_equal(rows[1].credits, 12);
	free(rows);

	assert_int_equal(cache_usage_daily(c, BY_ITEM, "2026-11-01", "2026-11-30", &rows, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].key, "llm");
	assert_string_equal(rows[1].key, "storage");
	free(rows);

	/* totals: largest credits first, day empty */
	assert_int_equal(cache_usage_totals(c, BY_ITEM, "2026-11-01", "2026-11-30", &rows, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].key, "storage");
	assert_int_equal(rows[0].credits, 37);
	assert_string_equal(rows[0].day, "");
	assert_string_equal(rows[1].key, "llm");
	assert_int_equal(rows[1].credits, 15);
	free(rows);

	/* one entry per day, zero days included */
	assert_int_equal(cache_usage_credits_per_day(c, "2026-10-31", "2026-11-04", &per_day, &n), 0);
	assert_int_equal(n, 5);
	assert_int_equal(per_day[0], 0);
	assert_int_equal(per_day[1], 22);
	assert_int_equal(per_day[2], 0);
	assert_int_equal(per_day[3], 30);
	assert_int_equal(per_day[4], 0);
	free(per_day);
	assert_int_equal(cache_usage_credits_per_day(c, "2026-11-31", "2026-12-01", &per_day, &n), -1);
	assert_non_null(strstr(cache_error(c), "not a YYYY-MM-DD day range"));

	/* a month rewritten: raw rows and rollups replaced together */
	assert_int_equal(cache_begin(c, 1000), 0);
	assert_int_equal(cache_usage_clear(c, "2026-11-01", "2026-11-30"), 0);
	assert_int_equal(cache_usage_rebuild(c, "2026-11-01", "2026-11-30"), 0);
	assert_int_equal(cache_commit(c), 0);
	assert_int_equal(cache_usage_totals(c, BY_METER, "2026-11-01", "2026-11-30", &rows, &n), 0);
	assert_int_equal(n, 0);
	free(rows);

	/* the read queries use the rollups' primary keys, never the raw table */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM pragma_index_list('usage_by_meter')"), 1);
	cache_close(c);
}

static void
test_rollback_keeps_snapshot(void **state)
{
	struct cache *c = open_ok(NULL);
	struct plan *plans;
	struct account a;
	int n;

	assert_int_equal(cache_begin(c, 1000), 0);
	fill(c);
	assert_int_equal(cache_commit(c), 0);

	assert_int_equal(cache_begin(c, 1000), 0);
	assert_int_equal(cache_clear(c, CT_PLANS), 0);
	assert_int_equal(cache_clear(c, CT_INVOICES), 0);
	assert_int_equal(cache_state_success(c, "plans", 1796000000, "\"new\""), 0);
	cache_rollback(c);
	assert_int_equal(cache_plans(c, &plans, &n), 0);
	assert_int_equal(n, 3);
	free(plans);
	assert_int_equal(cache_account(c, &a), 1);

	/* a failure is recorded outside the refresh, keeping the ETag */
	assert_int_equal(cache_state_failure(c, "plans", 1796000001, "server: 503"), 0);
	{
		char etag[64];
		struct sync_state *ss;

		assert_int_equal(cache_etag(c, "plans", etag, sizeof etag), 0);
		assert_string_equal(etag, "\"e2\"");
		assert_int_equal(cache_sync_states(c, &ss, &n), 0);
		assert_string_equal(ss[1].last_error, "server: 503");
		assert_int_equal(ss[1].last_success, 1795000000);
		assert_int_equal(ss[1].last_attempt, 1796000001);
		free(ss);
	}
	cache_close(c);
}

static void
test_two_writers(void **state)
{
	struct cache *c1 = open_ok(NULL), *c2 = open_ok(NULL);
	struct account a;

	assert_int_equal(cache_begin(c1, 1000), 0);
	fill(c1);
	/* the second writer waits, then gives up with a plain message */
	assert_int_equal(cache_begin(c2, 50), -1);
	assert_non_null(strstr(cache_error(c2), "another refresh is still writing"));
	/* readers are not blocked by the writer (WAL) and see the old snapshot */
	assert_int_equal(cache_account(c2, &a), 0);
	assert_int_equal(cache_commit(c1), 0);
	assert_int_equal(cache_account(c2, &a), 1);
	assert_int_equal(cache_begin(c2, 1000), 0);
	cache_rollback(c2);
	cache_close(c1);
	cache_close(c2);
}

static void
test_migrate_v1(void **state)
{
	char cmd[2048], p[600];
	struct cache *c;
	struct usage_row *rows;
	struct account a;
	struct invoice inv;
	char etag[64];
	int n;

	/* build the fixture with the sqlite3 library from the SQL script */
	{
		FILE *f;
		char *sql;
		long len;
		const char *top = getenv("top_srcdir");

		snprintf(p, sizeof p, "%s/tests/integration/cache_v1.sql", top ? top : ".");
		f = fopen(p, "r");
		assert_non_null(f);
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		sql = calloc(1, (size_t)len + 1);
		assert_non_null(sql);
		assert_int_equal(fread(sql, 1, (size_t)len, f), (size_t)len);
		fclose(f);
		snprintf(cmd, sizeof cmd, "mkdir -p '%s/sub/dir'", dir);
		assert_int_equal(system(cmd), 0);
		raw_sql(path, sql);
		free(sql);
	}
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 1);

	/* a reader's read-only open (billtop print) migrates too */
	if (cache_open_ex(path, CACHE_OPEN_READONLY, &c, NULL) < 0)
		fail_msg("cache_open_ex: %s", cache_error(c));
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 5);
	assert_int_equal(cache_account(c, &a), 1);
	assert_string_equal(a.name, "Old Cache Ltd");
	assert_int_equal(cache_invoice(c, "inv_1", &inv), 1);
	assert_int_equal(inv.nlines, 1);
	invoice_free(&inv);
	/* the new rollups were built from the rows version 1 kept */
	assert_int_equal(cache_usage_daily(c, BY_ITEM, "2026-11-01", "2026-11-30", &rows, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].key, "llm");
	assert_int_equal(rows[0].credits, 3);
	assert_string_equal(rows[1].key, "tool_calls");
	assert_int_equal(rows[1].billed_raw, 120);
	free(rows);
	assert_int_equal(cache_usage_totals(c, BY_AGENT, "2026-11-01", "2026-11-30", &rows, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].key, "agt_a");
	assert_int_equal(rows[0].credits, 4);
	free(rows);
	/* version 1's single usage ETag is dropped; the others stay */
	assert_int_equal(cache_begin(c, 1000), 0);
	assert_int_equal(cache_etag(c, "usage", etag, sizeof etag), 0);
	assert_string_equal(etag, "");
	assert_int_equal(cache_etag(c, "account", etag, sizeof etag), 0);
	assert_string_equal(etag, "\"acct-v1\"");
	cache_rollback(c);
	assert_int_equal(cache_synced_at(c), 1794744000);
	cache_close(c);

	/* opening again is a no-op */
	c = open_ok(NULL);
	cache_close(c);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 5);
}

static void
test_refuse_newer(void **state)
{
	struct cache *c = open_ok(NULL);
	struct stat st;

	cache_close(c);
	raw_sql(path, "PRAGMA user_version = 99");
	assert_int_equal(cache_open(path, &c, NULL), -1);
	assert_non_null(c);
	assert_non_null(strstr(cache_error(c), "was written by a newer billtop (cache schema 99; "
	                                        "this billtop knows up to 5)"));
	cache_close(c);
	/* refused, not touched: the file is still there, still version 99 */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 99);
}

/* Files moved aside so far (-1 when the directory cannot be read). */
static int
aside_count(void)
{
	char d[600];
	DIR *dp;
	struct dirent *e;
	int n = 0;

	snprintf(d, sizeof d, "%s/sub/dir", dir);
	dp = opendir(d);
	if (!dp)
		return -1;
	while ((e = readdir(dp)))
		if (strstr(e->d_name, "test.db.corrupt-") && !strstr(e->d_name, "-wal"))
			n++;
	closedir(dp);
	return n;
}

static int
count_aside(void)
{
	int n = aside_count();

	assert_true(n >= 0);
	return n;
}

static void
test_corrupt_moved_aside(void **state)
{
	struct cache *c;
	const char *note;
	FILE *f;
	char junk[8192];

	c = open_ok(NULL);
	cache_close(c);
	/* overwrite the header and the first pages with garbage */
	memset(junk, 'x', sizeof junk);
	f = fopen(path, "r+");
	assert_non_null(f);
	assert_int_equal(fwrite(junk, 1, sizeof junk, f), sizeof junk);
	fclose(f);

	c = open_ok(&note);
	assert_non_null(note);
	assert_non_null(strstr(note, "was unusable"));
	assert_non_null(strstr(note, ".corrupt-"));
	assert_int_equal(count_aside(), 1);
	assert_false(cache_has_snapshot(c));
	assert_int_equal(cache_begin(c, 1000), 0);      /* the new cache works */
	fill(c);
	assert_int_equal(cache_commit(c), 0);
	cache_close(c);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 5);
}

/* cache_open refuses path with a message holding want; NULL or what went
 * wrong (no cmocka asserts: it may run in a child, see as_user). */
static const char *
refused(int flags, const char *want)
{
	static char msg[1200];
	struct cache *c;
	int rc = cache_open_ex(path, flags, &c, NULL);

	msg[0] = '\0';
	if (rc == 0)
		snprintf(msg, sizeof msg, "opened, flags %d", flags);
	else if (!strstr(cache_error(c), path) || !strstr(cache_error(c), want))
		snprintf(msg, sizeof msg, "flags %d: got \"%s\", want the path and \"%s\"", flags,
		         cache_error(c), want);
	else if (aside_count() != 0)
		snprintf(msg, sizeof msg, "flags %d: the file was moved aside", flags);
	cache_close(c);
	return msg[0] ? msg : NULL;
}

static void
assert_refused(int flags, const char *want)
{
	const char *msg = refused(flags, want);

	if (msg)
		fail_msg("%s", msg);
}

/* Runs fn as an ordinary user: permission bits do not stop root, so as root
 * the test directory is given to nobody and fn runs in a child that became
 * nobody.  fn returns NULL or what went wrong. */
static void
as_user(const char *(*fn)(void))
{
	const char *msg;
	char cmd[600];
	pid_t pid;
	int status;

	if (geteuid() != 0) {
		msg = fn();
		if (msg)
			fail_msg("%s", msg);
		return;
	}
	snprintf(cmd, sizeof cmd, "chown -R 65534:65534 '%s'", dir);
	assert_int_equal(system(cmd), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0)
			_exit(2);
		msg = fn();
		if (msg)
			fprintf(stderr, "as nobody: %s\n", msg);
		_exit(msg ? 1 : 0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* A directory where the file should be: refused, never renamed. */
static void
test_directory_refused(void **state)
{
	char cmd[700];
	struct stat st;

	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	assert_int_equal(system(cmd), 0);
	assert_refused(0, strerror(EISDIR));
	assert_refused(CACHE_OPEN_VERIFY, strerror(EISDIR));
	assert_refused(CACHE_OPEN_READONLY, "not a regular file");
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
}

/* A FIFO: refused at once (the open must not wait for a writer). */
static void
test_fifo_refused(void **state)
{
	char cmd[1100];

	snprintf(cmd, sizeof cmd, "mkdir -p '%s/sub/dir' && mkfifo '%s'", dir, path);
	assert_int_equal(system(cmd), 0);
	assert_refused(0, "not a regular file");
	assert_refused(CACHE_OPEN_READONLY, "not a regular file");
}

/* A symbolic link is not followed (it could point anywhere the user can
 * write): refused with what to do instead; the link and its target stay. */
static void
test_symlink_refused(void **state)
{
	struct cache *c = open_ok(NULL);
	char real[600];
	struct stat st;

	assert_int_equal(cache_begin(c, 1000), 0);
	fill(c);
	assert_int_equal(cache_commit(c), 0);
	cache_close(c);
	snprintf(real, sizeof real, "%s/real.db", dir);
	assert_int_equal(rename(path, real), 0);
	assert_int_equal(symlink(real, path), 0);
	assert_refused(0, "it is a symbolic link, which billtop does not follow; use --cache");
	assert_refused(CACHE_OPEN_READONLY, "symbolic link");
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(raw_int(real, "SELECT count(*) FROM account"), 1);
}

static const char *
unreadable_checks(void)
{
	const char *msg = refused(0, strerror(EACCES));

	if (!msg)
		msg = refused(CACHE_OPEN_READONLY, strerror(EACCES));
	if (!msg && access(path, F_OK) != 0)
		msg = "the file is gone";
	return msg;
}

/* A file the user may not read: refused naming the path and why, kept. */
static void
test_unreadable_refused(void **state)
{
	struct cache *c = open_ok(NULL);

	cache_close(c);
	assert_int_equal(chmod(path, 0), 0);
	as_user(unreadable_checks);
}

static const char *
readonly_checks(void)
{
	static char msg[1200];
	struct cache *c;
	struct account a;
	const char *bad = refused(0, strerror(EACCES));

	if (bad)
		return bad;
	/* a reader opens it read-only and reads the snapshot */
	if (cache_open_ex(path, CACHE_OPEN_READONLY, &c, NULL) < 0) {
		snprintf(msg, sizeof msg, "read-only open: %s", cache_error(c));
		bad = msg;
	} else if (!cache_has_snapshot(c) || cache_account(c, &a) != 1) {
		bad = "read-only open: no snapshot";
	}
	cache_close(c);
	return bad;
}

/* A file the user made read-only: a refresh is refused (not moved aside);
 * a reader (billtop print) still reads it. */
static void
test_readonly_file(void **state)
{
	struct cache *c = open_ok(NULL);

	assert_int_equal(cache_begin(c, 1000), 0);
	fill(c);
	assert_int_equal(cache_commit(c), 0);
	cache_close(c);
	assert_int_equal(chmod(path, 0400), 0);
	as_user(readonly_checks);
}

/* sync's path: a cache found corrupt while writing is replaced in place, on
 * the same handle; two in the same second do not overwrite each other. */
static void
test_recover(void **state)
{
	struct cache *c = open_ok(NULL);

	assert_int_equal(cache_begin(c, 1000), 0);
	fill(c);
	assert_int_equal(cache_commit(c), 0);
	assert_int_equal(cache_recover(c), 0);
	assert_non_null(cache_note(c));
	assert_non_null(strstr(cache_note(c), ".corrupt-"));
	assert_int_equal(count_aside(), 1);
	assert_false(cache_has_snapshot(c));
	assert_int_equal(cache_begin(c, 1000), 0);
	fill(c);
	assert_int_equal(cache_commit(c), 0);
	assert_true(cache_has_snapshot(c));
	assert_int_equal(cache_recover(c), 0);
	assert_int_equal(count_aside(), 2);
	cache_close(c);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 5);
}

static void
test_verify(void **state)
{
	struct cache *c;
	const char *note = NULL;

	c = open_ok(NULL);
	assert_int_equal(cache_begin(c, 1000), 0);
	fill(c);
	assert_int_equal(cache_commit(c), 0);
	cache_close(c);
	assert_int_equal(cache_open_ex(path, CACHE_OPEN_VERIFY, &c, &note), 0);
	assert_null(note);
	assert_true(cache_has_snapshot(c));
	cache_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_snapshot_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_usage_rollups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_keeps_snapshot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_writers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_newer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_moved_aside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fifo_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verify, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recover, setup, teardown),
	};

	return cmocka_run_group_tests_name("cache", tests, NULL, NULL);
}
