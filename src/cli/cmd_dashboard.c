/* cmd_dashboard.c: billtop with no command opens the dashboard (issue 5). */
#include <config.h>

#include <stdio.h>

#include "cli/cli.h"
#include "core/i18n.h"

int
cmd_dashboard(struct cli_opts *opts, const char *demo)
{
	if (demo)
		printf(_("billtop --demo=%s will start billtopd --seed demo on a loopback port "
		         "and open the dashboard on it.\n"), demo);
	else
		fputs(_("The dashboard is not built yet; try --help.\n"), stdout);
	return EXIT_OK;
}
