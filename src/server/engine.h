/*
 * engine.h: the billing rules.  Every function works inside the caller's
 * transaction and takes the instant it happens at, so the seeds replay
 * history through exactly the rules that serve live requests.
 */
#ifndef BILLTOPD_ENGINE_H
#define BILLTOPD_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "server/db.h"
#include "server/state.h"

enum eng_result {
	ENG_OK = 0,
	ENG_ERR = -1,             /* database or arithmetic failure: a 500 */
	ENG_NO_PAYMENT_METHOD = 1,
	ENG_DECLINED,
	ENG_UNAVAILABLE,          /* purchase on a plan without an overage price */
	ENG_EXHAUSTED,            /* a run needs more credits than a no-overage plan has */
	ENG_PAUSED,               /* runs are paused; the reason is in the account */
	ENG_PAST_DUE,
	ENG_ALREADY_ON_PLAN,
	ENG_NO_SCHEDULED_CHANGE,
	ENG_RANGE                 /* an amount would not fit in 64 bits: a 422, the caller rolls back */
};

#define DAY_SECONDS 86400
#define DUE_DAYS 14           /* an issued invoice is due this many days later */
#define PAUSE_OVERDUE_DAYS 14 /* runs pause once a past-due invoice is this late */
/* The largest raw of one run record (docs/api.md): 10^15, a petabyte in bytes. */
#define RUN_RAW_MAX INT64_C(1000000000000000)

/* --- checked sums (engine_sum.c) --- */

/*
 * Every sum of credits or money goes through these (money_add/money_sub
 * underneath): 0, or -1 with d->overflow set when the result would not fit in
 * 64 bits.  The flag tells an amount the request asked for that cannot be
 * counted (a 422, rolled back) from a server fault (a 500).
 */
int eng_add(struct db *d, int64_t a, int64_t b, int64_t *out);
int eng_sub(struct db *d, int64_t a, int64_t b, int64_t *out);
/* For a failed core computation (meter_credits, credits_price): sets d->overflow, returns -1. */
int eng_overflow(struct db *d);

/* --- credits (engine_credits.c) --- */

/* The balance: credits left on grants available now. */
int eng_balance(struct db *d, int64_t *balance);

/*
 * Creates a grant and, when it is available at `at`, its ledger entry.
 * expires_at NO_TIME: never expires.  id_out may be NULL.
 */
int eng_grant(struct db *d, int64_t at, const char *source, const char *description,
              int64_t amount, int64_t available_from, int64_t expires_at, char *id_out, size_t n);

/* Grants reaching their availability or expiry at t (ledger entries written). */
int eng_grants_available(struct db *d, int64_t t);
int eng_grants_expire(struct db *d, int64_t t);

/*
 * Draws credits used on `day` ("YYYY-MM-DD") from the grants, expiring first,
 * one ledger entry per day and grant (updated when more comes in).  What is
 * left is overage on a plan with an overage price; on a plan without one the
 * caller must have checked the balance (ENG_EXHAUSTED otherwise).  Tops up
 * when the account has automatic recharge.  Updates a's period counters and
 * pauses runs when a no-overage plan reaches 0; the caller saves a.
 */
enum eng_result eng_consume(struct db *d, struct account *a, int64_t at, const char *day, int64_t credits);

/* --- payments and invoices (engine_billing.c) --- */

/*
 * Charges the default method.  ENG_NO_PAYMENT_METHOD records nothing;
 * ENG_DECLINED records a failed charge; ENG_OK a succeeded one.  invoice_id
 * may be NULL; charge_id may be NULL.
 */
enum eng_result eng_charge(struct db *d, struct account *a, int64_t at, int64_t amount,
                           const char *invoice_id, const char *description,
                           char *charge_id, size_t n);

/* Rebuilds the draft invoice of the running period from the account (creates it if missing). */
int eng_draft_refresh(struct db *d, struct account *a);

/* Closes the running period's draft at t: issued and charged, or deleted when nothing is due. */
int eng_draft_finalize(struct db *d, struct account *a, int64_t t);

/*
 * A one-off invoice (a purchase, an upgrade's price difference) paid at once:
 * one line, tax on top, charged to the default method.  On ENG_DECLINED the
 * failed charge is recorded and no invoice is kept.
 */
enum eng_result eng_oneoff(struct db *d, struct account *a, int64_t at, const char *description,
                           int64_t quantity, const char *unit, int64_t unit_price, int64_t per,
                           int64_t amount, char *invoice_id, size_t in, char *charge_id, size_t cn);

/* Charges past-due invoices (oldest first) to the default method; reactivates when all are paid. */
int eng_retry_past_due(struct db *d, struct account *a, int64_t at);

/* 1 when a default payment method exists, 0 when none, -1 on error. */
int eng_has_default_method(struct db *d);

/* "October 2026" for the period starting at t (English: API text). */
void eng_month_name(int64_t t, char *buf, size_t n);

/* --- time (engine_roll.c) --- */

/* Applies every event up to now: grant availability and expiry, period ends, trial end, pauses. */
int eng_roll(struct db *d, int64_t now);

/* Starts a new period at t for a's plan: counters reset, allowance granted, draft created. */
int eng_period_start(struct db *d, struct account *a, int64_t t);

/* --- actions (engine_actions.c) --- */

enum eng_result eng_change_plan(struct db *d, struct account *a, const struct plan *target, int64_t at);
enum eng_result eng_cancel_scheduled(struct db *d, struct account *a);

struct purchase_out {
	char id[ID_MAX], grant_id[ID_MAX], charge_id[ID_MAX];
	int64_t price;
};
enum eng_result eng_purchase(struct db *d, struct account *a, int64_t at, int64_t credits,
                             struct purchase_out *out);

/* Makes pm_id the default and retries past-due invoices.  0, or -1. */
int eng_set_default(struct db *d, struct account *a, const char *pm_id, int64_t at);

/* One usage record of a run: raw units of a meter. */
struct run_record {
	const struct meter *meter;
	int64_t raw;
};

struct run_out {
	char id[ID_MAX];
	int64_t credits_llm, credits_tool, credits_storage;
	size_t range_record; /* on ENG_RANGE: the record (index into recs) the refusal names */
};

/*
 * Records a run of agent_id at `at`: each record rounded up to its meter's
 * increment, the day's usage rows updated, credits drawn.  ENG_PAUSED or
 * ENG_EXHAUSTED record nothing.  ENG_RANGE: a sum would not fit in 64 bits
 * (the day's usage, the period's credits, the draft invoice); it may have
 * written part of the run, so the caller rolls the request back.
 */
enum eng_result eng_run(struct db *d, struct account *a, const char *agent_id, int64_t started_at,
                        int64_t at, const struct run_record *recs, size_t n, struct run_out *out);

/*
 * Adds usage to the (day, meter, agent) row: records, raw, billed_raw;
 * *delta_credits receives how much the row's credits grew (the row's credits
 * are always computed from its billed_raw).  Bumps nothing (callers bump the month).
 */
int eng_usage_add(struct db *d, const char *day, const struct meter *m, const char *agent_id,
                  int64_t records, int64_t raw, int64_t billed_raw, int64_t *delta_credits);

#endif
