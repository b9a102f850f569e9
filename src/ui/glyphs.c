/* glyphs.c: the UTF-8 and ASCII glyph tables. */
#include <config.h>

#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/util.h"
#include "ui/glyphs.h"

static const struct glyphs utf8_glyphs = {
	.h = "\u2500", .v = "\u2502", .tl = "\u250c", .tr = "\u2510",
	.bl = "\u2514", .br = "\u2518", .ltee = "\u251c", .rtee = "\u2524",
	.full = "\u2588", .empty = "\u2591",
	.part = { " ", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589" },
	.left = "\u2190", .right = "\u2192", .up = "\u2191", .down = "\u2193",
	.ellipsis = "\u2026", .bullet = "\u2022", .check = "\u2713",
	.current = "\u25cf", .pointer = "\u25b6", .sep = "\u2502", .dash = "\u2014",
	.spin = { "\u280b", "\u2819", "\u2839", "\u2838", "\u283c",
	          "\u2834", "\u2826", "\u2827", "\u2807", "\u280f" },
	.nspin = 10,
	.utf8 = 1,
};

static const struct glyphs ascii_glyphs = {
	.h = "-", .v = "|", .tl = "+", .tr = "+", .bl = "+", .br = "+",
	.ltee = "+", .rtee = "+",
	.full = "#", .empty = ".",
	.part = { ".", ".", ".", ".", "#", "#", "#", "#" },  /* rounded to the nearer cell */
	.left = "<", .right = ">", .up = "^", .down = "v",
	.ellipsis = "~", .bullet = "*", .check = "x",
	.current = "*", .pointer = ">", .sep = "|", .dash = "-",
	.spin = { "|", "/", "-", "\\" },
	.nspin = 4,
};

int
glyphs_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

const struct glyphs *
glyphs_for(int utf8)
{
	return utf8 ? &utf8_glyphs : &ascii_glyphs;
}

const char *
glyphs_keys_lr(const struct glyphs *g)
{
	return g->utf8 ? "\u2190/\u2192" : _("left/right");
}

const char *
glyphs_keys_ud(const struct glyphs *g)
{
	return g->utf8 ? "\u2191/\u2193" : _("up/down");
}

/* Replaces the first `word` in buf by `by` (bounded). */
static void
replace_word(char *buf, size_t n, const char *word, const char *by)
{
	char out[512], *at = strstr(buf, word);
	size_t pre;

	if (at == NULL || *word == '\0')
		return;
	pre = (size_t)(at - buf);
	snprintf(out, sizeof out, "%.*s%s%s", (int)pre, buf, by, at + strlen(word));
	str_copy(buf, n, out);
}

const char *
glyphs_hint(const struct glyphs *g, const char *msgid, char *buf, size_t n)
{
	const char *t = _(msgid);
	/* Not translated (yet): the English words are in it; else the translator's. */
	int english = t == msgid;

	str_copy(buf, n, t);
	replace_word(buf, n, english ? "left/right" : _("left/right"), glyphs_keys_lr(g));
	replace_word(buf, n, english ? "up/down" : _("up/down"), glyphs_keys_ud(g));
	return buf;
}
