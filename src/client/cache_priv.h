/* cache_priv.h: what the cache_*.c files share: the handle, a statement
 * cache and column helpers.  Not for use outside src/client/cache*.c. */
#ifndef BILLTOP_CACHE_PRIV_H
#define BILLTOP_CACHE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "client/cache.h"

#define CACHE_STMTS 96

struct cache {
	sqlite3 *db;
	char path[1024];
	char err[4096];
	char note[4096];
	int in_tx;                 /* a write transaction is open (sync) */
	int snapshot;              /* a read transaction is open */
	int newer;                 /* refused: written by a newer billtop */
	int readonly;              /* opened with CACHE_OPEN_READONLY */
	int errcode;               /* sqlite's extended code of the last cache_fail */
	struct {
		const char *sql;       /* a string literal: the key is its address */
		sqlite3_stmt *st;
	} stmts[CACHE_STMTS];
};

/* The prepared statement for sql (a string literal), reset and unbound;
 * NULL with the error set. */
sqlite3_stmt *cache_stmt(struct cache *c, const char *sql);
/* Sets the error "what: sqlite's message"; returns -1. */
int cache_fail(struct cache *c, const char *what);
/* Sets the error to a formatted message; returns -1. */
int cache_failf(struct cache *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Finalizes every cached statement (before close or a schema change). */
void cache_stmts_clear(struct cache *c);
/* Runs SQL without results (several statements allowed).  0 or -1. */
int cache_exec(struct cache *c, const char *sql);

/* Column helpers: NULL reads as "" and M_NONE. */
void col_str(sqlite3_stmt *st, int i, char *dst, size_t n);
int64_t col_i64(sqlite3_stmt *st, int i);
/* Binds M_NONE as NULL. */
int bind_i64(sqlite3_stmt *st, int i, int64_t v);
/* Binds "" as NULL when null_empty. */
int bind_str(sqlite3_stmt *st, int i, const char *s, int null_empty);

/* Reading helpers shared by cache_read.c and cache_invoices.c. */
/* An enum column back into its value (0 if the cache holds another). */
int cache_col_enum(sqlite3_stmt *st, int i, int (*parse)(const char *));
/* Steps a one-row query: 1 with the row, 0 without, -1 on error. */
int cache_step_one(struct cache *c, sqlite3_stmt *st, const char *what);
/* Grows *arr to hold n + 1 elements of size sz. */
int cache_grow(struct cache *c, void **arr, int *cap, int n, size_t sz);
/* A count with an optional filter bound at ?1 (NULL: all). */
int cache_count_rows(struct cache *c, const char *sql, const char *filter, int *total);
/* A paged query (?1 filter or NULL, ?2 limit, ?3 offset) into a malloc'ed
 * array of sz-byte rows filled by row(). */
int cache_read_page(struct cache *c, const char *sql, const char *filter, int offset, int limit, size_t sz,
                    void (*row)(sqlite3_stmt *, void *), void **out, int *n, const char *what);

/* Runs the numbered migrations up to CACHE_SCHEMA_VERSION, each in its own
 * transaction; refuses a newer schema.  0, -1, or 1 when the handle is
 * read-only and the schema older (nothing was changed). */
int cache_migrate(struct cache *c);
/* The schema version this billtop writes. */
#define CACHE_SCHEMA_VERSION 5

#endif
