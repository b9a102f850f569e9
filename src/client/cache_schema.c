/* cache_schema.c: the cache schema as numbered, forward-only migrations.
 *
 * PRAGMA user_version is the schema version.  Each migration runs in its own
 * transaction together with the user_version bump, so a cache is always at a
 * whole version.  Never edit a migration that shipped: add the next one.
 * Instants are Unix seconds (NULL when absent), money is integer minor units,
 * enums are the API's strings.  seq keeps the order the API sent.
 */
#include <config.h>

#include <stdio.h>

#include "client/cache_priv.h"
#include "core/i18n.h"

/* 1: one table per resource; usage charts summed raw rows. */
static const char migration_1[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE sync_state (resource TEXT PRIMARY KEY, last_success INTEGER,"
	" last_attempt INTEGER, last_error TEXT NOT NULL DEFAULT '',"
	" etag TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE account (one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL,"
	" name TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL,"
	" plan_id TEXT NOT NULL, trial_end INTEGER, period_start INTEGER NOT NULL,"
	" period_end INTEGER NOT NULL, next_billing INTEGER, scheduled_plan_id TEXT,"
	" scheduled_at INTEGER, runs_paused INTEGER NOT NULL, pause_reason TEXT,"
	" payment_update_url TEXT, sales_url TEXT, tax_rate_bp INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL);"
	"CREATE TABLE credit_summary (one INTEGER PRIMARY KEY CHECK (one = 1),"
	" balance INTEGER NOT NULL, allocated INTEGER NOT NULL, consumed INTEGER NOT NULL,"
	" remaining INTEGER NOT NULL, period_allowance INTEGER NOT NULL,"
	" period_used INTEGER NOT NULL, period_overage INTEGER NOT NULL,"
	" scheduled INTEGER NOT NULL);"
	"CREATE TABLE plans (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL, rank INTEGER NOT NULL, price INTEGER, currency TEXT NOT NULL,"
	" interval TEXT NOT NULL, included_credits INTEGER, overage_per_1000 INTEGER,"
	" rate_limit TEXT, support TEXT, features TEXT NOT NULL, contact_sales INTEGER NOT NULL);"
	"CREATE TABLE grants (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" source TEXT NOT NULL, description TEXT, amount INTEGER NOT NULL,"
	" consumed INTEGER NOT NULL, remaining INTEGER NOT NULL,"
	" available_from INTEGER NOT NULL, expires_at INTEGER);"
	"CREATE TABLE ledger (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" at INTEGER NOT NULL, kind TEXT NOT NULL, credits INTEGER NOT NULL,"
	" balance_after INTEGER NOT NULL, grant_id TEXT, description TEXT);"
	"CREATE INDEX ledger_by_kind ON ledger (kind, seq);"
	"CREATE TABLE meters (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL, unit TEXT NOT NULL, raw_unit TEXT NOT NULL,"
	" raw_per_unit INTEGER NOT NULL, increment INTEGER NOT NULL,"
	" credits_milli_per_unit INTEGER NOT NULL, line_item TEXT NOT NULL);"
	"CREATE TABLE agents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL);"
	"CREATE TABLE usage_daily (day TEXT NOT NULL, meter_id TEXT NOT NULL,"
	" agent_id TEXT NOT NULL, records INTEGER NOT NULL, raw INTEGER NOT NULL,"
	" billed_raw INTEGER NOT NULL, credits INTEGER NOT NULL,"
	" PRIMARY KEY (day, meter_id, agent_id)) WITHOUT ROWID;"
	"CREATE TABLE runs (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" agent_id TEXT NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER,"
	" status TEXT NOT NULL, credits_llm INTEGER NOT NULL,"
	" credits_tool_calls INTEGER NOT NULL, credits_storage INTEGER NOT NULL,"
	" credits_total INTEGER NOT NULL);"
	"CREATE INDEX runs_by_agent ON runs (agent_id, started_at);"
	"CREATE TABLE invoices (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" number TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL,"
	" period_start INTEGER NOT NULL, period_end INTEGER NOT NULL, issued_at INTEGER,"
	" due_at INTEGER, paid_at INTEGER, subtotal INTEGER NOT NULL,"
	" credits_applied INTEGER NOT NULL, tax INTEGER NOT NULL, total INTEGER NOT NULL,"
	" amount_paid INTEGER NOT NULL, amount_due INTEGER NOT NULL, hosted_url TEXT);"
	"CREATE INDEX invoices_by_status ON invoices (status, seq);"
	"CREATE TABLE invoice_lines (invoice_id TEXT NOT NULL, n INTEGER NOT NULL,"
	" description TEXT NOT NULL, quantity INTEGER NOT NULL, unit TEXT,"
	" unit_price INTEGER, unit_price_per INTEGER NOT NULL, amount INTEGER NOT NULL,"
	" PRIMARY KEY (invoice_id, n)) WITHOUT ROWID;"
	"CREATE TABLE payment_methods (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" type TEXT NOT NULL, brand TEXT, last4 TEXT NOT NULL, exp_month INTEGER,"
	" exp_year INTEGER, bank_name TEXT, is_default INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL);"
	"CREATE TABLE charges (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" created_at INTEGER NOT NULL, amount INTEGER NOT NULL, currency TEXT NOT NULL,"
	" status TEXT NOT NULL, failure_reason TEXT, payment_method_id TEXT,"
	" invoice_id TEXT, description TEXT, refunded_amount INTEGER);";

/* 2: daily rollups so the Usage charts never scan raw rows on a redraw, and
 * an ETag per calendar-month usage window (closed months then answer 304). */
static const char migration_2[] =
	"CREATE TABLE usage_by_meter (day TEXT NOT NULL, meter_id TEXT NOT NULL,"
	" raw INTEGER NOT NULL, billed_raw INTEGER NOT NULL, credits INTEGER NOT NULL,"
	" PRIMARY KEY (day, meter_id)) WITHOUT ROWID;"
	"CREATE TABLE usage_by_agent (day TEXT NOT NULL, agent_id TEXT NOT NULL,"
	" raw INTEGER NOT NULL, billed_raw INTEGER NOT NULL, credits INTEGER NOT NULL,"
	" PRIMARY KEY (day, agent_id)) WITHOUT ROWID;"
	"CREATE TABLE usage_by_item (day TEXT NOT NULL, item TEXT NOT NULL,"
	" raw INTEGER NOT NULL, billed_raw INTEGER NOT NULL, credits INTEGER NOT NULL,"
	" PRIMARY KEY (day, item)) WITHOUT ROWID;"
	"CREATE TABLE usage_windows (month TEXT PRIMARY KEY, etag TEXT NOT NULL,"
	" fetched_at INTEGER NOT NULL);"
	"INSERT INTO usage_by_meter SELECT day, meter_id, sum(raw), sum(billed_raw), sum(credits)"
	" FROM usage_daily GROUP BY day, meter_id;"
	"INSERT INTO usage_by_agent SELECT day, agent_id, sum(raw), sum(billed_raw), sum(credits)"
	" FROM usage_daily GROUP BY day, agent_id;"
	"INSERT INTO usage_by_item SELECT u.day, m.line_item, sum(u.raw), sum(u.billed_raw),"
	" sum(u.credits) FROM usage_daily u JOIN meters m ON m.id = u.meter_id"
	" GROUP BY u.day, m.line_item;"
	/* version 1 kept one ETag for all usage: the months are refetched once */
	"UPDATE sync_state SET etag = '' WHERE resource = 'usage';";

/* 3: organisation spend read from a provider's cost and usage API (the
 * openai and anthropic sources, docs/sources.md): daily cost rows in integer
 * micro-units of the currency per dimension (line_item, project,
 * description, workspace), token usage per day, model and kind, the names
 * of projects/workspaces, and the organisation with the fetched range. */
static const char migration_3[] =
	"CREATE TABLE spend_org (one INTEGER PRIMARY KEY CHECK (one = 1),"
	" source TEXT NOT NULL, name TEXT NOT NULL, currency TEXT NOT NULL,"
	" first_day TEXT NOT NULL, last_day TEXT NOT NULL);"
	"CREATE TABLE spend_costs (day TEXT NOT NULL, dimension TEXT NOT NULL,"
	" key TEXT NOT NULL, name TEXT NOT NULL, amount_micro INTEGER NOT NULL,"
	" currency TEXT NOT NULL,"
	" PRIMARY KEY (day, dimension, key, currency)) WITHOUT ROWID;"
	"CREATE TABLE spend_tokens (day TEXT NOT NULL, model TEXT NOT NULL,"
	" kind TEXT NOT NULL, quantity INTEGER NOT NULL,"
	" PRIMARY KEY (day, model, kind)) WITHOUT ROWID;"
	"CREATE TABLE spend_names (dimension TEXT NOT NULL, key TEXT NOT NULL,"
	" name TEXT NOT NULL, PRIMARY KEY (dimension, key)) WITHOUT ROWID;";

/* 4: a spend source's usage per API key (OpenAI group_by=api_key_id,
 * Anthropic group_by[]=api_key_id), per day and kind as spend_tokens; the
 * keys' names are spend_names of dimension 'api_key'. */
static const char migration_4[] =
	"CREATE TABLE spend_key_tokens (day TEXT NOT NULL, api_key TEXT NOT NULL,"
	" kind TEXT NOT NULL, quantity INTEGER NOT NULL,"
	" PRIMARY KEY (day, api_key, kind)) WITHOUT ROWID;";

/* 5: indexes so a tab's first visit does not grow with the account: the
 * Invoices list's order (drafts first, newest first; cache_invoices.c's
 * INV_KEY, written exactly as there so that the planner matches it), and
 * within one status (where the draft term is constant), and the grants that
 * may still count (cache_read.c: those with credits left, and those not
 * yet available).  row_counts keeps the row count of the lists whose
 * totals the tabs show, by triggers (the lists are only ever written by
 * INSERT and DELETE, cache_write.c): count(*) reads every page, and pages
 * grow with the account. */
#define COUNTED(t) \
	"INSERT INTO row_counts SELECT '" t "', count(*) FROM " t ";" \
	"CREATE TRIGGER " t "_counted AFTER INSERT ON " t \
	" BEGIN UPDATE row_counts SET n = n + 1 WHERE name = '" t "'; END;" \
	"CREATE TRIGGER " t "_uncounted AFTER DELETE ON " t \
	" BEGIN UPDATE row_counts SET n = n - 1 WHERE name = '" t "'; END;"
static const char migration_5[] =
	"CREATE INDEX invoices_by_order ON invoices"
	" (-(status = 'draft'), -coalesce(issued_at, period_start, 0), seq);"
	"CREATE INDEX invoices_by_status_order ON invoices"
	" (status, -coalesce(issued_at, period_start, 0), seq);"
	"CREATE INDEX grants_with_credits ON grants (seq) WHERE remaining > 0;"
	"CREATE INDEX grants_by_available_from ON grants (available_from);"
	"CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
	COUNTED("grants") COUNTED("ledger") COUNTED("invoices") COUNTED("charges");

static const char *const migrations[CACHE_SCHEMA_VERSION] = {
	migration_1,
	migration_2,
	migration_3,
	migration_4,
	migration_5,
};

static int
user_version(struct cache *c, int *v)
{
	sqlite3_stmt *st = cache_stmt(c, "PRAGMA user_version");

	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW)
		return cache_fail(c, _("reading the schema version"));
	*v = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return 0;
}

static int
refuse_newer(struct cache *c, int v)
{
	c->newer = 1;
	return cache_failf(c, _("%s was written by a newer billtop (cache schema %d; this "
	                        "billtop knows up to %d): upgrade billtop, or use --cache "
	                        "with another file"), c->path, v, CACHE_SCHEMA_VERSION);
}

/* How long a migration waits for the write lock: as long as a refresh waits
 * for another (sync.c), since the holder may be a first sync that migrated
 * the new cache and is now refreshing it for minutes. */
#define MIGRATE_WAIT_MS (10 * 60 * 1000)
#define MIGRATE_BUSY_STEP_MS 5000   /* cache.c's busy timeout, waited per BEGIN */

/*
 * BEGIN IMMEDIATE for a migration.  While another billtop holds the write
 * lock, the version is read again (WAL readers are not blocked): when that
 * billtop has migrated already there is nothing left to do (*v is then
 * CACHE_SCHEMA_VERSION and no transaction is open).  0, or -1 with the error.
 */
static int
migrate_begin(struct cache *c, int *v)
{
	int waited = 0;

	for (;;) {
		if (cache_exec(c, "BEGIN IMMEDIATE") == 0)
			return 0;
		if ((c->errcode & 0xff) != SQLITE_BUSY || waited >= MIGRATE_WAIT_MS)
			return -1;
		/* the busy handler already waited its timeout inside BEGIN */
		waited += MIGRATE_BUSY_STEP_MS;
		if (user_version(c, v) < 0)
			return -1;
		if (*v >= CACHE_SCHEMA_VERSION)
			return 0;
	}
}

int
cache_migrate(struct cache *c)
{
	char sql[64];
	int v;

	if (user_version(c, &v) < 0)
		return -1;
	if (v > CACHE_SCHEMA_VERSION)
		return refuse_newer(c, v);
	if (v < CACHE_SCHEMA_VERSION && c->readonly)
		return 1;
	while (v < CACHE_SCHEMA_VERSION) {
		/* IMMEDIATE: a second billtop opening the same cache waits here and
		 * then sees the version the first one reached */
		if (migrate_begin(c, &v) < 0)
			return -1;
		if (v == CACHE_SCHEMA_VERSION)
			break;
		if (user_version(c, &v) < 0)
			goto fail;
		if (v > CACHE_SCHEMA_VERSION) {
			refuse_newer(c, v);
			goto fail;
		}
		if (v == CACHE_SCHEMA_VERSION) {
			cache_exec(c, "COMMIT");
			break;
		}
		/* a PRAGMA takes no bound parameters; v is our own small integer */
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if (cache_exec(c, migrations[v]) < 0 || cache_exec(c, sql) < 0 ||
		    cache_exec(c, "COMMIT") < 0)
			goto fail;
		v++;
	}
	return 0;
fail:
	sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
