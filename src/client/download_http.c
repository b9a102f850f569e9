/* download_http.c: libcurl GETs streamed to a file descriptor, with
 * progress, cancel and retries; finding an invoice by id or number. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "client/decode.h"
#include "client/download_http.h"
#include "core/i18n.h"
#include "core/util.h"

#define ERRBODY_MAX 8192
#define JSON_MAX (16 << 20)
#define RETRY_AFTER_MAX 10   /* seconds we are willing to wait between tries */

struct xfer {
	CURL *h;
	int fd;
	dl_progress_fn cb;
	void *arg;
	int canceled;
	int write_failed;
	long retry_after;
	char errbody[ERRBODY_MAX];
	size_t errlen;
};

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static size_t
on_body(char *ptr, size_t size, size_t nmemb, void *p)
{
	struct xfer *x = p;
	size_t n = size * nmemb, room;
	long status = 0;

	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &status);
	if (status == 200) {
		if (write_all(x->fd, ptr, n) != 0) {
			x->write_failed = errno ? errno : EIO;
			return 0;
		}
		return n;
	}
	/* An error answer: keep its start for the API's error object. */
	room = sizeof x->errbody - 1 - x->errlen;
	if (n < room)
		room = n;
	memcpy(x->errbody + x->errlen, ptr, room);
	x->errlen += room;
	x->errbody[x->errlen] = '\0';
	return n;
}

static size_t
on_header(char *ptr, size_t size, size_t nmemb, void *p)
{
	struct xfer *x = p;
	size_t n = size * nmemb;
	static const char name[] = "retry-after:";

	if (n > sizeof name && strncasecmp(ptr, name, sizeof name - 1) == 0) {
		char tmp[32];
		size_t k = n - (sizeof name - 1) < sizeof tmp - 1 ? n - (sizeof name - 1) : sizeof tmp - 1;

		memcpy(tmp, ptr + sizeof name - 1, k);
		tmp[k] = '\0';
		x->retry_after = strtol(tmp, NULL, 10);
	}
	return n;
}

static int
on_progress(void *p, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	struct xfer *x = p;
	long status = 0;

	(void)ultotal;
	(void)ulnow;
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &status);
	if (x->cb != NULL && x->cb(x->arg, status == 200 ? (int64_t)dlnow : 0,
	                           status == 200 && dltotal > 0 ? (int64_t)dltotal : -1) != 0) {
		x->canceled = 1;
		return 1;
	}
	return 0;
}

static void
global_init(void)
{
	static int done;

	if (!done) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		done = 1;
	}
}

/* Sleeps ms in small steps, asking cb whether to give up; 1 when canceled. */
static int
wait_canceled(struct xfer *x, long ms)
{
	struct timespec ts = { 0, 100 * 1000000L };

	for (; ms > 0; ms -= 100) {
		if (x->cb != NULL && x->cb(x->arg, 0, -1) != 0)
			return 1;
		nanosleep(&ts, NULL);
	}
	return 0;
}

/* One try.  Returns 0 done, 1 retryable failure, -1 final failure (err set). */
static int
attempt(const struct dl_conn *conn, const char *url, struct xfer *x, struct client_err *err)
{
	struct curl_slist *hdrs = NULL;
	char auth[4200];
	CURLcode rc;
	long status = 0;
	int r = -1;

	x->h = curl_easy_init();
	if (x->h == NULL) {
		client_err_set(err, CERR_NETWORK, "%s", _("cannot start an HTTP transfer"));
		return -1;
	}
	snprintf(auth, sizeof auth, "Authorization: Bearer %s", conn->token != NULL ? conn->token : "");
	hdrs = curl_slist_append(hdrs, auth);
	explicit_bzero(auth, sizeof auth);
	curl_easy_setopt(x->h, CURLOPT_URL, url);
	curl_easy_setopt(x->h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(x->h, CURLOPT_USERAGENT, PACKAGE "/" VERSION);
	curl_easy_setopt(x->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(x->h, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(x->h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(x->h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(x->h, CURLOPT_CONNECTTIMEOUT, 10L);
	/* A stalled transfer (under 1 byte/s for 30 s) is a network failure. */
	curl_easy_setopt(x->h, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(x->h, CURLOPT_LOW_SPEED_TIME, 30L);
	curl_easy_setopt(x->h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(x->h, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(x->h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(x->h, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(x->h, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(x->h, CURLOPT_XFERINFODATA, x);
	curl_easy_setopt(x->h, CURLOPT_NOPROGRESS, 0L);
	if (conn->insecure) {
		curl_easy_setopt(x->h, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(x->h, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	rc = curl_easy_perform(x->h);
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &status);
	err->http_status = (int)status;
	if (x->canceled) {
		client_err_set(err, CERR_CANCELED, "%s", _("the download was interrupted"));
	} else if (x->write_failed) {
		client_err_set(err, CERR_USAGE, _("cannot write the file: %s"), strerror(x->write_failed));
	} else if (rc != CURLE_OK) {
		client_err_set(err, CERR_NETWORK, "%s: %s", conn->base_url, curl_easy_strerror(rc));
		r = 1;
	} else if (status == 200) {
		r = 0;
	} else {
		int api = decode_api_error(x->errbody, x->errlen, err) == 0;
		char msg[sizeof err->message];

		str_copy(msg, sizeof msg, api && err->message[0] ? err->message : "");
		if (status == 401)
			client_err_set(err, CERR_AUTH, "%s", msg[0] ? msg : _("the server refused the token (401)"));
		else if (status == 403)
			client_err_set(err, CERR_FORBIDDEN, "%s", msg[0] ? msg : _("this role may not see billing (403)"));
		else if (status == 429 || status >= 500)
			client_err_set(err, CERR_SERVER, _("the server answered %ld%s%s"), status, msg[0] ? ": " : "", msg);
		else
			client_err_set(err, CERR_CLIENT, _("the server answered %ld%s%s"), status, msg[0] ? ": " : "", msg);
		if (status == 429 || status >= 500)
			r = 1;
	}
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(x->h);
	x->h = NULL;
	return r;
}

int
dl_get_to_fd(const struct dl_conn *conn, const char *path, int fd, dl_progress_fn cb, void *arg,
             struct client_err *err)
{
	char url[2048];
	struct xfer x;
	int try, r;

	client_err_clear(err);
	global_init();
	if ((size_t)snprintf(url, sizeof url, "%s%s", conn->base_url, path) >= sizeof url) {
		client_err_set(err, CERR_USAGE, "%s", _("the request URL is too long"));
		return -1;
	}
	for (try = 1;; try++) {
		memset(&x, 0, sizeof x);
		x.fd = fd;
		x.cb = cb;
		x.arg = arg;
		if (ftruncate(fd, 0) != 0 && errno != EINVAL) {
			client_err_set(err, CERR_USAGE, _("cannot write the file: %s"), strerror(errno));
			return -1;
		}
		lseek(fd, 0, SEEK_SET);
		r = attempt(conn, url, &x, err);
		if (r <= 0)
			return r;
		if (try >= DL_ATTEMPTS)
			return -1;
		/* Back off 1 s, 2 s, ... or what Retry-After asks, within reason. */
		if (wait_canceled(&x, 1000L * (x.retry_after > 0 && x.retry_after <= RETRY_AFTER_MAX
		                                ? x.retry_after : try))) {
			client_err_set(err, CERR_CANCELED, "%s", _("the download was interrupted"));
			return -1;
		}
	}
}

/* A JSON GET into memory (through an unlinked temporary file). */
static int
get_json(const struct dl_conn *conn, const char *path, json_t **root, struct client_err *err)
{
	FILE *f = tmpfile();
	char *buf = NULL;
	long n;
	int rc = -1;

	*root = NULL;
	if (f == NULL) {
		client_err_set(err, CERR_USAGE, _("cannot create a temporary file: %s"), strerror(errno));
		return -1;
	}
	if (dl_get_to_fd(conn, path, fileno(f), NULL, NULL, err) != 0)
		goto out;
	n = lseek(fileno(f), 0, SEEK_END);
	if (n < 0 || n > JSON_MAX || (buf = malloc((size_t)n + 1)) == NULL ||
	    pread(fileno(f), buf, (size_t)n, 0) != n) {
		client_err_set(err, CERR_BAD_DATA, "%s", _("the answer could not be read"));
		goto out;
	}
	buf[n] = '\0';
	*root = decode_parse(buf, (size_t)n, err);
	rc = *root != NULL ? 0 : -1;
out:
	free(buf);
	fclose(f);
	return rc;
}

/* The path segment for an id, percent-encoded. */
static int
escape_segment(const char *s, char *buf, size_t n)
{
	char *e = curl_easy_escape(NULL, s, 0);
	int r;

	if (e == NULL)
		return -1;
	r = str_copy(buf, n, e);
	curl_free(e);
	return r;
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
dl_find_invoice(const struct dl_conn *conn, const char *id_or_number, struct invoice *out,
                struct client_err *err)
{
	struct account acct;
	struct find_arg fa = { id_or_number, out, 0 };
	struct page_info info;
	char seg[1024], path[1200], after[M_ID] = "";
	json_t *root = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (get_json(conn, "/v1/account", &root, err) != 0 || decode_account(root, &acct, err) != 0)
		goto out;
	json_decref(root);
	root = NULL;
	if (escape_segment(id_or_number, seg, sizeof seg) != 0) {
		client_err_set(err, CERR_USAGE, "%s", _("the invoice id is too long"));
		goto out;
	}
	snprintf(path, sizeof path, "/v1/invoices/%s", seg);
	if (get_json(conn, path, &root, err) == 0) {
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
		else if (escape_segment(after, seg, sizeof seg) == 0)
			snprintf(path, sizeof path, "/v1/invoices?limit=1000&starting_after=%s", seg);
		if (get_json(conn, path, &root, err) != 0 ||
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
dl_invoice_pdf(const struct dl_conn *conn, const char *invoice_id, int fd, dl_progress_fn cb,
               void *arg, struct client_err *err)
{
	char seg[1024], path[1200];

	if (escape_segment(invoice_id, seg, sizeof seg) != 0) {
		client_err_set(err, CERR_USAGE, "%s", _("the invoice id is too long"));
		return -1;
	}
	snprintf(path, sizeof path, "/v1/invoices/%s/pdf", seg);
	return dl_get_to_fd(conn, path, fd, cb, arg, err);
}
