/* state.c: the account, plans and meters as structs, loaded from and saved to the database. */
#include <config.h>

#include <string.h>

#include "core/util.h"
#include "server/state.h"

#define ACCT_COLS "id, name, currency, status, plan_id, trial_end, anchor, period_start," \
	" period_end, fee_plan_id, scheduled_plan_id, paused_reason, tax_rate_bp, created_at," \
	" customer_credit, period_used, period_overage, recharge_below, recharge_credits," \
	" fail_next_charge"

int
acct_load(struct db *d, struct account *a)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT " ACCT_COLS " FROM account WHERE one = 1");
	int r;

	memset(a, 0, sizeof *a);
	if (!st || (r = db_row(d, st)) != 1) {
		if (st)
			sqlite3_reset(st);
		d->failed = 1;
		return -1;
	}
	db_col_copy(st, 0, a->id, sizeof a->id);
	db_col_copy(st, 1, a->name, sizeof a->name);
	db_col_copy(st, 2, a->currency, sizeof a->currency);
	db_col_copy(st, 3, a->status, sizeof a->status);
	db_col_copy(st, 4, a->plan_id, sizeof a->plan_id);
	a->trial_end = sqlite3_column_type(st, 5) == SQLITE_NULL ? NO_TIME : sqlite3_column_int64(st, 5);
	a->anchor = sqlite3_column_int64(st, 6);
	a->period_start = sqlite3_column_int64(st, 7);
	a->period_end = sqlite3_column_int64(st, 8);
	db_col_copy(st, 9, a->fee_plan_id, sizeof a->fee_plan_id);
	db_col_copy(st, 10, a->scheduled_plan_id, sizeof a->scheduled_plan_id);
	db_col_copy(st, 11, a->paused_reason, sizeof a->paused_reason);
	a->tax_rate_bp = sqlite3_column_int64(st, 12);
	a->created_at = sqlite3_column_int64(st, 13);
	a->customer_credit = sqlite3_column_int64(st, 14);
	a->period_used = sqlite3_column_int64(st, 15);
	a->period_overage = sqlite3_column_int64(st, 16);
	a->recharge_below = sqlite3_column_int64(st, 17);
	a->recharge_credits = sqlite3_column_int64(st, 18);
	db_col_copy(st, 19, a->fail_next_charge, sizeof a->fail_next_charge);
	sqlite3_reset(st);
	return 0;
}

static const char *
nz(const char *s)
{
	return *s ? s : NULL;
}

static int
acct_bind(sqlite3_stmt *st, const struct account *a)
{
	db_bind_text(st, 1, a->id);
	db_bind_text(st, 2, a->name);
	db_bind_text(st, 3, a->currency);
	db_bind_text(st, 4, a->status);
	db_bind_text(st, 5, a->plan_id);
	db_bind_opt(st, 6, a->trial_end, a->trial_end == NO_TIME);
	sqlite3_bind_int64(st, 7, a->anchor);
	sqlite3_bind_int64(st, 8, a->period_start);
	sqlite3_bind_int64(st, 9, a->period_end);
	db_bind_text(st, 10, nz(a->fee_plan_id));
	db_bind_text(st, 11, nz(a->scheduled_plan_id));
	db_bind_text(st, 12, nz(a->paused_reason));
	sqlite3_bind_int64(st, 13, a->tax_rate_bp);
	sqlite3_bind_int64(st, 14, a->created_at);
	sqlite3_bind_int64(st, 15, a->customer_credit);
	sqlite3_bind_int64(st, 16, a->period_used);
	sqlite3_bind_int64(st, 17, a->period_overage);
	sqlite3_bind_int64(st, 18, a->recharge_below);
	sqlite3_bind_int64(st, 19, a->recharge_credits);
	return db_bind_text(st, 20, nz(a->fail_next_charge));
}

int
acct_save(struct db *d, const struct account *a)
{
	sqlite3_stmt *st = db_stmt(d, "UPDATE account SET (" ACCT_COLS ") = (?1, ?2, ?3, ?4, ?5,"
	                              " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
	                              " WHERE one = 1");

	if (!st)
		return -1;
	acct_bind(st, a);
	if (db_done(d, st) < 0)
		return -1;
	return db_bump(d, "account");
}

int
acct_create(struct db *d, const struct account *a)
{
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO account(one, " ACCT_COLS ") VALUES (1, ?1, ?2, ?3,"
	                              " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");

	if (!st)
		return -1;
	acct_bind(st, a);
	if (db_done(d, st) < 0)
		return -1;
	return db_bump(d, "account");
}

static int64_t
col_or(sqlite3_stmt *st, int i, int64_t dflt)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? dflt : sqlite3_column_int64(st, i);
}

int
plan_load(struct db *d, const char *id, struct plan *p)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT id, name, rank, price, included, overage, contact_sales"
	                              " FROM plans WHERE id = ?1");
	int r;

	memset(p, 0, sizeof *p);
	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	r = db_row(d, st);
	if (r == 1) {
		db_col_copy(st, 0, p->id, sizeof p->id);
		db_col_copy(st, 1, p->name, sizeof p->name);
		p->rank = sqlite3_column_int64(st, 2);
		p->price = col_or(st, 3, -1);
		p->included = col_or(st, 4, -1);
		p->overage = col_or(st, 5, -1);
		p->contact_sales = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	return r;
}

int
meter_load(struct db *d, const char *id, struct meter *m)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT id, line_item, raw_per_unit, increment, milli"
	                              " FROM meters WHERE id = ?1");
	int r;

	memset(m, 0, sizeof *m);
	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	r = db_row(d, st);
	if (r == 1) {
		db_col_copy(st, 0, m->id, sizeof m->id);
		db_col_copy(st, 1, m->line_item, sizeof m->line_item);
		m->def.raw_per_unit = sqlite3_column_int64(st, 2);
		m->def.increment = sqlite3_column_int64(st, 3);
		m->def.credits_milli_per_unit = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	return r;
}
