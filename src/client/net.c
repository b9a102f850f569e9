/* net.c: requests to the billing API with libcurl: one reused handle,
 * timeouts, bounded retries with backoff, conditional GETs, idempotent POSTs,
 * and downloads streamed to a file. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "client/net.h"
#include "client/secret_mask.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/util.h"

#define BACKOFF_BASE_MS 250
#define BACKOFF_CAP_MS 8000
#define STALL_SECONDS 30

struct net {
	CURL *curl;
	char base[1024];
	char *auth;                 /* "Authorization: Bearer TOKEN"; wiped on close */
	int anthropic;              /* NET_AUTH_ANTHROPIC: also anthropic-version */
	int insecure;
	long connect_ms, timeout_ms, budget_ms, max_retry_after_ms;
	int max_attempts;
	size_t max_body;
	volatile sig_atomic_t *cancel;
	struct net_stats stats;
	char errbuf[CURL_ERROR_SIZE];
	/* the response being received */
	char *buf;
	size_t len, cap;
	int too_large;
	char etag[256];
	long retry_after_ms;        /* -1: none sent */
	int replayed;
	/* net_download(): a 2xx body goes to fd instead of buf */
	int fd;                     /* -1 outside net_download() */
	size_t written;             /* bytes written to fd by this attempt */
	int write_errno;            /* writing to fd failed */
	net_progress_fn cb;
	void *cb_arg;
	int cb_stop;                /* cb asked to stop */
};

enum req_kind { REQ_GET, REQ_POST, REQ_DOWNLOAD };

static int
canceled(const struct net *n)
{
	return (n->cancel && *n->cancel) || n->cb_stop;
}

static int
status_2xx(struct net *n)
{
	long st = 0;

	curl_easy_getinfo(n->curl, CURLINFO_RESPONSE_CODE, &st);
	return st >= 200 && st < 300;
}

/* A download's body: straight to the file, under the same size cap. */
static size_t
to_file(struct net *n, const char *data, size_t k)
{
	size_t left = k;

	if (n->written + k > n->max_body) {
		n->too_large = 1;
		return 0;
	}
	while (left > 0) {
		ssize_t w = write(n->fd, data, left);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			n->write_errno = w < 0 ? errno : EIO;
			return 0;  /* aborts the transfer: CURLE_WRITE_ERROR */
		}
		data += w;
		left -= (size_t)w;
	}
	n->written += k;
	return k;
}

static size_t
on_body(char *data, size_t size, size_t nmemb, void *arg)
{
	struct net *n = arg;
	size_t k = size * nmemb, ncap;
	char *p;

	/* an error answer to a download is kept in buf, for its API error */
	if (n->fd >= 0 && status_2xx(n))
		return to_file(n, data, k);
	if (n->len + k + 1 > n->max_body) {
		n->too_large = 1;
		return 0;      /* aborts the transfer: CURLE_WRITE_ERROR */
	}
	if (n->len + k + 1 > n->cap) {
		ncap = n->cap ? n->cap : 16384;
		while (ncap < n->len + k + 1)
			ncap *= 2;
		if (ncap > n->max_body)
			ncap = n->max_body;
		p = realloc(n->buf, ncap);
		if (!p)
			return 0;
		n->buf = p;
		n->cap = ncap;
	}
	memcpy(n->buf + n->len, data, k);
	n->len += k;
	n->buf[n->len] = '\0';
	return k;
}

/* Header "Name: value" when name matches (case-insensitive); NULL otherwise. */
static const char *
header_value(const char *line, size_t len, const char *name, char *val, size_t vn)
{
	size_t nl = strlen(name), i, o = 0;

	if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':')
		return NULL;
	for (i = nl + 1; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
		;
	for (; i < len && line[i] != '\r' && line[i] != '\n' && o + 1 < vn; i++)
		val[o++] = line[i];
	while (o > 0 && (val[o - 1] == ' ' || val[o - 1] == '\t'))
		o--;
	val[o] = '\0';
	return val;
}

static size_t
on_header(char *data, size_t size, size_t nmemb, void *arg)
{
	struct net *n = arg;
	size_t k = size * nmemb;
	char v[256];
	char *end;
	long s;

	if (k >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* a new response (after a 100 Continue, say): forget the last one's headers */
		n->etag[0] = '\0';
		n->retry_after_ms = -1;
		n->replayed = 0;
	} else if (header_value(data, k, "ETag", v, sizeof v)) {
		str_copy(n->etag, sizeof n->etag, v);
		text_sanitize(n->etag);
	} else if (header_value(data, k, "Retry-After", v, sizeof v)) {
		errno = 0;
		s = strtol(v, &end, 10);
		/* delta-seconds only; an HTTP-date falls back to our own backoff */
		if (end != v && *end == '\0' && s >= 0 && errno == 0)
			n->retry_after_ms = s > 86400 ? 86400000L : s * 1000;
	} else if (header_value(data, k, "Idempotent-Replayed", v, sizeof v)) {
		n->replayed = strcasecmp(v, "true") == 0;
	}
	return k;
}

static int
on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
            curl_off_t ulnow)
{
	struct net *n = arg;
	int64_t total;

	if (canceled(n))
		return 1;
	if (n->cb) {
		total = dltotal > 0 && status_2xx(n) ? (int64_t)dltotal : -1;
		if (n->cb(n->cb_arg, (int64_t)n->written, total) != 0) {
			n->cb_stop = 1;
			return 1;
		}
	}
	return 0;
}

int
net_open(const struct net_opts *o, struct net **out, struct client_err *err)
{
	static int global_done;
	struct net *n;
	size_t len;

	*out = NULL;
	if (!o->base_url || !*o->base_url) {
		client_err_set(err, CERR_USAGE, _("no billing API URL is configured"));
		return -1;
	}
	if (net_url_allowed(o->base_url, o->allow_http, err) < 0)
		return -1;
	if (!global_done) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			client_err_set(err, CERR_NETWORK, _("cannot initialise libcurl"));
			return -1;
		}
		global_done = 1;
	}
	n = calloc(1, sizeof *n);
	if (!n) {
		client_err_set(err, CERR_NETWORK, _("out of memory"));
		return -1;
	}
	if (str_copy(n->base, sizeof n->base, o->base_url) < 0) {
		client_err_set(err, CERR_USAGE, _("the URL is too long"));
		goto fail;
	}
	len = strlen(n->base);
	while (len > 0 && n->base[len - 1] == '/')
		n->base[--len] = '\0';
	if (o->token && *o->token) {
		size_t k = strlen(o->token) + sizeof "Authorization: Bearer ";

		n->auth = malloc(k);
		if (!n->auth) {
			client_err_set(err, CERR_NETWORK, _("out of memory"));
			goto fail;
		}
		/* Anthropic's Admin API takes the key in x-api-key, not Bearer */
		snprintf(n->auth, k, o->auth == NET_AUTH_ANTHROPIC ? "x-api-key: %s"
		                                                   : "Authorization: Bearer %s", o->token);
		n->anthropic = o->auth == NET_AUTH_ANTHROPIC;
		/* whatever a server answers, it never carries the token back out */
		if (secret_mask_add(o->token) < 0) {
			client_err_set(err, CERR_NETWORK, _("out of memory"));
			goto fail;
		}
	}
	n->insecure = o->insecure;
	n->connect_ms = o->connect_timeout_ms > 0 ? o->connect_timeout_ms : 10000;
	n->timeout_ms = o->timeout_ms > 0 ? o->timeout_ms : 120000;
	n->max_attempts = o->max_attempts > 0 ? o->max_attempts : 4;
	n->budget_ms = o->retry_budget_ms > 0 ? o->retry_budget_ms : 60000;
	n->max_retry_after_ms = o->max_retry_after_ms > 0 ? o->max_retry_after_ms : 30000;
	n->max_body = o->max_body > 0 ? o->max_body : NET_MAX_BODY;
	n->cancel = o->cancel;
	n->fd = -1;
	n->curl = curl_easy_init();
	if (!n->curl) {
		client_err_set(err, CERR_NETWORK, _("cannot initialise libcurl"));
		goto fail;
	}
	/* set once; the handle keeps them across requests (and its connection) */
	curl_easy_setopt(n->curl, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(n->curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(n->curl, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(n->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(n->curl, CURLOPT_USERAGENT, "billtop/" VERSION);
	curl_easy_setopt(n->curl, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(n->curl, CURLOPT_CONNECTTIMEOUT_MS, n->connect_ms);
	curl_easy_setopt(n->curl, CURLOPT_TIMEOUT_MS, n->timeout_ms);
	curl_easy_setopt(n->curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(n->curl, CURLOPT_LOW_SPEED_TIME, (long)STALL_SECONDS);
	curl_easy_setopt(n->curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)n->max_body);
	curl_easy_setopt(n->curl, CURLOPT_SSL_VERIFYPEER, n->insecure ? 0L : 1L);
	curl_easy_setopt(n->curl, CURLOPT_SSL_VERIFYHOST, n->insecure ? 0L : 2L);
	curl_easy_setopt(n->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(n->curl, CURLOPT_WRITEDATA, n);
	curl_easy_setopt(n->curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(n->curl, CURLOPT_HEADERDATA, n);
	curl_easy_setopt(n->curl, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(n->curl, CURLOPT_XFERINFODATA, n);
	curl_easy_setopt(n->curl, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(n->curl, CURLOPT_ERRORBUFFER, n->errbuf);
	*out = n;
	return 0;
fail:
	net_close(n);
	return -1;
}

void
net_close(struct net *n)
{
	if (!n)
		return;
	if (n->curl)
		curl_easy_cleanup(n->curl);
	if (n->auth) {
		explicit_bzero(n->auth, strlen(n->auth));
		free(n->auth);
	}
	free(n->buf);
	free(n);
}

int
net_insecure(const struct net *n)
{
	return n && n->insecure;
}

void
net_get_stats(const struct net *n, struct net_stats *st)
{
	*st = n->stats;
}

void
net_response_free(struct net_response *r)
{
	free(r->body);
	memset(r, 0, sizeof *r);
}

/* Frees a header list, wiping every string first (one holds the token). */
static void
wipe_headers(struct curl_slist *h)
{
	struct curl_slist *p;

	for (p = h; p; p = p->next)
		explicit_bzero(p->data, strlen(p->data));
	curl_slist_free_all(h);
}

static struct curl_slist *
add_header(struct curl_slist *h, const char *line, int *oom)
{
	struct curl_slist *r = curl_slist_append(h, line);

	if (!r) {
		*oom = 1;
		return h;
	}
	return r;
}

/* Sleeps ms, waking early when canceled.  Returns -1 if canceled. */
static int
pause_ms(struct net *n, long ms)
{
	struct timespec ts;

	while (ms > 0) {
		long step = ms > 50 ? 50 : ms;

		if (canceled(n))
			return -1;
		/* a download's callback may stop the wait too */
		if (n->cb && n->cb(n->cb_arg, 0, -1) != 0) {
			n->cb_stop = 1;
			return -1;
		}
		ts.tv_sec = 0;
		ts.tv_nsec = step * 1000000L;
		nanosleep(&ts, NULL);
		ms -= step;
	}
	return canceled(n) ? -1 : 0;
}

/* Appends tail to the string in buf (size n) if it fits. */
static void
append(char *buf, size_t n, const char *tail)
{
	size_t len = strlen(buf);

	if (len + strlen(tail) < n)
		memcpy(buf + len, tail, strlen(tail) + 1);
}

static int
retryable_curl(CURLcode cc)
{
	switch (cc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_BAD_CONTENT_ENCODING:
		return 1;
	default:
		return 0;
	}
}

/* Error for a transfer that did not complete. */
static void
curl_failure(struct net *n, CURLcode cc, struct client_err *err)
{
	const char *detail = n->errbuf[0] ? n->errbuf : curl_easy_strerror(cc);

	err->http_status = 0;
	switch (cc) {
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
		client_err_set(err, CERR_NETWORK,
		               _("the TLS certificate of %s could not be verified (%s); "
		                 "--insecure turns verification off, only on a network you trust"),
		               n->base, detail);
		break;
	case CURLE_SSL_CONNECT_ERROR:
		client_err_set(err, CERR_NETWORK, _("the TLS handshake with %s failed: %s"),
		               n->base, detail);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		client_err_set(err, CERR_NETWORK, _("%s did not answer in time: %s"), n->base, detail);
		break;
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
		client_err_set(err, CERR_NETWORK, _("the connection to %s broke off: %s"),
		               n->base, detail);
		break;
	default:
		client_err_set(err, CERR_NETWORK, _("cannot reach %s: %s"), n->base, detail);
		break;
	}
	text_sanitize(err->message);
}

/* Error for an HTTP answer that is not a success, from its status alone:
 * net knows no API's error body.  The body is handed back in the response
 * (net_response.body), and the source (client/source.h) makes the words. */
static void
http_failure(long status, struct client_err *err)
{
	err->http_status = (int)status;
	if (status == 401)
		client_err_set(err, CERR_AUTH, _("the server refused the token (401): check token, "
		                                 "token_command or BILLTOP_TOKEN"));
	else if (status == 403)
		client_err_set(err, CERR_FORBIDDEN, _("the server refused access (403)"));
	else if (status == 429)
		client_err_set(err, CERR_SERVER, _("the server is limiting requests (429); try again later"));
	else if (status >= 500)
		client_err_set(err, CERR_SERVER, _("the server failed (%ld)"), status);
	else if (status >= 400)
		client_err_set(err, CERR_CLIENT, "%s (%ld)", _("the server refused the request"), status);
	else
		client_err_set(err, CERR_SERVER, _("the server answered with HTTP status %ld, "
		                                   "which billtop does not expect here"), status);
}

/* The wait before the next attempt: Retry-After (capped) or backoff+jitter. */
static long
retry_delay(struct net *n, int attempt)
{
	long d = BACKOFF_BASE_MS;
	int i;

	if (n->retry_after_ms >= 0)
		return n->retry_after_ms > n->max_retry_after_ms ? n->max_retry_after_ms
		                                                 : n->retry_after_ms;
	for (i = 1; i < attempt && d < BACKOFF_CAP_MS; i++)
		d *= 2;
	if (d > BACKOFF_CAP_MS)
		d = BACKOFF_CAP_MS;
	return d / 2 + net_jitter(d / 2 + 1);     /* "equal jitter": never zero */
}

/* Empties the download's file for the next attempt.  0, or -1 with err. */
static int
rewind_file(struct net *n, struct client_err *err)
{
	n->written = 0;
	n->write_errno = 0;
	/* EINVAL: not a regular file (a pipe, say), which cannot be rewound */
	if (ftruncate(n->fd, 0) != 0 && errno != EINVAL) {
		client_err_set(err, CERR_USAGE, _("cannot write the file: %s"), strerror(errno));
		return -1;
	}
	lseek(n->fd, 0, SEEK_SET);
	return 0;
}

/* Moves the received body into resp (the next request starts a new buffer).
 * 0, or -1 when out of memory. */
static int
hand_body(struct net *n, struct net_response *resp)
{
	if (!n->buf) {
		n->buf = malloc(1);
		if (!n->buf)
			return -1;
		n->buf[0] = '\0';
	}
	resp->body = n->buf;
	resp->len = n->len;
	n->buf = NULL;
	n->len = n->cap = 0;
	return 0;
}

static int
request(struct net *n, enum req_kind kind, const char *path, const char *etag, const char *body,
        struct net_response *resp, struct client_err *err)
{
	char url[2048], line[400], key[33] = "";
	struct curl_slist *h;
	long status = 0, waited = 0, delay;
	int post = kind == REQ_POST, attempt, oom, retry;
	CURLcode cc;

	memset(resp, 0, sizeof *resp);
	client_err_clear(err);
	if ((size_t)snprintf(url, sizeof url, "%s%s", n->base, path) >= sizeof url) {
		client_err_set(err, CERR_USAGE, _("the request URL is too long"));
		return -1;
	}
	if (post && net_random_key(key) < 0) {
		client_err_set(err, CERR_NETWORK, _("cannot read random bytes for the Idempotency-Key"));
		return -1;
	}
	for (attempt = 1; ; attempt++) {
		if (canceled(n)) {
			client_err_set(err, CERR_CANCELED, _("canceled"));
			return -1;
		}
		if (kind == REQ_DOWNLOAD && rewind_file(n, err) < 0)
			return -1;
		oom = 0;
		h = NULL;
		if (n->auth)
			h = add_header(h, n->auth, &oom);
		if (n->anthropic)
			h = add_header(h, "anthropic-version: " NET_ANTHROPIC_VERSION, &oom);
		h = add_header(h, kind == REQ_DOWNLOAD ? "Accept: application/pdf"
		                                       : "Accept: application/json", &oom);
		if (etag && *etag) {
			snprintf(line, sizeof line, "If-None-Match: %s", etag);
			h = add_header(h, line, &oom);
		}
		if (post) {
			snprintf(line, sizeof line, "Idempotency-Key: %s", key);
			h = add_header(h, line, &oom);
			h = add_header(h, "Content-Type: application/json; charset=utf-8", &oom);
			h = add_header(h, "Expect:", &oom);
		}
		if (oom) {
			wipe_headers(h);
			client_err_set(err, CERR_NETWORK, _("out of memory"));
			return -1;
		}
		n->len = 0;
		n->too_large = 0;
		n->etag[0] = '\0';
		n->retry_after_ms = -1;
		n->replayed = 0;
		n->errbuf[0] = '\0';
		if (n->buf)
			n->buf[0] = '\0';
		curl_easy_setopt(n->curl, CURLOPT_URL, url);
		curl_easy_setopt(n->curl, CURLOPT_HTTPHEADER, h);
		if (post) {
			curl_easy_setopt(n->curl, CURLOPT_POSTFIELDS, body && *body ? body : "{}");
		} else {
			curl_easy_setopt(n->curl, CURLOPT_HTTPGET, 1L);
		}
		cc = curl_easy_perform(n->curl);
		/* the list must outlive the transfer, then it is wiped at once */
		curl_easy_setopt(n->curl, CURLOPT_HTTPHEADER, NULL);
		wipe_headers(h);
		n->stats.requests++;
		n->stats.bytes += n->len + n->written;
		{
			long nc = 0;

			if (curl_easy_getinfo(n->curl, CURLINFO_NUM_CONNECTS, &nc) == CURLE_OK)
				n->stats.connects += nc;
		}
		status = 0;
		retry = 0;
		if (cc == CURLE_OK) {
			curl_easy_getinfo(n->curl, CURLINFO_RESPONSE_CODE, &status);
			if ((status >= 200 && status < 300) ||
			    (status == 304 && !post && etag && *etag))
				break;
			http_failure(status, err);
			retry = status == 429 || status >= 500;
		} else if (n->write_errno) {
			client_err_set(err, CERR_USAGE, _("cannot write the file: %s"),
			               strerror(n->write_errno));
			return -1;
		} else if (cc == CURLE_ABORTED_BY_CALLBACK || canceled(n)) {
			client_err_set(err, CERR_CANCELED, _("canceled"));
			return -1;
		} else if (n->too_large || cc == CURLE_FILESIZE_EXCEEDED) {
			client_err_set(err, CERR_BAD_DATA,
			               _("the response is larger than %zu MiB; billtop refuses it"),
			               n->max_body / (1024 * 1024));
			return -1;
		} else {
			curl_failure(n, cc, err);
			retry = retryable_curl(cc);
		}
		if (!retry)
			goto failed;
		delay = retry_delay(n, attempt);
		if (attempt >= n->max_attempts || waited + delay > n->budget_ms) {
			if (attempt > 1) {
				char tmp[64];

				snprintf(tmp, sizeof tmp, P_(" (after %d attempt)", " (after %d attempts)",
				                             attempt), attempt);
				append(err->message, sizeof err->message, tmp);
				resp->gave_up_after = attempt;
			}
			goto failed;
		}
		if (pause_ms(n, delay) < 0) {
			client_err_set(err, CERR_CANCELED, _("canceled"));
			return -1;
		}
		waited += delay;
		n->stats.retries++;
	}
	client_err_clear(err);
	resp->status = status;
	str_copy(resp->etag, sizeof resp->etag, n->etag);
	resp->replayed = n->replayed;
	if (status == 304) {
		n->stats.not_modified++;
		return 0;
	}
	if (kind == REQ_DOWNLOAD)
		return 0;     /* the body is in the file */
	if (hand_body(n, resp) < 0) {
		client_err_set(err, CERR_NETWORK, _("out of memory"));
		return -1;
	}
	return 0;
failed:
	/* an HTTP answer: its status and body for the caller's source to read */
	if (status != 0) {
		resp->status = status;
		resp->replayed = n->replayed;
		if (hand_body(n, resp) < 0)
			resp->body = NULL;
	}
	return -1;
}

int
net_get(struct net *n, const char *path, const char *etag, struct net_response *resp,
        struct client_err *err)
{
	return request(n, REQ_GET, path, etag, NULL, resp, err);
}

int
net_post(struct net *n, const char *path, const char *json_body,
         struct net_response *resp, struct client_err *err)
{
	return request(n, REQ_POST, path, NULL, json_body, resp, err);
}

int
net_download(struct net *n, const char *path, int fd, net_progress_fn cb, void *arg,
             struct net_response *resp, struct client_err *err)
{
	int r;

	n->fd = fd;
	n->cb = cb;
	n->cb_arg = arg;
	n->cb_stop = 0;
	r = request(n, REQ_DOWNLOAD, path, NULL, NULL, resp, err);
	n->fd = -1;
	n->written = 0;
	n->cb = NULL;
	n->cb_arg = NULL;
	n->cb_stop = 0;
	return r;
}
