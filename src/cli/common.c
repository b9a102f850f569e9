/* common.c: the options every billtop command shares. */
#include <config.h>

#include "cli/cli.h"

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
