/* text.c: untrusted strings made safe for the terminal and the file system. */
#include <config.h>

#include <langinfo.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"

#define ESC 0x1b

/*
 * Length (1-4) of the well-formed UTF-8 sequence at p and its code point, or 0.
 * Rejects overlongs, surrogates and anything above U+10FFFF.  Never reads past
 * the terminating NUL (a NUL is not a continuation byte).
 */
static int
utf8_decode(const unsigned char *p, uint32_t *cp)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80, hi = 0xbf;
	int len, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0; /* overlong */
		else if (c == 0xed)
			hi = 0x9f; /* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90; /* overlong */
		else if (c == 0xf4)
			hi = 0x8f; /* above U+10FFFF */
	} else {
		return 0;
	}
	for (i = 1; i < len; i++) {
		unsigned char b = p[i];

		if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xbf))
			return 0;
		v = (v << 6) | (b & 0x3f);
	}
	*cp = v;
	return len;
}

/* Skips a string sequence (OSC, DCS, ...) to its terminator; unterminated runs to the end. */
static const unsigned char *
skip_string(const unsigned char *q, int bel_ends)
{
	for (; *q != '\0'; q++) {
		if (bel_ends && *q == 0x07)
			return q + 1;
		if (q[0] == ESC && q[1] == '\\')
			return q + 2;
	}
	return q;
}

/* p points at ESC: returns the first byte after the escape sequence. */
static const unsigned char *
skip_escape(const unsigned char *p)
{
	const unsigned char *q = p + 1;

	switch (*q) {
	case '[': /* CSI: parameters and intermediates 0x20-0x3f, final 0x40-0x7e */
		q++;
		while (*q >= 0x20 && *q <= 0x3f)
			q++;
		if (*q >= 0x40 && *q <= 0x7e)
			q++;
		return q;
	case ']': /* OSC: ends with BEL or ST */
		return skip_string(q + 1, 1);
	case 'P': /* DCS, SOS, PM, APC: end with ST */
	case 'X':
	case '^':
	case '_':
		return skip_string(q + 1, 0);
	default:
		break;
	}
	/* ESC, intermediates 0x20-0x2f, final 0x30-0x7e ("ESC c", "ESC ( B"). */
	while (*q >= 0x20 && *q <= 0x2f)
		q++;
	if (*q >= 0x30 && *q <= 0x7e)
		q++;
	return q;
}

static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t
text_sanitize(char *s)
{
	const unsigned char *r = (const unsigned char *)s;
	unsigned char *w = (unsigned char *)s;
	uint32_t cp;
	int len;

	/* The output is never longer than the input, so writing behind r is safe. */
	while (*r != '\0') {
		unsigned char c = *r;

		if (c == ESC) {
			r = skip_escape(r);
		} else if (c == '\t' || c == '\n') {
			*w++ = ' ';
			r++;
		} else if (c < 0x20 || c == 0x7f) {
			r++;
		} else if (c < 0x80) {
			*w++ = c;
			r++;
		} else if ((len = utf8_decode(r, &cp)) == 0) {
			/* A stray 8-bit C1 byte is dropped; any other invalid byte shows as '?'. */
			if (c > 0x9f)
				*w++ = '?';
			r++;
		} else if ((cp >= 0x80 && cp <= 0x9f) || is_bidi_control(cp)) {
			r += len;
		} else {
			memmove(w, r, (size_t)len);
			w += len;
			r += len;
		}
	}
	*w = '\0';
	return (size_t)((char *)w - s);
}

static int
filename_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
	    c == '_' || c == '-';
}

int
text_safe_filename(const char *in, char *out, size_t n)
{
	size_t limit, len = 0;

	if (n < 16)
		return -1;
	limit = n - 1 < 100 ? n - 1 : 100;
	for (; in != NULL && *in != '\0' && len < limit; in++) {
		char c = filename_char((unsigned char)*in) ? *in : '_';

		/* No hidden file, no option-like name, no "..": a '.' after a '.' becomes '_'. */
		if (len == 0 && (c == '.' || c == '-'))
			c = '_';
		if (c == '.' && out[len - 1] == '.')
			c = '_';
		out[len++] = c;
	}
	if (len == 0)
		out[len++] = '_';
	out[len] = '\0';
	return 0;
}

int
text_utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return MB_CUR_MAX > 1 && cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Bytes and columns of the character at s (s non-empty); invalid bytes are 1 and 1. */
static size_t
char_at(const char *s, mbstate_t *st, int *cols)
{
	wchar_t wc;
	size_t k = mbrtowc(&wc, s, MB_LEN_MAX, st);
	int w;

	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		memset(st, 0, sizeof *st);
		*cols = 1;
		return 1;
	}
	w = wcwidth(wc);
	*cols = w < 0 ? 1 : w;
	return k;
}

int
text_width(const char *s)
{
	mbstate_t st;
	int total = 0, w;

	memset(&st, 0, sizeof st);
	while (*s != '\0') {
		s += char_at(s, &st, &w);
		if (total > INT_MAX - w)
			return INT_MAX;
		total += w;
	}
	return total;
}

size_t
text_fit(const char *s, int cols, char *out, size_t n)
{
	const char *ell;
	size_t len = strlen(s), pos = 0, ell_len, room;
	mbstate_t st;
	int used = 0, w;

	if (n == 0)
		return 0;
	out[0] = '\0';
	if (cols <= 0)
		return 0;
	if (len < n && text_width(s) <= cols) {
		memcpy(out, s, len + 1);
		return len;
	}
	ell = text_utf8_locale() ? "\xe2\x80\xa6" : "~";
	ell_len = strlen(ell);
	if (ell_len > n - 1) {
		ell = "";
		ell_len = 0;
	}
	room = n - 1 - ell_len;
	memset(&st, 0, sizeof st);
	/* Keep whole characters while they leave one column (and the bytes) for the ellipsis. */
	while (s[pos] != '\0') {
		mbstate_t before = st;
		size_t k = char_at(s + pos, &st, &w);

		if (used + w > cols - 1 || pos + k > room) {
			st = before;
			break;
		}
		used += w;
		pos += k;
	}
	memcpy(out, s, pos);
	memcpy(out + pos, ell, ell_len + 1);
	return pos + ell_len;
}
