/*
 * emulate_openai.c: billtopd --emulate openai, OpenAI's Administration API
 * (organization costs, usage and projects) over the seeded account.  Shapes
 * follow openai/openai-openapi (tests/schemas/openai-admin.json is the excerpt
 * the tests validate against); docs/sources.md lists what is served.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <microhttpd.h>

#include "core/timeutil.h"
#include "core/util.h"
#include "server/emulate.h"
#include "server/engine.h"

#define OAI_KEY_ID "key_billtop_admin" /* the one admin key every usage row is billed to */

void
emu_openai_error(struct resp *rs, int status, const char *type, const char *code, const char *param,
                 const char *msg)
{
	json_t *o = json_pack("{s:{s:s, s:s, s:o, s:o}}", "error", "message", msg, "type", type,
	                      "param", param ? json_string(param) : json_null(),
	                      "code", code ? json_string(code) : json_null());

	rs->etag[0] = '\0';
	resp_json(rs, status, o);
}

static void bad_param(struct resp *rs, const char *param, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
bad_param(struct resp *rs, const char *param, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	emu_openai_error(rs, 400, "invalid_request_error", NULL, param, msg);
}

/* What each usage endpoint counts, and which meters feed it. */
enum oai_kind {
	K_COSTS, K_COMPLETIONS, K_EMBEDDINGS, K_MODERATIONS, K_IMAGES, K_SPEECHES,
	K_TRANSCRIPTIONS, K_VECTOR_STORES, K_CODE_INTERPRETER
};

static const struct oai_endpoint {
	const char *path;         /* after /v1/organization/ */
	enum oai_kind kind;
	const char *object;       /* the result's "object" */
	int full_dims;            /* group_by model and api_key_id too (not only project_id) */
} endpoints[] = {
	{ .path = "costs", .kind = K_COSTS, .object = "organization.costs.result", .full_dims = 1 },
	{ .path = "usage/completions", .kind = K_COMPLETIONS, .object = "organization.usage.completions.result", .full_dims = 1 },
	{ .path = "usage/embeddings", .kind = K_EMBEDDINGS, .object = "organization.usage.embeddings.result", .full_dims = 1 },
	{ .path = "usage/moderations", .kind = K_MODERATIONS, .object = "organization.usage.moderations.result", .full_dims = 1 },
	{ .path = "usage/images", .kind = K_IMAGES, .object = "organization.usage.images.result", .full_dims = 1 },
	{ .path = "usage/audio_speeches", .kind = K_SPEECHES, .object = "organization.usage.audio_speeches.result", .full_dims = 1 },
	{ .path = "usage/audio_transcriptions", .kind = K_TRANSCRIPTIONS, .object = "organization.usage.audio_transcriptions.result", .full_dims = 1 },
	{ .path = "usage/vector_stores", .kind = K_VECTOR_STORES, .object = "organization.usage.vector_stores.result", .full_dims = 0 },
	{ .path = "usage/code_interpreter_sessions", .kind = K_CODE_INTERPRETER, .object = "organization.usage.code_interpreter_sessions.result", .full_dims = 0 },
};

/* The usage endpoint a meter's row belongs to (docs/sources.md, "OpenAI: emulation"). */
static int
row_kind(const struct emu_row *r, enum oai_kind k)
{
	if (k == K_COSTS)
		return 1;
	if (r->fee)
		return 0;
	if (strcmp(r->raw_unit, "token") == 0)
		return k == (strstr(r->meter_id, "embedding") ? K_EMBEDDINGS : K_COMPLETIONS);
	if (strcmp(r->raw_unit, "image") == 0)
		return k == K_IMAGES;
	if (strcmp(r->raw_unit, "character") == 0)
		return k == K_SPEECHES;
	if (strcmp(r->unit, "second") == 0 && strcmp(r->raw_unit, "second") == 0)
		return k == K_TRANSCRIPTIONS;
	if (strcmp(r->raw_unit, "MB-day") == 0)
		return k == K_VECTOR_STORES;
	if (strcmp(r->raw_unit, "call") == 0)
		return k == K_CODE_INTERPRETER;
	return 0;
}

/* Parses an integer parameter; 0, or -1 with the 400 written. */
static int
int_param(struct resp *rs, const char *name, const char *v, int64_t lo, int64_t hi, int64_t *out)
{
	char *e;
	long long x;

	errno = 0;
	x = strtoll(v, &e, 10);
	if (!*v || *e || errno || x < lo || x > hi) {
		bad_param(rs, name, "Invalid value for '%s': expected an integer in range.", name);
		return -1;
	}
	*out = x;
	return 0;
}

struct oai_query {
	int64_t first, end;       /* the first bucket of this page; the window's end (exclusive) */
	int64_t limit;
	unsigned dims;
	const struct emu_args *args;
};

static const char *const bucket_params[] = {
	"start_time", "end_time", "bucket_width", "group_by", "limit", "page", "project_ids",
	"api_key_ids", "models", NULL
};

static int
read_query(struct req *rq, struct resp *rs, const struct oai_endpoint *ep, const struct emu_args *a,
           struct oai_query *q)
{
	const char *v, *unknown;
	char text[32];
	int64_t start, cur, max_limit = ep->kind == K_COSTS ? 180 : 31, cap;
	size_t i;

	memset(q, 0, sizeof *q);
	q->args = a;
	unknown = emu_arg_unknown(a, bucket_params);
	if (a->too_many || unknown) {
		bad_param(rs, unknown, "Unrecognized request argument supplied: %s (billtopd's emulation "
		          "serves the parameters listed in docs/sources.md).", unknown ? unknown : "(too many)");
		return -1;
	}
	if (ep->kind == K_COSTS && emu_arg(a, "models")) {
		bad_param(rs, "models", "Unrecognized request argument supplied: %s.", "models");
		return -1;
	}
	v = emu_arg(a, "start_time");
	if (!v) {
		bad_param(rs, "start_time", "Missing query parameter '%s'.", "start_time");
		return -1;
	}
	if (int_param(rs, "start_time", v, 0, INT64_C(253402300799), &start) < 0)
		return -1;
	q->end = rq->now;
	if ((v = emu_arg(a, "end_time")) && int_param(rs, "end_time", v, start + 1, INT64_C(253402300800), &q->end) < 0)
		return -1;
	/* No bucket past today's. */
	cap = time_day_start_utc(rq->now) + DAY_SECONDS;
	if (q->end > cap)
		q->end = cap;
	v = emu_arg(a, "bucket_width");
	if (v && strcmp(v, "1d") != 0) {
		bad_param(rs, "bucket_width", "Invalid value for 'bucket_width': '%.8s' (billtopd's emulation "
		          "serves 1d buckets only).", v);
		return -1;
	}
	q->limit = 7;
	if ((v = emu_arg(a, "limit")) && int_param(rs, "limit", v, 1, max_limit, &q->limit) < 0)
		return -1;
	q->first = time_day_start_utc(start);
	if ((v = emu_arg(a, "page"))) {
		if (emu_cursor_read(v, text, sizeof text) < 0 || int_param(rs, "page", text, q->first,
		                                                          INT64_C(253402300800), &cur) < 0 ||
		    cur % DAY_SECONDS != 0) {
			bad_param(rs, "page", "Invalid value for 'page': %s.", "not a cursor of this query");
			return -1;
		}
		q->first = cur;
	}
	for (i = 0; i < a->n; i++) {
		if (strncmp(a->key[i], "group_by", 8) != 0 || (a->key[i][8] && strcmp(a->key[i] + 8, "[]") != 0))
			continue;
		v = a->val[i];
		if (strcmp(v, "project_id") == 0)
			q->dims |= EMU_BY_AGENT;
		else if (ep->kind == K_COSTS && strcmp(v, "line_item") == 0)
			q->dims |= EMU_BY_NAME;
		else if (ep->full_dims && strcmp(v, "api_key_id") == 0)
			q->dims |= EMU_BY_KEY;
		else if (ep->full_dims && ep->kind != K_COSTS && strcmp(v, "model") == 0)
			q->dims |= EMU_BY_METER;
		else {
			bad_param(rs, "group_by", "Invalid value for 'group_by': '%.40s' is not served here "
			          "(see docs/sources.md).", v);
			return -1;
		}
	}
	return 0;
}

/* Drops the rows the endpoint does not count or the filters leave out. */
static void
filter_rows(struct emu_rows *rows, const struct oai_endpoint *ep, const struct oai_query *q)
{
	size_t i, o = 0;
	struct emu_row *r;

	for (i = 0; i < rows->n; i++) {
		r = &rows->r[i];
		if (!row_kind(r, ep->kind))
			continue;
		if (emu_arg_has(q->args, "project_ids", r->agent_id) == 0 ||
		    emu_arg_has(q->args, "models", r->meter_id) == 0 ||
		    emu_arg_has(q->args, "api_key_ids", r->fee ? "" : OAI_KEY_ID) == 0)
			continue;
		if (ep->kind == K_COSTS && r->micro == 0)
			continue; /* a day inside the allowance costs nothing: no result, as OpenAI sends none */
		rows->r[o++] = *r;
	}
	rows->n = o;
}

/* The grouped fields of a result: null unless grouped by them. */
static void
dims_out(struct sb *b, const struct emu_row *r, unsigned dims, int user_model)
{
	sb_add(b, ",\"project_id\":");
	sb_str(b, (dims & EMU_BY_AGENT) && r->agent_id[0] ? r->agent_id : NULL);
	if (user_model)
		sb_add(b, ",\"user_id\":null");
	sb_add(b, ",\"api_key_id\":");
	sb_str(b, (dims & EMU_BY_KEY) && !r->fee ? OAI_KEY_ID : NULL);
	if (user_model) {
		sb_add(b, ",\"model\":");
		sb_str(b, (dims & EMU_BY_METER) ? r->meter_id : NULL);
	}
}

static int
result_out(struct sb *b, const struct emu_row *r, const struct oai_endpoint *ep, unsigned dims,
           const char *currency)
{
	int64_t bytes;

	sb_add(b, "{\"object\":");
	sb_str(b, ep->object);
	switch (ep->kind) {
	case K_COSTS:
		sb_add(b, ",\"amount\":{\"value\":");
		sb_decimal(b, r->micro, 6);
		sb_add(b, ",\"currency\":");
		sb_str(b, currency);
		sb_add(b, "},\"line_item\":");
		sb_str(b, (dims & EMU_BY_NAME) ? r->name : NULL);
		dims_out(b, r, dims, 0);
		sb_add(b, ",\"quantity\":null,\"quantity_unit\":null");
		break;
	case K_COMPLETIONS:
		/* Meters count tokens without a direction: all of them are uncached input. */
		sb_addf(b, ",\"input_tokens\":%lld,\"input_cached_tokens\":0,\"input_uncached_tokens\":%lld,"
		        "\"output_tokens\":0,\"num_model_requests\":%lld", (long long)r->raw, (long long)r->raw,
		        (long long)r->records);
		dims_out(b, r, dims, 1);
		sb_add(b, ",\"batch\":null,\"service_tier\":null");
		break;
	case K_EMBEDDINGS:
	case K_MODERATIONS:
		sb_addf(b, ",\"input_tokens\":%lld,\"num_model_requests\":%lld", (long long)r->raw,
		        (long long)r->records);
		dims_out(b, r, dims, 1);
		break;
	case K_IMAGES:
		sb_addf(b, ",\"images\":%lld,\"num_model_requests\":%lld,\"source\":null,\"size\":null",
		        (long long)r->raw, (long long)r->records);
		dims_out(b, r, dims, 1);
		break;
	case K_SPEECHES:
		sb_addf(b, ",\"characters\":%lld,\"num_model_requests\":%lld", (long long)r->raw,
		        (long long)r->records);
		dims_out(b, r, dims, 1);
		break;
	case K_TRANSCRIPTIONS:
		sb_addf(b, ",\"seconds\":%lld,\"num_model_requests\":%lld", (long long)r->raw,
		        (long long)r->records);
		dims_out(b, r, dims, 1);
		break;
	case K_VECTOR_STORES:
		/* MB-days as bytes held that day. */
		if (__builtin_mul_overflow(r->raw, INT64_C(1000000), &bytes))
			return -1;
		sb_addf(b, ",\"usage_bytes\":%lld,\"project_id\":", (long long)bytes);
		sb_str(b, (dims & EMU_BY_AGENT) ? r->agent_id : NULL);
		break;
	case K_CODE_INTERPRETER:
		sb_addf(b, ",\"num_sessions\":%lld,\"project_id\":", (long long)r->raw);
		sb_str(b, (dims & EMU_BY_AGENT) ? r->agent_id : NULL);
		break;
	}
	sb_add(b, "}");
	return 0;
}

static void
buckets_handler(struct req *rq, struct resp *rs)
{
	const struct oai_endpoint *ep = rq->ctx;
	struct emu_args a;
	struct oai_query q;
	struct emu_money m;
	struct emu_rows rows = { 0 };
	struct sb b = { 0 };
	char currency[4], cursor[64], text[24];
	int64_t day;
	int count = 0;
	size_t i;

	emu_args_read(rq, &a);
	if (read_query(rq, rs, ep, &a, &q) < 0)
		return;
	if (emu_money_load(rq, &m) < 0) {
		resp_internal(rs);
		return;
	}
	for (i = 0; i < 3 && rq->currency[i]; i++)
		currency[i] = (char)(rq->currency[i] | 0x20); /* "usd": OpenAI's lowercase ISO 4217 */
	currency[i] = '\0';
	sb_add(&b, "{\"object\":\"page\",\"data\":[");
	for (day = q.first; day < q.end && count < q.limit; day += DAY_SECONDS, count++) {
		rows.n = 0;
		if (emu_day_rows(rq, &m, day, &rows) < 0)
			goto fail;
		filter_rows(&rows, ep, &q);
		if (emu_aggregate(&rows, q.dims) < 0)
			goto fail;
		sb_addf(&b, "%s{\"object\":\"bucket\",\"start_time\":%lld,\"end_time\":%lld,\"results\":[",
		        count ? "," : "", (long long)day, (long long)(day + DAY_SECONDS));
		for (i = 0; i < rows.n; i++) {
			if (i)
				sb_add(&b, ",");
			if (result_out(&b, &rows.r[i], ep, q.dims, currency) < 0)
				goto fail;
		}
		sb_add(&b, "]}");
	}
	if (day < q.end) {
		snprintf(text, sizeof text, "%lld", (long long)day);
		if (emu_cursor_make(text, cursor, sizeof cursor) < 0)
			goto fail;
		sb_add(&b, "],\"has_more\":true,\"next_page\":");
		sb_str(&b, cursor);
		sb_add(&b, "}");
	} else {
		sb_add(&b, "],\"has_more\":false,\"next_page\":null}");
	}
	emu_rows_free(&rows);
	sb_answer(&b, rs);
	return;
fail:
	emu_rows_free(&rows);
	free(b.p);
	resp_internal(rs);
}

static void
projects_handler(struct req *rq, struct resp *rs)
{
	static const char *const known[] = { "limit", "after", "include_archived", NULL };
	struct emu_args a;
	struct account acct;
	sqlite3_stmt *st;
	json_t *o, *data, *p;
	const char *v, *after, *unknown;
	char first[ID_MAX] = "", last[ID_MAX] = "";
	int64_t limit = 20, n = 0;
	int rc, more = 0;

	emu_args_read(rq, &a);
	unknown = emu_arg_unknown(&a, known);
	if (a.too_many || unknown) {
		bad_param(rs, unknown, "Unrecognized request argument supplied: %s.", unknown ? unknown : "(too many)");
		return;
	}
	if ((v = emu_arg(&a, "limit")) && int_param(rs, "limit", v, 1, 100, &limit) < 0)
		return;
	after = emu_arg(&a, "after");
	if (acct_load(rq->db, &acct) < 0 ||
	    !(st = db_stmt(rq->db, "SELECT id, name FROM agents WHERE id > ?1 ORDER BY id LIMIT ?2"))) {
		resp_internal(rs);
		return;
	}
	db_bind_text(st, 1, after ? after : "");
	sqlite3_bind_int64(st, 2, limit + 1);
	data = json_array();
	while (data && (rc = db_row(rq->db, st)) == 1) {
		if (n == limit) {
			more = 1;
			break;
		}
		p = json_pack("{s:s, s:s, s:s, s:I, s:n, s:s}", "id", (const char *)sqlite3_column_text(st, 0),
		              "object", "organization.project", "name", (const char *)sqlite3_column_text(st, 1),
		              "created_at", (json_int_t)acct.created_at, "archived_at", "status", "active");
		if (!p || json_array_append_new(data, p) < 0)
			break;
		if (!n)
			db_col_copy(st, 0, first, sizeof first);
		db_col_copy(st, 0, last, sizeof last);
		n++;
	}
	sqlite3_reset(st);
	o = data ? json_pack("{s:s, s:o, s:o, s:o, s:b}", "object", "list", "data", data,
	                     "first_id", n ? json_string(first) : json_null(),
	                     "last_id", n ? json_string(last) : json_null(), "has_more", more) : NULL;
	resp_json(rs, 200, o);
}

/* GET /v1/organization/admin_api_keys: the one admin key the usage rows
 * are billed to; /v1/organization/projects/{id}/api_keys: a project's keys
 * (none: every usage row is the admin key's).  limit 1 to 100 (default 20),
 * after (a key id). */
static void
api_keys_handler(struct req *rq, struct resp *rs)
{
	static const char *const known[] = { "limit", "after", "order", NULL };
	const char *project = rq->ctx;
	struct emu_args a;
	struct account acct;
	sqlite3_stmt *st;
	json_t *data, *k;
	const char *v, *after, *unknown;
	char msg[300];
	int64_t limit = 20;
	int rc;

	emu_args_read(rq, &a);
	unknown = emu_arg_unknown(&a, known);
	if (a.too_many || unknown) {
		bad_param(rs, unknown, "Unrecognized request argument supplied: %s.", unknown ? unknown : "(too many)");
		return;
	}
	if ((v = emu_arg(&a, "limit")) && int_param(rs, "limit", v, 1, 100, &limit) < 0)
		return;
	after = emu_arg(&a, "after");
	if (acct_load(rq->db, &acct) < 0 || !(data = json_array())) {
		resp_internal(rs);
		return;
	}
	if (project) {
		if (!(st = db_stmt(rq->db, "SELECT 1 FROM agents WHERE id = ?1"))) {
			json_decref(data);
			resp_internal(rs);
			return;
		}
		db_bind_text(st, 1, project);
		rc = db_row(rq->db, st);
		sqlite3_reset(st);
		if (rc != 1) {
			json_decref(data);
			snprintf(msg, sizeof msg, "No such project: %.200s", project);
			emu_openai_error(rs, 404, "invalid_request_error", NULL, NULL, msg);
			return;
		}
	} else if (!after || strcmp(after, OAI_KEY_ID) < 0) {
		k = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:{s:s, s:s, s:s, s:s, s:I, s:s}}",
		              "object", "organization.admin_api_key", "id", OAI_KEY_ID,
		              "name", "billtop admin key", "redacted_value", "sk-admin...dmin",
		              "created_at", (json_int_t)acct.created_at, "last_used_at", (json_int_t)acct.created_at,
		              "owner", "type", "user", "object", "organization.user", "id", "user_billtop_owner",
		              "name", "Owner", "created_at", (json_int_t)acct.created_at, "role", "owner");
		if (!k || json_array_append_new(data, k) < 0) {
			json_decref(data);
			resp_internal(rs);
			return;
		}
	}
	resp_json(rs, 200, json_pack("{s:s, s:o, s:o, s:o, s:b}", "object", "list", "data", data,
	                             "first_id", json_array_size(data) ? json_string(OAI_KEY_ID) : json_null(),
	                             "last_id", json_array_size(data) ? json_string(OAI_KEY_ID) : json_null(),
	                             "has_more", 0));
}

/* "projects/ID/api_keys": ID into buf, 0; else -1. */
static int
project_keys_path(const char *path, char *buf, size_t n)
{
	const char *e;
	size_t len;

	if (strncmp(path, "projects/", 9) != 0)
		return -1;
	path += 9;
	e = strchr(path, '/');
	if (!e || e == path || strcmp(e, "/api_keys") != 0 || (len = (size_t)(e - path)) >= n)
		return -1;
	memcpy(buf, path, len);
	buf[len] = '\0';
	return 0;
}

void
emu_openai_dispatch(struct req *rq, struct resp *rs)
{
	const char *h = req_header(rq, MHD_HTTP_HEADER_AUTHORIZATION), *path = rq->path;
	char msg[300], project[ID_MAX];
	size_t i;
	int keys = 0;

	if (strncmp(path, "/v1/organization/", 17) == 0) {
		path += 17;
		for (i = 0; i < sizeof endpoints / sizeof endpoints[0] && strcmp(endpoints[i].path, path) != 0; i++)
			;
		if (strcmp(path, "admin_api_keys") == 0)
			keys = 1;
		else if (project_keys_path(path, project, sizeof project) == 0)
			keys = 2;
		if (i < sizeof endpoints / sizeof endpoints[0] || strcmp(path, "projects") == 0 || keys) {
			/* The admin key, as OpenAI checks it: a bearer token; members and viewers may not read usage. */
			if (h && strncasecmp(h, "Bearer ", 7) == 0) {
				h += 7;
				while (*h == ' ')
					h++;
				rq->role = srv_token_role(rq->srv, h);
			}
			if (rq->role == ROLE_NONE) {
				emu_openai_error(rs, 401, "invalid_request_error", "invalid_api_key", NULL,
				                 "Incorrect API key provided. You can find your API key at "
				                 "https://platform.openai.com/account/api-keys.");
				return;
			}
			if (rq->role == ROLE_MEMBER || rq->role == ROLE_VIEWER) {
				emu_openai_error(rs, 403, "invalid_request_error", "insufficient_permissions", NULL,
				                 "You have insufficient permissions for this operation: an admin "
				                 "key is required.");
				return;
			}
			if (strcmp(rq->method, "GET") != 0) {
				snprintf(msg, sizeof msg, "Invalid URL (%.16s %.200s)", rq->method, rq->path);
				emu_openai_error(rs, 405, "invalid_request_error", NULL, NULL, msg);
				return;
			}
			if (keys) {
				rq->ctx = keys == 2 ? project : NULL;
				api_run_locked(rq, rs, api_keys_handler);
			} else if (i < sizeof endpoints / sizeof endpoints[0]) {
				rq->ctx = &endpoints[i];
				api_run_locked(rq, rs, buckets_handler);
			} else {
				api_run_locked(rq, rs, projects_handler);
			}
			return;
		}
	}
	snprintf(msg, sizeof msg, "Invalid URL (%.16s %.200s)", rq->method, rq->path);
	emu_openai_error(rs, 404, "invalid_request_error", NULL, NULL, msg);
}
