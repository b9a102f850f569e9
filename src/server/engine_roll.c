/* engine_roll.c: moving the account forward in time (periods, trial end, expiry, pauses). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/timeutil.h"
#include "core/util.h"
#include "server/engine.h"

#define RUN_RETENTION_DAYS 90

int
eng_period_start(struct db *d, struct account *a, int64_t t)
{
	struct plan p;
	char month[32], desc[128];
	int64_t s, e;

	if (time_period_containing(a->anchor, t, &s, &e) < 0)
		return -1;
	if (strcmp(a->status, "trialing") == 0 && a->trial_end != NO_TIME && a->trial_end > t)
		e = a->trial_end; /* the trial is a period of its own */
	a->period_start = t;
	a->period_end = e;
	a->period_used = 0;
	a->period_overage = 0;
	if (strcmp(a->paused_reason, "credits_exhausted") == 0)
		a->paused_reason[0] = '\0';
	if (plan_load(d, a->plan_id, &p) != 1)
		return -1;
	a->fee_plan_id[0] = '\0';
	if (strcmp(a->status, "canceled") != 0) {
		if (strcmp(a->status, "trialing") != 0 && p.price > 0)
			str_copy(a->fee_plan_id, sizeof a->fee_plan_id, p.id);
		if (p.included > 0) {
			eng_month_name(t, month, sizeof month);
			snprintf(desc, sizeof desc, "%s plan allowance, %s", p.name, month);
			if (eng_grant(d, t, "plan_allowance", desc, p.included, t, e, NULL, 0) < 0)
				return -1;
		}
	}
	if (acct_save(d, a) < 0)
		return -1;
	return eng_draft_refresh(d, a);
}

/* The end of the running period at t: the draft is issued, a downgrade or the trial's end applies. */
static int
period_close(struct db *d, struct account *a, int64_t t)
{
	int trial_ending = strcmp(a->status, "trialing") == 0 && a->trial_end != NO_TIME && a->trial_end <= t;
	int has_pm;

	if (a->scheduled_plan_id[0]) {
		str_copy(a->plan_id, sizeof a->plan_id, a->scheduled_plan_id);
		a->scheduled_plan_id[0] = '\0';
	}
	if (eng_draft_finalize(d, a, t) < 0)
		return -1;
	if (trial_ending) {
		struct plan p;

		has_pm = eng_has_default_method(d);
		if (has_pm < 0 || plan_load(d, a->plan_id, &p) != 1)
			return -1;
		a->anchor = t; /* paid periods are anchored on the day the subscription starts */
		if (has_pm || p.price <= 0) {
			str_copy(a->status, sizeof a->status, "active");
		} else {
			str_copy(a->status, sizeof a->status, "canceled");
			str_copy(a->paused_reason, sizeof a->paused_reason, "trial_ended_no_payment_method");
		}
	}
	return eng_period_start(d, a, t);
}

/* The earliest of a query's single integer result, or INT64_MAX when NULL. */
static int
min_time(struct db *d, const char *sql, int64_t *t)
{
	sqlite3_stmt *st = db_stmt(d, sql);

	*t = INT64_MAX;
	if (!st || db_row(d, st) != 1)
		return -1;
	if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		*t = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

static int
drop_old_runs(struct db *d, int64_t now)
{
	sqlite3_stmt *st = db_stmt(d, "DELETE FROM runs WHERE started_at < ?1");

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, now - (int64_t)RUN_RETENTION_DAYS * DAY_SECONDS);
	if (db_done(d, st) < 0)
		return -1;
	return sqlite3_changes(d->h) > 0 ? db_bump(d, "runs") : 0;
}

int
eng_roll(struct db *d, int64_t now)
{
	struct account a;
	int64_t t_av, t_ex, t_pause, t;
	int guard;

	for (guard = 0; guard < 1000000; guard++) {
		if (acct_load(d, &a) < 0 ||
		    min_time(d, "SELECT min(available_from) FROM grants WHERE phase = 0", &t_av) < 0 ||
		    min_time(d, "SELECT min(expires_at) FROM grants WHERE phase = 1 AND expires_at IS NOT NULL",
		             &t_ex) < 0 ||
		    min_time(d, "SELECT min(due_at) FROM invoices WHERE status = 'past_due'", &t_pause) < 0)
			return -1;
		if (t_pause != INT64_MAX)
			t_pause = strcmp(a.paused_reason, "past_due") == 0 ? INT64_MAX
			          : t_pause + (int64_t)PAUSE_OVERDUE_DAYS * DAY_SECONDS;
		t = a.period_end;
		if (t_av < t)
			t = t_av;
		if (t_ex < t)
			t = t_ex;
		if (t_pause < t)
			t = t_pause;
		if (t > now)
			return drop_old_runs(d, now);
		/* Same instant: availability, then expiry, then the period's end. */
		if (t == t_av) {
			if (eng_grants_available(d, t) < 0)
				return -1;
		} else if (t == t_ex) {
			if (eng_grants_expire(d, t) < 0)
				return -1;
		} else if (t == a.period_end) {
			if (period_close(d, &a, t) < 0)
				return -1;
		} else {
			str_copy(a.paused_reason, sizeof a.paused_reason, "past_due");
			if (acct_save(d, &a) < 0)
				return -1;
		}
	}
	fprintf(stderr, "billtopd: the clock moved too far to catch up\n");
	return -1;
}
