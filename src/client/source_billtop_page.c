/* source_billtop_page.c: the billtop API's requests: its error envelope in
 * plain words, and the one paging loop (limit, starting_after, ETags). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "client/secret_mask.h"
#include "client/source_billtop.h"
#include "core/i18n.h"
#include "core/util.h"

#define PAGE_LIMIT 1000
#define MAX_RESTARTS 3
#define MAX_PAGES 1000000

void
bt_http_error(const struct net_response *resp, struct client_err *err)
{
	char api_msg[sizeof err->message] = "";
	long status = resp->status;

	err->http_status = (int)status;
	err->message[0] = '\0';
	if (resp->body && decode_api_error(resp->body, resp->len, err) == 0)
		str_copy(api_msg, sizeof api_msg, err->message);
	if (status == 401) {
		client_err_set(err, CERR_AUTH, _("the server refused the token (401): check token, "
		                                 "token_command or BILLTOP_TOKEN"));
	} else if (status == 403 && strcmp(err->code, "billing_read_only") == 0) {
		client_err_set(err, CERR_FORBIDDEN,
		               _("your role (%s) may see billing but not change it; an owner or "
		                 "admin can"), err->role[0] ? err->role : "billing_reader");
	} else if (status == 403) {
		client_err_set(err, CERR_FORBIDDEN,
		               _("your role (%s) cannot see billing: only owner, admin and "
		                 "billing_reader can; ask an owner for one of these roles"),
		               err->role[0] ? err->role : _("unknown"));
	} else if (status == 429) {
		client_err_set(err, CERR_SERVER, _("the server is limiting requests (429); try again later"));
	} else if (status >= 500) {
		client_err_set(err, CERR_SERVER, _("the server failed (%ld%s%s)%s%s"), status,
		               err->code[0] ? " " : "", err->code, api_msg[0] ? ": " : "", api_msg);
	} else if (status >= 400) {
		client_err_set(err, CERR_CLIENT, "%s (%ld%s%s)",
		               api_msg[0] ? api_msg : _("the server refused the request"), status,
		               err->code[0] ? " " : "", err->code);
	} else {
		client_err_set(err, CERR_SERVER, _("the server answered with HTTP status %ld, "
		                                   "which billtop does not expect here"), status);
	}
	if (resp->gave_up_after > 1) {
		char tmp[64];
		size_t len = strlen(err->message);

		snprintf(tmp, sizeof tmp, P_(" (after %d attempt)", " (after %d attempts)",
		                             resp->gave_up_after), resp->gave_up_after);
		if (len + strlen(tmp) < sizeof err->message)
			memcpy(err->message + len, tmp, strlen(tmp) + 1);
	}
	secret_scrub(err->message);
}

/* After a failed request: the API's words when there was an HTTP answer. */
static int
failed(const struct net_response *resp, struct client_err *err)
{
	if (resp->status != 0 && err->kind != CERR_CANCELED)
		bt_http_error(resp, err);
	return -1;
}

int
bt_get(struct net *n, const char *path, const char *etag, struct net_response *resp,
       struct client_err *err)
{
	return net_get(n, path, etag, resp, err) == 0 ? 0 : failed(resp, err);
}

int
bt_post(struct net *n, const char *path, const char *json_body, struct net_response *resp,
        struct client_err *err)
{
	return net_post(n, path, json_body, resp, err) == 0 ? 0 : failed(resp, err);
}

int
bt_download(struct net *n, const char *path, int fd, net_progress_fn cb, void *arg,
            struct client_err *err)
{
	struct net_response resp;
	int rc = net_download(n, path, fd, cb, arg, &resp, err) == 0 ? 0 : failed(&resp, err);

	net_response_free(&resp);
	return rc;
}

int
bt_get_json(struct net *n, const char *path, json_t **root, struct client_err *err)
{
	struct net_response resp;
	int rc = -1;

	*root = NULL;
	if (bt_get(n, path, NULL, &resp, err) == 0) {
		*root = decode_parse(resp.body, resp.len, err);
		rc = *root != NULL ? 0 : -1;
	}
	net_response_free(&resp);
	return rc;
}

int
bt_page_walk(struct net *n, const char *path, enum list_kind kind, struct bt_pager *p,
             struct client_err *err)
{
	char url[1024], esc[3 * M_ID + 1], after[M_ID];
	struct net_response resp;
	struct page_info info;
	const char *sep = strchr(path, '?') ? "&" : "?";
	json_t *root;
	int restarts = 0, page;

	p->unchanged = 0;
	p->stop = 0;
restart:
	after[0] = '\0';
	p->etag[0] = '\0';
	p->pages = 0;
	p->items = 0;
	p->refused = 0;
	p->refused_msg[0] = '\0';
	for (page = 0; page < MAX_PAGES; page++) {
		if (after[0] && net_escape(after, esc, sizeof esc) < 0) {
			client_err_set(err, CERR_BAD_DATA, _("an item id is too long to page after"));
			return -1;
		}
		snprintf(url, sizeof url, "%s%slimit=%d%s%s", path, sep, PAGE_LIMIT,
		         after[0] ? "&starting_after=" : "", after[0] ? esc : "");
		if (bt_get(n, url, page == 0 && restarts == 0 ? p->stored_etag : NULL, &resp, err) < 0) {
			net_response_free(&resp);
			return -1;
		}
		if (resp.status == 304) {
			net_response_free(&resp);
			p->unchanged = 1;
			return p->page_done ? p->page_done(p->arg, p->pages, p->items, err) : 0;
		}
		if (page == 0) {
			str_copy(p->etag, sizeof p->etag, resp.etag);
			if (p->begin && p->begin(p->arg, err) < 0)
				goto fail;
		} else if (strcmp(resp.etag, p->etag) != 0) {
			/* the list changed under us: its pages no longer fit together */
			net_response_free(&resp);
			if (++restarts > MAX_RESTARTS) {
				client_err_set(err, CERR_SERVER,
				               _("the list kept changing while it was read; try again"));
				return -1;
			}
			goto restart;
		}
		root = decode_parse(resp.body, resp.len, err);
		if (!root)
			goto fail;
		if (decode_page(root, kind, p->currency, p->item, p->arg, &info, err) < 0) {
			json_decref(root);
			goto fail;
		}
		json_decref(root);
		net_response_free(&resp);
		p->pages++;
		p->items += info.items;
		if (info.refused && !p->refused)
			str_copy(p->refused_msg, sizeof p->refused_msg, info.refused_msg);
		p->refused += info.refused;
		if (p->page_done && p->page_done(p->arg, p->pages, p->items, err) != 0)
			return -1;
		if (!info.has_more || p->stop)
			return 0;
		if (info.items == 0) {
			client_err_set(err, CERR_BAD_DATA, _("an empty page says more follow"));
			return -1;
		}
		str_copy(after, sizeof after, info.last_id);
	}
	client_err_set(err, CERR_BAD_DATA, _("more than %d pages"), MAX_PAGES);
	return -1;
fail:
	net_response_free(&resp);
	return -1;
}
