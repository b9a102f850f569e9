/* hyperlink.c: OSC 8 links written over what curses painted. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

#include "core/text.h"
#include "core/util.h"
#include "ui/hyperlink.h"
#include "ui/theme_curses.h"

#define OSC8_OPEN  "\x1b]8;;"
#define ST         "\x1b\\"

struct link {
	int x, y, style;
	char url[HYPERLINK_URL_MAX];
	char text[512];
};

static struct link links[HYPERLINK_MAX];
static int nlinks;

int
hyperlink_url_ok(const char *url)
{
	const unsigned char *p;

	if (url == NULL || (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0))
		return 0;
	for (p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p < 0x21 || *p > 0x7e)
			return 0;
	return (size_t)(p - (const unsigned char *)url) < HYPERLINK_URL_MAX;
}

int
hyperlink_format(char *buf, size_t n, const char *url, const char *text)
{
	struct strbuf sb;

	if (!hyperlink_url_ok(url))
		return -1;
	strbuf_init(&sb, buf, n);
	strbuf_add(&sb, OSC8_OPEN);
	strbuf_add(&sb, url);
	strbuf_add(&sb, ST);
	strbuf_add(&sb, text);
	strbuf_add(&sb, OSC8_OPEN ST);
	if (strbuf_finish(&sb) != 0)
		return -1;
	return (int)sb.len;
}

void
hyperlink_reset(void)
{
	nlinks = 0;
}

int
hyperlink_add(int x, int y, int style, const char *url, const char *text)
{
	struct link *l;

	if (!hyperlink_url_ok(url) || nlinks >= HYPERLINK_MAX || x < 0 || y < 0)
		return -1;
	l = &links[nlinks];
	if (str_copy(l->url, sizeof l->url, url) != 0 || str_copy(l->text, sizeof l->text, text) != 0)
		return -1;
	l->x = x;
	l->y = y;
	l->style = style;
	nlinks++;
	return 0;
}

int
hyperlink_drop_in(int x, int y, int w, int h)
{
	int i, kept = 0, dropped;

	for (i = 0; i < nlinks; i++) {
		const struct link *l = &links[i];
		int lw = text_width(l->text);

		/* A text of unknown width (-1) is dropped when on a row of the box. */
		if (l->y >= y && l->y < y + h && l->x < x + w && (lw < 0 || l->x + lw > x))
			continue;
		if (kept != i)
			links[kept] = links[i];
		kept++;
	}
	dropped = nlinks - kept;
	nlinks = kept;
	return dropped;
}

int
hyperlink_count(void)
{
	return nlinks;
}

static int
cap_ok(const char *s)
{
	return s != NULL && s != (char *)-1 && *s != '\0';
}

int
hyperlink_supported(void)
{
	const char *term = getenv("TERM");
	const char *off = getenv("BILLTOP_NO_HYPERLINKS");

	if (off != NULL && *off != '\0')
		return 0;
	if (cur_term == NULL)
		return 0;
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0 || strncmp(term, "linux", 5) == 0)
		return 0;
	return cap_ok(save_cursor) && cap_ok(restore_cursor) && cap_ok(cursor_address) &&
	    cap_ok(exit_attribute_mode);
}

/* tputs/vidputs write one byte at a time to this stream. */
static FILE *out_stream;

static int
put_byte(int c)
{
	return putc(c, out_stream);
}

int
hyperlink_flush(FILE *out)
{
	int i, written = 0;

	if (nlinks == 0 || !hyperlink_supported())
		return 0;
	out_stream = out;
	for (i = 0; i < nlinks; i++) {
		const struct link *l = &links[i];

		if (l->y >= LINES || l->x >= COLS)
			continue;
		tputs(save_cursor, 1, put_byte);
		tputs(tiparm(cursor_address, l->y, l->x), 1, put_byte);
		/* Through curses, so it knows the attributes the terminal now has. */
		vidputs((chtype)theme_attr(l->style), put_byte);
		fputs(OSC8_OPEN, out);
		fputs(l->url, out);
		fputs(ST, out);
		fputs(l->text, out);
		fputs(OSC8_OPEN ST, out);
		/* curses now believes A_NORMAL.  DECRC brings back the cursor (and
		 * the attributes curses had left); sgr0 then makes the terminal
		 * agree with curses' belief again. */
		vidputs(A_NORMAL, put_byte);
		tputs(restore_cursor, 1, put_byte);
		if (cap_ok(exit_attribute_mode))
			tputs(exit_attribute_mode, 1, put_byte);
		written++;
	}
	fflush(out);
	return written;
}
