/* source_billtop_act.c: the billtop source's typed actions: plan changes,
 * credit purchases, payment methods (POSTs with JSON bodies built by
 * jansson), and an invoice found by id or number with its PDF saved safely
 * (download.h) through the one paging loop. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/download.h"
#include "client/source.h"
#include "client/source_billtop.h"
#include "core/i18n.h"
#include "core/util.h"

int bt_act(struct net *n, const struct source_action *a, struct source_action_result *r,
           struct client_err *err);

/* POST path with body (a JSON object, stolen; NULL: it could not be built), the answer parsed
 * into *answer when answer is not NULL.  0, or -1 with err. */
static int
post(struct net *n, const char *path, json_t *body, json_t **answer,
     struct source_action_result *r, struct client_err *err)
{
	struct net_response resp;
	char *text = NULL;
	int rc = -1;

	memset(&resp, 0, sizeof resp);
	if (answer)
		*answer = NULL;
	if (body)
		text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	if (!text) {
		client_err_set(err, CERR_USAGE, "%s", _("the request could not be built"));
		return -1;
	}
	if (bt_post(n, path, text, &resp, err) == 0) {
		r->replayed = resp.replayed;
		rc = 0;
		if (answer) {
			*answer = decode_parse(resp.body, resp.len, err);
			rc = *answer ? 0 : -1;
		}
	}
	free(text);
	net_response_free(&resp);
	return rc;
}

/* The payment method's path: its id as one escaped segment. */
static int
payment_default(struct net *n, const char *id, struct source_action_result *r,
                struct client_err *err)
{
	char seg[3 * M_ID + 1], path[64 + sizeof seg];

	/* the id is the server's, exact: one path segment, dots and slashes escaped */
	if (net_escape_segment(id, seg, sizeof seg) != 0) {
		client_err_set(err, CERR_USAGE, "%s",
		               _("This payment method's id is too long to name in a request."));
		return -1;
	}
	snprintf(path, sizeof path, "/v1/payment_methods/%s/default", seg);
	return post(n, path, json_object(), NULL, r, err);
}

static int
payment_setup(struct net *n, struct source_action_result *r, struct client_err *err)
{
	json_t *root;
	int rc;

	if (post(n, "/v1/payment_methods/setup", json_object(), &root, r, err) != 0)
		return -1;
	rc = decode_setup_link(root, &r->setup, err);
	if (rc != 0)
		client_err_prefix(err, _("the server's answer could not be read"));
	json_decref(root);
	return rc;
}

struct find_arg {
	const char *number;
	struct invoice *out;
	struct bt_pager *pg;
	int found;
};

static int
match_number(void *p, enum list_kind kind, const union list_item *item, struct client_err *err)
{
	struct find_arg *a = p;
	const struct invoice *inv = &item->invoice;

	(void)kind;
	(void)err;
	if (a->found || strcmp(inv->number, a->number) != 0)
		return 0;
	str_copy(a->out->id, sizeof a->out->id, inv->id);
	str_copy(a->out->number, sizeof a->out->number, inv->number);
	a->found = 1;
	a->pg->stop = 1;
	return 0;
}

/* The invoice's id and number from its id, else its number (paging through
 * the list).  0; -1 with err (CERR_CLIENT, code "not_found", when neither
 * matches). */
static int
invoice_find(struct net *n, const char *id_or_number, struct invoice *out,
             struct client_err *err)
{
	struct account acct;
	struct bt_pager pg;
	struct find_arg fa = { id_or_number, out, &pg, 0 };
	char seg[1024], path[1200];
	json_t *root = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	client_err_clear(err);
	if (bt_get_json(n, "/v1/account", &root, err) != 0 || decode_account(root, &acct, err) != 0)
		goto out;
	json_decref(root);
	root = NULL;
	if (net_escape_segment(id_or_number, seg, sizeof seg) != 0) {
		client_err_set(err, CERR_USAGE, "%s", _("the invoice id is too long"));
		goto out;
	}
	snprintf(path, sizeof path, "/v1/invoices/%s", seg);
	if (bt_get_json(n, path, &root, err) == 0) {
		rc = decode_invoice(root, acct.currency, out, err);
		goto out;
	}
	if (err->http_status != 404)
		goto out;
	/* Not an id: a number, then. */
	memset(&pg, 0, sizeof pg);
	pg.currency = acct.currency;
	pg.item = match_number;
	pg.arg = &fa;
	if (bt_page_walk(n, "/v1/invoices", LIST_INVOICES, &pg, err) != 0)
		goto out;
	if (!fa.found) {
		client_err_clear(err);
		err->http_status = 404;
		str_copy(err->code, sizeof err->code, "not_found");
		client_err_set(err, CERR_CLIENT, _("no invoice has the id or number '%s'"), id_or_number);
		goto out;
	}
	rc = 0;
out:
	json_decref(root);
	if (rc != 0)
		invoice_free(out);
	return rc;
}

/* Saves the PDF where download_resolve() says; nothing is left under the
 * final name on failure. */
static int
invoice_save(struct net *n, const struct source_action *a, const char *id, const char *number,
             char *path, size_t pathn, struct client_err *err)
{
	struct download_target t;
	enum download_mode mode;
	char dir[PATH_MAX], base[256], msg[512], seg[1024], url_path[1200];

	client_err_clear(err);
	if (net_escape_segment(id, seg, sizeof seg) != 0) {
		client_err_set(err, CERR_USAGE, "%s", _("the invoice id is too long"));
		return -1;
	}
	snprintf(url_path, sizeof url_path, "/v1/invoices/%s/pdf", seg);
	if (download_resolve(number, a->out_opt, a->force, dir, sizeof dir, base, sizeof base, &mode,
	                     msg, sizeof msg) != 0) {
		client_err_set(err, CERR_USAGE, "%s", msg);
		return -1;
	}
	if (download_target_open(&t, dir, base, mode) != 0) {
		client_err_set(err, CERR_USAGE, "%s", t.err);
		return -1;
	}
	if (bt_download(n, url_path, t.fd, a->progress, a->progress_arg, err) != 0) {
		download_target_abort(&t);
		return -1;
	}
	if (download_target_commit(&t) != 0) {
		/* The only commit failure that is the server's: the body is no PDF. */
		client_err_set(err, t.not_pdf ? CERR_BAD_DATA : CERR_USAGE, "%s", t.err);
		return -1;
	}
	str_copy(path, pathn, t.final);
	return 0;
}

static int
invoice_pdf(struct net *n, const struct source_action *a, struct source_action_result *r,
            struct client_err *err)
{
	struct invoice inv;
	int rc;

	if (a->invoice_number[0]) {
		str_copy(r->invoice_id, sizeof r->invoice_id, a->invoice);
		str_copy(r->invoice_number, sizeof r->invoice_number, a->invoice_number);
	} else {
		if (invoice_find(n, a->invoice, &inv, err) != 0)
			return -1;
		str_copy(r->invoice_id, sizeof r->invoice_id, inv.id);
		str_copy(r->invoice_number, sizeof r->invoice_number, inv.number);
		invoice_free(&inv);
	}
	if (a->found)
		a->found(a->progress_arg, r->invoice_id, r->invoice_number);
	rc = invoice_save(n, a, r->invoice_id, r->invoice_number, r->path, sizeof r->path, err);
	return rc;
}

int
bt_act(struct net *n, const struct source_action *a, struct source_action_result *r,
       struct client_err *err)
{
	memset(r, 0, sizeof *r);
	client_err_clear(err);
	switch (a->kind) {
	case SA_PLAN_CHANGE:
		return post(n, "/v1/subscription", json_pack("{s:s}", "plan_id", a->plan_id),
		            NULL, r, err);
	case SA_PLAN_CANCEL_SCHEDULED:
		return post(n, "/v1/subscription/cancel_scheduled_change", json_object(), NULL, r, err);
	case SA_CREDITS_BUY:
		return post(n, "/v1/credits/purchases", json_pack("{s:I}", "credits",
		                                                   (json_int_t)a->credits),
		            NULL, r, err);
	case SA_PAYMENT_DEFAULT:
		return payment_default(n, a->payment_method_id, r, err);
	case SA_PAYMENT_SETUP:
		return payment_setup(n, r, err);
	case SA_INVOICE_PDF:
		return invoice_pdf(n, a, r, err);
	case SA_NONE:
	case SA_COUNT:
		break;
	}
	client_err_set(err, CERR_USAGE, "%s", _("billtop cannot do this action"));
	return -1;
}
