/* emulate_text.h: the JSON text builder and page cursors of the emulations (no server state). */
#ifndef BILLTOPD_EMULATE_TEXT_H
#define BILLTOPD_EMULATE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* JSON text written by hand where an exact decimal number is needed (jansson has only doubles). */
struct sb {
	char *p;           /* malloc'd, NUL-terminated; owned by the builder until handed on */
	size_t len, cap;
	int failed;        /* out of memory or a bad argument: the text is unusable */
};

void sb_add(struct sb *b, const char *s);
void sb_addf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A JSON string (escaped by jansson), or null when s is NULL. */
void sb_str(struct sb *b, const char *s);
/* v / 10^scale (scale 0 to 18) as exact decimal text, trailing zeros dropped ("0.06", "500", "-1.5"). */
void sb_decimal(struct sb *b, int64_t v, int scale);

/* Page cursors "page_" + base64(text); 0, or -1 when it does not fit / is not one of ours. */
int emu_cursor_make(const char *text, char *out, size_t n);
int emu_cursor_read(const char *cursor, char *text, size_t n);

#endif
