/* jsonx.h: small jansson helpers for the API's value shapes (money, instants, nullables). */
#ifndef BILLTOPD_JSONX_H
#define BILLTOPD_JSONX_H

#include <stdint.h>

#include <jansson.h>
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

#endif
