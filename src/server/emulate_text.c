/* emulate_text.c: the JSON text builder and page cursors of the emulations. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "server/emulate_text.h"

static void
sb_grow(struct sb *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->failed)
		return;
	if (b->len + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more + 1)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p) {
		b->failed = 1;
		return;
	}
	b->p = p;
	b->cap = cap;
}

void
sb_add(struct sb *b, const char *s)
{
	size_t n = strlen(s);

	sb_grow(b, n);
	if (b->failed)
		return;
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

void
sb_addf(struct sb *b, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof buf) {
		b->failed = 1;
		return;
	}
	sb_add(b, buf);
}

void
sb_str(struct sb *b, const char *s)
{
	json_t *j;
	char *t;

	if (!s) {
		sb_add(b, "null");
		return;
	}
	j = json_string(s);
	t = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	json_decref(j);
	if (!t) {
		b->failed = 1;
		return;
	}
	sb_add(b, t);
	free(t);
}

void
sb_decimal(struct sb *b, int64_t v, int scale)
{
	char digits[48], out[48];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	size_t nd, ip, i, o = 0;

	if (scale < 0 || scale > 18) {
		b->failed = 1;
		return;
	}
	snprintf(digits, sizeof digits, "%0*llu", scale + 1, (unsigned long long)u);
	nd = strlen(digits);
	ip = nd - (size_t)scale;
	/* Drop trailing zeros of the fraction: "0.060000" -> "0.06", "500.000000" -> "500". */
	while (nd > ip && digits[nd - 1] == '0')
		nd--;
	if (v < 0)
		out[o++] = '-';
	for (i = 0; i < ip; i++)
		out[o++] = digits[i];
	if (nd > ip) {
		out[o++] = '.';
		for (i = ip; i < nd; i++)
			out[o++] = digits[i];
	}
	out[o] = '\0';
	sb_add(b, out);
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int
emu_cursor_make(const char *text, char *out, size_t n)
{
	size_t len = strlen(text), i, o = 0;
	unsigned v;

	if (n < 6 + (len + 2) / 3 * 4)
		return -1;
	memcpy(out, "page_", 5);
	o = 5;
	for (i = 0; i < len; i += 3) {
		v = (unsigned)(unsigned char)text[i] << 16;
		if (i + 1 < len)
			v |= (unsigned)(unsigned char)text[i + 1] << 8;
		if (i + 2 < len)
			v |= (unsigned char)text[i + 2];
		out[o++] = b64[(v >> 18) & 63];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = i + 1 < len ? b64[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < len ? b64[v & 63] : '=';
	}
	out[o] = '\0';
	return 0;
}

int
emu_cursor_read(const char *cursor, char *text, size_t n)
{
	const char *p, *q;
	size_t len, i, o = 0;
	unsigned v;
	int k;

	if (strncmp(cursor, "page_", 5) != 0)
		return -1;
	p = cursor + 5;
	len = strlen(p);
	if (len == 0 || len % 4 != 0 || len / 4 * 3 >= n)
		return -1;
	for (i = 0; i < len; i += 4) {
		v = 0;
		for (k = 0; k < 4; k++) {
			if (p[i + k] == '=') {
				if (i + 4 != len || k < 2)
					return -1;
				v <<= 6;
				continue;
			}
			q = strchr(b64, p[i + k]);
			if (!q || !*q)
				return -1;
			v = v << 6 | (unsigned)(q - b64);
		}
		text[o++] = (char)(v >> 16);
		if (p[i + 2] != '=')
			text[o++] = (char)(v >> 8 & 255);
		if (p[i + 3] != '=')
			text[o++] = (char)(v & 255);
	}
	text[o] = '\0';
	return strlen(text) == o ? 0 : -1;
}
