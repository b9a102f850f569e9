/* http.c: the libmicrohttpd daemon: listening, requests in, responses out, one log line each. */
#include <config.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <jansson.h>
#include <microhttpd.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/util.h"
#include "server/api.h"
#include "server/emulate.h"
#include "server/fault.h"
#include "server/http.h"
#include "server/log_field.h"

#define MAX_BODY (1024 * 1024)

struct http_server {
	struct MHD_Daemon *daemon;
};

/* Per-connection request state, from the first callback to the completion notice. */
struct conn_ctx {
	char *body;
	size_t len, cap;
	int too_big;
	struct timespec t0;
};

/* The body of a dropped response: half of it is sent, then the connection dies. */
struct drop_body {
	char *data;
	size_t len;
};

static ssize_t
drop_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct drop_body *b = cls;
	size_t half = b->len / 2, n;

	if (pos >= half)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	n = half - (size_t)pos;
	if (n > max)
		n = max;
	memcpy(buf, b->data + pos, n);
	return (ssize_t)n;
}

static void
drop_free(void *cls)
{
	struct drop_body *b = cls;

	free(b->data);
	free(b);
}

static int
body_append(struct conn_ctx *c, const char *data, size_t n)
{
	char *p;
	size_t cap;

	if (c->too_big || c->len + n > MAX_BODY) {
		c->too_big = 1;
		return 0;
	}
	if (c->len + n + 1 > c->cap) {
		cap = c->cap ? c->cap : 1024;
		while (cap < c->len + n + 1)
			cap *= 2;
		p = realloc(c->body, cap);
		if (!p)
			return -1;
		c->body = p;
		c->cap = cap;
	}
	memcpy(c->body + c->len, data, n);
	c->len += n;
	c->body[c->len] = '\0';
	return 0;
}

/* If-None-Match holds the ETag (a list, W/ prefixes and "*" allowed). */
static int
etag_matches(const char *inm, const char *etag)
{
	const char *p = inm, *q;
	size_t n = strlen(etag), k;

	if (!inm || !*etag)
		return 0;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		q = p;
		while (*q && *q != ',')
			q++;
		k = (size_t)(q - p);
		while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\t'))
			k--;
		if ((k == 1 && *p == '*') || (k == n && memcmp(p, etag, n) == 0))
			return 1;
		p = q;
	}
	return 0;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		;
}

static enum MHD_Result
send_response(struct MHD_Connection *conn, struct resp *rs, int drop)
{
	struct MHD_Response *r;
	struct drop_body *db;
	char num[32];
	enum MHD_Result ret;

	if (drop && rs->len > 1) {
		db = malloc(sizeof *db);
		if (!db)
			return MHD_NO;
		db->data = rs->body;
		db->len = rs->len;
		rs->body = NULL;
		r = MHD_create_response_from_callback(db->len, 4096, drop_reader, db, drop_free);
		if (!r) {
			drop_free(db);
			return MHD_NO;
		}
	} else {
		r = MHD_create_response_from_buffer(rs->len, rs->body ? rs->body : (void *)"",
		                                    rs->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
		if (!r)
			return MHD_NO;
		rs->body = NULL;
	}
	if (rs->status != 304 && rs->ctype)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->ctype);
	if (rs->etag[0])
		MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, rs->etag);
	if (rs->retry_after >= 0) {
		snprintf(num, sizeof num, "%d", rs->retry_after);
		MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, num);
	}
	if (rs->www_authenticate)
		MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"billing\"");
	if (rs->replayed)
		MHD_add_response_header(r, "Idempotent-Replayed", "true");
	ret = MHD_queue_response(conn, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ret;
}

/* The client's User-Agent for the log line, quoted there: at most 120 bytes,
 * control characters and escape sequences removed, '"' and '\\' replaced so
 * the field cannot end early; "-" when none was sent. */
static void
log_agent(struct MHD_Connection *conn, char *out, size_t n)
{
	const char *ua = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	                                             MHD_HTTP_HEADER_USER_AGENT);
	char *p;

	if (!ua || !*ua) {
		str_copy(out, n, "-");
		return;
	}
	str_copy(out, n, ua);   /* a longer one is cut: fine for a log */
	text_sanitize(out);
	for (p = out; *p; p++)
		if (*p == '"' || *p == '\\')
			*p = '\'';
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
           const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct srv *s = cls;
	struct conn_ctx *c = *con_cls;
	struct fault_hits hits;
	struct req rq;
	struct resp rs;
	struct timespec t1;
	char agent[121], log_method[64], log_path[1024];
	size_t bytes;
	long ms;
	int status;
	enum MHD_Result ret;

	(void)version;
	if (!c) {
		c = calloc(1, sizeof *c);
		if (!c)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &c->t0);
		*con_cls = c;
		return MHD_YES;
	}
	if (*upload_size) {
		if (body_append(c, upload, *upload_size) < 0)
			return MHD_NO;
		*upload_size = 0;
		return MHD_YES;
	}
	memset(&rq, 0, sizeof rq);
	memset(&rs, 0, sizeof rs);
	rs.retry_after = -1;
	rq.srv = s;
	rq.conn = conn;
	rq.method = strcmp(method, "HEAD") == 0 ? "GET" : method;
	rq.path = url;
	rq.body = c->body ? c->body : "";
	rq.body_len = c->len;

	fault_match(s, url, &hits);
	if (hits.delay_ms > 0)
		sleep_ms(hits.delay_ms);
	if (hits.status && s->emulate) {
		emu_fault(s, &rs, hits.status);
		rs.retry_after = (int)hits.retry_after;
	} else if (hits.status) {
		if (hits.status == 500)
			resp_error(&rs, 500, "internal", "Injected fault: internal error.");
		else if (hits.status == 503)
			resp_error(&rs, 503, "unavailable", "Injected fault: briefly unavailable.");
		else
			resp_error(&rs, 429, "rate_limited", "Injected fault: too many requests.");
		rs.retry_after = (int)hits.retry_after;
	} else if (hits.echo_auth) {
		/* A careless server quoting the request back, token and all (issue 18). */
		const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		                                               MHD_HTTP_HEADER_AUTHORIZATION);

		resp_error_role(&rs, hits.echo_auth, "bad_request", auth ? auth : "",
		                "Injected fault: cannot handle this request (Authorization: %s).",
		                auth ? auth : "none");
	} else if (hits.long_error) {
		/* A screenful and more of prose; resp_error would cut it at 511 bytes. */
		char filler[6001];

		memset(filler, 'x', sizeof filler - 1);
		memcpy(filler, "Injected fault: ", 16);
		memcpy(filler + sizeof filler - 5, " END", 5);
		resp_json(&rs, hits.long_error,
		          json_pack("{s:{s:s, s:s}}", "error", "code", "long_error", "message", filler));
	} else if (c->too_big) {
		resp_error(&rs, 400, "bad_request", "The body is larger than %d bytes.", MAX_BODY);
	} else {
		api_dispatch(&rq, &rs);
	}
	if (strcmp(rq.method, "GET") == 0 && rs.status == 200 &&
	    etag_matches(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH),
	                 rs.etag)) {
		free(rs.body);
		rs.body = NULL;
		rs.len = 0;
		rs.status = 304;
	}
	if (hits.body && rs.ctype && strncmp(rs.ctype, "application/json", 16) == 0 &&
	    fault_rewrite(hits.body, &rs.body, &rs.len) < 0)
		fprintf(stderr, "billtopd: could not apply a body fault\n");
	status = rs.status;
	bytes = rs.len;
	ret = send_response(conn, &rs, hits.drop);
	free(rs.body);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (long)((t1.tv_sec - c->t0.tv_sec) * 1000 + (t1.tv_nsec - c->t0.tv_nsec) / 1000000);
	/* One line per request; never the token (no request header but the
	 * User-Agent is logged). */
	log_agent(conn, agent, sizeof agent);
	/* The method and the (percent-decoded) path are the client's bytes: escaped again. */
	log_field(method, log_method, sizeof log_method);
	log_field(url, log_path, sizeof log_path);
	fprintf(stderr, "%s %s %d %zu %ldms \"%s\"\n", log_method, log_path, status, bytes, ms, agent);
	return ret;
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct conn_ctx *c = *con_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (c) {
		free(c->body);
		free(c);
		*con_cls = NULL;
	}
}

struct http_server *
http_start(struct srv *s, const char *addr, int port, int *bound_port)
{
	struct http_server *h;
	struct sockaddr_storage ss;
	struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	socklen_t sl = sizeof ss;
	const union MHD_DaemonInfo *info;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;

	memset(&ss, 0, sizeof ss);
	if (inet_pton(AF_INET, addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
	} else if (inet_pton(AF_INET6, addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		flags |= MHD_USE_IPv6;
	} else {
		fprintf(stderr, _("billtopd: '%s' is not a numeric IPv4 or IPv6 address\n"), addr);
		return NULL;
	}
	h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->daemon = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, on_request, s,
	                             MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	                             MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	                             MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
	                             MHD_OPTION_END);
	if (!h->daemon) {
		fprintf(stderr, _("billtopd: cannot listen on %s port %d\n"), addr, port);
		free(h);
		return NULL;
	}
	info = MHD_get_daemon_info(h->daemon, MHD_DAEMON_INFO_LISTEN_FD);
	if (!info || getsockname(info->listen_fd, (struct sockaddr *)&ss, &sl) != 0) {
		fprintf(stderr, _("billtopd: cannot read the bound port\n"));
		http_stop(h);
		return NULL;
	}
	*bound_port = ss.ss_family == AF_INET6 ? ntohs(in6->sin6_port) : ntohs(in4->sin_port);
	return h;
}

void
http_stop(struct http_server *h)
{
	if (!h)
		return;
	MHD_stop_daemon(h->daemon);
	free(h);
}
