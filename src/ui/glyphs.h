/* glyphs.h: the characters the dashboard draws with, in a UTF-8 and an ASCII set.
 *
 * Chosen once from the locale (nl_langinfo(CODESET) after setlocale): a UTF-8
 * locale gets box drawing, eighth blocks and arrows; any other locale gets
 * the ASCII set, so a capture under LANG=C holds no byte >= 0x80.  Always
 * pick the set that matches the canvas: glyphs_for(canvas->utf8).
 */
#ifndef BILLTOP_GLYPHS_H
#define BILLTOP_GLYPHS_H

struct glyphs {
	/* Box drawing. */
	const char *h, *v, *tl, *tr, *bl, *br, *ltee, *rtee;
	/* Gauges and bars: full and empty cells, and the partial cells
	 * part[1..7] = 1/8 .. 7/8 of a cell (part[0] is the empty cell). */
	const char *full, *empty;
	const char *part[8];
	/* Arrows, marks and punctuation. */
	const char *left, *right, *up, *down;
	const char *ellipsis;   /* a cut text ends with this */
	const char *bullet;     /* list items */
	const char *check;      /* "yes" in a table */
	const char *current;    /* the current item (the current plan) */
	const char *pointer;    /* the selected row or column */
	const char *sep;        /* between tabs and status fields */
	const char *dash;       /* "no value" in a table */
	/* The refresh spinner, nspin frames. */
	const char *spin[10];
	int nspin;
	int utf8;               /* this is the UTF-8 set */
};

/* 1 when the current LC_CTYPE is UTF-8 (call after setlocale). */
int glyphs_locale_utf8(void);
/* The UTF-8 set when utf8 is non-zero, else the ASCII set. */
const struct glyphs *glyphs_for(int utf8);

/* The arrow keys as every footer hint and the ? overlay name them: "←/→"
 * and "↑/↓" with the UTF-8 set, the words "left/right" and "up/down"
 * (translated) with the ASCII set. */
const char *glyphs_keys_lr(const struct glyphs *g);
const char *glyphs_keys_ud(const struct glyphs *g);
/* A hint or a keyhelp entry (an untranslated msgid such as "j/k, up/down"
 * or "left/right: choose a plan ..."), translated, with the arrow keys named
 * as above: the words "left/right" and "up/down" in it (the translator's
 * words for them) become the set's.  Returns buf. */
const char *glyphs_hint(const struct glyphs *g, const char *msgid, char *buf, size_t n);

#endif
