/* decode.h: JSON bodies of docs/api.md into the structs of model.h, strictly.
 *
 * A body is parsed with decode_parse() (jansson, duplicate keys rejected), then
 * handed to one of the decoders.  Every decoder checks every field it stores:
 * a missing required field, a wrong type, a number out of range, an unknown
 * enum value, an unknown currency or a money object in another currency than
 * the account's fails with CERR_BAD_DATA and a message naming the JSON path:
 *
 *     data[12].total.amount: expected integer
 *
 * Unknown extra fields are ignored (newer servers may add them).
 *
 * Strings: every string passes text_sanitize() before it is stored.  Then
 *  - identifiers, currency codes, days, URLs, card digits and enum values
 *    that do not fit their model.h field are an ERROR (a cut id or URL would
 *    silently name something else);
 *  - prose (names, descriptions, labels, reasons, features) is TRUNCATED to the
 *    field at a UTF-8 character boundary: losing the tail of a long
 *    description is harmless, refusing the whole refresh for it is not.
 *
 * currency: the account's ISO 4217 code; every money object must carry it.
 */
#ifndef BILLTOP_DECODE_H
#define BILLTOP_DECODE_H

#include <stddef.h>

#include <jansson.h>

#include "client/error.h"
#include "client/model.h"

/*
 * Parses a whole body (json_loadb with JSON_REJECT_DUPLICATES).  Bad JSON of
 * every kind (truncated, invalid UTF-8, an integer beyond 64 bits, nesting
 * past jansson's depth limit, duplicate keys, NUL characters) gives NULL and
 * CERR_BAD_DATA with plain words and the position.  The caller json_decref()s.
 */
json_t *decode_parse(const char *body, size_t len, struct client_err *err);

/* Single objects.  Each returns 0, or -1 with err set (CERR_BAD_DATA). */
int decode_account(const json_t *root, struct account *out, struct client_err *err);
int decode_credit_summary(const json_t *root, struct credit_summary *out,
                          struct client_err *err);
/* One invoice (GET /v1/invoices/{id}); invoice_free() it.  */
int decode_invoice(const json_t *root, const char *currency, struct invoice *out,
                   struct client_err *err);
/* The answer of POST /v1/payment_methods/{id}/default. */
int decode_payment_method(const json_t *root, struct payment_method *out,
                          struct client_err *err);
/* The answer of POST /v1/runs (tests and demos only). */
int decode_run(const json_t *root, struct run *out, struct client_err *err);
int decode_purchase(const json_t *root, const char *currency, struct purchase *out,
                    struct client_err *err);
int decode_setup_link(const json_t *root, struct setup_link *out, struct client_err *err);

/* The list endpoints, as decode_page() knows them. */
enum list_kind {
	LIST_PLANS, LIST_GRANTS, LIST_LEDGER, LIST_METERS, LIST_AGENTS, LIST_USAGE,
	LIST_RUNS, LIST_INVOICES, LIST_PAYMENT_METHODS, LIST_CHARGES
};

/* One decoded item; which member is set follows the list kind. */
union list_item {
	struct plan plan;
	struct grant grant;
	struct ledger_entry ledger;
	struct meter meter;
	struct agent agent;
	struct usage_day usage;
	struct run run;
	struct invoice invoice;   /* lines owned by decode_page: valid during the call */
	struct payment_method pm;
	struct charge charge;
};

/* Called once per item in page order; returning -1 (with err set) stops. */
typedef int (*decode_item_fn)(void *arg, enum list_kind kind, const union list_item *item,
                              struct client_err *err);

struct page_info {
	int items;                /* items on this page */
	int has_more;
	char last_id[M_ID];       /* the last item's id as sent (for starting_after) */
	int refused;              /* items left out: a field that cannot be stored exactly */
	char refused_msg[320];    /* why the first was: "data[3] (id 'x'): number: longer than ..." */
};

/*
 * Decodes one page {"object": "list", "data": [...], "has_more": B} and calls
 * fn for each item, one at a time: the caller streams items into the cache and
 * never holds the whole list.  An item with a field that cannot be stored
 * exactly (an identifier too long, a NUL or the token inside) is left out,
 * counted in info->refused with the first reason in info->refused_msg, and
 * the page goes on; any other bad item stops the page there (sync writes
 * inside one transaction, so what was written before is rolled back).  0 or -1.
 */
int decode_page(const json_t *root, enum list_kind kind, const char *currency,
                decode_item_fn fn, void *arg, struct page_info *info,
                struct client_err *err);

/*
 * An error body {"error": {"code", "message", "role"}} into err's code,
 * role and message (sanitised); anything else leaves them empty.  Returns 0
 * when the body was an API error object, -1 otherwise.  Called by the
 * billtop source (source_billtop_page.c) on a failed request's body, never
 * by net.c.
 */
int decode_api_error(const char *body, size_t len, struct client_err *err);

#endif
