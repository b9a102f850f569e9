/* net_url.c: which URLs billtop may talk to, query escaping, random keys. */
#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <unistd.h>

#include <curl/curl.h>

#include "client/net.h"
#include "core/i18n.h"
#include "core/util.h"

/* 127.0.0.0/8, ::1 and localhost: plain http there never leaves the machine. */
static int
is_loopback(const char *host)
{
	struct in_addr a4;
	struct in6_addr a6;
	char h[128];
	size_t len;

	if (str_copy(h, sizeof h, host) < 0)
		return 0;
	len = strlen(h);
	if (len >= 2 && h[0] == '[' && h[len - 1] == ']') {
		memmove(h, h + 1, len - 2);
		h[len - 2] = '\0';
	}
	if (strcasecmp(h, "localhost") == 0)
		return 1;
	if (inet_pton(AF_INET, h, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, h, &a6) == 1)
		return IN6_IS_ADDR_LOOPBACK(&a6);
	return 0;
}

int
net_url_allowed(const char *url, int allow_http, struct client_err *err)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL;
	int rc = -1;

	if (!u) {
		client_err_set(err, CERR_USAGE, _("out of memory"));
		return -1;
	}
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
		client_err_set(err, CERR_USAGE, _("'%s' is not a usable URL"), url);
		goto out;
	}
	if (strcasecmp(scheme, "https") == 0) {
		rc = 0;
	} else if (strcasecmp(scheme, "http") == 0) {
		if (allow_http || is_loopback(host))
			rc = 0;
		else
			client_err_set(err, CERR_USAGE,
			               _("refusing plain http:// to %s: the token would cross the "
			                 "network unencrypted.  Use https://, or set allow_http = yes "
			                 "in the configuration if you really mean it"), host);
	} else {
		client_err_set(err, CERR_USAGE, _("'%s': only https:// (and http://) URLs are supported"),
		               url);
	}
out:
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return rc;
}

int
net_escape(const char *s, char *buf, size_t n)
{
	/* libcurl's RFC 3986 escaping: everything but ALPHA DIGIT - . _ ~ */
	char *e = curl_easy_escape(NULL, s, 0);
	int rc;

	if (!e)
		return -1;
	rc = str_copy(buf, n, e) < 0 ? -1 : 0;
	curl_free(e);
	return rc;
}

int
net_escape_segment(const char *s, char *buf, size_t n)
{
	/* "." and ".." would be dot segments libcurl (and any server) resolves:
	 * GET /v1/invoices/../pdf is /v1/pdf.  %2E is the same octet, never a dot segment. */
	if (strcmp(s, ".") == 0)
		return str_copy(buf, n, "%2E") < 0 ? -1 : 0;
	if (strcmp(s, "..") == 0)
		return str_copy(buf, n, "%2E%2E") < 0 ? -1 : 0;
	if (s[0] == '\0')
		return -1;   /* an empty segment names the collection, not an item */
	return net_escape(s, buf, n);
}

static int
random_bytes(unsigned char *b, size_t n)
{
	size_t got = 0;
	ssize_t k;
	int fd;

	while (got < n) {
		k = getrandom(b + got, n - got, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	if (got == n)
		return 0;
	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	got = 0;
	while (got < n) {
		k = read(fd, b + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	return got == n ? 0 : -1;
}

int
net_random_key(char out[33])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	int i;

	if (random_bytes(b, sizeof b) < 0)
		return -1;
	for (i = 0; i < 16; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[32] = '\0';
	return 0;
}

long
net_jitter(long n)
{
	unsigned int r = 0;

	if (n <= 0)
		return 0;
	if (random_bytes((unsigned char *)&r, sizeof r) < 0)
		r = (unsigned int)getpid() * 2654435761u;
	return (long)(r % (unsigned long)n);
}
