/* db.c: billtopd's SQLite database: schema, cached statements, ids and version counters. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/util.h"
#include "server/db.h"

/*
 * Amounts are integer minor units, credits integers, instants epoch seconds
 * (UTC), days "YYYY-MM-DD".  Every list has an index matching its order so
 * that pages are read with keyset conditions, never OFFSET.
 */
static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS versions(name TEXT PRIMARY KEY, v INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS usage_versions(month TEXT PRIMARY KEY, v INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS counters(prefix TEXT PRIMARY KEY, n INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS account("
	" one INTEGER PRIMARY KEY CHECK (one = 1),"
	" id TEXT NOT NULL, name TEXT NOT NULL, currency TEXT NOT NULL,"
	" status TEXT NOT NULL, plan_id TEXT NOT NULL,"
	" trial_end INTEGER, anchor INTEGER NOT NULL,"
	" period_start INTEGER NOT NULL, period_end INTEGER NOT NULL,"
	" fee_plan_id TEXT,"               /* the plan whose fee this period bills; NULL in a trial */
	" scheduled_plan_id TEXT, paused_reason TEXT,"
	" tax_rate_bp INTEGER NOT NULL, created_at INTEGER NOT NULL,"
	" customer_credit INTEGER NOT NULL DEFAULT 0,"
	" period_used INTEGER NOT NULL DEFAULT 0, period_overage INTEGER NOT NULL DEFAULT 0,"
	" recharge_below INTEGER NOT NULL DEFAULT 0, recharge_credits INTEGER NOT NULL DEFAULT 0,"
	" fail_next_charge TEXT);"         /* seeds only: the next charge fails with this reason */
	"CREATE TABLE IF NOT EXISTS plans("
	" id TEXT PRIMARY KEY, name TEXT NOT NULL, rank INTEGER NOT NULL,"
	" price INTEGER, included INTEGER, overage INTEGER,"
	" rate_limit TEXT NOT NULL, support TEXT NOT NULL, features TEXT NOT NULL,"
	" contact_sales INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS plans_rank ON plans(rank, id);"
	"CREATE TABLE IF NOT EXISTS meters("
	" id TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL, raw_unit TEXT NOT NULL,"
	" raw_per_unit INTEGER NOT NULL, increment INTEGER NOT NULL,"
	" milli INTEGER NOT NULL, line_item TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS agents(id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS grants("
	" seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT NOT NULL,"
	" description TEXT NOT NULL, amount INTEGER NOT NULL, consumed INTEGER NOT NULL DEFAULT 0,"
	" available_from INTEGER NOT NULL, expires_at INTEGER,"
	" phase INTEGER NOT NULL,"        /* 0 scheduled, 1 available, 2 expired */
	" live INTEGER NOT NULL);"        /* available with credits left: what consumption reads */
	"CREATE INDEX IF NOT EXISTS grants_order ON grants(available_from);"
	"CREATE INDEX IF NOT EXISTS grants_phase ON grants(phase, expires_at);"
	"CREATE INDEX IF NOT EXISTS grants_live ON grants(live, expires_at);"
	"CREATE TABLE IF NOT EXISTS ledger("
	" seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, at INTEGER NOT NULL,"
	" kind TEXT NOT NULL, credits INTEGER NOT NULL, balance_after INTEGER NOT NULL,"
	" grant_id TEXT, description TEXT NOT NULL, day TEXT);"
	"CREATE INDEX IF NOT EXISTS ledger_at ON ledger(at);"
	"CREATE INDEX IF NOT EXISTS ledger_kind ON ledger(kind, at);"
	"CREATE INDEX IF NOT EXISTS ledger_day ON ledger(day, kind, grant_id);"
	"CREATE TABLE IF NOT EXISTS usage_daily("
	" day TEXT NOT NULL, meter_id TEXT NOT NULL, agent_id TEXT NOT NULL,"
	" records INTEGER NOT NULL, raw INTEGER NOT NULL, billed_raw INTEGER NOT NULL,"
	" credits INTEGER NOT NULL, PRIMARY KEY(day, meter_id, agent_id)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS runs("
	" seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, agent_id TEXT NOT NULL,"
	" started_at INTEGER NOT NULL, ended_at INTEGER, status TEXT NOT NULL,"
	" c_llm INTEGER NOT NULL, c_tool INTEGER NOT NULL, c_storage INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS runs_started ON runs(started_at);"
	"CREATE INDEX IF NOT EXISTS runs_agent ON runs(agent_id, started_at);"
	"CREATE TABLE IF NOT EXISTS invoices("
	" seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, number TEXT NOT NULL,"
	" status TEXT NOT NULL, is_draft INTEGER NOT NULL,"
	" period_start INTEGER NOT NULL, period_end INTEGER NOT NULL,"
	" issued_at INTEGER, due_at INTEGER, paid_at INTEGER,"
	" subtotal INTEGER NOT NULL, credits_applied INTEGER NOT NULL, tax INTEGER NOT NULL,"
	" total INTEGER NOT NULL, amount_paid INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS invoices_order ON invoices(is_draft, period_start);"
	"CREATE INDEX IF NOT EXISTS invoices_status ON invoices(status, is_draft, period_start);"
	"CREATE TABLE IF NOT EXISTS invoice_lines("
	" invoice_seq INTEGER NOT NULL, pos INTEGER NOT NULL, description TEXT NOT NULL,"
	" quantity INTEGER NOT NULL, unit TEXT NOT NULL, unit_price INTEGER NOT NULL,"
	" unit_price_per INTEGER NOT NULL, amount INTEGER NOT NULL,"
	" PRIMARY KEY(invoice_seq, pos)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS payment_methods("
	" seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,"
	" brand TEXT, last4 TEXT NOT NULL, exp_month INTEGER, exp_year INTEGER, bank_name TEXT,"
	" is_default INTEGER NOT NULL, created_at INTEGER NOT NULL,"
	" decline_reason TEXT);"           /* a method that always declines (seeds, tests) */
	"CREATE TABLE IF NOT EXISTS charges("
	" seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL,"
	" amount INTEGER NOT NULL, status TEXT NOT NULL, failure_reason TEXT,"
	" payment_method_id TEXT, invoice_id TEXT, description TEXT NOT NULL,"
	" refunded_amount INTEGER);"
	"CREATE INDEX IF NOT EXISTS charges_at ON charges(created_at);"
	"CREATE TABLE IF NOT EXISTS purchases("
	" seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, credits INTEGER NOT NULL,"
	" price INTEGER NOT NULL, grant_id TEXT NOT NULL, charge_id TEXT NOT NULL,"
	" invoice_id TEXT, created_at INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS idempotency("
	" key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,"
	" body BLOB NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS idempotency_at ON idempotency(created_at);";

int
db_exec(struct db *d, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(d->h, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "billtopd: sqlite: %s\n", err ? err : sqlite3_errmsg(d->h));
		sqlite3_free(err);
		d->failed = 1;
		return -1;
	}
	return 0;
}

/* 1 when the file exists and is not empty. */
static int
file_has_data(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_size > 0;
}

struct db *
db_open(const char *path, int *is_new)
{
	struct db *d = NULL;
	sqlite3_stmt *st = NULL;
	int had_data, fd;

	had_data = file_has_data(path);
	if (!had_data) {
		/* Create it 0600 before SQLite does: the WAL inherits the mode. */
		fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0) {
			fprintf(stderr, _("billtopd: cannot create %s: %s\n"), path, strerror(errno));
			return NULL;
		}
		(void)fchmod(fd, 0600);
		close(fd);
	}
	d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	if (sqlite3_open_v2(path, &d->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fprintf(stderr, _("billtopd: cannot open %s: %s\n"), path,
		        d->h ? sqlite3_errmsg(d->h) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(d->h, 5000);
	if (db_exec(d, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") < 0) {
		fprintf(stderr, _("billtopd: %s is not a usable database\n"), path);
		goto fail;
	}
	*is_new = 1;
	if (had_data) {
		if (sqlite3_prepare_v2(d->h, "SELECT count(*) FROM sqlite_master WHERE name = 'account'",
		                       -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
			fprintf(stderr, _("billtopd: %s is not a billtopd database: %s\n"), path,
			        sqlite3_errmsg(d->h));
			goto fail;
		}
		if (sqlite3_column_int(st, 0) > 0)
			*is_new = 0;
		sqlite3_finalize(st);
		st = NULL;
		if (*is_new) {
			fprintf(stderr, _("billtopd: %s is not a billtopd database\n"), path);
			goto fail;
		}
	}
	if (db_exec(d, schema) < 0)
		goto fail;
	if (!*is_new) {
		/* An account row is what makes the database usable. */
		if (sqlite3_prepare_v2(d->h, "SELECT count(*) FROM account", -1, &st, NULL) != SQLITE_OK ||
		    sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 1) {
			fprintf(stderr, _("billtopd: %s has no account; remove it to seed a new one\n"), path);
			goto fail;
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	d->failed = 0;
	return d;
fail:
	sqlite3_finalize(st);
	db_close(d);
	return NULL;
}

void
db_close(struct db *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->ncache; i++)
		sqlite3_finalize(d->cache[i].st);
	free(d->cache);
	if (sqlite3_close(d->h) != SQLITE_OK)
		fprintf(stderr, "billtopd: sqlite close: %s\n", sqlite3_errmsg(d->h));
	free(d);
}

sqlite3_stmt *
db_stmt(struct db *d, const char *sql)
{
	struct db_cached *c;
	sqlite3_stmt *st = NULL;
	size_t i;

	for (i = 0; i < d->ncache; i++) {
		if (d->cache[i].sql == sql) {
			sqlite3_reset(d->cache[i].st);
			sqlite3_clear_bindings(d->cache[i].st);
			return d->cache[i].st;
		}
	}
	if (d->ncache == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;

		c = realloc(d->cache, cap * sizeof *c);
		if (!c)
			return NULL;
		d->cache = c;
		d->cap = cap;
	}
	if (sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "billtopd: sqlite prepare: %s: %s\n", sqlite3_errmsg(d->h), sql);
		d->failed = 1;
		return NULL;
	}
	d->cache[d->ncache].sql = sql;
	d->cache[d->ncache].st = st;
	d->ncache++;
	return st;
}

void
db_reset_all(struct db *d)
{
	size_t i;

	for (i = 0; i < d->ncache; i++)
		sqlite3_reset(d->cache[i].st);
}

int
db_row(struct db *d, sqlite3_stmt *st)
{
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	fprintf(stderr, "billtopd: sqlite: %s: %s\n", sqlite3_errmsg(d->h), sqlite3_sql(st));
	d->failed = 1;
	return -1;
}

int
db_done(struct db *d, sqlite3_stmt *st)
{
	int rc = db_row(d, st);

	if (st)
		sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

int
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int
db_bind_opt(sqlite3_stmt *st, int i, int64_t v, int is_null)
{
	if (is_null)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, v);
}

char *
db_col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	s = sqlite3_column_text(st, i);
	return s ? strdup((const char *)s) : NULL;
}

int
db_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return str_copy(buf, n, s ? (const char *)s : "");
}

int
db_next_id(struct db *d, const char *prefix, int width, char *out, size_t n)
{
	sqlite3_stmt *st;
	int64_t next = 1;
	int r;

	st = db_stmt(d, "INSERT INTO counters(prefix, n) VALUES (?1, 1)"
	                " ON CONFLICT(prefix) DO UPDATE SET n = n + 1 RETURNING n");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	if (db_row(d, st) != 1) {
		sqlite3_reset(st);
		return -1;
	}
	next = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	r = snprintf(out, n, "%s_%0*lld", prefix, width, (long long)next);
	return r < 0 || (size_t)r >= n ? -1 : 0;
}

int
db_bump(struct db *d, const char *name)
{
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO versions(name, v) VALUES (?1, 1)"
	                              " ON CONFLICT(name) DO UPDATE SET v = v + 1");

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	return db_done(d, st);
}

int64_t
db_version(struct db *d, const char *name)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT v FROM versions WHERE name = ?1");
	int64_t v = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (db_row(d, st) == 1)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

int
db_bump_month(struct db *d, const char *day)
{
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO usage_versions(month, v) VALUES (substr(?1, 1, 7), 1)"
	                              " ON CONFLICT(month) DO UPDATE SET v = v + 1");

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	return db_done(d, st);
}

char *
db_meta_get(struct db *d, const char *key)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT value FROM meta WHERE key = ?1");
	char *v = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (db_row(d, st) == 1)
		v = db_col_dup(st, 0);
	sqlite3_reset(st);
	return v;
}

int
db_meta_set(struct db *d, const char *key, const char *value)
{
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO meta(key, value) VALUES (?1, ?2)"
	                              " ON CONFLICT(key) DO UPDATE SET value = excluded.value");

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	return db_done(d, st);
}
