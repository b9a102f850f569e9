/* state.h: the account, plans and meters as structs, loaded from and saved to the database. */
#ifndef BILLTOPD_STATE_H
#define BILLTOPD_STATE_H

#include <stdint.h>

#include "core/metering.h"
#include "server/db.h"

#define ID_MAX 64
#define NO_TIME INT64_MIN /* an absent instant */

struct account {
	char id[ID_MAX];
	char name[128];
	char currency[4];
	char status[16];          /* active, trialing, past_due, canceled */
	char plan_id[ID_MAX];
	int64_t trial_end;        /* NO_TIME when never trialed */
	int64_t anchor;           /* periods are monthly from here */
	int64_t period_start, period_end;
	char fee_plan_id[ID_MAX]; /* the plan whose fee this period bills; "" for none */
	char scheduled_plan_id[ID_MAX]; /* "" for none */
	char paused_reason[40];   /* "" when runs are not paused */
	int64_t tax_rate_bp;
	int64_t created_at;
	int64_t customer_credit;  /* monetary credit applied to the next invoice */
	int64_t period_used, period_overage;
	int64_t recharge_below, recharge_credits; /* automatic top-up (0: off) */
	char fail_next_charge[128];
};

int acct_load(struct db *d, struct account *a);
/* Writes every field back and bumps the "account" version. */
int acct_save(struct db *d, const struct account *a);
/* Inserts the one account row (seeds). */
int acct_create(struct db *d, const struct account *a);

struct plan {
	char id[ID_MAX];
	char name[64];
	int64_t rank;
	int64_t price;            /* -1 when null (contact sales) */
	int64_t included;         /* -1 when null */
	int64_t overage;          /* per 1000 credits; -1 when null (usage stops) */
	int contact_sales;
};

/* 1 found, 0 unknown, -1 error. */
int plan_load(struct db *d, const char *id, struct plan *p);

struct meter {
	char id[ID_MAX];
	char line_item[16];
	struct meter_def def;
};

/* 1 found, 0 unknown, -1 error. */
int meter_load(struct db *d, const char *id, struct meter *m);

#endif
