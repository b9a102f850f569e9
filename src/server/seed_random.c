/*
 * seed_random.c: --seed random=N, an account drawn from N for the
 * consistency suite: the demo's replay (seed_account) with another currency
 * (JPY has no minor unit, KWD three), plan, variant, size, tax, purchases
 * and promotions.  The same N gives the same account on every machine; the
 * parameters go to stderr so a failing N can be read and replayed.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/util.h"
#include "server/seed.h"
#include "server/seed_common.h"

static const char *const variants[] = { "active", "active", "past-due", "trial", "exhausted", "paused" };
static const char *const currencies[] = { "USD", "EUR", "JPY", "KWD", "GBP" };
static const char *const plans[] = { "starter", "pro", "pro" };
static const int64_t taxes[] = { 0, 500, 800, 1000, 1900, 2500 };

#define PICK(r, a) (a)[rng_range((r), 0, (int64_t)(sizeof(a) / sizeof((a)[0])) - 1)]

/* Credits in round thousands from lo to hi, or 0 one time in three. */
static int64_t
maybe_credits(struct rng *r, int64_t lo, int64_t hi)
{
	if (rng_range(r, 0, 2) == 0)
		return 0;
	return rng_range(r, lo / 1000, hi / 1000) * 1000;
}

int
seed_random(struct db *d, uint64_t n, const struct seed_spike *spike, int64_t now)
{
	struct rng r = { n ^ 0x9e3779b97f4a7c15ULL };
	struct seed_params p;
	int active_like;

	memset(&p, 0, sizeof p);
	p.variant = PICK(&r, variants);
	p.rng_seed = rng_next(&r);
	str_copy(p.currency, sizeof p.currency, PICK(&r, currencies));
	p.tax_rate_bp = PICK(&r, taxes);
	active_like = strcmp(p.variant, "active") == 0 || strcmp(p.variant, "past-due") == 0;
	p.plan_id = strcmp(p.variant, "exhausted") == 0 ? "free" : active_like ? PICK(&r, plans) : "pro";
	/* Starter's allowance is a tenth of Pro's: smaller usage, or it is all overage. */
	p.size_ppm = strcmp(p.plan_id, "starter") == 0 ? rng_range(&r, 20000, 300000)
	             : strcmp(p.plan_id, "free") == 0 ? rng_range(&r, 60000, 200000)
	             : rng_range(&r, 300000, 2000000);
	if (active_like) {
		p.customer_credit = rng_range(&r, 0, 1) ? rng_range(&r, 1, 5000) : 0;
		p.failed_charge = (int)rng_range(&r, 0, 1);
		p.buy1 = maybe_credits(&r, 10000, 200000);
		p.buy2 = maybe_credits(&r, 10000, 200000);
		p.promo1 = maybe_credits(&r, 1000, 80000);
		p.promo2 = maybe_credits(&r, 1000, 40000);
	}
	fprintf(stderr,
	        "billtopd: --seed random=%" PRIu64 ": variant=%s currency=%s plan=%s size_ppm=%" PRId64
	        " tax_bp=%" PRId64 " customer_credit=%" PRId64 " failed_charge=%d buy=%" PRId64 ",%" PRId64
	        " promo=%" PRId64 ",%" PRId64 "\n",
	        n, p.variant, p.currency, p.plan_id, p.size_ppm, p.tax_rate_bp, p.customer_credit,
	        p.failed_charge, p.buy1, p.buy2, p.promo1, p.promo2);
	p.spike = spike;
	return seed_account(d, &p, now);
}
