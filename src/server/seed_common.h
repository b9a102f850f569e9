/* seed_common.h: what both seeds share: a fixed PRNG, the catalogue, synthetic days of usage. */
#ifndef BILLTOPD_SEED_COMMON_H
#define BILLTOPD_SEED_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "server/db.h"
#include "server/seed.h"
#include "server/state.h"

/* splitmix64: the seeds are the same on every machine and every run. */
struct rng {
	uint64_t s;
};
uint64_t rng_next(struct rng *r);
/* Uniform in [lo, hi]. */
int64_t rng_range(struct rng *r, int64_t lo, int64_t hi);

/* Free, Starter, Pro, Enterprise. */
int seed_plans(struct db *d);

struct meter_spec {
	const char *id, *name, *unit, *raw_unit;
	int64_t raw_per_unit, increment, milli;
	const char *line_item;
	int64_t per_record; /* typical display units per record, to invent record counts */
};
int seed_meter(struct db *d, const struct meter_spec *m);
int seed_agent(struct db *d, const char *id, const char *name);
/* A card (brand, exp) or a bank account (bank_name set, brand NULL). */
int seed_method(struct db *d, const char *brand, const char *last4, int exp_month, int exp_year,
                const char *bank_name, int is_default, int64_t created_at, char *id_out, size_t n);

/* One (meter, agent) pair's usual daily credits. */
struct usage_cell {
	const struct meter *meter;
	const char *agent_id;
	int64_t credits_per_day;
};

struct day_plan {
	const struct usage_cell *cells;
	size_t ncells;
	int runs_per_agent;       /* runs a day per agent when runs are kept, 0 for none */
	int keep_runs;            /* the day is within the 90 days runs are kept */
	int64_t scale_ppm;        /* multiplier in millionths (growth, weekends, part of today) */
	const struct seed_spike *spike; /* NULL: none */
};

/*
 * Writes one day of usage (rows, runs, credits drawn, month version bumped)
 * through the engine.  day_start is 00:00Z; at is when the day's usage is
 * entered (23:59:59, or now for today).  Plans without overage stop at the
 * balance: the day is cut so the balance lands exactly on 0.  Saves a.
 */
int seed_day(struct db *d, struct account *a, struct rng *r, const struct day_plan *p,
             int64_t day_start, int64_t at);

#endif
