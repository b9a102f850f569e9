/* cache_spend.h: the organisation spend of a provider source (openai,
 * anthropic; docs/sources.md) in the cache: daily costs per dimension in
 * integer micro-units of the currency, token usage per day, model and kind,
 * the names of projects/workspaces and the organisation.
 *
 * Writes only inside the refresh's one transaction (source_*.c).  The
 * writer adds every cost to its dimensions and once to SPEND_DIM_TOTAL
 * (key ""), so a day's total and a range's total are one query.  0 or -1 with cache_error().
 */
#ifndef BILLTOP_CACHE_SPEND_H
#define BILLTOP_CACHE_SPEND_H

#include <stdint.h>

#include "client/cache.h"
#include "client/model.h"

#define SPEND_DIM_TOTAL "total"

struct spend_org {
	char source[16];          /* "openai", "anthropic" */
	char name[M_NAME];        /* the organisation ("" when the API has none) */
	char currency[M_CUR];     /* "USD" */
	char first_day[M_DAY];    /* the range the cache holds */
	char last_day[M_DAY];
};

struct spend_row {
	char day[M_DAY];          /* "" in totals */
	char key[M_NAME];         /* line item, project id, model ... */
	char name[M_NAME];        /* the display name (the key when none is known) */
	int64_t amount;           /* micro-units (costs) or the quantity (tokens) */
};

/* 1 with the organisation, 0 when the cache holds none, -1. */
int cache_spend_org(struct cache *c, struct spend_org *out);
int cache_spend_put_org(struct cache *c, const struct spend_org *o);
/* Deletes the cost and token rows of the days >= from_day (a refetch). */
int cache_spend_clear_from(struct cache *c, const char *from_day);
/* Adds micro to (day, dim, key); overflow is an error. */
int cache_spend_add_cost(struct cache *c, const char *day, const char *dim, const char *key,
                         const char *name, int64_t micro, const char *currency);
/* Adds qty to (day, model, kind). */
int cache_spend_add_tokens(struct cache *c, const char *day, const char *model,
                           const char *kind, int64_t qty);
/* Adds qty to (day, API key, kind): the usage per API key. */
int cache_spend_add_key_tokens(struct cache *c, const char *day, const char *api_key,
                               const char *kind, int64_t qty);
/* The names of one dimension, replaced whole. */
int cache_spend_clear_names(struct cache *c, const char *dim);
int cache_spend_put_name(struct cache *c, const char *dim, const char *key, const char *name);

/* Reads over the UTC days [from_day, to_day]; malloc'ed arrays. */
/* Per day and key, by day then key. */
int cache_spend_daily(struct cache *c, const char *dim, const char *from_day,
                      const char *to_day, struct spend_row **out, int *n);
/* Per key over the range (day ""), largest first. */
int cache_spend_totals(struct cache *c, const char *dim, const char *from_day,
                       const char *to_day, struct spend_row **out, int *n);
/* The total in micro-units over the range (0 when nothing). */
int cache_spend_sum(struct cache *c, const char *from_day, const char *to_day, int64_t *micro);
/* The total per day, oldest first, one entry per day including zeros. */
int cache_spend_per_day(struct cache *c, const char *from_day, const char *to_day,
                        int64_t **out, int *n);
/* Tokens per model and kind over the range: key "MODEL", name "KIND",
 * ordered by model then kind. */
int cache_spend_tokens(struct cache *c, const char *from_day, const char *to_day,
                       struct spend_row **out, int *n);

/* Usage per API key and kind over the range: key "KEY ID", name "KIND",
 * ordered by key then kind (as cache_spend_tokens). */
int cache_spend_key_tokens(struct cache *c, const char *from_day, const char *to_day,
                           struct spend_row **out, int *n);
/* The names of one dimension ('api_key', 'project', ...): key and name. */
int cache_spend_names(struct cache *c, const char *dim, struct spend_row **out, int *n);

#endif
