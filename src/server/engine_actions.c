/* engine_actions.c: what a caller can do: change plan, buy credits, set a default method, run. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/credits.h"
#include "core/metering.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "server/engine.h"

/* The plan allowances granted for the running period so far. */
static int
period_allowance(struct db *d, const struct account *a, int64_t *sum)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT coalesce(sum(amount), 0) FROM grants"
	                              " WHERE source = 'plan_allowance' AND available_from >= ?1"
	                              " AND available_from < ?2");

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, a->period_start);
	sqlite3_bind_int64(st, 2, a->period_end);
	if (db_row(d, st) != 1) {
		sqlite3_reset(st);
		return -1;
	}
	*sum = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

enum eng_result
eng_change_plan(struct db *d, struct account *a, const struct plan *target, int64_t at)
{
	struct plan cur;
	char month[32], desc[160], inv[ID_MAX], ch[ID_MAX];
	int64_t diff, granted;
	int has_pm;
	enum eng_result r;

	if (strcmp(a->status, "past_due") == 0)
		return ENG_PAST_DUE;
	if (strcmp(target->id, a->plan_id) == 0 && strcmp(a->status, "canceled") != 0)
		return ENG_ALREADY_ON_PLAN;
	if (plan_load(d, a->plan_id, &cur) != 1 || (has_pm = eng_has_default_method(d)) < 0)
		return ENG_ERR;
	if (strcmp(a->status, "canceled") == 0) {
		/* Subscribing again: the new plan starts a period now. */
		if (target->price > 0 && !has_pm)
			return ENG_NO_PAYMENT_METHOD;
		str_copy(a->plan_id, sizeof a->plan_id, target->id);
		str_copy(a->status, sizeof a->status, "active");
		a->paused_reason[0] = '\0';
		a->scheduled_plan_id[0] = '\0';
		a->anchor = at;
		return eng_period_start(d, a, at) < 0 ? ENG_ERR : ENG_OK;
	}
	if (target->rank <= cur.rank) {
		/* A downgrade waits for the end of the period. */
		str_copy(a->scheduled_plan_id, sizeof a->scheduled_plan_id, target->id);
		return acct_save(d, a) < 0 ? ENG_ERR : ENG_OK;
	}
	diff = (target->price > 0 ? target->price : 0) - (cur.price > 0 ? cur.price : 0);
	eng_month_name(a->period_start, month, sizeof month);
	if (strcmp(a->status, "trialing") != 0 && diff > 0) {
		if (!has_pm)
			return ENG_NO_PAYMENT_METHOD;
		snprintf(desc, sizeof desc, "Upgrade to %s plan, %s (price difference)", target->name, month);
		r = eng_oneoff(d, a, at, desc, 1, "month", diff, 1, diff, inv, sizeof inv, ch, sizeof ch);
		if (r != ENG_OK)
			return r;
	}
	str_copy(a->plan_id, sizeof a->plan_id, target->id);
	a->scheduled_plan_id[0] = '\0';
	if (strcmp(a->paused_reason, "credits_exhausted") == 0)
		a->paused_reason[0] = '\0';
	/*
	 * The period's allowance becomes the new plan's: only the difference from
	 * the allowances already granted this period is added (Free -> Starter
	 * grants 30,000 on top of Free's 10,000, not 40,000 more).
	 */
	if (period_allowance(d, a, &granted) < 0)
		return ENG_ERR;
	if (target->included > granted) {
		snprintf(desc, sizeof desc, "%s plan allowance, %s", target->name, month);
		if (granted > 0)
			snprintf(desc + strlen(desc), sizeof desc - strlen(desc),
			         " (raised from the %s allowance)", cur.name);
		if (eng_grant(d, at, "plan_allowance", desc, target->included - granted, at,
		              a->period_end, NULL, 0) < 0)
			return ENG_ERR;
	}
	if (acct_save(d, a) < 0 || eng_draft_refresh(d, a) < 0)
		return ENG_ERR;
	return ENG_OK;
}

enum eng_result
eng_cancel_scheduled(struct db *d, struct account *a)
{
	if (!a->scheduled_plan_id[0])
		return ENG_NO_SCHEDULED_CHANGE;
	a->scheduled_plan_id[0] = '\0';
	return acct_save(d, a) < 0 ? ENG_ERR : ENG_OK;
}

enum eng_result
eng_purchase(struct db *d, struct account *a, int64_t at, int64_t credits, struct purchase_out *out)
{
	sqlite3_stmt *st;
	struct plan p;
	char inv[ID_MAX];
	int64_t price;
	int has_pm;
	enum eng_result r;

	memset(out, 0, sizeof *out);
	if (plan_load(d, a->plan_id, &p) != 1)
		return ENG_ERR;
	if (p.overage < 0)
		return ENG_UNAVAILABLE;
	if (credits_price(credits, p.overage, &price) != MONEY_OK) {
		eng_overflow(d);
		return ENG_ERR;
	}
	has_pm = eng_has_default_method(d);
	if (has_pm < 0)
		return ENG_ERR;
	if (!has_pm)
		return ENG_NO_PAYMENT_METHOD;
	r = eng_oneoff(d, a, at, "Purchased credits", credits, "credits", p.overage, 1000, price,
	               inv, sizeof inv, out->charge_id, sizeof out->charge_id);
	if (r != ENG_OK)
		return r;
	if (eng_grant(d, at, "purchase", "Purchased credits", credits, at, NO_TIME,
	              out->grant_id, sizeof out->grant_id) < 0 ||
	    db_next_id(d, "pur", 6, out->id, sizeof out->id) < 0)
		return ENG_ERR;
	st = db_stmt(d, "INSERT INTO purchases(id, credits, price, grant_id, charge_id, invoice_id, created_at)"
	                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		return ENG_ERR;
	db_bind_text(st, 1, out->id);
	sqlite3_bind_int64(st, 2, credits);
	sqlite3_bind_int64(st, 3, price);
	db_bind_text(st, 4, out->grant_id);
	db_bind_text(st, 5, out->charge_id);
	db_bind_text(st, 6, inv);
	sqlite3_bind_int64(st, 7, at);
	if (db_done(d, st) < 0)
		return ENG_ERR;
	out->price = price;
	return ENG_OK;
}

int
eng_set_default(struct db *d, struct account *a, const char *pm_id, int64_t at)
{
	sqlite3_stmt *st = db_stmt(d, "UPDATE payment_methods SET is_default = (id = ?1)");

	if (!st)
		return -1;
	db_bind_text(st, 1, pm_id);
	if (db_done(d, st) < 0 || db_bump(d, "payment_methods") < 0)
		return -1;
	if (strcmp(a->status, "past_due") == 0 && eng_retry_past_due(d, a, at) < 0)
		return -1;
	return acct_save(d, a);
}

int
eng_usage_add(struct db *d, const char *day, const struct meter *m, const char *agent_id,
              int64_t records, int64_t raw, int64_t billed_raw, int64_t *delta_credits)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT records, raw, billed_raw, credits FROM usage_daily"
	                              " WHERE day = ?1 AND meter_id = ?2 AND agent_id = ?3");
	int64_t o_rec = 0, o_raw = 0, o_billed = 0, o_credits = 0, credits;
	int r;

	if (!st)
		return -1;
	db_bind_text(st, 1, day);
	db_bind_text(st, 2, m->id);
	db_bind_text(st, 3, agent_id);
	r = db_row(d, st);
	if (r < 0)
		return -1;
	if (r == 1) {
		o_rec = sqlite3_column_int64(st, 0);
		o_raw = sqlite3_column_int64(st, 1);
		o_billed = sqlite3_column_int64(st, 2);
		o_credits = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (eng_add(d, o_rec, records, &o_rec) < 0 || eng_add(d, o_raw, raw, &o_raw) < 0 ||
	    eng_add(d, o_billed, billed_raw, &o_billed) < 0)
		return -1;
	if (meter_credits(&m->def, o_billed, &credits) != MONEY_OK)
		return eng_overflow(d);
	st = db_stmt(d, "INSERT INTO usage_daily(day, meter_id, agent_id, records, raw, billed_raw, credits)"
	                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(day, meter_id, agent_id) DO UPDATE"
	                " SET records = excluded.records, raw = excluded.raw,"
	                " billed_raw = excluded.billed_raw, credits = excluded.credits");
	if (!st)
		return -1;
	db_bind_text(st, 1, day);
	db_bind_text(st, 2, m->id);
	db_bind_text(st, 3, agent_id);
	sqlite3_bind_int64(st, 4, o_rec);
	sqlite3_bind_int64(st, 5, o_raw);
	sqlite3_bind_int64(st, 6, o_billed);
	sqlite3_bind_int64(st, 7, credits);
	if (db_done(d, st) < 0)
		return -1;
	return eng_sub(d, credits, o_credits, delta_credits);
}

/* A meter's part of one run: every record rounded up, then summed. */
struct run_part {
	const struct meter *meter;
	struct meter_total total;
	int64_t delta; /* credits the day's row grows by */
	size_t big;    /* its largest record: the one a refusal names */
};

/*
 * What the day's row would grow by if part were added (nothing written);
 * every sum eng_usage_add will make is checked here first, so a run whose
 * row would not fit is refused before anything is written.
 */
static int
part_delta(struct db *d, const char *day, const char *agent_id, struct run_part *p)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT billed_raw, credits, records, raw FROM usage_daily"
	                              " WHERE day = ?1 AND meter_id = ?2 AND agent_id = ?3");
	int64_t billed = 0, old = 0, records = 0, raw = 0, now_credits;
	int r;

	if (!st)
		return -1;
	db_bind_text(st, 1, day);
	db_bind_text(st, 2, p->meter->id);
	db_bind_text(st, 3, agent_id);
	r = db_row(d, st);
	if (r < 0)
		return -1;
	if (r == 1) {
		billed = sqlite3_column_int64(st, 0);
		old = sqlite3_column_int64(st, 1);
		records = sqlite3_column_int64(st, 2);
		raw = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (eng_add(d, billed, p->total.billed_raw, &billed) < 0 ||
	    eng_add(d, records, p->total.records, &records) < 0 || eng_add(d, raw, p->total.raw, &raw) < 0)
		return -1;
	if (meter_credits(&p->meter->def, billed, &now_credits) != MONEY_OK)
		return eng_overflow(d);
	return eng_sub(d, now_credits, old, &p->delta);
}

/* The part with the largest delta: run-wide sums that do not fit name its largest record. */
static size_t
biggest_part(const struct run_part *parts, size_t np)
{
	size_t j, b = 0;

	for (j = 1; j < np; j++)
		if (parts[j].delta > parts[b].delta)
			b = j;
	return b;
}

/* Adds a day-row delta to one of the run's line items. */
static int
line_item_add(struct db *d, struct run_out *out, const struct meter *m, int64_t delta)
{
	int64_t *item = &out->credits_tool;

	if (strcmp(m->line_item, "llm") == 0)
		item = &out->credits_llm;
	else if (strcmp(m->line_item, "storage") == 0)
		item = &out->credits_storage;
	return eng_add(d, *item, delta, item);
}

/*
 * eng_run's work; out->range_record always names the record to blame should
 * a sum not fit from that point on (the function returns at once).
 */
static enum eng_result
run_record_all(struct db *d, struct account *a, const char *agent_id, int64_t started_at, int64_t at,
               const struct run_record *recs, size_t n, struct run_out *out)
{
	struct run_part parts[64];
	struct plan plan;
	sqlite3_stmt *st;
	size_t np = 0, i, j;
	int64_t total = 0, balance, delta, check;
	char day[16];

	if (a->paused_reason[0])
		return ENG_PAUSED;
	if (time_format_day(at, day, sizeof day) < 0 || plan_load(d, a->plan_id, &plan) != 1)
		return ENG_ERR;
	for (i = 0; i < n; i++) {
		for (j = 0; j < np && parts[j].meter != recs[i].meter; j++)
			;
		if (j == np) {
			if (np == sizeof parts / sizeof parts[0])
				return ENG_ERR;
			memset(&parts[np], 0, sizeof parts[np]);
			parts[np].meter = recs[i].meter;
			parts[np++].big = i;
		}
		if (recs[i].raw > recs[parts[j].big].raw)
			parts[j].big = i;
		out->range_record = i;
		if (meter_total_add(&recs[i].meter->def, &parts[j].total, recs[i].raw) != MONEY_OK) {
			eng_overflow(d);
			return ENG_ERR;
		}
	}
	for (j = 0; j < np; j++) {
		out->range_record = parts[j].big;
		if (part_delta(d, day, agent_id, &parts[j]) < 0 || eng_add(d, total, parts[j].delta, &total) < 0)
			return ENG_ERR;
	}
	/* From here the whole run is to blame; the period's counters are checked before any write. */
	out->range_record = parts[biggest_part(parts, np)].big;
	if (eng_add(d, a->period_used, total, &check) < 0 || eng_add(d, a->period_overage, total, &check) < 0)
		return ENG_ERR;
	if (plan.overage < 0) {
		if (eng_balance(d, &balance) < 0)
			return ENG_ERR;
		if (total > balance)
			return ENG_EXHAUSTED;
	}
	for (j = 0; j < np; j++) {
		if (eng_usage_add(d, day, parts[j].meter, agent_id, parts[j].total.records,
		                  parts[j].total.raw, parts[j].total.billed_raw, &delta) < 0 ||
		    line_item_add(d, out, parts[j].meter, delta) < 0)
			return ENG_ERR;
	}
	if (db_bump_month(d, day) < 0 || db_next_id(d, "run", 7, out->id, sizeof out->id) < 0)
		return ENG_ERR;
	st = db_stmt(d, "INSERT INTO runs(id, agent_id, started_at, ended_at, status, c_llm, c_tool, c_storage)"
	                " VALUES (?1, ?2, ?3, ?4, 'succeeded', ?5, ?6, ?7)");
	if (!st)
		return ENG_ERR;
	db_bind_text(st, 1, out->id);
	db_bind_text(st, 2, agent_id);
	sqlite3_bind_int64(st, 3, started_at);
	sqlite3_bind_int64(st, 4, at);
	sqlite3_bind_int64(st, 5, out->credits_llm);
	sqlite3_bind_int64(st, 6, out->credits_tool);
	sqlite3_bind_int64(st, 7, out->credits_storage);
	if (db_done(d, st) < 0 || db_bump(d, "runs") < 0)
		return ENG_ERR;
	if (eng_consume(d, a, at, day, total) != ENG_OK)
		return ENG_ERR;
	if (acct_save(d, a) < 0 || eng_draft_refresh(d, a) < 0)
		return ENG_ERR;
	return ENG_OK;
}

enum eng_result
eng_run(struct db *d, struct account *a, const char *agent_id, int64_t started_at, int64_t at,
        const struct run_record *recs, size_t n, struct run_out *out)
{
	enum eng_result r;

	memset(out, 0, sizeof *out);
	d->overflow = 0;
	r = run_record_all(d, a, agent_id, started_at, at, recs, n, out);
	if (r == ENG_ERR && d->overflow && !d->failed)
		r = ENG_RANGE;
	return r;
}
