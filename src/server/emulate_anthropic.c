/*
 * emulate_anthropic.c: billtopd --emulate anthropic, Anthropic's Admin API
 * (messages usage report, cost report, workspaces, the organisation) over the
 * seeded account.
 * Shapes follow Anthropic's API reference (tests/schemas/anthropic-admin.json,
 * written from it); docs/sources.md lists what is served.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/timeutil.h"
#include "core/util.h"
#include "server/emulate.h"
#include "server/engine.h"

#define ANT_KEY_ID "apikey_billtop_admin" /* the one admin key every usage row is billed to */

void
emu_anthropic_error(struct resp *rs, int status, const char *type, const char *msg)
{
	rs->etag[0] = '\0';
	resp_json(rs, status, json_pack("{s:s, s:{s:s, s:s}}", "type", "error", "error", "type", type,
	                                "message", msg));
}

static void bad_request(struct resp *rs, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
bad_request(struct resp *rs, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	emu_anthropic_error(rs, 400, "invalid_request_error", msg);
}

enum ant_kind { K_USAGE, K_COST };

/* Output-only dimensions: every emulated row is standard tier, under 200k context. */
#define BY_TIER 0x100u
#define BY_CONTEXT 0x200u

struct ant_query {
	int64_t first, end, limit;
	unsigned dims;
	const struct emu_args *args;
};

static int
time_param(struct resp *rs, const char *name, const char *v, int64_t *out)
{
	if (time_parse_rfc3339(v, out) < 0) {
		bad_request(rs, "%s: expected an RFC 3339 timestamp such as 2025-08-01T00:00:00Z.", name);
		return -1;
	}
	return 0;
}

static int
read_query(struct req *rq, struct resp *rs, enum ant_kind kind, const struct emu_args *a, struct ant_query *q)
{
	static const char *const usage_known[] = { "starting_at", "ending_at", "bucket_width", "group_by",
		"limit", "page", "models", "workspace_ids", "api_key_ids", NULL };
	static const char *const cost_known[] = { "starting_at", "ending_at", "bucket_width", "group_by",
		"limit", "page", NULL };
	const char *v, *unknown;
	char text[40], *e;
	int64_t start, cur, cap;
	long long lim;
	size_t i;

	memset(q, 0, sizeof *q);
	q->args = a;
	unknown = emu_arg_unknown(a, kind == K_USAGE ? usage_known : cost_known);
	if (a->too_many || unknown) {
		bad_request(rs, "%s: unexpected query parameter (billtopd's emulation serves the parameters "
		            "listed in docs/sources.md).", unknown ? unknown : "(too many)");
		return -1;
	}
	v = emu_arg(a, "starting_at");
	if (!v) {
		bad_request(rs, "%s: field required", "starting_at");
		return -1;
	}
	if (time_param(rs, "starting_at", v, &start) < 0)
		return -1;
	q->end = rq->now;
	if ((v = emu_arg(a, "ending_at")) && time_param(rs, "ending_at", v, &q->end) < 0)
		return -1;
	if (q->end <= start) {
		bad_request(rs, "%s must be after starting_at.", "ending_at");
		return -1;
	}
	cap = time_day_start_utc(rq->now) + DAY_SECONDS; /* no bucket past today's */
	if (q->end > cap)
		q->end = cap;
	v = emu_arg(a, "bucket_width");
	if (v && strcmp(v, "1d") != 0) {
		bad_request(rs, "bucket_width: '%.8s' is not served (billtopd's emulation serves 1d only).", v);
		return -1;
	}
	q->limit = 7;
	if ((v = emu_arg(a, "limit"))) {
		errno = 0;
		lim = strtoll(v, &e, 10);
		if (!*v || *e || errno || lim < 1 || lim > 31) {
			bad_request(rs, "%s: expected an integer from 1 to 31 for 1d buckets.", "limit");
			return -1;
		}
		q->limit = lim;
	}
	q->first = time_day_start_utc(start);
	if ((v = emu_arg(a, "page"))) {
		if (emu_cursor_read(v, text, sizeof text) < 0 || time_parse_rfc3339(text, &cur) < 0 ||
		    cur < q->first || cur % DAY_SECONDS != 0) {
			bad_request(rs, "%s: not a next_page token of this query.", "page");
			return -1;
		}
		q->first = cur;
	}
	for (i = 0; i < a->n; i++) {
		if (strncmp(a->key[i], "group_by", 8) != 0 || (a->key[i][8] && strcmp(a->key[i] + 8, "[]") != 0))
			continue;
		v = a->val[i];
		if (strcmp(v, "workspace_id") == 0)
			q->dims |= EMU_BY_AGENT;
		else if (kind == K_COST && strcmp(v, "description") == 0)
			q->dims |= EMU_BY_NAME | EMU_BY_METER;
		else if (kind == K_USAGE && strcmp(v, "model") == 0)
			q->dims |= EMU_BY_METER;
		else if (kind == K_USAGE && strcmp(v, "api_key_id") == 0)
			q->dims |= EMU_BY_KEY;
		else if (kind == K_USAGE && strcmp(v, "service_tier") == 0)
			q->dims |= BY_TIER;
		else if (kind == K_USAGE && strcmp(v, "context_window") == 0)
			q->dims |= BY_CONTEXT;
		else {
			bad_request(rs, "group_by: '%.40s' is not served here (see docs/sources.md).", v);
			return -1;
		}
	}
	return 0;
}

static int
is_tokens(const struct emu_row *r)
{
	return !r->fee && strcmp(r->raw_unit, "token") == 0;
}

/* A web search meter: its searches are the usage report's server_tool_use. */
static int
is_search(const struct emu_row *r)
{
	return !r->fee && strcmp(r->raw_unit, "search") == 0;
}

static void
filter_rows(struct emu_rows *rows, enum ant_kind kind, const struct ant_query *q)
{
	size_t i, o = 0;
	struct emu_row *r;

	for (i = 0; i < rows->n; i++) {
		r = &rows->r[i];
		if (kind == K_USAGE && ((!is_tokens(r) && !is_search(r)) ||
		                        emu_arg_has(q->args, "models", r->meter_id) == 0 ||
		                        emu_arg_has(q->args, "workspace_ids", r->agent_id) == 0 ||
		                        emu_arg_has(q->args, "api_key_ids", ANT_KEY_ID) == 0))
			continue;
		if (kind == K_COST && r->micro == 0)
			continue; /* nothing billed: no cost item */
		if (kind == K_USAGE) {
			/* the usage report carries no money: micro holds the web
			 * searches so that emu_aggregate sums them apart from the tokens */
			r->micro = is_search(r) ? r->raw : 0;
			if (is_search(r))
				r->raw = 0;
		}
		rows->r[o++] = *r;
	}
	rows->n = o;
}

static void
usage_out(struct sb *b, const struct emu_row *r, unsigned dims)
{
	/* Meters count tokens without a direction or cache: all are uncached
	 * input; a search meter's searches (in micro, filter_rows) are web
	 * search requests. */
	sb_addf(b, "{\"uncached_input_tokens\":%lld,\"cache_creation\":{\"ephemeral_1h_input_tokens\":0,"
	        "\"ephemeral_5m_input_tokens\":0},\"cache_read_input_tokens\":0,\"output_tokens\":0,"
	        "\"server_tool_use\":{\"web_search_requests\":%lld},\"api_key_id\":",
	        (long long)r->raw, (long long)r->micro);
	sb_str(b, (dims & EMU_BY_KEY) ? ANT_KEY_ID : NULL);
	sb_add(b, ",\"workspace_id\":");
	sb_str(b, (dims & EMU_BY_AGENT) ? r->agent_id : NULL);
	sb_add(b, ",\"model\":");
	sb_str(b, (dims & EMU_BY_METER) ? r->meter_id : NULL);
	sb_add(b, ",\"service_tier\":");
	sb_str(b, (dims & BY_TIER) ? "standard" : NULL);
	sb_add(b, ",\"context_window\":");
	sb_str(b, (dims & BY_CONTEXT) ? "0-200k" : NULL);
	sb_add(b, "}");
}

/* The query of a list endpoint: only `known` parameters, and limit 1 to
 * 1000 (default 20).  0, or -1 after answering 400. */
static int
list_args(struct req *rq, struct resp *rs, const char *const *known, struct emu_args *a, long long *limit)
{
	const char *v, *unknown;
	char *e;

	emu_args_read(rq, a);
	unknown = emu_arg_unknown(a, known);
	if (a->too_many || unknown) {
		bad_request(rs, "%s: unexpected query parameter (see docs/sources.md).", unknown ? unknown : "(too many)");
		return -1;
	}
	*limit = 20;
	if ((v = emu_arg(a, "limit"))) {
		errno = 0;
		*limit = strtoll(v, &e, 10);
		if (!*v || *e || errno || *limit < 1 || *limit > 1000) {
			bad_request(rs, "%s: expected an integer from 1 to 1000.", "limit");
			return -1;
		}
	}
	return 0;
}

/* cost_type of a row grouped by description (null for what is not tokens, search or code). */
static const char *
cost_type(const struct emu_row *r)
{
	if (is_tokens(r))
		return "tokens";
	if (!r->fee && strcmp(r->raw_unit, "search") == 0)
		return "web_search";
	if (!r->fee && strstr(r->meter_id, "code_exec"))
		return "code_execution";
	return NULL;
}

static void
cost_out(struct sb *b, const struct emu_row *r, unsigned dims, const char *currency, int minor_scale)
{
	int by_desc = (dims & EMU_BY_NAME) != 0, tok = by_desc && is_tokens(r);

	sb_add(b, "{\"currency\":");
	sb_str(b, currency);
	/* Anthropic's amount: the lowest currency unit (cents) as a decimal string. */
	sb_add(b, ",\"amount\":\"");
	sb_decimal(b, r->micro, minor_scale);
	sb_add(b, "\",\"workspace_id\":");
	sb_str(b, (dims & EMU_BY_AGENT) && r->agent_id[0] ? r->agent_id : NULL);
	sb_add(b, ",\"description\":");
	sb_str(b, by_desc ? r->name : NULL);
	sb_add(b, ",\"cost_type\":");
	sb_str(b, by_desc ? cost_type(r) : NULL);
	sb_add(b, ",\"context_window\":");
	sb_str(b, tok ? "0-200k" : NULL);
	sb_add(b, ",\"model\":");
	sb_str(b, tok ? r->meter_id : NULL);
	sb_add(b, ",\"service_tier\":");
	sb_str(b, tok ? "standard" : NULL);
	sb_add(b, ",\"token_type\":");
	sb_str(b, tok ? "uncached_input_tokens" : NULL);
	sb_add(b, "}");
}

static void
report_handler(struct req *rq, struct resp *rs)
{
	enum ant_kind kind = *(const enum ant_kind *)rq->ctx;
	struct emu_args a;
	struct ant_query q;
	struct emu_money m;
	struct emu_rows rows = { 0 };
	struct sb b = { 0 };
	char t0[32], t1[32], cursor[80];
	int64_t day;
	int count = 0;
	size_t i;

	emu_args_read(rq, &a);
	if (read_query(rq, rs, kind, &a, &q) < 0)
		return;
	if (emu_money_load(rq, &m) < 0) {
		resp_internal(rs);
		return;
	}
	sb_add(&b, "{\"data\":[");
	for (day = q.first; day < q.end && count < q.limit; day += DAY_SECONDS, count++) {
		rows.n = 0;
		if (emu_day_rows(rq, &m, day, &rows) < 0)
			goto fail;
		filter_rows(&rows, kind, &q);
		if (emu_aggregate(&rows, q.dims & (EMU_BY_AGENT | EMU_BY_METER | EMU_BY_NAME)) < 0)
			goto fail;
		if (time_format_rfc3339(day, t0, sizeof t0) < 0 ||
		    time_format_rfc3339(day + DAY_SECONDS, t1, sizeof t1) < 0)
			goto fail;
		sb_addf(&b, "%s{\"starting_at\":\"%s\",\"ending_at\":\"%s\",\"results\":[", count ? "," : "", t0, t1);
		for (i = 0; i < rows.n; i++) {
			if (i)
				sb_add(&b, ",");
			if (kind == K_USAGE)
				usage_out(&b, &rows.r[i], q.dims);
			else
				cost_out(&b, &rows.r[i], q.dims, rq->currency, m.minor_scale);
		}
		sb_add(&b, "]}");
	}
	if (day < q.end) {
		if (time_format_rfc3339(day, t0, sizeof t0) < 0 || emu_cursor_make(t0, cursor, sizeof cursor) < 0)
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
workspaces_handler(struct req *rq, struct resp *rs)
{
	static const char *const known[] = { "limit", "after_id", "include_archived", NULL };
	struct emu_args a;
	struct account acct;
	sqlite3_stmt *st;
	json_t *o, *data, *w;
	const char *after;
	char first[ID_MAX] = "", last[ID_MAX] = "", created[32];
	long long limit;
	int64_t n = 0;
	int rc, more = 0;

	if (list_args(rq, rs, known, &a, &limit) < 0)
		return;
	after = emu_arg(&a, "after_id");
	if (acct_load(rq->db, &acct) < 0 || time_format_rfc3339(acct.created_at, created, sizeof created) < 0 ||
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
		w = json_pack("{s:s, s:s, s:s, s:s, s:n, s:s}", "id", (const char *)sqlite3_column_text(st, 0),
		              "type", "workspace", "name", (const char *)sqlite3_column_text(st, 1),
		              "created_at", created, "archived_at", "display_color", "#6C5BB9");
		if (!w || json_array_append_new(data, w) < 0)
			break;
		if (!n)
			db_col_copy(st, 0, first, sizeof first);
		db_col_copy(st, 0, last, sizeof last);
		n++;
	}
	sqlite3_reset(st);
	o = data ? json_pack("{s:o, s:b, s:o, s:o}", "data", data, "has_more", more,
	                     "first_id", n ? json_string(first) : json_null(),
	                     "last_id", n ? json_string(last) : json_null()) : NULL;
	resp_json(rs, 200, o);
}

/* GET /v1/organizations/api_keys: the one admin key every usage row is
 * billed to.  limit 1 to 1000 (default 20), after_id, status,
 * workspace_id. */
static void
api_keys_handler(struct req *rq, struct resp *rs)
{
	static const char *const known[] = { "limit", "after_id", "status", "workspace_id", NULL };
	struct emu_args a;
	struct account acct;
	json_t *data, *k;
	const char *v, *after;
	char created[32];
	long long limit;
	int one;

	if (list_args(rq, rs, known, &a, &limit) < 0)
		return;
	after = emu_arg(&a, "after_id");
	/* the admin key is active and in the default workspace (workspace_id null) */
	one = (!after || strcmp(after, ANT_KEY_ID) < 0) && !emu_arg(&a, "workspace_id") &&
	      (!(v = emu_arg(&a, "status")) || strcmp(v, "active") == 0);
	if (acct_load(rq->db, &acct) < 0 || time_format_rfc3339(acct.created_at, created, sizeof created) < 0 ||
	    !(data = json_array())) {
		resp_internal(rs);
		return;
	}
	if (one) {
		k = json_pack("{s:s, s:s, s:s, s:n, s:s, s:{s:s, s:s}, s:s, s:s}", "id", ANT_KEY_ID, "type", "api_key",
		              "name", "billtop admin key", "workspace_id", "created_at", created,
		              "created_by", "id", "user_billtop_owner", "type", "user",
		              "partial_key_hint", "sk-ant-api03-R2D...igAA", "status", "active");
		if (!k || json_array_append_new(data, k) < 0) {
			json_decref(data);
			resp_internal(rs);
			return;
		}
	}
	resp_json(rs, 200, json_pack("{s:o, s:b, s:o, s:o}", "data", data, "has_more", 0,
	                             "first_id", one ? json_string(ANT_KEY_ID) : json_null(),
	                             "last_id", one ? json_string(ANT_KEY_ID) : json_null()));
}

static void
me_handler(struct req *rq, struct resp *rs)
{
	struct emu_args a;
	struct account acct;

	emu_args_read(rq, &a);
	if (a.n) {
		bad_request(rs, "%s: unexpected query parameter.", a.key[0]);
		return;
	}
	if (acct_load(rq->db, &acct) < 0) {
		resp_internal(rs);
		return;
	}
	resp_json(rs, 200, json_pack("{s:s, s:s, s:s}", "id", acct.id, "type", "organization", "name", acct.name));
}

void
emu_anthropic_dispatch(struct req *rq, struct resp *rs)
{
	static const enum ant_kind usage = K_USAGE, cost = K_COST;
	const char *key = req_header(rq, "x-api-key");
	void (*fn)(struct req *, struct resp *) = report_handler;

	if (strcmp(rq->path, "/v1/organizations/usage_report/messages") == 0)
		rq->ctx = &usage;
	else if (strcmp(rq->path, "/v1/organizations/cost_report") == 0)
		rq->ctx = &cost;
	else if (strcmp(rq->path, "/v1/organizations/workspaces") == 0)
		fn = workspaces_handler;
	else if (strcmp(rq->path, "/v1/organizations/me") == 0)
		fn = me_handler;
	else if (strcmp(rq->path, "/v1/organizations/api_keys") == 0)
		fn = api_keys_handler;
	else {
		emu_anthropic_error(rs, 404, "not_found_error", "Not found");
		return;
	}
	if (key)
		rq->role = srv_token_role(rq->srv, key);
	if (rq->role == ROLE_NONE) {
		emu_anthropic_error(rs, 401, "authentication_error", "invalid x-api-key");
		return;
	}
	if (rq->role == ROLE_MEMBER || rq->role == ROLE_VIEWER) {
		emu_anthropic_error(rs, 403, "permission_error",
		                    "Your API key does not have permission to use the specified resource: an "
		                    "admin key is required.");
		return;
	}
	if (!req_header(rq, "anthropic-version")) {
		emu_anthropic_error(rs, 400, "invalid_request_error", "anthropic-version: header is required");
		return;
	}
	if (strcmp(rq->method, "GET") != 0) {
		emu_anthropic_error(rs, 405, "invalid_request_error", "Method not allowed");
		return;
	}
	api_run_locked(rq, rs, fn);
}
