/* text.c: untrusted strings made safe for the terminal and the file system. */
#include <config.h>

#include <langinfo.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/grapheme.h"
#include "core/text.h"
#include "core/utf8.h"

#define ESC 0x1b

/* Skips a string sequence (OSC, DCS, ...) to its terminator; unterminated runs to the end. */
static const unsigned char *
skip_string(const unsigned char *q, int bel_ends)
{
	for (; *q != '\0'; q++) {
		if (bel_ends && *q == 0x07)
			return q + 1;
		if (q[0] == ESC && q[1] == '\\')
			return q + 2;
		if (q[0] == 0x9c)
			return q + 1;
		if (q[0] == 0xc2 && q[1] == 0x9c)
			return q + 2;
	}
	return q;
}

/* CSI parameters and intermediates 0x20-0x3f, then a final 0x40-0x7e. */
static const unsigned char *
skip_csi(const unsigned char *q)
{
	while (*q >= 0x20 && *q <= 0x3f)
		q++;
	if (*q >= 0x40 && *q <= 0x7e)
		q++;
	return q;
}

/*
 * q is just after a C1 control c (0x80-0x9f, as U+0080-U+009F or a raw byte):
 * the first byte after it and what it introduces.  CSI (0x9b) takes its
 * parameters, OSC (0x9d) its string to BEL or ST, DCS, SOS, PM and APC
 * theirs to ST, as their ESC forms do: "\u009b31m" leaves nothing behind.
 */
static const unsigned char *
skip_c1(const unsigned char *q, unsigned c)
{
	switch (c) {
	case 0x9b: return skip_csi(q);
	case 0x9d: return skip_string(q, 1);
	case 0x90:
	case 0x98:
	case 0x9e:
	case 0x9f: return skip_string(q, 0);
	default: return q;
	}
}

/* p points at ESC: returns the first byte after the escape sequence. */
static const unsigned char *
skip_escape(const unsigned char *p)
{
	const unsigned char *q = p + 1;

	switch (*q) {
	case '[':
		return skip_csi(q + 1);
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
			/* A stray 8-bit C1 byte goes with its parameters; any other invalid byte shows as '?'. */
			if (c > 0x9f) {
				*w++ = '?';
				r++;
			} else {
				r = skip_c1(r + 1, c);
			}
		} else if (cp >= 0x80 && cp <= 0x9f) {
			r = skip_c1(r + len, cp);
		} else if (grapheme_hidden_format(cp)) {
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

int
text_width(const char *s)
{
	struct grapheme g;
	int total = 0;

	while (*s != '\0') {
		grapheme_next(s, &g);
		s += g.len;
		if (total > INT_MAX - g.cols)
			return INT_MAX;
		total += g.cols;
	}
	return total;
}

size_t
text_fit(const char *s, int cols, char *out, size_t n)
{
	const char *ell;
	size_t len = strlen(s), pos = 0, ell_len, room;
	struct grapheme g;
	int used = 0;

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
	/* Keep whole clusters while they leave one column (and the bytes) for the ellipsis. */
	while (s[pos] != '\0') {
		grapheme_next(s + pos, &g);
		if (used + g.cols > cols - 1 || pos + g.len > room)
			break;
		used += g.cols;
		pos += g.len;
	}
	memcpy(out, s, pos);
	memcpy(out + pos, ell, ell_len + 1);
	return pos + ell_len;
}
