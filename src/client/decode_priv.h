/* decode_priv.h: field readers shared by the decode_*.c files.
 *
 * A struct dctx carries the JSON path of the value being read ("data[3].lines[0]")
 * so that every error names exactly where it is.  Each reader takes the object
 * and the key, checks presence, type and range, and on failure sets the error
 * and returns -1.
 */
#ifndef BILLTOP_DECODE_PRIV_H
#define BILLTOP_DECODE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "client/error.h"

struct dctx {
	char path[256];
	size_t plen;
	const char *currency;     /* the account's; NULL while decoding the account */
	struct client_err *err;
	int refusable;            /* the last failure concerns one item only (a field that
	                           * cannot be stored exactly): a page leaves the item out */
};

/* Flags for the readers. */
#define D_NULL  1u   /* null (or absent) allowed: strings "", numbers M_NONE */
#define D_TEXT  2u   /* prose: sanitised, secrets masked, truncated to fit; without it a
                        string is an identifier, stored exactly (see d_str) */
#define D_EMPTY 4u   /* "" allowed (identifiers are otherwise non-empty) */
#define D_LABEL 8u   /* an identifier people read and type (an invoice number):
                        sanitised like prose, but never cut: too long is refused */

/* A body's encoding and stray NUL bytes, named before jansson sees it: 0, or
 * -1 with err (CERR_BAD_DATA) saying what is wrong (decode_sniff.c). */
int decode_sniff(const char *body, size_t len, struct client_err *err);

void dctx_init(struct dctx *d, const char *currency, struct client_err *err);
/* Path handling: push returns a mark to pop back to. */
size_t d_push_key(struct dctx *d, const char *key);
size_t d_push_index(struct dctx *d, size_t i);
void d_pop(struct dctx *d, size_t mark);
/* Sets the error "PATH[.key]: message"; always returns -1. */
int d_fail(struct dctx *d, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Cuts valid UTF-8 s to at most max bytes without splitting a character. */
void d_text_cut(char *s, size_t max);
/* An http:// or https:// URL (never cut; D_NULL allows null -> ""). */
int d_url(struct dctx *d, const json_t *o, const char *key, char *dst, size_t n, unsigned flags);

/* The value must be a JSON object (root or nested). */
int d_is_object(struct dctx *d, const json_t *v);
/* A nested object; *out NULL when null is allowed and found. */
int d_obj(struct dctx *d, const json_t *o, const char *key, unsigned flags, json_t **out);
int d_array(struct dctx *d, const json_t *o, const char *key, json_t **out);

/* A string.  Prose (D_TEXT) is sanitised and masked; an identifier is kept
 * byte for byte, or refused (too long, a NUL, the token inside). */
int d_str(struct dctx *d, const json_t *o, const char *key, char *dst, size_t n, unsigned flags);
int d_int(struct dctx *d, const json_t *o, const char *key, int64_t min, int64_t max,
          unsigned flags, int64_t *out);
int d_bool(struct dctx *d, const json_t *o, const char *key, int *out);
/* RFC 3339 instant into Unix seconds; M_NONE for null with D_NULL. */
int d_time(struct dctx *d, const json_t *o, const char *key, unsigned flags, int64_t *out);
/* "YYYY-MM-DD", a real calendar day. */
int d_day(struct dctx *d, const json_t *o, const char *key, char *dst, size_t n);
/* An enum string through parse (-1 = unknown); with D_NULL, null gives null_value. */
int d_enum(struct dctx *d, const json_t *o, const char *key, int (*parse)(const char *),
           unsigned flags, int null_value, int *out);
/* {"amount": N, "currency": C}: C known and equal to d->currency; amount in
 * [min, INT64_MAX].  With D_NULL a null gives M_NONE. */
int d_money(struct dctx *d, const json_t *o, const char *key, int64_t min, unsigned flags,
            int64_t *amount);

/* Item decoders shared by decode_page and the single-object entry points;
 * the object is the value at the current path. */
struct plan;
struct grant;
struct ledger_entry;
struct meter;
struct agent;
struct usage_day;
struct run;
struct invoice;
struct payment_method;
struct charge;
int dec_plan(struct dctx *d, const json_t *o, struct plan *p);
int dec_grant(struct dctx *d, const json_t *o, struct grant *g);
int dec_ledger(struct dctx *d, const json_t *o, struct ledger_entry *l);
int dec_meter(struct dctx *d, const json_t *o, struct meter *m);
int dec_agent(struct dctx *d, const json_t *o, struct agent *a);
int dec_usage(struct dctx *d, const json_t *o, struct usage_day *u);
int dec_run(struct dctx *d, const json_t *o, struct run *r);
int dec_invoice(struct dctx *d, const json_t *o, struct invoice *inv);
int dec_payment_method(struct dctx *d, const json_t *o, struct payment_method *pm);
int dec_charge(struct dctx *d, const json_t *o, struct charge *ch);

#endif
