/* net.h: talking to the billing API (docs/api.md) over libcurl.
 *
 * One struct net is one easy handle, reused for every request of a refresh
 * (keep-alive).  Every request:
 *  - carries "Authorization: Bearer TOKEN" from a header list built in memory
 *    (wiped when freed; CURLOPT_VERBOSE is never set; nothing is logged),
 *    "Accept: application/json", User-Agent "billtop/VERSION", and accepts any
 *    Content-Encoding libcurl can decode;
 *  - verifies TLS (peer and host) unless --insecure, which net_insecure()
 *    reports so the dashboard can say so;
 *  - uses the proxies of the environment (libcurl's default: http_proxy,
 *    https_proxy, no_proxy);
 *  - has a connect timeout, a total timeout, a stall timeout and a maximum
 *    body size (64 MiB: the transfer is aborted past it);
 *  - is retried on network errors, 5xx and 429 with exponential backoff and
 *    jitter, honouring Retry-After (capped), at most 4 attempts and 60 s
 *    spent waiting; every other status is final;
 *  - never follows redirects.
 * net_download() streams a body (the invoice PDF) to a file descriptor under
 * the same rules, with "Accept: application/pdf" and a progress callback.
 * Plain http:// is refused for hosts other than loopback (127.0.0.0/8, ::1,
 * localhost) unless the configuration says allow_http = yes.
 *
 * Errors come back as struct client_err (client/error.h) with a category and
 * plain words.  net knows no API's error body: for an HTTP answer that is not
 * a success, err says only what the status says (kind, err->http_status, a
 * generic sentence), and the response holds the status and the raw body, for
 * the source (client/source.h) to turn its API's error envelope into words.
 */
#ifndef BILLTOP_NET_H
#define BILLTOP_NET_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "client/error.h"

#define NET_MAX_BODY (64u * 1024 * 1024)

struct net_opts {
	const char *base_url;        /* "https://billing.example.com" (no /v1) */
	const char *token;           /* copied; may be NULL (then 401s follow) */
	int auth;                    /* NET_AUTH_BEARER (0) or NET_AUTH_ANTHROPIC:
	                              * "x-api-key: TOKEN" and "anthropic-version" */
	int insecure;                /* --insecure: no TLS verification */
	int allow_http;              /* allow_http = yes */
	/* Zero picks the default in brackets. */
	long connect_timeout_ms;     /* [10000] */
	long timeout_ms;             /* [120000] whole transfer */
	int max_attempts;            /* [4] */
	long retry_budget_ms;        /* [60000] total time spent waiting to retry */
	long max_retry_after_ms;     /* [30000] a longer Retry-After is cut to this */
	size_t max_body;             /* [NET_MAX_BODY] */
	/* When set and non-zero, transfers and waits stop with CERR_CANCELED. */
	volatile sig_atomic_t *cancel;
};

#define NET_AUTH_BEARER    0
#define NET_AUTH_ANTHROPIC 1
#define NET_ANTHROPIC_VERSION "2023-06-01"

struct net_response {
	long status;                 /* 200, 201, 304 ... */
	char *body;                  /* owned, NUL-terminated (also for binary); NULL on 304;
	                              * on an HTTP failure the error answer's body */
	size_t len;
	char etag[256];              /* "" when the server sent none */
	int replayed;                /* POST: Idempotent-Replayed: true */
	int gave_up_after;           /* the answer was retried and the retries ran out
	                              * after this many attempts (err->message says so); else 0 */
};

struct net_stats {
	long requests;               /* HTTP attempts made */
	long retries;
	long not_modified;           /* 304 answers */
	size_t bytes;                /* body bytes received (decoded) */
	long connects;               /* new connections opened (keep-alive keeps it at 1) */
};

struct net;

/* Checks the URL policy (scheme, http:// only to loopback unless allowed)
 * and sets up the handle.  0, or -1 with err (CERR_USAGE for the URL). */
int net_open(const struct net_opts *opts, struct net **out, struct client_err *err);
/* Closes the connection and wipes the token. */
void net_close(struct net *n);

/* 1 when TLS verification is off (--insecure): the UI must say so. */
int net_insecure(const struct net *n);
void net_get_stats(const struct net *n, struct net_stats *st);

/*
 * GET base_url + path ("/v1/account", query included).  etag, when not NULL
 * nor "", goes out as If-None-Match and a 304 is a success (resp->status 304,
 * no body).  0 on 2xx or that 304; -1 with err otherwise (after an HTTP
 * answer, resp->status and resp->body are that answer's).  Free the response
 * with net_response_free() in both cases.
 */
int net_get(struct net *n, const char *path, const char *etag, struct net_response *resp,
            struct client_err *err);

/*
 * POST json_body (NULL or "" sends "{}") to base_url + path with a fresh
 * Idempotency-Key (128 random bits as hex), the same key on every retry, so a
 * retried purchase is made once.  0 on 2xx (resp->body holds the answer), -1
 * with err and, after an HTTP answer, its status and body in resp, as
 * net_get().  Only a source (client/source_billtop.c) calls it: tabs send
 * typed actions.
 */
int net_post(struct net *n, const char *path, const char *json_body,
             struct net_response *resp, struct client_err *err);

void net_response_free(struct net_response *resp);

/* Called as a download's body arrives: bytes written so far and the total
 * (-1 when unknown); while waiting to retry, with (0, -1).  Returning
 * non-zero stops the download (CERR_CANCELED). */
typedef int (*net_progress_fn)(void *arg, int64_t done, int64_t total);

/*
 * GET base_url + path with "Accept: application/pdf", the body streamed to
 * fd from offset 0: fd is truncated before every attempt (a retry starts the
 * file over), and only a 2xx body reaches it; an error answer sets err and
 * resp (status and the error body) as net_get() would; free resp in any case.  Auth, TLS, proxies, timeouts, retries, the body cap and
 * the cancel flag are those of every request.  cb (may be NULL) sees the
 * progress and may stop the transfer.  0, or -1 with err: CERR_USAGE when fd
 * cannot be written, CERR_CANCELED when cb or the cancel flag stopped it,
 * otherwise what the request failed with.  The caller owns fd (and what a
 * failed download left in it).
 */
int net_download(struct net *n, const char *path, int fd, net_progress_fn cb, void *arg,
                 struct net_response *resp, struct client_err *err);

/* URL-escapes s for a query value into buf (curl_easy_escape).  0, or -1 if
 * it does not fit. */
int net_escape(const char *s, char *buf, size_t n);
/* URL-escapes an id as one path segment: '/' and '%' escaped like any
 * reserved byte, "." and ".." as %2E and %2E%2E so that no dot segment
 * leaves the resource.  0, or -1 if it does not fit or s is "". */
int net_escape_segment(const char *s, char *buf, size_t n);

/* The URL policy alone: 0, or -1 with err (CERR_USAGE) naming the problem. */
int net_url_allowed(const char *url, int allow_http, struct client_err *err);

/* 32 lowercase hex digits from getrandom(2) (or /dev/urandom).  0 or -1. */
int net_random_key(char out[33]);
/* A random number in [0, n) for retry jitter (not security relevant). */
long net_jitter(long n);

#endif
