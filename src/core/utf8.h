/* utf8.h: the one UTF-8 decoder, shared by the sanitiser, widths and the canvas. */
#ifndef BILLTOP_UTF8_H
#define BILLTOP_UTF8_H

#include <stdint.h>

/*
 * Length (1-4) of the well-formed UTF-8 sequence at p and its code point in
 * *cp, or 0 when p does not start one (overlong, surrogate, above U+10FFFF,
 * truncated, a stray continuation byte).  Never reads past a terminating NUL
 * (a NUL is not a continuation byte).
 */
int utf8_decode(const unsigned char *p, uint32_t *cp);

#endif
