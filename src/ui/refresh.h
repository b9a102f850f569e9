/* refresh.h: background refreshes and actions, in a worker process.
 *
 * The dashboard never talks to the network itself: a refresh (or an action
 * followed by a refresh) runs in a worker, which is billtop itself started
 * again (fork + exec of /proc/self/exe with BILLTOP_WORKER=1 in its
 * environment, so it opens its own SQLite connection in a fresh process:
 * SQLite connections must not cross a fork).  The worker resolves config,
 * profile and cache exactly like `billtop sync` (the same client_open), reads
 * its job from stdin -- the token the parent already resolved (so a
 * token_command runs once per session, and the token is never in argv or the
 * environment), then the typed action if any (struct source_action as
 * "key=value" lines, source_action_format(); the source's act() sends it,
 * with a fresh Idempotency-Key reused on its retries) -- and writes framed
 * records to stdout, which the main loop poll()s:
 *
 *     "<type> <length>\n<payload>"     type: progress | action | result | sync
 *
 * action and sync carry "key=value" lines (ok, status, net, code, role,
 * message); result the action's result (source_action_result_format()).  SQLite's WAL lets the dashboard read the cache while the
 * worker writes it; when the worker is done the app reloads every view.
 */
#ifndef BILLTOP_REFRESH_H
#define BILLTOP_REFRESH_H

#include <stdio.h>

#include "client/source.h"

struct app;
struct action;

/* Spinner frame interval while something runs (the only timer when busy). */
#define REFRESH_SPIN_MS 120

/* Starts the worker: a sync, or act then a sync.  0, or -1 with
 * app->last_error set (a worker is already running, or it could not start).
 * Job on the worker's stdin: token, "0"/"1" (an action follows), one per
 * line, then the action's "key=value" lines to the end. */
int refresh_start(struct app *app, const struct action *act);
/* The worker's output to poll for reading, or -1 when none runs. */
int refresh_fd(const struct app *app);
/* Reads what the worker wrote; when it finished, applies the result
 * (reload, dialog, status line).  Call when refresh_fd() is readable. */
void refresh_read(struct app *app);
/* Milliseconds until refresh_tick() has something to do (the spinner or the
 * periodic refresh), or -1: nothing, wait for input forever. */
int refresh_timeout_ms(const struct app *app);
/* Advances the spinner and starts the periodic refresh when due. */
void refresh_tick(struct app *app);
/* Stops a running worker (SIGTERM, then reaped) and frees the state. */
void refresh_free(struct app *app);

/* The worker's side (cmd_dashboard.c runs it when BILLTOP_WORKER is set):
 * the job it reads from stdin. */
struct worker_job {
	char token[4096];
	int has_action;
	struct source_action act;
};
/* Reads the job from f.  0, or -1 when it is malformed. */
int worker_job_read(FILE *f, struct worker_job *job);
/* Writes one record to f ("type length\n" payload).  0 or -1. */
int worker_record(FILE *f, const char *type, const char *payload, size_t len);
/* A result record's payload: ok, HTTP status, network failure, API code,
 * role (403) and message, as key=value lines into buf. */
int worker_result_format(char *buf, size_t n, int ok, int status, int net,
                         const char *code, const char *role, const char *message);

#endif
