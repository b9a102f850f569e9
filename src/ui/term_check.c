/* term_check.c: see term_check.h.  Alone in its file: <term.h> defines a
 * macro for every terminfo capability (lines, columns, ...), which would
 * clash with ordinary names elsewhere. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>

#include "core/i18n.h"
#include "ui/term_check.h"

static int
has_string(const char *cap)
{
	char *s = tigetstr(cap);

	return s != NULL && s != (char *)-1;
}

int
term_check_usable(FILE *err)
{
	const char *term = getenv("TERM");
	int e = 0, ok;

	if (!term || !*term)
		term = "dumb";
	if (setupterm(NULL, STDOUT_FILENO, &e) != OK) {
		fprintf(err, _("billtop: the terminal type '%s' is unknown here (no terminfo entry); "
		               "set TERM (e.g. TERM=xterm-256color), or use `billtop print overview`\n"),
		        term);
		return 0;
	}
	ok = has_string("cup") && has_string("clear");
	del_curterm(cur_term);
	if (!ok)
		fprintf(err, _("billtop: the terminal '%s' cannot move the cursor, so the dashboard "
		               "cannot be drawn; use `billtop print overview` (every tab prints), or "
		               "set TERM to your real terminal\n"), term);
	return ok;
}
