/* jsonx.h: small jansson helpers for the API's value shapes (money, instants, nullables). */
#ifndef BILLTOPD_JSONX_H
#define BILLTOPD_JSONX_H

#include <stdint.h>

#include <jansson.h>
#include <stddef.h>
#include <sqlite3.h>

/* {"amount": N, "currency": "USD"} */
json_t *jx_money(int64_t amount, const char *currency);
/* RFC 3339 string, or null. */
json_t *jx_time(int64_t epoch);
/* Column i of st as an RFC 3339 string, or null for SQL NULL. */
json_t *jx_col_time(sqlite3_stmt *st, int i);
/* Column i as a string/integer, or null for SQL NULL. */
json_t *jx_col_str(sqlite3_stmt *st, int i);
json_t *jx_col_int(sqlite3_stmt *st, int i);
/* Column i as money in currency, or null for SQL NULL. */
json_t *jx_col_money(sqlite3_stmt *st, int i, const char *currency);

/* base + id as one URL path segment: every byte but A-Z a-z 0-9 - _ ~ as %XX,
 * and '.' too, so "." and ".." cannot leave the resource.  -1 when it does
 * not fit in n bytes. */
int jx_url_segment(char *out, size_t n, const char *base, const char *id);

#endif
