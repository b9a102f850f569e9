/* term_check.h: whether TERM can draw the dashboard at all. */
#ifndef BILLTOP_TERM_CHECK_H
#define BILLTOP_TERM_CHECK_H

#include <stdio.h>

/* 1 when TERM is known to terminfo and has cursor addressing and clear;
 * else 0, after a message on err naming the terminal and what to do
 * (`billtop print`, or TERM).  A dumb terminal (TERM=dumb, an editor's
 * shell buffer) so gets words instead of a half-drawn screen, and an
 * unknown TERM never reaches initscr(), which would exit on its own. */
int term_check_usable(FILE *err);

#endif
