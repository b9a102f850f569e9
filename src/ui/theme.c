/* theme.c: whether styles are shown in colour (NO_COLOR, terminal support). */
#include <config.h>

#include <stdlib.h>

#include "ui/theme.h"

/* Monochrome until a terminal with colours says otherwise (print never does). */
static int mono = 1;

int
theme_no_color_env(void)
{
	const char *v = getenv("NO_COLOR");

	return v && *v;
}

int
theme_choose(int terminal_has_colors)
{
	mono = !terminal_has_colors || theme_no_color_env();
	return mono;
}

int
theme_monochrome(void)
{
	return mono;
}
