/* router.c: one request end to end: auth and roles, routing, the transaction, idempotency. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <microhttpd.h>

#include "core/util.h"
#include "server/api.h"
#include "server/emulate.h"
#include "server/engine.h"
#include "server/idem.h"

const char *
req_query(struct req *rq, const char *key)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, key);
}

const char *
req_header(struct req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

void
resp_json(struct resp *rs, int status, json_t *j)
{
	char *s;

	if (!j) {
		resp_internal(rs);
		return;
	}
	s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (!s) {
		resp_internal(rs);
		return;
	}
	free(rs->body);
	rs->body = s;
	rs->len = strlen(s);
	rs->status = status;
	rs->ctype = "application/json; charset=utf-8";
}

void
resp_error_role(struct resp *rs, int status, const char *code, const char *role, const char *fmt, ...)
{
	char msg[512];
	json_t *err, *o;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	rs->etag[0] = '\0';
	err = json_pack("{s:s, s:s}", "code", code, "message", msg);
	if (err && role)
		json_object_set_new(err, "role", json_string(role));
	o = err ? json_pack("{s:o}", "error", err) : NULL;
	if (!o) {
		/* Out of memory: a fixed body still tells the client something went wrong. */
		static const char fallback[] = "{\"error\":{\"code\":\"internal\",\"message\":\"Out of memory.\"}}";

		free(rs->body);
		rs->body = strdup(fallback);
		rs->len = rs->body ? strlen(fallback) : 0;
		rs->status = 500;
		rs->ctype = "application/json; charset=utf-8";
		return;
	}
	resp_json(rs, status, o);
	rs->status = status;
}

void
resp_internal(struct resp *rs)
{
	resp_error(rs, 500, "internal", "The server hit an internal error.");
}

json_t *
req_json_object(struct req *rq, struct resp *rs, int allow_empty)
{
	json_error_t e;
	json_t *j;
	size_t i;

	for (i = 0; i < rq->body_len && strchr(" \t\r\n", rq->body[i]); i++)
		;
	if (i == rq->body_len) {
		if (allow_empty)
			return json_object();
		resp_error(rs, 400, "malformed_json", "The request needs a JSON object body.");
		return NULL;
	}
	j = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &e);
	if (!j) {
		resp_error(rs, 400, "malformed_json", "The body is not valid JSON: %s (line %d, column %d).",
		           e.text, e.line, e.column);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		resp_error(rs, 400, "bad_request", "The body must be a JSON object.");
		return NULL;
	}
	return j;
}

typedef void (*handler_fn)(struct req *rq, struct resp *rs);

/* A pattern is a path after "/v1/" with "*" for one id segment. */
static const struct route {
	const char *method;
	const char *pattern;
	handler_fn fn;
} routes[] = {
	{ "GET", "account", api_account_get },
	{ "GET", "plans", api_plans_list },
	{ "POST", "subscription", api_subscription_change },
	{ "POST", "subscription/cancel_scheduled_change", api_subscription_cancel },
	{ "GET", "credits", api_credits_get },
	{ "GET", "credits/grants", api_grants_list },
	{ "GET", "credits/ledger", api_ledger_list },
	{ "POST", "credits/purchases", api_purchase },
	{ "GET", "meters", api_meters_list },
	{ "GET", "agents", api_agents_list },
	{ "GET", "usage/daily", api_usage_daily },
	{ "GET", "runs", api_runs_list },
	{ "POST", "runs", api_runs_create },
	{ "GET", "invoices", api_invoices_list },
	{ "GET", "invoices/*", api_invoice_get },
	{ "GET", "invoices/*/pdf", api_invoice_pdf },
	{ "GET", "payment_methods", api_methods_list },
	{ "POST", "payment_methods/setup", api_methods_setup },
	{ "POST", "payment_methods/*/default", api_method_default },
	{ "GET", "charges", api_charges_list },
};

/* Does the pattern match the segments ("*" matches any one segment)? */
static int
pattern_matches(const char *pattern, const char *const *seg, size_t nseg)
{
	char buf[128];
	char *save = NULL, *p;
	size_t i = 0;

	str_copy(buf, sizeof buf, pattern);
	for (p = strtok_r(buf, "/", &save); p; p = strtok_r(NULL, "/", &save), i++) {
		if (i >= nseg)
			return 0;
		if (strcmp(p, "*") != 0 && strcmp(p, seg[i]) != 0)
			return 0;
	}
	return i == nseg;
}

/* Splits path (after "/v1/") into rq->seg; 0, or -1 for too many or empty segments. */
static int
split_path(struct req *rq, char *copy)
{
	char *save = NULL, *p;

	rq->nseg = 0;
	for (p = strtok_r(copy, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
		if (rq->nseg == API_MAX_SEGS)
			return -1;
		rq->seg[rq->nseg++] = p;
	}
	return rq->nseg ? 0 : -1;
}

static enum role
authenticate(struct req *rq)
{
	const char *h = req_header(rq, MHD_HTTP_HEADER_AUTHORIZATION);

	if (!h || strncasecmp(h, "Bearer ", 7) != 0)
		return ROLE_NONE;
	h += 7;
	while (*h == ' ')
		h++;
	return srv_token_role(rq->srv, h);
}

/*
 * The handler inside a savepoint.  An amount the request asked for that does
 * not fit in 64 bits (d->overflow) is a 422, never a 500, and every write the
 * handler made is undone, while the clock's roll-forward and the stored
 * Idempotency-Key response are kept as for any other refusal.
 */
static void
run_handler(struct req *rq, struct resp *rs, handler_fn fn)
{
	struct db *d = rq->db;

	if (db_exec(d, "SAVEPOINT handler") < 0) {
		resp_internal(rs);
		return;
	}
	d->overflow = 0;
	fn(rq, rs);
	if (d->overflow && !d->failed) {
		if (rs->status < 400 || rs->status >= 500)
			resp_error(rs, 422, "invalid_amount",
			           "An amount in this request would go past the largest billtopd can count.");
		db_reset_all(d);
		if (db_exec(d, "ROLLBACK TO handler") < 0)
			resp_internal(rs);
	}
	if (db_exec(d, "RELEASE handler") < 0)
		resp_internal(rs);
}

/* Runs the handler inside one transaction, with the clock rolled forward first. */
void
api_run_locked(struct req *rq, struct resp *rs, handler_fn fn)
{
	struct srv *s = rq->srv;
	struct account a;
	int is_post = strcmp(rq->method, "POST") == 0;
	int replayed = 0;

	pthread_mutex_lock(&s->lock);
	rq->db = s->db;
	rq->db->failed = 0;
	rq->now = srv_now(s);
	if (db_exec(rq->db, "BEGIN IMMEDIATE") < 0) {
		resp_internal(rs);
		goto unlock;
	}
	if (eng_roll(rq->db, rq->now) < 0 || acct_load(rq->db, &a) < 0) {
		resp_internal(rs);
		goto finish;
	}
	str_copy(rq->currency, sizeof rq->currency, a.currency);
	if (is_post) {
		replayed = idem_begin(rq, rs);
		if (replayed < 0)
			goto finish;
	}
	if (!replayed) {
		run_handler(rq, rs, fn);
		if (is_post && rs->status < 500 && !rq->db->failed && idem_store(rq, rs) < 0)
			resp_internal(rs);
	}
finish:
	db_reset_all(rq->db);
	if (rq->db->failed && rs->status < 500)
		resp_internal(rs);
	if (rs->status >= 500)
		db_exec(rq->db, "ROLLBACK");
	else if (db_exec(rq->db, "COMMIT") < 0) {
		db_exec(rq->db, "ROLLBACK");
		resp_internal(rs);
	}
unlock:
	pthread_mutex_unlock(&s->lock);
}

void
api_dispatch(struct req *rq, struct resp *rs)
{
	char copy[512];
	const char *role;
	size_t i;
	int path_known = 0;

	if (rq->srv->emulate) {
		emu_dispatch(rq, rs);
		return;
	}
	if (strncmp(rq->path, "/v1/", 4) != 0 || str_copy(copy, sizeof copy, rq->path + 4) < 0 ||
	    split_path(rq, copy) < 0) {
		resp_error(rs, 404, "not_found", "There is nothing at %.200s.", rq->path);
		return;
	}
	rq->role = authenticate(rq);
	if (rq->role == ROLE_NONE) {
		resp_error(rs, 401, "unauthorized", "A valid bearer token is required.");
		rs->www_authenticate = 1;
		return;
	}
	role = role_name(rq->role);
	if (rq->role == ROLE_MEMBER || rq->role == ROLE_VIEWER) {
		resp_error_role(rs, 403, "billing_forbidden", role,
		                "The %s role cannot see billing; ask an owner, an admin or someone with "
		                "billing:read.", role);
		return;
	}
	if (rq->role == ROLE_BILLING_READER && strcmp(rq->method, "POST") == 0) {
		resp_error_role(rs, 403, "billing_read_only", role,
		                "The billing_reader role can read billing but not change it.");
		return;
	}
	for (i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if (!pattern_matches(routes[i].pattern, rq->seg, rq->nseg))
			continue;
		path_known = 1;
		if (strcmp(routes[i].method, rq->method) == 0) {
			api_run_locked(rq, rs, routes[i].fn);
			return;
		}
	}
	if (path_known)
		resp_error(rs, 405, "method_not_allowed", "%s is not allowed on %.200s.", rq->method, rq->path);
	else
		resp_error(rs, 404, "not_found", "There is nothing at %.200s.", rq->path);
}
