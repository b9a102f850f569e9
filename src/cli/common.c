/* common.c: the options every billtop command shares; the end of stdout. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"

int
cli_common_option(struct cli_opts *o, int c, const char *arg)
{
	switch (c) {
	case CLI_OPT_URL: o->url = arg; return 1;
	case CLI_OPT_PROFILE: o->profile = arg; return 1;
	case CLI_OPT_CACHE: o->cache = arg; return 1;
	case CLI_OPT_OFFLINE: o->offline = 1; return 1;
	case CLI_OPT_INSECURE: o->insecure = 1; return 1;
	case CLI_OPT_SOURCE: o->source = arg; return 1;
	default: return 0;
	}
}

int
cli_finish_stdout(int rc)
{
	int failed, e;

	errno = 0;
	failed = fflush(stdout) != 0;
	e = errno;
	if (!failed && !ferror(stdout))
		return rc;
	/* A full disk or a closed pipe: the output is incomplete, never silently. */
	fprintf(stderr, _("%s: cannot write to standard output: %s\n"), PACKAGE,
	        e ? strerror(e) : _("write error"));
	return rc == EXIT_OK || rc == EXIT_THRESHOLD ? EXIT_FAILURE_GENERIC : rc;
}
