/* source_billtop.h: inside the billtop source (docs/api.md): its requests,
 * its error envelope and its one paging loop, shared by the refresh
 * (source_billtop.c) and the actions (source_billtop_act.c).  Nothing
 * outside these files includes it. */
#ifndef BILLTOP_SOURCE_BILLTOP_H
#define BILLTOP_SOURCE_BILLTOP_H

#include <stddef.h>
#include <stdint.h>

#include "client/decode.h"
#include "client/error.h"
#include "client/net.h"

/* An HTTP failure in the API's words: the error envelope of the body
 * ({"error": {"code", "message", "role"}}) with the status, into err, as
 * sentences for a person ("your role (billing_reader) may see billing but not
 * change it ..."). */
void bt_http_error(const struct net_response *resp, struct client_err *err);

/* net_get / net_post / net_download, with bt_http_error on an HTTP failure. */
int bt_get(struct net *n, const char *path, const char *etag, struct net_response *resp,
           struct client_err *err);
int bt_post(struct net *n, const char *path, const char *json_body,
            struct net_response *resp, struct client_err *err);
int bt_download(struct net *n, const char *path, int fd, net_progress_fn cb, void *arg,
                struct client_err *err);

/* A GET whose answer is parsed.  0, or -1 with err (err->http_status kept). */
int bt_get_json(struct net *n, const char *path, json_t **root, struct client_err *err);

/* The one paging loop: every page of a list (limit, starting_after). */
struct bt_pager {
	/* in */
	const char *stored_etag;     /* If-None-Match on the first page, or NULL */
	const char *currency;        /* the account's, for money fields */
	decode_item_fn item;         /* each decoded item */
	void *arg;
	/* called when the first page of a (re)start arrived (not a 304): reset
	 * and clear what the pages replace; may be NULL.  0, or -1 with err. */
	int (*begin)(void *arg, struct client_err *err);
	/* after every page (and once on a 304); non-zero stops with err set */
	int (*page_done)(void *arg, int pages, int64_t items, struct client_err *err);
	int stop;                    /* set by item: no more pages are needed */
	/* out */
	int unchanged;               /* 304 */
	char etag[256];              /* the list's ETag */
	int pages;
	int64_t items, refused;
	char refused_msg[320];       /* why the first item was refused */
};

/* Reads path (which may hold a query) page by page.  0, or -1 with err. */
int bt_page_walk(struct net *n, const char *path, enum list_kind kind, struct bt_pager *p,
                 struct client_err *err);

#endif
