/* db.h: billtopd's SQLite database: schema, cached statements, ids and version counters. */
#ifndef BILLTOPD_DB_H
#define BILLTOPD_DB_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct db_cached {
	const char *sql; /* key: the address of a string literal */
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	struct db_cached *cache;
	size_t ncache, cap;
	int failed; /* set by any helper that hit an SQLite error inside the current request */
	int overflow; /* set by eng_add & co: an amount of the current request would not fit in 64 bits */
};

/*
 * Opens (creating it 0600 if missing) and prepares the schema.  *is_new is 1
 * when the file held no billtopd data yet (the caller seeds it).  Returns NULL
 * with a message on stderr on failure.
 */
struct db *db_open(const char *path, int *is_new);
void db_close(struct db *d);

/* Runs SQL without parameters (schema, BEGIN/COMMIT); 0 or -1 (message on stderr). */
int db_exec(struct db *d, const char *sql);

/*
 * A prepared statement for a string literal, cached for the life of the
 * connection, reset and with its bindings cleared.  NULL on error (logged).
 */
sqlite3_stmt *db_stmt(struct db *d, const char *sql);

/* Resets every cached statement (before COMMIT, so none holds a read open). */
void db_reset_all(struct db *d);

/* Steps a statement expected to finish (INSERT/UPDATE); 0 or -1 (logged, d->failed set). */
int db_done(struct db *d, sqlite3_stmt *st);
/* Steps once: 1 for a row, 0 when done, -1 on error (logged, d->failed set). */
int db_row(struct db *d, sqlite3_stmt *st);

/* Binds a text or NULL when s is NULL. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Binds an integer, or NULL when is_null. */
int db_bind_opt(sqlite3_stmt *st, int i, int64_t v, int is_null);
/* Column as a malloc'd string, or NULL for SQL NULL. */
char *db_col_dup(sqlite3_stmt *st, int i);
/* Copies a text column into buf (empty for NULL); 0 or -1 when it does not fit. */
int db_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n);

/*
 * The next id with a prefix: "inv" + width 6 -> "inv_000031".  Sequence
 * numbers are per prefix and never reused.  0 or -1.
 */
int db_next_id(struct db *d, const char *prefix, int width, char *out, size_t n);

/* Version counters behind the ETags: bumped on every write of a resource. */
int db_bump(struct db *d, const char *name);
int64_t db_version(struct db *d, const char *name);
/* Per-month counters for usage: month is the "YYYY-MM" prefix of day. */
int db_bump_month(struct db *d, const char *day);

/* meta table: a stored string (malloc'd) or NULL; and its setter. */
char *db_meta_get(struct db *d, const char *key);
int db_meta_set(struct db *d, const char *key, const char *value);

#endif
