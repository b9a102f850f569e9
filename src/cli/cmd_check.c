/* cmd_check.c: `billtop check` for cron and monitoring.
 *
 *   billtop check [--credits-below N] [--days-left-below N] [--spend-above AMOUNT]
 *                 [--offline] [--url URL] [--profile NAME] [--cache FILE]
 *
 * Refreshes the cache first (one sync, like `billtop sync`), then compares
 * the thresholds (src/cli/check.h says exactly what each one measures).
 * Exit 0 and no output when every threshold is fine; EXIT_THRESHOLD (10)
 * with one line per crossed threshold on stdout ("credits below 5,000:
 * 3,120 left").  A refresh that fails is not a pass: the command exits with
 * the refresh's code (3 auth, 4 network, 5 server, 6 bad data) and says so,
 * because a monitor must not report "fine" on stale data.  --offline skips
 * the refresh and judges the cache as it is.  A bad number or amount is a
 * usage error (2) naming the option.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"
#include "cli/cli.h"
#include "client/client.h"
#include "client/sync.h"
#include "core/i18n.h"
#include "core/money.h"
#include "ui/app.h"
#include "ui/model_common.h"

#define OPT_CREDITS 0x200
#define OPT_DAYS 0x201
#define OPT_SPEND 0x202

static void
usage(FILE *out)
{
	fprintf(out, _("Usage: %s check [--credits-below N] [--days-left-below N] [--spend-above AMOUNT] "
	               "[--offline]\n"), PACKAGE);
	fputs(_("Refreshes the cache, then exits 10 with one line per threshold crossed, or 0 when all are fine.\n"
	        "  --credits-below N      the credit balance is below N\n"
	        "  --days-left-below N    fewer than N days until the trial ends or the credits run out\n"
	        "                         (at the burn rate of the last 7 complete days), whichever is first\n"
	        "  --spend-above AMOUNT   this period's spend so far (plan price and overage, before tax)\n"
	        "                         is above AMOUNT, in the account's currency (e.g. 250.00)\n"
	        "  --offline              judge the cache as it is; do not refresh it first\n"), out);
}

static int
parse_count(const char *opt, const char *arg, int64_t *out)
{
	if (check_parse_count(arg, out) == 0)
		return 0;
	fprintf(stderr, _("billtop check: %s needs a whole number, not '%s'\n"), opt, arg);
	return -1;
}

/* Refreshes the cache unless --offline; an exit code. */
static int
refresh(struct client *cl)
{
	struct sync_opts so;
	struct sync_report rep;

	memset(&so, 0, sizeof so);
	so.source = cl->cfg.source;
	/* a fixed BILLTOP_NOW (tests) is the refresh's "today" too */
	if (getenv("BILLTOP_NOW"))
		so.now = app_clock();
	memset(&rep, 0, sizeof rep);
	if (sync_run(cl->net, cl->cache, &so, &rep) == 0)
		return EXIT_OK;
	fprintf(stderr, _("billtop check: could not refresh the cache, so nothing was checked: %s\n"), rep.err.message);
	return client_err_exit_code(&rep.err);
}

int
cmd_check(struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "credits-below", required_argument, NULL, OPT_CREDITS },
		{ "days-left-below", required_argument, NULL, OPT_DAYS },
		{ "spend-above", required_argument, NULL, OPT_SPEND },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct check_limits lim = { M_NONE, M_NONE, M_NONE };
	const char *spend = NULL;
	struct client *cl = NULL;
	struct client_err cerr;
	struct billing_ctx ctx;
	struct check_result res;
	enum money_err me;
	char err[512];
	int c, i, rc;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_CREDITS:
			if (parse_count("--credits-below", optarg, &lim.credits_below) < 0)
				return EXIT_USAGE;
			break;
		case OPT_DAYS:
			if (parse_count("--days-left-below", optarg, &lim.days_below) < 0)
				return EXIT_USAGE;
			break;
		case OPT_SPEND:
			spend = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			if (cli_common_option(opts, c, optarg))
				break;
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("billtop check: unexpected argument '%s'\n"), argv[optind]);
		return EXIT_USAGE;
	}
	if (lim.credits_below == M_NONE && lim.days_below == M_NONE && spend == NULL) {
		fputs(_("billtop check: give at least one threshold (--credits-below, --days-left-below, "
		        "--spend-above)\n"), stderr);
		return EXIT_USAGE;
	}

	if (client_open(opts, opts->offline ? 0 : CLIENT_NET, &cl, &cerr) < 0) {
		fprintf(stderr, "billtop: %s\n", cerr.message);
		return client_err_exit_code(&cerr);
	}
	if (cl->cache_note)
		fprintf(stderr, "billtop: %s\n", cl->cache_note);
	if (!opts->offline && (rc = refresh(cl)) != EXIT_OK)
		goto out;
	if (billing_ctx_load(cl->cache, app_clock(), &ctx, err, sizeof err) < 0) {
		fprintf(stderr, "billtop check: %s\n", err);
		rc = EXIT_CACHE;
		goto out;
	}
	/* The amount is exact in the account's currency, known only now. */
	if (spend != NULL) {
		me = money_parse(spend, ctx.acct.currency, &lim.spend_above);
		if (me == MONEY_OK && lim.spend_above < 0)
			me = MONEY_ERR_RANGE;
		if (me != MONEY_OK) {
			fprintf(stderr, _("billtop check: --spend-above '%s' is not an amount in %s: %s\n"), spend,
			        ctx.acct.currency, money_strerror(me));
			rc = EXIT_USAGE;
			goto out;
		}
	}
	if (lim.days_below != M_NONE && ctx.burn_err != FORECAST_OK && ctx.acct.status != ACCT_TRIALING &&
	    ctx.credits.balance > 0)
		fputs(_("billtop check: no run-out forecast yet (fewer than 3 complete days of usage)\n"), stderr);
	check_evaluate(&ctx, &lim, &res);
	for (i = 0; i < res.n; i++)
		printf("%s\n", res.reasons[i]);
	rc = res.n > 0 ? EXIT_THRESHOLD : EXIT_OK;
	if (fflush(stdout) != 0)
		rc = EXIT_FAILURE_GENERIC;
out:
	client_close(cl);
	return rc;
}
