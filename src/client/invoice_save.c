/* invoice_save.c: find an invoice by id or number; resolve the target,
 * stream the PDF into a temp file (net_download), commit. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/decode.h"
#include "client/download.h"
#include "client/invoice_save.h"
#include "core/i18n.h"
#include "core/util.h"

/* A JSON GET, parsed.  0, or -1 with err (err->http_status from the answer). */
static int
get_json(struct net *n, const char *path, json_t **root, struct client_err *err)
{
	struct net_response resp;
	int rc = -1;

	*root = NULL;
	if (net_get(n, path, NULL, &resp, err) == 0) {
		*root = decode_parse(resp.body, resp.len, err);
		rc = *root != NULL ? 0 : -1;
	}
	net_response_free(&resp);
	return rc;
}

struct find_arg {
	const char *number;
	struct invoice *out;
	int found;
};

static int
match_number(void *p, enum list_kind kind, const union list_item *item, struct client_err *err)
{
	struct find_arg *a = p;
	const struct invoice *inv = &item->invoice;

	(void)kind;
	if (a->found || strcmp(inv->number, a->number) != 0)
		return 0;
	*a->out = *inv;
	a->out->lines = NULL;
	if (inv->nlines > 0) {
		a->out->lines = malloc((size_t)inv->nlines * sizeof *inv->lines);
		if (a->out->lines == NULL) {
			a->out->nlines = 0;
			client_err_set(err, CERR_USAGE, "%s", _("out of memory"));
			return -1;
		}
		memcpy(a->out->lines, inv->lines, (size_t)inv->nlines * sizeof *inv->lines);
	}
	a->found = 1;
	return 0;
}

int
invoice_find(struct net *n, const char *id_or_number, struct invoice *out,
             struct client_err *err)
{
	struct account acct;
	struct find_arg fa = { id_or_number, out, 0 };
	struct page_info info;
	char seg[1024], path[1200], after[M_ID] = "";
	json_t *root = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	client_err_clear(err);
	if (get_json(n, "/v1/account", &root, err) != 0 || decode_account(root, &acct, err) != 0)
		goto out;
	json_decref(root);
	root = NULL;
	if (net_escape_segment(id_or_number, seg, sizeof seg) != 0) {
		client_err_set(err, CERR_USAGE, "%s", _("the invoice id is too long"));
		goto out;
	}
	snprintf(path, sizeof path, "/v1/invoices/%s", seg);
	if (get_json(n, path, &root, err) == 0) {
		rc = decode_invoice(root, acct.currency, out, err);
		goto out;
	}
	if (err->http_status != 404)
		goto out;
	/* Not an id: a number, then. */
	do {
		json_decref(root);
		root = NULL;
		if (after[0] == '\0')
			snprintf(path, sizeof path, "/v1/invoices?limit=1000");
		else if (net_escape(after, seg, sizeof seg) == 0)
			snprintf(path, sizeof path, "/v1/invoices?limit=1000&starting_after=%s", seg);
		if (get_json(n, path, &root, err) != 0 ||
		    decode_page(root, LIST_INVOICES, acct.currency, match_number, &fa, &info, err) != 0)
			goto out;
		str_copy(after, sizeof after, info.last_id);
	} while (!fa.found && info.has_more && info.items > 0);
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

int
invoice_save(struct net *n, const char *id, const char *number, const char *out_opt, int force,
             net_progress_fn cb, void *arg, char *path, size_t pathn, struct client_err *err)
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
	if (download_resolve(number, out_opt, force, dir, sizeof dir, base, sizeof base, &mode,
	                     msg, sizeof msg) != 0) {
		client_err_set(err, CERR_USAGE, "%s", msg);
		return -1;
	}
	if (download_target_open(&t, dir, base, mode) != 0) {
		client_err_set(err, CERR_USAGE, "%s", t.err);
		return -1;
	}
	if (net_download(n, url_path, t.fd, cb, arg, err) != 0) {
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
