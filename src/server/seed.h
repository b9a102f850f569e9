/* seed.h: deterministic accounts for demos and tests, replayed through the billing rules. */
#ifndef BILLTOPD_SEED_H
#define BILLTOPD_SEED_H

#include <stdint.h>

#include "server/db.h"

/* 1 for active, trial, past-due, exhausted, paused. */
int seed_variant_valid(const char *variant);

/* The demo account ("Acme Robotics") relative to now; inside the caller's transaction.  0 or -1. */
int seed_demo(struct db *d, const char *variant, int64_t now);

/* A large account: days of usage for 30 meters x 50 agents; inside the caller's transaction. */
int seed_large(struct db *d, long days, int64_t now);

#endif
