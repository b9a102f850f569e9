/* cmd_dashboard.c: billtop with no command opens the dashboard; with --demo
 * the demo; with BILLTOP_WORKER=1 in the environment it is the dashboard's
 * background worker (src/ui/refresh.h), never started by hand. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/dashboard.h"
#include "cli/demo.h"
#include "client/cache.h"
#include "client/client.h"
#include "client/config.h"
#include "client/error.h"
#include "client/net.h"
#include "client/source.h"
#include "client/sync.h"
#include "core/i18n.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/refresh.h"
#include "ui/tui.h"

/* ---- the worker ---- */

struct progress_ctx {
	FILE *out;
};

static int
on_progress(void *arg, const char *resource, int pages, int64_t items)
{
	struct progress_ctx *p = arg;
	char buf[128];
	int k = snprintf(buf, sizeof buf, "%s %d %lld", resource, pages, (long long)items);

	worker_record(p->out, "progress", buf, k > 0 ? (size_t)k : 0);
	return 0;
}

static void
report(FILE *out, const char *type, const struct client_err *err)
{
	char buf[1024];
	int k;

	k = worker_result_format(buf, sizeof buf, err->kind == CERR_NONE, err->http_status,
	                         err->kind == CERR_NETWORK, err->code, err->role, err->message);
	if (k > 0)
		worker_record(out, type, buf, (size_t)k);
}

static int
worker_main(struct cli_opts *opts)
{
	struct worker_job job;
	struct client *cl = NULL;
	struct client_err err;
	struct source_action_result res;
	const struct source_ops *src;
	struct sync_opts so;
	struct sync_report rep;
	struct progress_ctx pc = { stdout };
	const char *first = "sync";
	int rc = EXIT_FAILURE_GENERIC;

	if (worker_job_read(stdin, &job) != 0)
		return EXIT_USAGE;
	if (job.has_action)
		first = "action";
	/* Resolved exactly like `billtop sync`, with the dashboard's token (so
	 * a token_command is not run again for every refresh). */
	if (client_open(opts, 0, &cl, &err) != 0) {
		report(stdout, first, &err);
		goto out;
	}
	if (job.token[0] && config_set_token(&cl->cfg, job.token) != 0) {
		client_err_set(&err, CERR_USAGE, "%s", _("out of memory"));
		report(stdout, first, &err);
		goto out;
	}
	if (client_net(cl, &err) != 0) {
		report(stdout, first, &err);
		goto out;
	}
	src = client_source(cl);
	if (job.has_action) {
		char buf[1024];
		int k;

		client_err_clear(&err);
		if (!source_can(src, job.act.kind)) {
			client_err_set(&err, CERR_USAGE, _("%s cannot do this"), src->display);
			report(stdout, "action", &err);
			goto out;
		}
		if (src->act(cl->net, &job.act, &res, &err) != 0) {
			report(stdout, "action", &err);
			goto out;   /* nothing changed on the server: no refresh */
		}
		report(stdout, "action", &err);
		k = source_action_result_format(&res, buf, sizeof buf);
		if (k > 0)
			worker_record(stdout, "result", buf, (size_t)k);
	}
	memset(&so, 0, sizeof so);
	/* The dashboard's clock, so a fixed BILLTOP_NOW (tests, goldens) and
	 * the synced usage windows agree. */
	if (getenv("BILLTOP_NOW"))
		so.now = app_clock();
	so.progress = on_progress;
	so.progress_arg = &pc;
	memset(&rep, 0, sizeof rep);
	if (sync_run(src, cl->net, cl->cache, &so, &rep) != 0) {
		report(stdout, "sync", &rep.err);
		goto out;
	}
	client_err_clear(&err);
	report(stdout, "sync", &err);
	rc = EXIT_OK;
out:
	explicit_bzero(job.token, sizeof job.token);
	client_close(cl);
	return rc;
}

/* ---- the dashboard ---- */

int
dashboard_run(struct cli_opts *opts)
{
	struct client *cl = NULL;
	struct client_err err;
	struct app app;
	struct timespec t0;
	int rc = EXIT_OK;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (client_open(opts, 0, &cl, &err) != 0) {
		fprintf(stderr, "billtop: %s\n", err.message);
		return client_err_exit_code(&err);
	}
	app_init(&app, cl->cache, 0);
	app.source = client_source(cl);
	app.started_us = (int64_t)t0.tv_sec * 1000000 + t0.tv_nsec / 1000;
	str_copy(app.url, sizeof app.url, cl->cfg.url);
	str_copy(app.cache_path, sizeof app.cache_path, cl->cache_path);
	app.profile = opts->profile;
	app.offline = opts->offline;
	app.insecure = opts->insecure;
	app.allow_http = cl->cfg.allow_http;
	str_copy(app.theme, sizeof app.theme, cl->cfg.theme);
	app.refresh_every = cl->cfg.refresh;
	app.budget = cl->cfg.budget;
	memcpy(app.budget_currency, cl->cfg.budget_currency, sizeof app.budget_currency);
	app.anomaly_factor = cl->cfg.anomaly_factor;
	if (cl->cache_note)
		str_copy(app.notice, sizeof app.notice, cl->cache_note);
	/* The URL and the token now (a token_command runs once per session);
	 * without them the cache is still worth showing: the status line says
	 * what is missing and no worker is started. */
	if (!app.offline) {
		if (client_net(cl, &err) != 0) {
			str_copy(app.last_error, sizeof app.last_error, err.message);
			app.refresh_off = 1;
		} else {
			app.token = cl->cfg.token;
		}
	}
	if (tui_run(&app) != 0)
		rc = EXIT_FAILURE_GENERIC;
	app_free(&app);
	client_close(cl);
	return rc;
}

int
cmd_dashboard(struct cli_opts *opts, const char *demo)
{
	const char *w = getenv("BILLTOP_WORKER");

	if (w && strcmp(w, "1") == 0)
		return worker_main(opts);
	if (demo)
		return demo_run(opts, demo, dashboard_run);
	return dashboard_run(opts);
}
