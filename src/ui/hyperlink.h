/* hyperlink.h: OSC 8 hyperlinks on a curses screen.
 *
 * A view draws a URL as plain text into its canvas (so it is always there
 * to read and copy, in every terminal and in `billtop print`) and registers
 * it with hyperlink_add().  After curses has painted the frame, the tui loop
 * calls hyperlink_flush(), which writes each registered text again, at the
 * same place, wrapped in
 *
 *     ESC ] 8 ; ; URL ESC \  TEXT  ESC ] 8 ; ; ESC \
 *
 * inside save-cursor / restore-cursor (DECSC/DECRC save the position and the
 * attributes), so curses' idea of the cursor stays true; the attributes are
 * set and reset with vidputs() so its idea of them stays true as well.
 * Terminals without OSC 8 ignore the sequence and keep the plain text.
 *
 * Only http(s) URLs of printable ASCII (0x21-0x7e) are ever emitted: a URL
 * from the server that is not one is drawn as text but never linked.
 */
#ifndef BILLTOP_HYPERLINK_H
#define BILLTOP_HYPERLINK_H

#include <stddef.h>
#include <stdio.h>

#define HYPERLINK_MAX 8          /* links per frame */
#define HYPERLINK_URL_MAX 2048

/* 1 when url may go into an OSC 8 sequence (see above). */
int hyperlink_url_ok(const char *url);

/* The bytes of one link into buf: OSC 8 open, text, OSC 8 close.  Returns
 * the length, or -1 when url is not ok or buf is too small. */
int hyperlink_format(char *buf, size_t n, const char *url, const char *text);

/* Forgets the links of the last frame; the tui calls it before composing. */
void hyperlink_reset(void);
/* Registers text (exactly as drawn, at screen column x, row y) as a link to
 * url, drawn in style.  0, or -1 when url is not ok or the table is full. */
int hyperlink_add(int x, int y, int style, const char *url, const char *text);
/* Forgets the links whose text overlaps the box x, y, w, h: a dialog or the
 * help drawn over them hides their text, and hyperlink_flush() would write
 * it again on top.  Returns how many were dropped. */
int hyperlink_drop_in(int x, int y, int w, int h);
/* Number of links registered for this frame. */
int hyperlink_count(void);

/* 0 when this terminal should not get OSC 8 at all: TERM is unset, "dumb"
 * or "linux" (the console misreads OSC), it lacks sc/rc/cup, or
 * BILLTOP_NO_HYPERLINKS is set to a non-empty value.  Call after initscr. */
int hyperlink_supported(void);

/* After doupdate(): writes the registered links to out (curses' output
 * stream) and flushes it.  Does nothing when !hyperlink_supported().
 * Returns the number of links written. */
int hyperlink_flush(FILE *out);

#endif
