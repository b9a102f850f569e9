/* decode_spend.h: decoders of the OpenAI Administration API and the
 * Anthropic Admin API pages billtop reads (docs/sources.md).  Each takes a
 * body parsed by spend_parse() and hands every row to a sink; money arrives
 * as integer micro-units of the currency, converted exactly from the
 * decimal text.  A body of another shape is refused with the JSON path that
 * was wrong (CERR_BAD_DATA), before or while rows go to the sink: the caller
 * writes inside its transaction and rolls back on -1.
 */
#ifndef BILLTOP_DECODE_SPEND_H
#define BILLTOP_DECODE_SPEND_H

#include <stdint.h>

#include <jansson.h>

#include "client/error.h"

/* Token kinds stored in spend_tokens.kind. */
#define TOK_INPUT       "input_uncached"
#define TOK_CACHE_WRITE "cache_write"
#define TOK_CACHE_READ  "cache_read"
#define TOK_OUTPUT      "output"
#define TOK_REQUESTS    "requests"
#define TOK_WEB_SEARCH  "web_search"
#define TOK_IMAGES      "images"
#define TOK_CHARACTERS  "characters"
#define TOK_SECONDS     "seconds"
#define TOK_MODERATION  "moderation_input"   /* OpenAI moderations: input tokens */
#define TOK_VECTOR_BYTES "vector_store_bytes" /* OpenAI: usage_bytes, summed over the days */
#define TOK_SESSIONS    "code_interpreter_sessions"

struct spend_sink {
	void *arg;
	/* One cost: day "YYYY-MM-DD", item (line item / description; "" none),
	 * group (project / workspace id; "" none), micro-units, "USD". */
	int (*cost)(void *arg, const char *day, const char *item, const char *group,
	            int64_t micro, const char *currency, struct client_err *err);
	/* One token count (model "" when not grouped by it; api_key the
	 * api_key_id, "" when null or not grouped by it). */
	int (*tokens)(void *arg, const char *day, const char *model, const char *api_key,
	              const char *kind, int64_t qty, struct client_err *err);
	/* One project / workspace / API key name (the run says which). */
	int (*name)(void *arg, const char *id, const char *name, struct client_err *err);
};

struct spend_page {
	int has_more;
	char next[512];   /* next_page, or the last id (lists) */
	int buckets;      /* buckets or items on this page */
};

int oa_decode_costs(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                    struct client_err *err);
int oa_decode_completions(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                          struct client_err *err);
/* usage/embeddings, images, audio_speeches, audio_transcriptions: the
 * quantity (input tokens, images, characters, seconds) and the requests. */
int oa_decode_embeddings(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                         struct client_err *err);
int oa_decode_images(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                     struct client_err *err);
int oa_decode_speeches(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                       struct client_err *err);
int oa_decode_transcriptions(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                             struct client_err *err);
/* usage/moderations (input tokens and requests by model); vector_stores
 * (usage_bytes) and code_interpreter_sessions (num_sessions), which have no
 * model: stored under model "". */
int oa_decode_moderations(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                          struct client_err *err);
int oa_decode_vector_stores(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                            struct client_err *err);
int oa_decode_code_interpreter(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                               struct client_err *err);
/* GET /v1/organization/admin_api_keys and
 * /v1/organization/projects/{id}/api_keys: the keys' names. */
int oa_decode_api_keys(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                       struct client_err *err);
int oa_decode_projects(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                       struct client_err *err);

int an_decode_costs(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                    struct client_err *err);
int an_decode_usage(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                    struct client_err *err);
/* GET /v1/organizations/api_keys: the keys' names. */
int an_decode_api_keys(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                       struct client_err *err);
int an_decode_workspaces(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                         struct client_err *err);
/* The organisation's name (GET /v1/organizations/me). */
int an_decode_org(const json_t *root, char *name, size_t n, struct client_err *err);

/* Shared by both: "usd"/"USD" to a known upper-case code and the scale
 * that turns an amount in units of 10^-minor_digits into micro-units. */
int spend_currency(const char *code, char out[4]);

#endif
