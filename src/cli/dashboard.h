/* dashboard.h: the dashboard session (cmd_dashboard.c), also run by --demo. */
#ifndef BILLTOP_DASHBOARD_H
#define BILLTOP_DASHBOARD_H

#include "cli/cli.h"

/* Resolves config, URL, token and cache like `billtop sync`, opens the
 * cache and runs the dashboard until q.  Returns an enum exit_code. */
int dashboard_run(struct cli_opts *opts);

#endif
