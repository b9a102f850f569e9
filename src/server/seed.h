/* seed.h: deterministic accounts for demos and tests, replayed through the billing rules. */
#ifndef BILLTOPD_SEED_H
#define BILLTOPD_SEED_H

#include <stdint.h>

#include "server/db.h"

/* --spike METER:YYYY-MM-DD:FACTOR: that meter's usage on that UTC day is
 * FACTOR times what the seed would draw (a known anomaly for the tests). */
struct seed_spike {
	char meter[64];            /* "" for none */
	int64_t day;               /* 00:00Z */
	int64_t factor;            /* 2..1000 */
};
/* Parses the option's value into sp.  0, or -1. */
int seed_spike_parse(const char *s, struct seed_spike *sp);

/* 1 for active, trial, past-due, exhausted, paused. */
int seed_variant_valid(const char *variant);

/* The demo account ("Acme Robotics") relative to now; inside the caller's transaction.  0 or -1. */
int seed_demo(struct db *d, const char *variant, const struct seed_spike *spike, int64_t now);

/* What the demo's replay is made of; seed_demo's own values, or drawn at
 * random by seed_random for the consistency suite. */
struct seed_params {
	const char *variant;       /* active, trial, past-due, exhausted, paused */
	uint64_t rng_seed;         /* the usage's PRNG */
	char currency[4];          /* ISO 4217: USD, JPY (0 decimals), KWD (3), ... */
	int64_t tax_rate_bp;
	const char *plan_id;       /* free, starter or pro (exhausted: always free) */
	int64_t size_ppm;          /* usage size in millionths of the demo's */
	int64_t customer_credit;   /* minor units applied to the first invoice */
	int failed_charge;         /* one declined charge, paid by a bank account the next day */
	int64_t buy1, buy2;        /* credits bought in the 2nd and 4th period (0: none) */
	int64_t promo1, promo2;    /* promotions: available now / available in 3 days (0: none) */
	const struct seed_spike *spike; /* NULL: none */
};
void seed_params_demo(struct seed_params *p, const char *variant);
int seed_account(struct db *d, const struct seed_params *p, int64_t now);

/* --seed random=N: an account drawn from N (currency among USD, EUR, JPY,
 * KWD, GBP; plan; variant; size; purchases; promotions; tax), the
 * parameters written to stderr so a failure can be replayed.  0 or -1. */
int seed_random(struct db *d, uint64_t n, const struct seed_spike *spike, int64_t now);

/* A large account: days of usage for 30 meters x 50 agents; inside the caller's transaction. */
int seed_large(struct db *d, long days, int64_t now);

#endif
