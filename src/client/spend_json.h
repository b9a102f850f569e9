/* spend_json.h: reading a provider's JSON with every number kept as its text.
 *
 * jansson turns a JSON number into a double or a json_int_t and forgets its
 * text, and OpenAI sends money as JSON numbers with more digits than a double
 * holds ("0.1000000000000000055511151231257827").  spend_parse() first walks
 * the body with a small tokenizer and rewrites every number outside a string
 * into a string "\u0000TEXT" (a string that begins with a NUL byte, which no
 * real string of the body may hold: a body with "\u0000" inside a string is
 * refused), then lets jansson parse that.  The readers below tell such a
 * number from a string and convert its text exactly (core/decimal.h).
 *
 * The readers take a struct dctx (decode_priv.h) so that every error names
 * the JSON path that was wrong: "data[3].results[0].amount.value: not a decimal".
 */
#ifndef BILLTOP_SPEND_JSON_H
#define BILLTOP_SPEND_JSON_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "client/decode_priv.h"
#include "client/decode_spend.h"
#include "client/error.h"
#include "client/model.h"

/* The body parsed with numbers as text; NULL with err (CERR_BAD_DATA). */
json_t *spend_parse(const char *body, size_t len, struct client_err *err);

/* The number's text when v is a number, else NULL. */
const char *sj_number(const json_t *v);
/* A number at key: its value * 10^scale, exactly (rounded half away from
 * zero past the scale); with D_NULL a null or absent gives M_NONE. */
int sj_decimal(struct dctx *d, const json_t *o, const char *key, int scale, unsigned flags,
               int64_t *out);
/* A whole number in [min, max]. */
int sj_int(struct dctx *d, const json_t *o, const char *key, int64_t min, int64_t max,
           unsigned flags, int64_t *out);
/* A string (an identifier, or prose with D_TEXT); numbers are not strings. */
int sj_str(struct dctx *d, const json_t *o, const char *key, char *dst, size_t n, unsigned flags);
/* A boolean. */
int sj_bool(struct dctx *d, const json_t *o, const char *key, int *out);
/* A string at key equal to want (an "object" tag). */
int sj_tag(struct dctx *d, const json_t *o, const char *key, const char *want);

/* Both providers answer a usage or cost report as pages of daily buckets,
 * data[i].results[j]; they differ in the page envelope and in how a bucket
 * names its day. */
struct sj_bucket_format {
	int (*envelope)(struct dctx *d, const json_t *root, struct spend_page *pg, json_t **data);
	int (*day)(struct dctx *d, const json_t *bucket, char day[M_DAY]);
};
typedef int (*sj_result_fn)(struct dctx *d, const json_t *result, const char *day,
                            const struct spend_sink *s, const void *spec);
/* Calls fn on every result of every bucket, with the bucket's day and the
 * JSON path kept for errors.  0 or -1 with err. */
int sj_buckets(const struct sj_bucket_format *fmt, const json_t *root, const struct spend_sink *s,
               struct spend_page *pg, struct client_err *err, sj_result_fn fn, const void *spec);

#endif
