/* text.h: making untrusted strings safe for the terminal and the file system. */
#ifndef BILLTOP_TEXT_H
#define BILLTOP_TEXT_H

#include <stddef.h>

/*
 * In place; returns the new length.  Removes C0 controls (TAB and NEWLINE become
 * a space), DEL, C1 controls (raw 0x80-0x9F bytes outside valid UTF-8 and
 * U+0080-U+009F) with what they introduce (C1 CSI its parameters, C1 OSC, DCS,
 * SOS, PM, APC their strings), whole escape sequences (CSI, OSC to BEL or ST,
 * DCS/SOS/PM/APC to ST, ESC + intermediates + final; an unterminated string
 * sequence is removed to the end), and every invisible format character that
 * can reorder or hide text (grapheme_hidden_format: bidi marks, embeddings,
 * overrides and isolates, U+FEFF, ...).  Every other invalid UTF-8 byte
 * (overlong, surrogate, > U+10FFFF, truncated) becomes '?'.
 */
size_t text_sanitize(char *s);

/*
 * A safe file name from an untrusted string (an invoice number): bytes outside
 * [A-Za-z0-9._-] become '_', a leading '.' or '-' becomes '_', no "..", never
 * "" (becomes "_"), at most min(n - 1, 100) bytes.  Returns 0, or -1 if n < 16.
 */
int text_safe_filename(const char *in, char *out, size_t n);

/* 1 if LC_CTYPE is UTF-8 (the terminal can show "…", "€"). */
int text_utf8_locale(void);

/* Display columns, cluster by cluster (core/grapheme.h), as the canvas draws s;
 * an invalid byte counts 1, a control 0. */
int text_width(const char *s);

/*
 * Copies s into out (n bytes) cut to fit cols columns, ending with "…" (UTF-8
 * locale) or "~" when cut; never splits a grapheme cluster.  Returns the length of out.
 */
size_t text_fit(const char *s, int cols, char *out, size_t n);

#endif
