/* api.h: one request and its response as the handlers see them, and the handlers. */
#ifndef BILLTOPD_API_H
#define BILLTOPD_API_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "server/db.h"
#include "server/srv.h"

#define API_MAX_SEGS 6

struct req {
	struct srv *srv;
	struct db *db;
	void *conn;               /* struct MHD_Connection *, for headers and query values */
	const char *method;
	const char *path;
	const char *body;
	size_t body_len;
	enum role role;
	int64_t now;
	const char *seg[API_MAX_SEGS]; /* path segments after "/v1" */
	size_t nseg;
	char currency[4];         /* the account's currency, loaded before the handler runs */
	const char *idem_key;     /* Idempotency-Key of a POST, or NULL */
	char idem_fp[24];         /* fingerprint of method, path and body */
	const void *ctx;          /* what the router tells the handler (an emulation's endpoint) */
};

struct resp {
	int status;
	char *body;               /* malloc'd */
	size_t len;
	const char *ctype;        /* static */
	char etag[40];            /* "" for none */
	int retry_after;          /* -1 for none */
	int www_authenticate;
	int replayed;
};

/* A query parameter, or NULL when absent. */
const char *req_query(struct req *rq, const char *key);
/* A request header, or NULL. */
const char *req_header(struct req *rq, const char *name);

/* Serialises j (stolen) as the body; a NULL j is an internal error. */
void resp_json(struct resp *rs, int status, json_t *j);
/* {"error": {"code", "message"}} (+ "role" when role is not NULL). */
void resp_error_role(struct resp *rs, int status, const char *code, const char *role,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
#define resp_error(rs, status, code, ...) resp_error_role((rs), (status), (code), NULL, __VA_ARGS__)
/* 500 internal. */
void resp_internal(struct resp *rs);

/* Parses the body as a JSON object; on failure writes the 400 and returns NULL. */
json_t *req_json_object(struct req *rq, struct resp *rs, int allow_empty);

/* Handlers: each fills rs.  Account, plans and subscription changes. */
void api_account_get(struct req *rq, struct resp *rs);
void api_plans_list(struct req *rq, struct resp *rs);
void api_subscription_change(struct req *rq, struct resp *rs);
void api_subscription_cancel(struct req *rq, struct resp *rs);
/* Credits. */
void api_credits_get(struct req *rq, struct resp *rs);
void api_grants_list(struct req *rq, struct resp *rs);
void api_ledger_list(struct req *rq, struct resp *rs);
void api_purchase(struct req *rq, struct resp *rs);
/* Meters, agents, usage, runs. */
void api_meters_list(struct req *rq, struct resp *rs);
void api_agents_list(struct req *rq, struct resp *rs);
void api_usage_daily(struct req *rq, struct resp *rs);
void api_runs_list(struct req *rq, struct resp *rs);
void api_runs_create(struct req *rq, struct resp *rs);
/* Invoices. */
void api_invoices_list(struct req *rq, struct resp *rs);
void api_invoice_get(struct req *rq, struct resp *rs);
void api_invoice_pdf(struct req *rq, struct resp *rs);
/* Payment. */
void api_methods_list(struct req *rq, struct resp *rs);
void api_method_default(struct req *rq, struct resp *rs);
void api_methods_setup(struct req *rq, struct resp *rs);
void api_charges_list(struct req *rq, struct resp *rs);

/* The account object as GET /v1/account answers it (for the caller's role). */
json_t *api_account_json(struct req *rq);

/* Runs fn inside one transaction with the clock rolled forward (GETs of the emulations too). */
void api_run_locked(struct req *rq, struct resp *rs, void (*fn)(struct req *rq, struct resp *rs));

/* Runs one request end to end (auth, roles, routing, transaction, idempotency). */
void api_dispatch(struct req *rq, struct resp *rs);

#endif
