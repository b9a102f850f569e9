/* demo.h: `billtop --demo[=VARIANT]`: the dashboard on a private billtopd.
 *
 * Makes a private temporary directory (0700), starts billtopd there with
 * `--seed demo=VARIANT --listen 127.0.0.1:0 --db DIR/server.db --token-file
 * DIR/token` (a random token in a 0600 file, never in argv), reads the port
 * it prints, and runs the dashboard in a child process against it with the
 * cache DIR/cache.db.  This process only supervises: whatever way the
 * dashboard ends (q, a signal, a crash), it restores the terminal, stops
 * billtopd and removes the directory.  billtopd also dies with this process
 * (PR_SET_PDEATHSIG) and runs in its own process group, so Ctrl-C in the
 * dashboard does not kill the server under it.
 */
#ifndef BILLTOP_DEMO_H
#define BILLTOP_DEMO_H

#include "cli/cli.h"

/* 1 when variant names a demo account: active, trial, past-due, exhausted,
 * paused; or openai/anthropic: the active account through billtopd
 * --emulate NAME, read with --source NAME. */
int demo_variant_ok(const char *variant);

/* Runs the demo; the dashboard is run(opts) in a child with opts->url and
 * opts->cache pointing at the demo.  Returns an enum exit_code. */
int demo_run(struct cli_opts *opts, const char *variant, int (*run)(struct cli_opts *opts));

#endif
