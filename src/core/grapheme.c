/* grapheme.c: grapheme clusters (libutf8proc's segmentation) reduced to what
 * every terminal draws in the same number of columns. */
#include <config.h>

#include <string.h>
#include <wchar.h>

#include <utf8proc.h>

#include "core/grapheme.h"
#include "core/utf8.h"

int
grapheme_hidden_format(uint32_t cp)
{
	if (cp < 0xad)
		return 0;
	if (utf8proc_category((utf8proc_int32_t)cp) != UTF8PROC_CATEGORY_CF)
		return 0;
	/* ZWNJ and ZWJ shape scripts and emoji; the prepended marks are visible. */
	if (cp == 0x200c || cp == 0x200d)
		return 0;
	if ((cp >= 0x0600 && cp <= 0x0605) || cp == 0x06dd || cp == 0x070f || cp == 0x0890 ||
	    cp == 0x0891 || cp == 0x08e2 || cp == 0x110bd || cp == 0x110cd)
		return 0;
	return 1;
}

static int
is_regional(uint32_t cp)
{
	return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/* Columns of one code point as the terminal's wcwidth sees it. */
static int
cp_cols(uint32_t cp)
{
	utf8proc_category_t cat;
	int w;

	if (cp < 0x7f)
		return 1;
	cat = utf8proc_category((utf8proc_int32_t)cp);
	if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME)
		return 0;
	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	/* A locale that does not know it (C, or an older table). */
	w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w > 0 ? w : 1;
}

/* Nothing a terminal should get: C0, DEL, C1, hidden format characters. */
static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || grapheme_hidden_format(cp);
}

static void
draw_add(struct grapheme *g, const unsigned char *p, int n)
{
	/* Marks beyond the room are dropped: the base is what must show. */
	if (g->draw_len + (size_t)n >= GRAPHEME_DRAW)
		return;
	memcpy(g->draw + g->draw_len, p, (size_t)n);
	g->draw_len += (size_t)n;
	g->draw[g->draw_len] = '\0';
}

void
grapheme_next(const char *s, struct grapheme *g)
{
	const unsigned char *p = (const unsigned char *)s;
	utf8proc_int32_t state = 0;
	uint32_t base, prev, cp;
	int n, joined = 0, regionals;

	memset(g, 0, sizeof *g);
	n = utf8_decode(p, &base);
	if (n == 0) {
		g->len = 1;
		g->cols = 1;
		g->invalid = 1;
		draw_add(g, (const unsigned char *)"?", 1);
		return;
	}
	g->len = (size_t)n;
	if (is_control(base))
		return;
	g->cols = cp_cols(base);
	draw_add(g, p, n);
	/* the common case: ASCII after ASCII is always a boundary (CR LF are controls) */
	if (base < 0x80 && p[1] < 0x80)
		return;
	regionals = is_regional(base);
	prev = base;
	for (;;) {
		n = utf8_decode(p + g->len, &cp);
		if (n == 0 || cp == 0 || is_control(cp) ||
		    utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev, (utf8proc_int32_t)cp, &state))
			break;
		if (joined || cp == 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp == 0xfe0e ||
		    cp == 0xfe0f) {
			/* left out of the portable form (see grapheme.h) */
			joined |= cp == 0x200d;
		} else if (is_regional(cp) && regionals == 1) {
			draw_add(g, p + g->len, n);
			g->cols = 2;
			regionals++;
		} else if (cp_cols(cp) == 0) {
			draw_add(g, p + g->len, n);
		} else {
			/* a spacing mark takes its own column on a terminal: a cluster of its own */
			break;
		}
		g->len += (size_t)n;
		prev = cp;
	}
}
