/* grapheme.h: user-perceived characters (grapheme clusters) and the columns a
 * terminal gives them.
 *
 * Terminals disagree about emoji sequences: tmux 3.3 draws a zero-width-joined
 * family in 2 columns but a skin-toned thumb in 4, xterm draws the family in 6,
 * kitty both in 2.  So each cluster is reduced to a portable form every
 * terminal draws alike: its base and zero-width marks; a ZWJ and what it joins,
 * emoji modifiers and presentation selectors (U+FE0E/U+FE0F) are left out; a
 * flag (a pair of regional indicators) is kept whole, 2 columns everywhere.
 * Widths and cutting (text_width, text_fit, the canvas) all come from here.
 */
#ifndef BILLTOP_GRAPHEME_H
#define BILLTOP_GRAPHEME_H

#include <stddef.h>
#include <stdint.h>

#define GRAPHEME_DRAW 16   /* bytes of a portable form, NUL included */

struct grapheme {
	size_t len;                /* bytes of the cluster in the source, >= 1 */
	int cols;                  /* 0, 1 or 2 columns */
	int invalid;               /* 1: an invalid UTF-8 byte (len 1, cols 1), shown as '?' */
	size_t draw_len;           /* bytes in draw; 0: nothing to draw (a control) */
	char draw[GRAPHEME_DRAW];  /* the portable form, NUL-terminated */
};

/* Reads the cluster at s (non-empty, NUL-terminated) into g.  Controls,
 * C1 controls and hidden format characters come back as clusters of their own
 * with nothing to draw; a cluster beginning with a zero-width mark has cols 0
 * (it joins what was drawn before it). */
void grapheme_next(const char *s, struct grapheme *g);

/* 1 for an invisible format character that can reorder or hide text: Unicode
 * category Cf (bidi marks U+200E, U+200F, U+061C, embeddings, overrides and
 * isolates, U+FEFF, U+2060-U+2064, tags, ...) except ZWNJ and ZWJ (shaping,
 * emoji) and the visible prepended concatenation marks (U+0600-U+0605, ...). */
int grapheme_hidden_format(uint32_t cp);

#endif
