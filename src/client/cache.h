/* cache.h: the local SQLite cache: open/migrate, and the queries views need.
 *
 * Writes happen only in a source's refresh (client/source.h), inside the one
 * transaction per refresh that sync.c holds.  The
 * read functions below return exactly what a view draws; none of them scans
 * raw rows on a redraw path (usage reads the daily rollup tables).
 * Every function returns 0 on success or -1 with a message in cache_error().
 */
#ifndef BILLTOP_CACHE_H
#define BILLTOP_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "client/model.h"

struct cache;

/* Opens (creating 0600, directory 0700) and migrates the cache at path.  A
 * corrupt file (SQLITE_CORRUPT, SQLITE_NOTADB, a failed quick_check) is moved
 * aside to PATH.corrupt-TIMESTAMP and rebuilt; *note then points at a message
 * for the user (static or owned by the cache).  Anything else is refused
 * (-1) with a message naming the path, and nothing is moved: a file billtop
 * may not open or write, a directory, a device, a symbolic link (never
 * followed), I/O errors, a cache written by a newer billtop. */
int cache_open(const char *path, struct cache **out, const char **note);
void cache_close(struct cache *c);
const char *cache_error(const struct cache *c);
/* cache_open with flags: CACHE_OPEN_VERIFY also runs PRAGMA quick_check (a
 * failure moves the file aside like corruption; costs a read of the file).
 * On failure *out is still set when memory allowed: read cache_error(*out),
 * then cache_close(*out).  cache_error(NULL) says "out of memory". */
#define CACHE_OPEN_VERIFY 1
/* CACHE_OPEN_READONLY: for readers (`billtop print`): the file must exist and
 * is opened read-only, so a cache the user made read-only still reads; only
 * an older schema to migrate, or corruption, opens it for writing. */
#define CACHE_OPEN_READONLY 2
int cache_open_ex(const char *path, int flags, struct cache **out, const char **note);
/* The file this cache lives in. */
const char *cache_path(const struct cache *c);
/* Optional: wrap several reads in one snapshot, so a refresh committing in
 * another process between two reads cannot mix old and new data. */
int cache_snapshot_begin(struct cache *c);
void cache_snapshot_end(struct cache *c);
/* The default path: $XDG_CACHE_HOME/billtop/PROFILE.db (or ~/.cache/...). */
int cache_default_path(const char *profile, char *buf, size_t n);

/* 1 when a snapshot was ever written (an empty cache shows a loading screen). */
int cache_has_snapshot(struct cache *c);
/* When the last complete refresh finished (M_NONE if never). */
int64_t cache_synced_at(struct cache *c);

/* Per-resource sync state, for the status line and `billtop sync`. */
struct sync_state {
	char resource[64];
	int64_t last_success;     /* M_NONE if never */
	int64_t last_attempt;
	char last_error[512];     /* "" when the last attempt succeeded */
	char etag[256];
};
/* Returns a malloc'ed array the caller frees. */
int cache_sync_states(struct cache *c, struct sync_state **out, int *n);

/* Single objects.  Return 1 when present, 0 when absent, -1 on error. */
int cache_account(struct cache *c, struct account *out);
int cache_credit_summary(struct cache *c, struct credit_summary *out);
int cache_plan(struct cache *c, const char *id, struct plan *out);
int cache_invoice(struct cache *c, const char *id, struct invoice *out); /* invoice_free() */
int cache_default_method(struct cache *c, struct payment_method *out);
/* The newest issued invoice (by issue date; not a draft, not void): the
 * one the Overview's "Last invoice" shows. */
int cache_latest_invoice(struct cache *c, struct invoice *out);

/* Lists: malloc'ed arrays the caller frees with free() (invoices: invoice_free
 * on each, then free).  Order as in docs/api.md unless said otherwise. */
int cache_plans(struct cache *c, struct plan **out, int *n);
int cache_grants(struct cache *c, struct grant **out, int *n);
int cache_meters(struct cache *c, struct meter **out, int *n);
int cache_agents(struct cache *c, struct agent **out, int *n);
int cache_payment_methods(struct cache *c, struct payment_method **out, int *n);
/* Paged lists: offset/limit over the ordered list; *total gets the full count. */
int cache_ledger(struct cache *c, int kind /* -1: all */, int offset, int limit,
                 struct ledger_entry **out, int *n, int *total);
/* Invoices: drafts first, then newest issue date first, whatever order the
 * source sent them in (the same order for every invoice reader below). */
int cache_invoices(struct cache *c, int status /* -1: all */, int offset, int limit,
                   struct invoice **out, int *n, int *total);
int cache_charges(struct cache *c, int offset, int limit,
                  struct charge **out, int *n, int *total);
/* Large accounts (thousands of invoices and grants): a window of the list,
 * search in SQL, the lines of one invoice only (cache_invoice). */
#define INVOICE_QUERY_AMOUNTS 3
/* An invoice search: a part of the number (any case), or an amount: an
 * inclusive range of minor units, per currency, that the total, the amount
 * due or the subtotal falls in. */
struct invoice_query {
	char number[64];              /* "": no number matches */
	int namounts;
	struct invoice_amount {
		char currency[M_CUR];
		int64_t lo, hi;
	} amount[INVOICE_QUERY_AMOUNTS];
};
/* cache_invoices without the lines, and only what q finds (q NULL: every
 * invoice of the status); limit 0 only counts (*total).  Without a query,
 * total may be NULL: the rows only, not counted again. */
int cache_invoice_rows(struct cache *c, int status, const struct invoice_query *q, int offset, int limit,
                       struct invoice **out, int *n, int *total);
/* Where the invoice with this id or number stands in the status's list
 * (newest first, from 0): 1 with *index, 0 when it is not in that list. */
int cache_invoice_index(struct cache *c, int status, const char *id_or_number, int *index);
/* The first invoice q finds from list index `from` on, going towards older
 * (dir 1) or newer (dir -1) ones and wrapping around: 1 with *index, 0. */
int cache_invoice_find(struct cache *c, int status, const struct invoice_query *q, int from, int dir,
                       int *index);
/* The currencies of the invoices (at most max), to build a query. */
int cache_invoice_currencies(struct cache *c, char (*out)[M_CUR], int max, int *n);
/* The grants that still count at now: not expired and not used up
 * (scheduled ones included), in API order; *past counts the others. */
int cache_grants_current(struct cache *c, int64_t now, struct grant **out, int *n, int *past);
/* A print's page: the current grants and the first npast of the others, in
 * API order; *hidden counts the others not read. */
int cache_grants_print(struct cache *c, int64_t now, int npast, struct grant **out, int *n, int *hidden);
/* The others (expired or used up at now), a page of them in API order. */
int cache_grants_past(struct cache *c, int64_t now, int offset, int limit,
                      struct grant **out, int *n, int *total);
/* Runs of one agent over [from, to) (Unix seconds), newest first; agent_id
 * NULL or "" gives every agent's runs. */
int cache_runs(struct cache *c, const char *agent_id, int64_t from, int64_t to,
               struct run **out, int *n);

/* Usage rollups over the UTC days [from_day, to_day] ("YYYY-MM-DD").
 * A row is one day and one key: a meter id, an agent id, or a line item name
 * ("llm", "tool_calls", "storage"), by `by`. */
enum usage_by { BY_METER, BY_AGENT, BY_ITEM };
struct usage_row {
	char day[M_DAY];
	char key[M_ID];
	int64_t raw, billed_raw, credits;
};
int cache_usage_daily(struct cache *c, enum usage_by by, const char *from_day,
                      const char *to_day, struct usage_row **out, int *n);
/* Totals per key over the range (day is ""), largest credits first. */
int cache_usage_totals(struct cache *c, enum usage_by by, const char *from_day,
                       const char *to_day, struct usage_row **out, int *n);
/* Credits per UTC day over the range, oldest first, one entry per day
 * including days with zero (for burn rates and forecasts). */
int cache_usage_credits_per_day(struct cache *c, const char *from_day,
                                const char *to_day, int64_t **out, int *n);

#endif
