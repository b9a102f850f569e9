/* model_credits.h: the Credits tab's view model, separate from its drawing.
 *
 * Summary with the run-out forecast, the grants with their state (active,
 * expiring soon, scheduled, expired, used up), one page of the ledger, and
 * whether the plan can buy credits.  The pure parts take plain values so the
 * unit tests need no cache.
 */
#ifndef BILLTOP_MODEL_CREDITS_H
#define BILLTOP_MODEL_CREDITS_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"
#include "ui/model_common.h"

struct cache;

/* Grants expiring within this many days are highlighted. */
#define EXPIRING_SOON_DAYS 14

enum grant_state {
	GS_ACTIVE,
	GS_EXPIRING,      /* expires within EXPIRING_SOON_DAYS with credits left */
	GS_SCHEDULED,     /* available_from is in the future */
	GS_USED_UP,       /* nothing remaining */
	GS_EXPIRED
};
enum grant_state grant_state_at(const struct grant *g, int64_t now);
/* Translated: "plan allowance", "purchase", "promotion". */
const char *grant_source_label(enum grant_source s);
/* Translated: "allowance", "purchase", ..., and "all kinds" for -1. */
const char *ledger_kind_label(int kind);
/* The next ledger filter in the cycle all -> allowance -> ... -> adjustment -> all. */
int ledger_kind_next(int kind);

enum runout_state {
	RUNOUT_DATE,      /* run_out is before the period ends */
	RUNOUT_ENOUGH,    /* lasts past the period end (or nothing is being spent) */
	RUNOUT_NO_DATA,   /* fewer than 3 complete days: no forecast */
	RUNOUT_EMPTY      /* the balance is already 0 */
};

struct runout {
	enum runout_state state;
	int64_t at;               /* RUNOUT_DATE (and beyond the period: also set for ENOUGH when known); else M_NONE */
	int no_burn;              /* ENOUGH because nothing was spent over the window */
};
/* Run-out of the balance at the context's burn rate. */
void runout_compute(const struct billing_ctx *ctx, struct runout *out);
/* Whole days from now to the run-out (floor), or -1 when there is none. */
int64_t runout_days_left(const struct runout *r, int64_t now);

/* Whether the account can buy credits: 0 when it can, 1 with the reason
 * (translated, naming the plan or the role) in buf when it cannot. */
int purchase_refusal(const struct billing_ctx *ctx, char *buf, size_t n);

/* Purchase amounts: presets, and a typed number validated as the server
 * will (a positive multiple of 1,000, at most 10,000,000). */
#define PURCHASE_STEP 1000
#define PURCHASE_MAX  10000000
#define PURCHASE_NPRESETS 4
extern const int64_t purchase_presets[PURCHASE_NPRESETS];
/* Parses a typed amount: digits, optionally grouped with ',', '_', '.' or
 * spaces ("50,000"), or with a k/K suffix ("50k").  0 and *credits set, or -1
 * with *why naming what is wrong (translated, static). */
int purchase_parse_credits(const char *s, int64_t *credits, const char **why);

#define LEDGER_PAGE_DEFAULT 20

struct credits_model {
	struct billing_ctx ctx;
	struct runout runout;
	int64_t overage_per_1000;     /* M_NONE: no purchases */
	int refused;                  /* purchase_refusal() */
	char refusal[M_TEXT];
	int ngrants;
	struct grant *grants;         /* owned; API order: every grant (billtop
	                               * print), or only the current ones */
	enum grant_state *states;     /* owned; per grant */
	int nexpiring;
	/* The dashboard reads only the grants that still count; a large account
	 * has thousands of expired and used-up ones: counted, and read a page
	 * at a time when asked for. */
	int npast;                    /* past grants, not in grants */
	int past_offset, npast_page;  /* the page read: past[0] is number past_offset */
	struct grant *past;           /* owned */
	enum grant_state *past_states;
	/* One page of the ledger. */
	int ledger_kind;              /* -1: every kind */
	int ledger_offset, ledger_limit, ledger_total;
	int nledger;
	struct ledger_entry *ledger;  /* owned; newest first */
};

/* An empty model: every ledger kind, first page. */
void credits_model_init(struct credits_model *m);
/* Fills the grant states and counts from m->ctx and m->grants. */
void credits_model_derive(struct credits_model *m);
/* A print lists the current grants and this many past ones (expired or used
 * up, in API order); JSON lists them all.  A large account has thousands. */
#define PRINT_PAST_GRANTS 10

/* What credits_model_load reads of the grants. */
enum { CREDITS_CURRENT = 0,   /* the current ones and the count of the others */
       CREDITS_ALL = 1,       /* every grant (billtop print --format json) */
       CREDITS_PRINT = 2 };   /* the current ones and PRINT_PAST_GRANTS others (a text print) */
/* The model from the cache; all: CREDITS_CURRENT, _ALL or _PRINT.  m->npast
 * counts the past grants not in m->grants. */
int credits_model_load(struct cache *c, int64_t now, int all, struct credits_model *m, char *err, size_t errsz);
/* Reads limit past grants from number offset (clamped to the last page). */
int credits_model_load_past(struct cache *c, struct credits_model *m, int offset, int limit, char *err,
                            size_t errsz);
/* Reloads only the ledger page (kind, offset, limit changed). */
int credits_model_load_ledger(struct cache *c, struct credits_model *m, int kind, int offset, int limit,
                              char *err, size_t errsz);
void credits_model_free(struct credits_model *m);

#endif
