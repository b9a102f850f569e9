/* list.h: the list envelope, limit/starting_after and ETags shared by every endpoint. */
#ifndef BILLTOPD_LIST_H
#define BILLTOPD_LIST_H

#include <stdint.h>

#include <jansson.h>
#include <sqlite3.h>

#include "server/api.h"

struct list_params {
	int64_t limit;        /* 1..1000, default 100 */
	const char *after;    /* starting_after, or NULL */
};

/* Reads limit and starting_after; on a bad value writes the 400 and returns -1. */
int list_params(struct req *rq, struct resp *rs, struct list_params *lp);

/* The 400 for a starting_after that names no item. */
void list_unknown_after(struct resp *rs, const char *after);

/*
 * The sort key (n integer columns, the last one seq) of the item
 * starting_after names, read by sql (one parameter: the id).  1 found; 0
 * unknown (the 400 is written); -1 internal (the 500 is written).
 */
int list_cursor(struct req *rq, struct resp *rs, const char *sql, const char *after,
                int64_t *keys, int n);

typedef json_t *(*list_row_fn)(struct req *rq, sqlite3_stmt *st);

/*
 * Steps st (bound with LIMIT limit + 1) and answers {"object": "list", ...}
 * with at most limit items; has_more when one more row exists.  Writes a 500
 * on failure.  st is reset afterwards.
 */
void list_answer(struct req *rq, struct resp *rs, sqlite3_stmt *st, int64_t limit, list_row_fn row);

/*
 * Sets rs->etag to a strong ETag over the database instance, what (the
 * resource and its query, without starting_after) and the version counters
 * named in the NULL-terminated list.
 */
void etag_versions(struct req *rq, struct resp *rs, const char *what, ...);

/* Sets rs->etag from an arbitrary string (already naming its versions). */
void etag_from(struct req *rq, struct resp *rs, const char *what);

/* 64-bit FNV-1a: the hash behind ETags and idempotency fingerprints. */
uint64_t fnv1a(uint64_t h, const void *p, size_t n);
#define FNV1A_INIT 0xcbf29ce484222325ULL

/* Parses "YYYY-MM-DD" (a real calendar day) into its 00:00:00Z epoch; 0 or -1. */
int day_parse(const char *s, int64_t *epoch);

#endif
