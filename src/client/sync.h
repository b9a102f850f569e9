/* sync.h: one refresh of the cache from the billing API.
 *
 * A refresh fetches every resource of docs/api.md in this order: account,
 * plans, credits, grants, ledger, meters, agents, usage (one calendar-month
 * window per month from the account's creation to now), runs (the last 90
 * days), invoices, payment_methods, charges.  It runs inside ONE write
 * transaction (BEGIN IMMEDIATE ... COMMIT), so a refresh that fails at any
 * point (network, HTTP error, bad data, a kill -9) leaves the previous
 * snapshot whole: run it in a process that may be killed at any moment.
 *
 * Each resource is fetched with If-None-Match and its stored ETag; a 304
 * skips decoding and writing it.  A list is replaced whole: its rows are
 * deleted, then each page is decoded and inserted as it arrives (limit 1000),
 * so memory stays flat however large the account grows.  A list whose ETag
 * changes between pages is read again from the start (at most 3 times).
 * Closed usage months keep their ETag and answer 304 from then on.
 *
 * A cache found corrupt while writing is moved aside and the refresh starts
 * over once into a new one (report->note says so).
 *
 * The per-resource state (last success, last attempt, last error, ETag) is
 * in the cache (cache_sync_states); the ETag of a resource only changes in
 * the transaction that writes its data.
 */
#ifndef BILLTOP_SYNC_H
#define BILLTOP_SYNC_H

#include <signal.h>
#include <stdint.h>

#include "client/cache.h"
#include "client/error.h"
#include "client/net.h"

#define SYNC_RESOURCES 12

enum sync_outcome {
	SYNC_NOT_REACHED = 0,  /* the refresh stopped before this resource */
	SYNC_FETCHED,          /* new data written */
	SYNC_UNCHANGED,        /* 304: the cache already holds it */
	SYNC_FAILED            /* this resource stopped the refresh */
};

struct sync_result {
	const char *resource;      /* "account", "plans", ... (static) */
	enum sync_outcome outcome;
	int pages;                 /* pages fetched (0 when unchanged) */
	int64_t items;             /* items written */
	int windows;               /* usage: month windows in range */
	int windows_fetched;       /* usage: windows that changed */
	int64_t refused;           /* items left out (decode_page): stored is all the rest */
	char refused_msg[320];     /* why the first was left out, or "" */
};

struct sync_report {
	struct sync_result res[SYNC_RESOURCES];
	int committed;             /* 1: the new snapshot is in the cache */
	int64_t started_at, finished_at;
	struct client_err err;     /* why the refresh failed (kind CERR_NONE on success) */
	const char *failed;        /* the resource that failed, or NULL */
	const char *note;          /* the cache was found corrupt, moved aside and
	                            * rebuilt by this refresh: says where (else NULL);
	                            * readers holding the old file should reopen it */
};

/*
 * Called after every page (and once when a resource is unchanged) with the
 * resource, its pages so far and items so far: for a spinner.  A non-zero
 * return cancels the refresh (CERR_CANCELED, nothing saved).
 */
typedef int (*sync_progress_fn)(void *arg, const char *resource, int pages, int64_t items);

struct sync_opts {
	sync_progress_fn progress;   /* may be NULL */
	void *progress_arg;
	int lock_wait_ms;            /* wait for another refresh of this cache; 0: 10 minutes */
	/* called once (with progress_arg and the cache's path) when another
	 * refresh has held the cache for about a second; may be NULL */
	void (*waiting)(void *arg, const char *cache_path);
	int64_t now;                 /* 0: time(NULL); tests fix it */
	int source;                  /* CONFIG_SOURCE_* (client/config.h): which API */
};

/* One refresh.  0 on success; -1 with report->err (and report->failed). */
int sync_run(struct net *n, struct cache *c, const struct sync_opts *opts,
             struct sync_report *report);

/* The resource names in refresh order (static strings). */
const char *sync_resource_name(int i);

#endif
