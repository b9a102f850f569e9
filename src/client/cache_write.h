/* cache_write.h: the write side of the cache.  Only a source's refresh
 * (client/source.h, called by sync.c) writes, and only between cache_begin() and cache_commit(): a refresh is one transaction, so
 * a failure or a kill at any point leaves the previous snapshot whole.
 * Every function returns 0 or -1 with the message in cache_error().
 */
#ifndef BILLTOP_CACHE_WRITE_H
#define BILLTOP_CACHE_WRITE_H

#include <stdint.h>

#include "client/cache.h"
#include "client/model.h"

/* The list tables a refresh replaces whole. */
enum cache_table {
	CT_PLANS, CT_GRANTS, CT_LEDGER, CT_METERS, CT_AGENTS, CT_RUNS,
	CT_INVOICES /* and their lines */, CT_PAYMENT_METHODS, CT_CHARGES, CT_COUNT
};

/* BEGIN IMMEDIATE: takes the write lock, waiting up to wait_ms while another
 * refresh holds it (then fails with a message saying so). */
int cache_begin(struct cache *c, int wait_ms);
/* cache_begin that calls waiting(arg, path) once, when the lock has been
 * held by another refresh for about a second (then waits the rest). */
typedef void (*cache_wait_fn)(void *arg, const char *path);
int cache_begin_notify(struct cache *c, int wait_ms, cache_wait_fn waiting, void *arg);
int cache_commit(struct cache *c);
void cache_rollback(struct cache *c);

/* Deletes every row of a list table (a refresh then inserts the new pages). */
int cache_clear(struct cache *c, enum cache_table t);

int cache_put_account(struct cache *c, const struct account *a);
int cache_put_credit_summary(struct cache *c, const struct credit_summary *s);
/* seq: the item's position in the API's order, counted across pages. */
int cache_put_plan(struct cache *c, int64_t seq, const struct plan *p);
int cache_put_grant(struct cache *c, int64_t seq, const struct grant *g);
int cache_put_ledger(struct cache *c, int64_t seq, const struct ledger_entry *l);
int cache_put_meter(struct cache *c, int64_t seq, const struct meter *m);
int cache_put_agent(struct cache *c, int64_t seq, const struct agent *a);
int cache_put_run(struct cache *c, int64_t seq, const struct run *r);
int cache_put_invoice(struct cache *c, int64_t seq, const struct invoice *inv);
int cache_put_payment_method(struct cache *c, int64_t seq, const struct payment_method *pm);
int cache_put_charge(struct cache *c, int64_t seq, const struct charge *ch);

/* Usage: raw rows by day range ("YYYY-MM-DD", inclusive), then the rollups
 * rebuilt from them for the same days. */
int cache_usage_clear(struct cache *c, const char *from_day, const char *to_day);
int cache_put_usage(struct cache *c, const struct usage_day *u);
int cache_usage_rebuild(struct cache *c, const char *from_day, const char *to_day);
/* Rebuilds the per-line-item rollup of every day (after the meters changed). */
int cache_usage_rebuild_items(struct cache *c);
/* Drops usage and usage windows before from_day (outside the account's life). */
int cache_usage_trim(struct cache *c, const char *from_day);

/* The ETag of one usage month window ("2026-11"); "" when none. */
int cache_window_etag(struct cache *c, const char *month, char *etag, size_t n);
int cache_window_put(struct cache *c, const char *month, const char *etag, int64_t now);
/* Forgets every window ETag: the next refresh fetches every month. */
int cache_windows_forget(struct cache *c);

/* Per-resource sync state.  cache_etag gives "" when none. */
int cache_etag(struct cache *c, const char *resource, char *etag, size_t n);
/* A successful fetch written in this transaction; etag NULL keeps the stored one. */
int cache_state_success(struct cache *c, const char *resource, int64_t now, const char *etag);
/* A failed attempt: last_attempt and last_error only (outside the refresh's
 * rolled-back transaction). */
int cache_state_failure(struct cache *c, const char *resource, int64_t now, const char *error);
/* After cache_state_success: a note on a refresh that succeeded with items
 * left out (last_error set while last_success == last_attempt). */
int cache_state_note(struct cache *c, const char *resource, const char *note);
/* An attempt whose data was not saved (the refresh failed later): last_attempt only. */
int cache_state_attempt(struct cache *c, const char *resource, int64_t now);
/* 1 when the last error was a constraint violation (the server sent the same
 * id twice in a list: bad data, not a broken cache). */
int cache_error_is_constraint(const struct cache *c);
/* 1 when the last error said the file is corrupt (SQLITE_CORRUPT/NOTADB). */
int cache_is_corrupt(const struct cache *c);
/* Moves the corrupt file aside (PATH.corrupt-STAMP) and starts an empty cache
 * in its place, on the same handle; cache_note() then says so.  Other
 * connections keep the old file open: they must reopen PATH.  0 or -1. */
int cache_recover(struct cache *c);
/* The message of the last recovery (or cache_open's note), or NULL. */
const char *cache_note(const struct cache *c);
/* Forgets every resource ETag (the account's currency changed). */
int cache_etags_forget(struct cache *c);
/* When this refresh completed (cache_synced_at). */
int cache_set_synced_at(struct cache *c, int64_t now);

#endif
