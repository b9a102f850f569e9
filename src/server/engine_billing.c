/* engine_billing.c: charges, the draft invoice, issuing invoices and one-off invoices. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/credits.h"
#include "core/money.h"
#include "core/util.h"
#include "server/engine.h"

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"
};

static int
utc_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	return gmtime_r(&tt, tm) ? 0 : -1;
}

void
eng_month_name(int64_t t, char *buf, size_t n)
{
	struct tm tm;

	if (utc_tm(t, &tm) < 0) {
		str_copy(buf, n, "");
		return;
	}
	snprintf(buf, n, "%s %d", month_names[tm.tm_mon], tm.tm_year + 1900);
}

int
eng_has_default_method(struct db *d)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT count(*) FROM payment_methods WHERE is_default = 1");
	int r;

	if (!st || db_row(d, st) != 1)
		return -1;
	r = sqlite3_column_int(st, 0) > 0;
	sqlite3_reset(st);
	return r;
}

enum eng_result
eng_charge(struct db *d, struct account *a, int64_t at, int64_t amount, const char *invoice_id,
           const char *description, char *charge_id, size_t n)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT id, type, exp_month, exp_year, decline_reason"
	                              " FROM payment_methods WHERE is_default = 1");
	char pm[ID_MAX], type[16], reason[160] = "", id[ID_MAX];
	int64_t exp_m = 0, exp_y = 0;
	struct tm tm;
	int r;

	if (!st)
		return ENG_ERR;
	r = db_row(d, st);
	if (r < 0)
		return ENG_ERR;
	if (r == 0) {
		sqlite3_reset(st);
		return ENG_NO_PAYMENT_METHOD;
	}
	db_col_copy(st, 0, pm, sizeof pm);
	db_col_copy(st, 1, type, sizeof type);
	exp_m = sqlite3_column_int64(st, 2);
	exp_y = sqlite3_column_int64(st, 3);
	db_col_copy(st, 4, reason, sizeof reason);
	sqlite3_reset(st);
	if (a->fail_next_charge[0]) {
		/* Seeds script one declined charge this way. */
		str_copy(reason, sizeof reason, a->fail_next_charge);
		a->fail_next_charge[0] = '\0';
	}
	if (!reason[0] && strcmp(type, "card") == 0 && utc_tm(at, &tm) == 0 &&
	    exp_y * 12 + exp_m < (int64_t)(tm.tm_year + 1900) * 12 + tm.tm_mon + 1)
		str_copy(reason, sizeof reason, "Card declined: expired card");
	if (db_next_id(d, "ch", 6, id, sizeof id) < 0)
		return ENG_ERR;
	st = db_stmt(d, "INSERT INTO charges(id, created_at, amount, status, failure_reason,"
	                " payment_method_id, invoice_id, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!st)
		return ENG_ERR;
	db_bind_text(st, 1, id);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_int64(st, 3, amount);
	db_bind_text(st, 4, reason[0] ? "failed" : "succeeded");
	db_bind_text(st, 5, reason[0] ? reason : NULL);
	db_bind_text(st, 6, pm);
	db_bind_text(st, 7, invoice_id);
	db_bind_text(st, 8, description);
	if (db_done(d, st) < 0 || db_bump(d, "charges") < 0)
		return ENG_ERR;
	if (charge_id && str_copy(charge_id, n, id) < 0)
		return ENG_ERR;
	return reason[0] ? ENG_DECLINED : ENG_OK;
}

/* tax = round_half_up(base * bp / 10000), checked. */
static int
tax_of(struct db *d, int64_t base, int64_t bp, int64_t *tax)
{
	int64_t x;

	if (base <= 0) {
		*tax = 0;
		return 0;
	}
	if (money_mul(base, bp, &x) != MONEY_OK || eng_add(d, x, 5000, &x) < 0)
		return eng_overflow(d);
	*tax = x / 10000;
	return 0;
}

/*
 * "BT-2026-0031": reserve the next number. The counter is one for every kind of
 * invoice (period invoices and one-off purchases), so numbers are unique; the
 * year is that of at (the period start for a period invoice, the issue date for
 * a one-off), never the period end. A number is given once and stored: an
 * invoice keeps it from the moment it is first shown, through plan changes and
 * issuing.
 */
static int
invoice_number(struct db *d, int64_t at, char *out, size_t n)
{
	char tmp[ID_MAX];
	struct tm tm;
	int64_t next;

	if (db_next_id(d, "invnum", 1, tmp, sizeof tmp) < 0)
		return -1;
	next = strtoll(tmp + 7, NULL, 10);
	if (utc_tm(at, &tm) < 0)
		return -1;
	snprintf(out, n, "BT-%04d-%04lld", tm.tm_year + 1900, (long long)next);
	return 0;
}

struct line {
	char description[128];
	int64_t quantity;
	const char *unit;
	int64_t unit_price, per, amount;
};

static int
lines_write(struct db *d, int64_t inv_seq, const struct line *l, size_t n)
{
	sqlite3_stmt *st = db_stmt(d, "DELETE FROM invoice_lines WHERE invoice_seq = ?1");
	size_t i;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, inv_seq);
	if (db_done(d, st) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		st = db_stmt(d, "INSERT INTO invoice_lines(invoice_seq, pos, description, quantity, unit,"
		                " unit_price, unit_price_per, amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, inv_seq);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		db_bind_text(st, 3, l[i].description);
		sqlite3_bind_int64(st, 4, l[i].quantity);
		db_bind_text(st, 5, l[i].unit);
		sqlite3_bind_int64(st, 6, l[i].unit_price);
		sqlite3_bind_int64(st, 7, l[i].per);
		sqlite3_bind_int64(st, 8, l[i].amount);
		if (db_done(d, st) < 0)
			return -1;
	}
	return 0;
}

/* The running period's lines: the plan fee (when billed) and overage. */
static int
draft_lines(struct db *d, const struct account *a, struct line *l, size_t *n)
{
	struct plan fee, cur;
	char month[32];
	int64_t amount;

	*n = 0;
	eng_month_name(a->period_start, month, sizeof month);
	if (a->fee_plan_id[0] && plan_load(d, a->fee_plan_id, &fee) == 1 && fee.price > 0) {
		snprintf(l[*n].description, sizeof l[*n].description, "%s plan, %s", fee.name, month);
		l[*n].quantity = 1;
		l[*n].unit = "month";
		l[*n].unit_price = fee.price;
		l[*n].per = 1;
		l[*n].amount = fee.price;
		(*n)++;
	}
	if (a->period_overage > 0) {
		if (plan_load(d, a->plan_id, &cur) != 1)
			return -1;
		if (cur.overage < 0)
			cur.overage = 0;
		if (credits_price(a->period_overage, cur.overage, &amount) != MONEY_OK)
			return eng_overflow(d);
		str_copy(l[*n].description, sizeof l[*n].description, "Overage credits");
		l[*n].quantity = a->period_overage;
		l[*n].unit = "credits";
		l[*n].unit_price = cur.overage;
		l[*n].per = 1000;
		l[*n].amount = amount;
		(*n)++;
	}
	return 0;
}

int
eng_draft_refresh(struct db *d, struct account *a)
{
	sqlite3_stmt *st;
	struct line lines[4];
	size_t n = 0, i;
	int64_t seq = -1, subtotal = 0, applied, tax, total;
	char id[ID_MAX], number[32];
	int r;

	if (strcmp(a->status, "canceled") == 0)
		return 0;
	if (draft_lines(d, a, lines, &n) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (eng_add(d, subtotal, lines[i].amount, &subtotal) < 0)
			return -1;
	applied = a->customer_credit < subtotal ? a->customer_credit : subtotal;
	if (applied < 0)
		applied = 0;
	if (eng_sub(d, subtotal, applied, &total) < 0 || tax_of(d, total, a->tax_rate_bp, &tax) < 0 ||
	    eng_add(d, total, tax, &total) < 0)
		return -1;
	st = db_stmt(d, "SELECT seq FROM invoices WHERE is_draft = 1");
	if (!st || (r = db_row(d, st)) < 0)
		return -1;
	if (r == 1)
		seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (seq < 0) {
		/* The draft's number is reserved now and never changes. */
		if (db_next_id(d, "inv", 6, id, sizeof id) < 0 ||
		    invoice_number(d, a->period_start, number, sizeof number) < 0)
			return -1;
		st = db_stmt(d, "INSERT INTO invoices(id, number, status, is_draft, period_start, period_end,"
		                " subtotal, credits_applied, tax, total, amount_paid)"
		                " VALUES (?1, ?2, 'draft', 1, ?3, ?4, ?5, ?6, ?7, ?8, 0) RETURNING seq");
		if (!st)
			return -1;
		db_bind_text(st, 1, id);
		db_bind_text(st, 2, number);
	} else {
		st = db_stmt(d, "UPDATE invoices SET period_start = ?3, period_end = ?4,"
		                " subtotal = ?5, credits_applied = ?6, tax = ?7, total = ?8"
		                " WHERE seq = ?1 RETURNING seq");
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, seq);
	}
	sqlite3_bind_int64(st, 3, a->period_start);
	sqlite3_bind_int64(st, 4, a->period_end);
	sqlite3_bind_int64(st, 5, subtotal);
	sqlite3_bind_int64(st, 6, applied);
	sqlite3_bind_int64(st, 7, tax);
	sqlite3_bind_int64(st, 8, total);
	if (db_row(d, st) != 1) {
		sqlite3_reset(st);
		return -1;
	}
	seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (lines_write(d, seq, lines, n) < 0)
		return -1;
	return db_bump(d, "invoices");
}

int
eng_draft_finalize(struct db *d, struct account *a, int64_t t)
{
	sqlite3_stmt *st;
	int64_t seq = -1, subtotal = 0, applied = 0, total = 0;
	char id[ID_MAX], number[32], desc[64];
	enum eng_result r;
	int found;

	if (eng_draft_refresh(d, a) < 0)
		return -1;
	st = db_stmt(d, "SELECT seq, id, subtotal, credits_applied, total, number FROM invoices"
	                " WHERE is_draft = 1");
	if (!st || (found = db_row(d, st)) < 0)
		return -1;
	if (found) {
		seq = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, id, sizeof id);
		subtotal = sqlite3_column_int64(st, 2);
		applied = sqlite3_column_int64(st, 3);
		total = sqlite3_column_int64(st, 4);
		db_col_copy(st, 5, number, sizeof number);
	}
	sqlite3_reset(st);
	if (!found)
		return 0;
	if (subtotal == 0) {
		/* Nothing due: a closed period without charges has no invoice. */
		st = db_stmt(d, "DELETE FROM invoices WHERE seq = ?1");
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, seq);
		if (db_done(d, st) < 0 || lines_write(d, seq, NULL, 0) < 0)
			return -1;
		return db_bump(d, "invoices");
	}
	a->customer_credit -= applied;
	st = db_stmt(d, "UPDATE invoices SET status = 'issued', is_draft = 0, period_end = ?3,"
	                " issued_at = ?3, due_at = ?4 WHERE seq = ?1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_int64(st, 3, t);
	sqlite3_bind_int64(st, 4, t + (int64_t)DUE_DAYS * DAY_SECONDS);
	if (db_done(d, st) < 0)
		return -1;
	r = ENG_OK;
	if (total > 0) {
		snprintf(desc, sizeof desc, "Invoice %s", number);
		r = eng_charge(d, a, t, total, id, desc, NULL, 0);
		if (r == ENG_ERR)
			return -1;
	}
	if (r == ENG_OK)
		st = db_stmt(d, "UPDATE invoices SET status = 'paid', paid_at = ?2, amount_paid = total WHERE seq = ?1");
	else
		st = db_stmt(d, "UPDATE invoices SET status = 'past_due' WHERE seq = ?1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	if (r == ENG_OK)
		sqlite3_bind_int64(st, 2, t);
	if (db_done(d, st) < 0)
		return -1;
	if (r != ENG_OK)
		str_copy(a->status, sizeof a->status, "past_due");
	return db_bump(d, "invoices");
}

enum eng_result
eng_oneoff(struct db *d, struct account *a, int64_t at, const char *description,
           int64_t quantity, const char *unit, int64_t unit_price, int64_t per,
           int64_t amount, char *invoice_id, size_t in, char *charge_id, size_t cn)
{
	sqlite3_stmt *st;
	struct line l;
	char id[ID_MAX], number[32], charge[ID_MAX];
	int64_t tax, total, seq;
	enum eng_result r;

	if (tax_of(d, amount, a->tax_rate_bp, &tax) < 0 || eng_add(d, amount, tax, &total) < 0)
		return ENG_ERR;
	if (db_next_id(d, "inv", 6, id, sizeof id) < 0)
		return ENG_ERR;
	r = eng_charge(d, a, at, total, id, description, charge, sizeof charge);
	if (r == ENG_DECLINED) {
		/* The failed charge stays on record; no invoice was kept for it. */
		st = db_stmt(d, "UPDATE charges SET invoice_id = NULL WHERE id = ?1");
		if (!st)
			return ENG_ERR;
		db_bind_text(st, 1, charge);
		if (db_done(d, st) < 0)
			return ENG_ERR;
	}
	if (r != ENG_OK)
		return r;
	if (invoice_number(d, at, number, sizeof number) < 0)
		return ENG_ERR;
	st = db_stmt(d, "INSERT INTO invoices(id, number, status, is_draft, period_start, period_end,"
	                " issued_at, due_at, paid_at, subtotal, credits_applied, tax, total, amount_paid)"
	                " VALUES (?1, ?2, 'paid', 0, ?3, ?3, ?3, ?3, ?3, ?4, 0, ?5, ?6, ?6) RETURNING seq");
	if (!st)
		return ENG_ERR;
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, number);
	sqlite3_bind_int64(st, 3, at);
	sqlite3_bind_int64(st, 4, amount);
	sqlite3_bind_int64(st, 5, tax);
	sqlite3_bind_int64(st, 6, total);
	if (db_row(d, st) != 1) {
		sqlite3_reset(st);
		return ENG_ERR;
	}
	seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	memset(&l, 0, sizeof l);
	str_copy(l.description, sizeof l.description, description);
	l.quantity = quantity;
	l.unit = unit;
	l.unit_price = unit_price;
	l.per = per;
	l.amount = amount;
	if (lines_write(d, seq, &l, 1) < 0 || db_bump(d, "invoices") < 0)
		return ENG_ERR;
	if ((invoice_id && str_copy(invoice_id, in, id) < 0) ||
	    (charge_id && str_copy(charge_id, cn, charge) < 0))
		return ENG_ERR;
	return ENG_OK;
}

int
eng_retry_past_due(struct db *d, struct account *a, int64_t at)
{
	sqlite3_stmt *st;
	char id[ID_MAX], number[32], desc[64];
	int64_t due;
	enum eng_result r;
	int row;

	for (;;) {
		st = db_stmt(d, "SELECT id, number, total - amount_paid FROM invoices WHERE status = 'past_due'"
		                " ORDER BY period_start, seq LIMIT 1");
		if (!st || (row = db_row(d, st)) < 0)
			return -1;
		if (!row) {
			sqlite3_reset(st);
			break;
		}
		db_col_copy(st, 0, id, sizeof id);
		db_col_copy(st, 1, number, sizeof number);
		due = sqlite3_column_int64(st, 2);
		sqlite3_reset(st);
		snprintf(desc, sizeof desc, "Invoice %s", number);
		r = eng_charge(d, a, at, due, id, desc, NULL, 0);
		if (r == ENG_ERR)
			return -1;
		if (r != ENG_OK)
			return 0; /* still past due */
		st = db_stmt(d, "UPDATE invoices SET status = 'paid', paid_at = ?2, amount_paid = total"
		                " WHERE id = ?1");
		if (!st)
			return -1;
		db_bind_text(st, 1, id);
		sqlite3_bind_int64(st, 2, at);
		if (db_done(d, st) < 0 || db_bump(d, "invoices") < 0)
			return -1;
	}
	if (strcmp(a->status, "past_due") == 0)
		str_copy(a->status, sizeof a->status, "active");
	if (strcmp(a->paused_reason, "past_due") == 0)
		a->paused_reason[0] = '\0';
	return 0;
}
