/* cmd_sync.c: `billtop sync` refreshes the local cache from the billing API
 * and says, one line per resource, what happened. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/sync_progress.h"
#include "client/client.h"
#include "client/sync.h"
#include "client/sync_refused.h"
#include "core/credits.h"
#include "core/i18n.h"
#include "ui/app.h"
#include "core/timeutil.h"

static void
usage(FILE *out)
{
	fputs(_("Usage: billtop sync [OPTION]...\n"
	        "Refresh the local cache from the billing API: every resource, in one\n"
	        "transaction, asking only for what changed.  A refresh that fails keeps\n"
	        "the previous snapshot whole.\n\n"
	        "  -q, --quiet           print nothing but errors\n"
	        "      --url URL         billing API base URL (overrides the config)\n"
	        "      --profile NAME    use the [profile NAME] section of the config\n"
	        "      --cache FILE      use FILE as the local cache\n"
	        "      --insecure        do not verify TLS certificates\n"
	        "  -h, --help            show this help and exit\n\n"
	        "Exit status: 0 refreshed; 2 bad command line or configuration (also\n"
	        "--offline, which leaves nothing to do); 3 token refused or role cannot\n"
	        "see billing; 4 network; 5 server error; 6 bad data; 7 cache unusable.\n"),
	      out);
}

static const char *
count_items(int64_t n, char *buf, size_t size)
{
	char num[32];

	if (credits_format(num, sizeof num, n) < 0)
		snprintf(num, sizeof num, "%lld", (long long)n);
	snprintf(buf, size, P_("%s item", "%s items", (unsigned long)n), num);
	return buf;
}

static void
print_line(const struct sync_report *rep, const struct sync_result *r)
{
	char items[64];

	if (!r->resource)
		return;    /* a source with fewer resources */
	switch (r->outcome) {
	case SYNC_FETCHED:
		count_items(r->items, items, sizeof items);
		if (r->windows)
			printf(P_("%s: fetched (%d of %d month changed, %s)",
			          "%s: fetched (%d of %d months changed, %s)", (unsigned long)r->windows),
			       r->resource, r->windows_fetched, r->windows, items);
		else
			printf(_("%s: fetched (%s)"), r->resource, items);
		if (!rep->committed)
			fputs(_(", not saved"), stdout);
		if (r->refused) {
			char words[512];

			/* which item was left out and why: the rest is stored */
			sync_refused_words(r, words, sizeof words);
			printf("; %s", words);
		}
		putchar('\n');
		break;
	case SYNC_UNCHANGED:
		if (r->windows)
			printf(P_("%s: unchanged (%d month)\n", "%s: unchanged (%d months)\n",
			          (unsigned long)r->windows), r->resource, r->windows);
		else
			printf(_("%s: unchanged\n"), r->resource);
		break;
	case SYNC_FAILED:
		printf(_("%s: failed: %s\n"), r->resource, rep->err.message);
		break;
	case SYNC_NOT_REACHED:
		if (rep->failed)
			printf(_("%s: skipped\n"), r->resource);
		break;
	}
}

/* Another refresh holds the cache: say why nothing seems to happen. */
static void
waiting(void *arg, const char *path)
{
	sync_progress_end(arg);
	fprintf(stderr, _("billtop sync: waiting for another refresh of %s...\n"), path);
}

int
cmd_sync(struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct client *cl = NULL;
	struct client_err err;
	struct sync_report rep;
	struct sync_opts so;
	struct sync_progress prog;
	char when[64];
	int64_t before;
	int c, i, quiet = 0, rc;

	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default:
			if (cli_common_option(opts, c, optarg))
				break;
			fputs(_("Try 'billtop sync --help' for more information.\n"), stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("billtop sync: unexpected argument '%s'\n"), argv[optind]);
		return EXIT_USAGE;
	}
	if (opts->offline) {
		fputs(_("billtop sync: --offline leaves nothing to do: a refresh needs the "
		        "network (the cache is untouched)\n"), stderr);
		return EXIT_USAGE;
	}
	if (client_open(opts, CLIENT_NET, &cl, &err) < 0) {
		fprintf(stderr, "billtop sync: %s\n", err.message);
		return client_err_exit_code(&err);
	}
	if (cl->cache_note)
		fprintf(stderr, "billtop sync: %s\n", cl->cache_note);
	if (net_insecure(cl->net))
		fputs(_("billtop sync: warning: TLS certificates are not verified (--insecure)\n"),
		      stderr);
	before = cache_synced_at(cl->cache);
	memset(&so, 0, sizeof so);
	/* a fixed BILLTOP_NOW (tests) is the refresh's "today" too */
	if (getenv("BILLTOP_NOW"))
		so.now = app_clock();
	if (!quiet)
		so.waiting = waiting;
	sync_progress_init(&prog, stderr, quiet);
	so.progress = sync_progress_cb;
	so.progress_arg = &prog;
	rc = sync_run(client_source(cl), cl->net, cl->cache, &so, &rep);
	sync_progress_end(&prog);
	if (rep.note)
		fprintf(stderr, "billtop sync: %s\n", rep.note);
	if (!quiet || rc < 0)
		for (i = 0; i < rep.nres; i++)
			print_line(&rep, &rep.res[i]);
	fflush(stdout);     /* the resource lines first, then the summary */
	if (rc < 0) {
		if (before == M_NONE)
			fprintf(stderr, _("billtop sync: the refresh failed at %s; the cache is "
			                  "still empty\n"), rep.failed ? rep.failed : _("the start"));
		else {
			if (time_format_datetime(before, when, sizeof when) < 0)
				snprintf(when, sizeof when, "?");
			fprintf(stderr, _("billtop sync: the refresh failed at %s; the cache keeps "
			                  "the snapshot of %s\n"),
			        rep.failed ? rep.failed : _("the start"), when);
		}
		if (!rep.failed)
			fprintf(stderr, "billtop sync: %s\n", rep.err.message);
		rc = client_err_exit_code(&rep.err);
	} else {
		rc = EXIT_OK;
	}
	client_close(cl);
	return rc;
}
