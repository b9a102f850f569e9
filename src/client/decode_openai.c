/* decode_openai.c: OpenAI Administration API pages (costs, usage, projects). */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "client/decode_spend.h"
#include "client/model.h"
#include "client/spend_json.h"
#include "core/i18n.h"
#include "core/money.h"

int
spend_currency(const char *code, char out[4])
{
	int i;

	if (strlen(code) != 3)
		return -1;
	for (i = 0; i < 3; i++)
		out[i] = (char)toupper((unsigned char)code[i]);
	out[3] = '\0';
	return currency_find(out) ? 0 : -1;
}

/* The page envelope: object "page", data[], has_more, next_page. */
static int
envelope(struct dctx *d, const json_t *root, struct spend_page *pg, json_t **data)
{
	memset(pg, 0, sizeof *pg);
	if (sj_tag(d, root, "object", "page") < 0 || d_array(d, root, "data", data) < 0 ||
	    sj_bool(d, root, "has_more", &pg->has_more) < 0)
		return -1;
	if (!json_object_get(root, "next_page"))
		return d_fail(d, "next_page", _("missing"));
	if (sj_str(d, root, "next_page", pg->next, sizeof pg->next, D_NULL) < 0)
		return -1;
	if (pg->has_more && !pg->next[0])
		return d_fail(d, "next_page", _("null while has_more is true"));
	pg->buckets = (int)json_array_size(*data);
	return 0;
}

/* A bucket's start_time as its UTC day. */
static int
bucket_day(struct dctx *d, const json_t *b, char day[M_DAY])
{
	int64_t t, e;
	time_t tt;
	struct tm tm;

	if (sj_tag(d, b, "object", "bucket") < 0 ||
	    sj_int(d, b, "start_time", 0, INT64_C(253402300799), 0, &t) < 0 ||
	    sj_int(d, b, "end_time", 0, INT64_C(253402300799), 0, &e) < 0)
		return -1;
	if (t % 86400 != 0)
		return d_fail(d, "start_time", _("not the start of a UTC day (bucket_width 1d)"));
	if (e <= t)
		return d_fail(d, "end_time", _("not after start_time"));
	tt = (time_t)t;
	gmtime_r(&tt, &tm);
	strftime(day, M_DAY, "%Y-%m-%d", &tm);
	return 0;
}

/* The daily buckets of this provider's reports (spend_json.h). */
static const struct sj_bucket_format fmt = { envelope, bucket_day };

static int
cost_result(struct dctx *d, const json_t *r, const char *day, const struct spend_sink *s,
            const void *spec)
{
	char item[M_NAME], project[M_NAME], code[16], cur[4];
	json_t *amount;
	int64_t micro;
	size_t m;

	if (sj_tag(d, r, "object", "organization.costs.result") < 0 ||
	    d_obj(d, r, "amount", 0, &amount) < 0 ||
	    sj_str(d, r, "line_item", item, sizeof item, D_NULL | D_TEXT) < 0 ||
	    sj_str(d, r, "project_id", project, sizeof project, D_NULL) < 0)
		return -1;
	m = d_push_key(d, "amount");
	/* dollars as a JSON number: its text, at micro-dollars */
	if (sj_decimal(d, amount, "value", 6, 0, &micro) < 0 ||
	    sj_str(d, amount, "currency", code, sizeof code, 0) < 0)
		return -1;
	if (spend_currency(code, cur) < 0 || strcmp(cur, "USD") != 0)
		return d_fail(d, "currency", _("\"%s\" is not a currency billtop reads from OpenAI (usd)"), code);
	if (micro < 0)
		return d_fail(d, "value", _("a negative cost"));
	d_pop(d, m);
	(void)spec;
	return s->cost(s->arg, day, item, project, micro, cur, d->err);
}

int
oa_decode_costs(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, cost_result, NULL);
}

static int
completions_result(struct dctx *d, const json_t *r, const char *day, const struct spend_sink *s,
                   const void *spec)
{
	char model[M_NAME], key[M_NAME];
	int64_t in, cached, uncached, write, out, req;
	const int64_t max = INT64_MAX;

	if (sj_tag(d, r, "object", "organization.usage.completions.result") < 0 ||
	    sj_int(d, r, "input_tokens", 0, max, 0, &in) < 0 ||
	    sj_int(d, r, "input_cached_tokens", 0, max, D_NULL, &cached) < 0 ||
	    sj_int(d, r, "input_uncached_tokens", 0, max, D_NULL, &uncached) < 0 ||
	    sj_int(d, r, "input_cache_write_tokens", 0, max, D_NULL, &write) < 0 ||
	    sj_int(d, r, "output_tokens", 0, max, 0, &out) < 0 ||
	    sj_int(d, r, "num_model_requests", 0, max, 0, &req) < 0 ||
	    sj_str(d, r, "model", model, sizeof model, D_NULL) < 0 ||
	    sj_str(d, r, "api_key_id", key, sizeof key, D_NULL) < 0)
		return -1;
	(void)spec;
	if (cached == M_NONE)
		cached = 0;
	if (write == M_NONE)
		write = 0;
	if (uncached == M_NONE) {
		if (cached > in)
			return d_fail(d, "input_cached_tokens", _("more than input_tokens"));
		uncached = in - cached;
	}
	if (s->tokens(s->arg, day, model, key, TOK_INPUT, uncached, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_CACHE_READ, cached, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_CACHE_WRITE, write, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_OUTPUT, out, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_REQUESTS, req, d->err) < 0)
		return -1;
	return 0;
}

int
oa_decode_completions(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                      struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, completions_result, NULL);
}

/* The other usage kinds with a model: one quantity and the requests. */
struct usage_kind {
	const char *object;     /* "organization.usage.embeddings.result" */
	const char *field;      /* "input_tokens" */
	const char *kind;       /* the spend_tokens kind */
	int per_project;        /* no model and no requests: grouped by project only */
};

static const struct usage_kind kind_embeddings = {
	"organization.usage.embeddings.result", "input_tokens", TOK_INPUT, 0
};
static const struct usage_kind kind_images = { "organization.usage.images.result", "images", TOK_IMAGES, 0 };
static const struct usage_kind kind_speeches = {
	"organization.usage.audio_speeches.result", "characters", TOK_CHARACTERS, 0
};
static const struct usage_kind kind_transcriptions = {
	"organization.usage.audio_transcriptions.result", "seconds", TOK_SECONDS, 0
};
static const struct usage_kind kind_moderations = {
	"organization.usage.moderations.result", "input_tokens", TOK_MODERATION, 0
};
static const struct usage_kind kind_vector_stores = {
	"organization.usage.vector_stores.result", "usage_bytes", TOK_VECTOR_BYTES, 1
};
static const struct usage_kind kind_code_interpreter = {
	"organization.usage.code_interpreter_sessions.result", "num_sessions", TOK_SESSIONS, 1
};

static int
kind_result(struct dctx *d, const json_t *r, const char *day, const struct spend_sink *s, const void *spec)
{
	const struct usage_kind *k = spec;
	char model[M_NAME] = "", key[M_NAME] = "";
	int64_t q, req;

	if (sj_tag(d, r, "object", k->object) < 0 ||
	    sj_int(d, r, k->field, 0, INT64_MAX, 0, &q) < 0)
		return -1;
	if (k->per_project)   /* vector stores, code interpreter sessions: one figure */
		return s->tokens(s->arg, day, "", "", k->kind, q, d->err);
	if (sj_int(d, r, "num_model_requests", 0, INT64_MAX, 0, &req) < 0 ||
	    sj_str(d, r, "model", model, sizeof model, D_NULL) < 0 ||
	    sj_str(d, r, "api_key_id", key, sizeof key, D_NULL) < 0)
		return -1;
	if (s->tokens(s->arg, day, model, key, k->kind, q, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_REQUESTS, req, d->err) < 0)
		return -1;
	return 0;
}

int
oa_decode_embeddings(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                     struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, kind_result, &kind_embeddings);
}

int
oa_decode_images(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                 struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, kind_result, &kind_images);
}

int
oa_decode_speeches(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                   struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, kind_result, &kind_speeches);
}

int
oa_decode_transcriptions(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                         struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, kind_result, &kind_transcriptions);
}

int
oa_decode_moderations(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                      struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, kind_result, &kind_moderations);
}

int
oa_decode_vector_stores(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                        struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, kind_result, &kind_vector_stores);
}

int
oa_decode_code_interpreter(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                           struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, kind_result, &kind_code_interpreter);
}

static int
is_object(const json_t *p, const char *object)
{
	const json_t *v = json_object_get(p, "object");

	return object && json_is_string(v) && strcmp(json_string_value(v), object) == 0;
}

/* A list page (projects, API keys): object "list", data[] of `object`,
 * has_more; the last id is the next `after`. */
static int
id_list(const json_t *root, const struct spend_sink *s, struct spend_page *pg, struct client_err *err,
        const char *object, const char *object2)
{
	struct dctx d;
	json_t *data, *p;
	size_t i, m;
	char id[M_NAME], name[M_NAME];

	dctx_init(&d, NULL, err);
	memset(pg, 0, sizeof *pg);
	if (sj_tag(&d, root, "object", "list") < 0 || d_array(&d, root, "data", &data) < 0 ||
	    sj_bool(&d, root, "has_more", &pg->has_more) < 0)
		return -1;
	json_array_foreach(data, i, p) {
		m = d_push_key(&d, "data");
		d_push_index(&d, i);
		if (d_is_object(&d, p) < 0 || (!is_object(p, object2) && sj_tag(&d, p, "object", object) < 0) ||
		    sj_str(&d, p, "id", id, sizeof id, 0) < 0 ||
		    sj_str(&d, p, "name", name, sizeof name, D_TEXT) < 0 ||
		    s->name(s->arg, id, name, err) < 0)
			return -1;
		snprintf(pg->next, sizeof pg->next, "%s", id);
		d_pop(&d, m);
	}
	pg->buckets = (int)i;
	if (pg->has_more && !i)
		return d_fail(&d, "has_more", _("true on an empty page"));
	return 0;
}

int
oa_decode_projects(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                   struct client_err *err)
{
	return id_list(root, s, pg, err, "organization.project", NULL);
}

int
oa_decode_api_keys(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                   struct client_err *err)
{
	/* admin keys and project keys: both have an id and a name */
	return id_list(root, s, pg, err, "organization.project.api_key", "organization.admin_api_key");
}
