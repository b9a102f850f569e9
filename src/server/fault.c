/* fault.c: --fault injection (delays, error statuses, dropped connections, hostile bodies). */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/i18n.h"
#include "server/fault.h"

static const struct {
	const char *name;
	enum fault_kind kind;
	int needs_arg;
} kinds[] = {
	{ "delay", FAULT_DELAY, 1 },
	{ "500", FAULT_500, 0 },
	{ "503", FAULT_503, 0 },
	{ "429", FAULT_429, 1 },
	{ "drop", FAULT_DROP, 0 },
	{ "malformed", FAULT_MALFORMED, 0 },
	{ "wrongtype", FAULT_WRONGTYPE, 0 },
	{ "escape", FAULT_ESCAPE, 0 },
	{ "huge", FAULT_HUGE, 0 },
	{ "echoauth", FAULT_ECHOAUTH, 1 },
	{ "longerror", FAULT_LONGERROR, 1 },
	{ "nul", FAULT_NUL, 0 },
	{ "utf16", FAULT_UTF16, 0 },
};

static int
parse_long(const char *s, size_t len, long *out)
{
	char buf[24], *end;
	long v;

	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (buf[0] < '0' || buf[0] > '9')
		return -1;
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno || *end || v < 0 || v > 86400000)
		return -1;
	*out = v;
	return 0;
}

int
fault_parse(const char *spec, struct fault *f)
{
	const char *eq = strchr(spec, '='), *k, *colon, *star, *kend;
	size_t i, klen;

	memset(f, 0, sizeof *f);
	f->remaining = -1;
	if (!eq || eq == spec)
		goto bad;
	k = eq + 1;
	star = strchr(k, '*');
	kend = star ? star : k + strlen(k);
	colon = memchr(k, ':', (size_t)(kend - k));
	klen = (size_t)((colon ? colon : kend) - k);
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strlen(kinds[i].name) == klen && memcmp(kinds[i].name, k, klen) == 0)
			break;
	if (i == sizeof kinds / sizeof kinds[0])
		goto bad;
	f->kind = kinds[i].kind;
	if (kinds[i].needs_arg) {
		if (!colon || parse_long(colon + 1, (size_t)(kend - colon - 1), &f->arg) < 0)
			goto bad;
	} else if (colon) {
		goto bad;
	}
	if (star && (parse_long(star + 1, strlen(star + 1), &f->remaining) < 0 || f->remaining < 1))
		goto bad;
	f->prefix = strndup(spec, (size_t)(eq - spec));
	return f->prefix ? 0 : -1;
bad:
	fprintf(stderr, _("billtopd: bad --fault '%s': expected PATH=KIND[:ARG][*N] with KIND one of "
	                  "delay:MS, 500, 503, 429:SECONDS, drop, malformed, wrongtype, escape, huge, "
	                  "echoauth:STATUS, longerror:STATUS, nul, utf16\n"), spec);
	return -1;
}

void
fault_match(struct srv *s, const char *path, struct fault_hits *h)
{
	struct fault *f;
	size_t i;

	memset(h, 0, sizeof *h);
	pthread_mutex_lock(&s->fault_lock);
	for (i = 0; i < s->nfaults; i++) {
		f = &s->faults[i];
		if (strcmp(f->prefix, "*") != 0 && strncmp(path, f->prefix, strlen(f->prefix)) != 0)
			continue;
		if (f->remaining == 0)
			continue;
		if (f->remaining > 0)
			f->remaining--;
		switch (f->kind) {
		case FAULT_DELAY:
			h->delay_ms += f->arg;
			break;
		case FAULT_500:
		case FAULT_503:
		case FAULT_429:
			if (!h->status) {
				h->status = f->kind == FAULT_500 ? 500 : f->kind == FAULT_503 ? 503 : 429;
				h->retry_after = f->kind == FAULT_429 ? f->arg : 1;
			}
			break;
		case FAULT_DROP:
			h->drop = 1;
			break;
		case FAULT_ECHOAUTH:
			if (!h->echo_auth)
				h->echo_auth = (int)f->arg;
			break;
		case FAULT_LONGERROR:
			if (!h->long_error)
				h->long_error = (int)f->arg;
			break;
		default:
			h->body |= 1u << f->kind;
			break;
		}
	}
	pthread_mutex_unlock(&s->fault_lock);
}

/* Terminal escapes a hostile server might send: clear screen, an OSC 8 link, colour, a C1 CSI. */
#define ESCAPES "\033[2J\033]8;;https://evil.example/\033\\"
#define ESCAPES_END "\033]8;;\033\\\033[31m\xc2\x9b" "1m\a"

static int
inject_escapes(json_t *j, const char *key)
{
	static const char *const keys[] = { "name", "description", "number", "rate_limit", "support",
	                                     "brand", "bank_name", "failure_reason", "message", "unit",
	                                     "features", NULL };
	const char *k;
	json_t *v;
	size_t i;
	int hit = 0;

	if (json_is_object(j)) {
		json_object_foreach(j, k, v)
			hit |= inject_escapes(v, k);
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			hit |= inject_escapes(v, key);
	} else if (json_is_string(j) && key) {
		for (i = 0; keys[i]; i++) {
			if (strcmp(keys[i], key) == 0) {
				char buf[1024];

				snprintf(buf, sizeof buf, "%s%s%s", ESCAPES, json_string_value(j), ESCAPES_END);
				json_string_set(j, buf);
				return 1;
			}
		}
	}
	return hit;
}

/* The first integer member found depth-first, as (object, key). */
static int
first_int(json_t *j, json_t **obj, const char **key)
{
	const char *k;
	json_t *v;
	size_t i;

	if (json_is_object(j)) {
		json_object_foreach(j, k, v) {
			if (json_is_integer(v)) {
				*obj = j;
				*key = k;
				return 1;
			}
		}
		json_object_foreach(j, k, v)
			if (first_int(v, obj, key))
				return 1;
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (first_int(v, obj, key))
				return 1;
	}
	return 0;
}

#define HUGE_SENTINEL 7777777777777777777LL
#define HUGE_SENTINEL_TEXT "7777777777777777777"
#define HUGE_TEXT "123456789012345678901234567890"

int
fault_rewrite(unsigned kinds_mask, char **body, size_t *len)
{
	json_t *j, *obj = NULL;
	const char *key = NULL;
	char *out = NULL, *p;
	size_t n;
	int rc = -1;

	if (!kinds_mask || !*body || !*len)
		return 0;
	j = json_loadb(*body, *len, 0, NULL);
	if (!j)
		return 0;
	if (kinds_mask & (1u << FAULT_ESCAPE))
		inject_escapes(j, NULL);
	if (kinds_mask & (1u << FAULT_WRONGTYPE)) {
		/* A required integer becomes a string; a list's has_more when it has no items. */
		if (first_int(j, &obj, &key)) {
			char num[32];

			snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
			         json_integer_value(json_object_get(obj, key)));
			json_object_set_new(obj, key, json_string(num));
		} else if (json_object_get(j, "has_more")) {
			json_object_set_new(j, "has_more", json_string("no"));
		}
	}
	if (kinds_mask & (1u << FAULT_HUGE)) {
		if (first_int(j, &obj, &key))
			json_object_set_new(obj, key, json_integer(HUGE_SENTINEL));
		else if (json_is_object(j))
			json_object_set_new(j, "count", json_integer(HUGE_SENTINEL));
	}
	out = json_dumps(j, JSON_COMPACT);
	if (!out)
		goto done;
	if (kinds_mask & (1u << FAULT_HUGE)) {
		/* jansson cannot hold a number past 64 bits: swap the text in. */
		p = strstr(out, HUGE_SENTINEL_TEXT);
		if (p) {
			size_t pre = (size_t)(p - out), post = strlen(p + strlen(HUGE_SENTINEL_TEXT));
			char *big = malloc(pre + strlen(HUGE_TEXT) + post + 1);

			if (!big)
				goto done;
			memcpy(big, out, pre);
			memcpy(big + pre, HUGE_TEXT, strlen(HUGE_TEXT));
			memcpy(big + pre + strlen(HUGE_TEXT), p + strlen(HUGE_SENTINEL_TEXT), post + 1);
			free(out);
			out = big;
		}
	}
	n = strlen(out);
	if (kinds_mask & (1u << FAULT_MALFORMED)) {
		/* Cut the document short and leave a stray token: not JSON any more. */
		n = n / 2;
		out[n++] = ',';
		out[n] = '\0';
	}
	if ((kinds_mask & (1u << FAULT_NUL)) && (p = strchr(out, ',')) != NULL) {
		/* A NUL byte after the first ',' of the document: between tokens, in no string. */
		char *nul = malloc(n + 2);

		if (!nul)
			goto done;
		memcpy(nul, out, (size_t)(p - out) + 1);
		nul[p - out + 1] = '\0';
		memcpy(nul + (p - out) + 2, p + 1, n - (size_t)(p - out));
		free(out);
		out = nul;
		n++;
	}
	if (kinds_mask & (1u << FAULT_UTF16)) {
		/* The whole (ASCII) document as UTF-16LE, no byte-order mark. */
		char *wide = malloc(2 * n + 1);
		size_t i;

		if (!wide)
			goto done;
		for (i = 0; i < n; i++) {
			wide[2 * i] = out[i];
			wide[2 * i + 1] = '\0';
		}
		free(out);
		out = wide;
		n *= 2;
	}
	free(*body);
	*body = out;
	*len = n;
	out = NULL;
	rc = 0;
done:
	free(out);
	json_decref(j);
	return rc;
}
