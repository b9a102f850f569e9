/* engine_credits.c: grants, the ledger and drawing credits (expiring first). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "server/engine.h"

int
eng_balance(struct db *d, int64_t *balance)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT coalesce(sum(amount - consumed), 0) FROM grants WHERE live = 1");

	if (!st || db_row(d, st) != 1)
		return -1;
	*balance = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

static int
ledger_add(struct db *d, int64_t at, const char *kind, int64_t credits, int64_t balance_after,
           const char *grant_id, const char *description, const char *day)
{
	sqlite3_stmt *st;
	char id[ID_MAX];

	if (db_next_id(d, "led", 6, id, sizeof id) < 0)
		return -1;
	st = db_stmt(d, "INSERT INTO ledger(id, at, kind, credits, balance_after, grant_id, description, day)"
	                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	sqlite3_bind_int64(st, 2, at);
	db_bind_text(st, 3, kind);
	sqlite3_bind_int64(st, 4, credits);
	sqlite3_bind_int64(st, 5, balance_after);
	db_bind_text(st, 6, grant_id);
	db_bind_text(st, 7, description);
	db_bind_text(st, 8, day);
	return db_done(d, st);
}

/*
 * Usage and overage: one entry per day and grant, grown as more usage comes in
 * (the sum checked here: SQLite would turn an overflowing '+' into a float).
 */
static int
ledger_day(struct db *d, int64_t at, const char *day, const char *kind, const char *grant_id,
           int64_t credits, int64_t balance_after)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT seq, credits FROM ledger WHERE day = ?1 AND kind = ?2"
	                              " AND grant_id IS ?3");
	char desc[64];
	int64_t seq = -1, sum = 0;
	int r;

	if (!st)
		return -1;
	db_bind_text(st, 1, day);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, grant_id);
	r = db_row(d, st);
	if (r == 1) {
		seq = sqlite3_column_int64(st, 0);
		sum = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	if (seq < 0) {
		snprintf(desc, sizeof desc, "%s on %s", strcmp(kind, "usage") == 0 ? "Usage" : "Overage", day);
		return ledger_add(d, at, kind, credits, balance_after, grant_id, desc, day);
	}
	if (eng_add(d, sum, credits, &sum) < 0)
		return -1;
	st = db_stmt(d, "UPDATE ledger SET credits = ?1, balance_after = ?2, at = max(at, ?3) WHERE seq = ?4");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, sum);
	sqlite3_bind_int64(st, 2, balance_after);
	sqlite3_bind_int64(st, 3, at);
	sqlite3_bind_int64(st, 4, seq);
	return db_done(d, st);
}

static const char *
source_kind(const char *source)
{
	if (strcmp(source, "plan_allowance") == 0)
		return "allowance";
	return source; /* purchase, promotion */
}

int
eng_grant(struct db *d, int64_t at, const char *source, const char *description,
          int64_t amount, int64_t available_from, int64_t expires_at, char *id_out, size_t n)
{
	sqlite3_stmt *st;
	char id[ID_MAX];
	int64_t balance;
	int available = available_from <= at;

	if (db_next_id(d, "grt", 6, id, sizeof id) < 0)
		return -1;
	st = db_stmt(d, "INSERT INTO grants(id, source, description, amount, consumed, available_from,"
	                " expires_at, phase, live) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8)");
	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, source);
	db_bind_text(st, 3, description);
	sqlite3_bind_int64(st, 4, amount);
	sqlite3_bind_int64(st, 5, available_from);
	db_bind_opt(st, 6, expires_at, expires_at == NO_TIME);
	sqlite3_bind_int(st, 7, available ? 1 : 0);
	sqlite3_bind_int(st, 8, available && amount > 0 ? 1 : 0);
	if (db_done(d, st) < 0)
		return -1;
	if (available) {
		if (eng_balance(d, &balance) < 0 ||
		    ledger_add(d, at, source_kind(source), amount, balance, id, description, NULL) < 0)
			return -1;
	}
	if (id_out && str_copy(id_out, n, id) < 0)
		return -1;
	return db_bump(d, "credits");
}

struct grant_row {
	int64_t seq, amount;
	char id[ID_MAX], source[24], description[160];
};

/* Reads the rows of st (seq, id, source, description, amount) into a malloc'd array. */
static int
grant_rows(struct db *d, sqlite3_stmt *st, struct grant_row **out, size_t *n)
{
	struct grant_row *rows = NULL, *g;
	size_t cap = 0;
	int r;

	*n = 0;
	while ((r = db_row(d, st)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			g = realloc(rows, cap * sizeof *rows);
			if (!g) {
				r = -1;
				break;
			}
			rows = g;
		}
		g = &rows[(*n)++];
		g->seq = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, g->id, sizeof g->id);
		db_col_copy(st, 2, g->source, sizeof g->source);
		db_col_copy(st, 3, g->description, sizeof g->description);
		g->amount = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	if (r < 0) {
		free(rows);
		return -1;
	}
	*out = rows;
	return 0;
}

int
eng_grants_available(struct db *d, int64_t t)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT seq, id, source, description, amount FROM grants"
	                              " WHERE phase = 0 AND available_from <= ?1 ORDER BY available_from, seq");
	struct grant_row *rows = NULL;
	size_t n = 0, i;
	int64_t balance;
	int rc = -1;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, t);
	if (grant_rows(d, st, &rows, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		st = db_stmt(d, "UPDATE grants SET phase = 1, live = (consumed < amount) WHERE seq = ?1");
		if (!st)
			goto out;
		sqlite3_bind_int64(st, 1, rows[i].seq);
		if (db_done(d, st) < 0 || eng_balance(d, &balance) < 0 ||
		    ledger_add(d, t, source_kind(rows[i].source), rows[i].amount, balance, rows[i].id,
		               rows[i].description, NULL) < 0)
			goto out;
	}
	rc = n ? db_bump(d, "credits") : 0;
out:
	free(rows);
	return rc;
}

int
eng_grants_expire(struct db *d, int64_t t)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT seq, id, source, description, amount - consumed FROM grants"
	                              " WHERE phase = 1 AND expires_at <= ?1 ORDER BY expires_at, seq");
	struct grant_row *rows = NULL;
	size_t n = 0, i;
	int64_t balance;
	char desc[200];
	int rc = -1;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, t);
	if (grant_rows(d, st, &rows, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		st = db_stmt(d, "UPDATE grants SET phase = 2, live = 0 WHERE seq = ?1");
		if (!st)
			goto out;
		sqlite3_bind_int64(st, 1, rows[i].seq);
		if (db_done(d, st) < 0 || eng_balance(d, &balance) < 0)
			goto out;
		if (rows[i].amount <= 0) /* amount holds what was left */
			continue;
		snprintf(desc, sizeof desc, "Expired: %s", rows[i].description);
		if (ledger_add(d, t, "expiry", -rows[i].amount, balance, rows[i].id, desc, NULL) < 0)
			goto out;
	}
	rc = n ? db_bump(d, "credits") : 0;
out:
	free(rows);
	return rc;
}

enum eng_result
eng_consume(struct db *d, struct account *a, int64_t at, const char *day, int64_t credits)
{
	sqlite3_stmt *st;
	struct plan plan;
	struct purchase_out po;
	char gid[ID_MAX];
	int64_t balance, left = credits, rem, take;
	int recharge = a->recharge_credits > 0, r;

	if (credits <= 0)
		return ENG_OK;
	if (plan_load(d, a->plan_id, &plan) != 1 || eng_balance(d, &balance) < 0)
		return ENG_ERR;
	while (left > 0) {
		if (recharge && balance < a->recharge_below) {
			r = eng_purchase(d, a, at, a->recharge_credits, &po);
			if (r == ENG_ERR)
				return ENG_ERR;
			if (r == ENG_OK && eng_add(d, balance, a->recharge_credits, &balance) < 0)
				return ENG_ERR;
			if (r != ENG_OK)
				recharge = 0; /* a failed top-up is not retried within one draw */
		}
		st = db_stmt(d, "SELECT seq, id, amount - consumed FROM grants WHERE live = 1"
		                " ORDER BY expires_at IS NULL, expires_at, available_from, seq LIMIT 1");
		if (!st)
			return ENG_ERR;
		r = db_row(d, st);
		if (r < 0)
			return ENG_ERR;
		if (r == 0) {
			sqlite3_reset(st);
			break;
		}
		int64_t seq = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, gid, sizeof gid);
		rem = sqlite3_column_int64(st, 2);
		sqlite3_reset(st);
		take = left < rem ? left : rem;
		st = db_stmt(d, "UPDATE grants SET consumed = consumed + ?1, live = (consumed + ?1 < amount)"
		                " WHERE seq = ?2");
		if (!st)
			return ENG_ERR;
		sqlite3_bind_int64(st, 1, take);
		sqlite3_bind_int64(st, 2, seq);
		if (db_done(d, st) < 0)
			return ENG_ERR;
		balance -= take;
		left -= take;
		if (ledger_day(d, at, day, "usage", gid, -take, balance) < 0)
			return ENG_ERR;
	}
	if (left > 0) {
		if (plan.overage < 0)
			return ENG_EXHAUSTED;
		if (ledger_day(d, at, day, "overage", NULL, -left, balance) < 0 ||
		    eng_add(d, a->period_overage, left, &a->period_overage) < 0)
			return ENG_ERR;
	}
	if (eng_add(d, a->period_used, credits, &a->period_used) < 0)
		return ENG_ERR;
	if (plan.overage < 0 && balance == 0 && !a->paused_reason[0])
		str_copy(a->paused_reason, sizeof a->paused_reason, "credits_exhausted");
	return db_bump(d, "credits") < 0 ? ENG_ERR : ENG_OK;
}
