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

#include "client/source.h"
#include "cli/check.h"
#include "cli/cli.h"
#include "client/client.h"
#include "client/spend_figures.h"
#include "client/sync.h"
#include "core/i18n.h"
#include "core/money.h"
#include "ui/app.h"
#include "ui/model_common.h"

#define OPT_CREDITS 0x200
#define OPT_DAYS 0x201
#define OPT_SPEND 0x202
#define OPT_PROJECTED 0x203

static void
usage(FILE *out)
{
	fprintf(out, _("Usage: %s check [--credits-below N] [--days-left-below N] [--spend-above AMOUNT] "
	               "[--projected-above AMOUNT] [--offline]\n"), PACKAGE);
	fputs(_("Refreshes the cache, then exits 10 with one line per threshold crossed, or 0 when all are fine.\n"
	        "  --credits-below N      the credit balance is below N\n"
	        "  --days-left-below N    fewer than N days until the trial ends or the credits run out\n"
	        "                         (at the burn rate of the last 7 complete days), whichever is first\n"
	        "  --spend-above AMOUNT   this period's spend so far (plan price and overage, before tax)\n"
	        "                         is above AMOUNT, in the account's currency (e.g. 250.00)\n"
	        "  --projected-above AMOUNT  the projection of this period's spend at its end (before tax)\n"
	        "                         is above AMOUNT\n"
	        "For the openai and anthropic sources the period is the calendar month (UTC) and only\n"
	        "--spend-above and --projected-above are offered.\n"
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

/* An exact amount in currency (>= 0) for an option; 0 or -1 (said). */
static int
parse_amount(const char *opt, const char *arg, const char *currency, int64_t *out)
{
	enum money_err me = money_parse(arg, currency, out);

	if (me == MONEY_OK && *out < 0)
		me = MONEY_ERR_RANGE;
	if (me == MONEY_OK)
		return 0;
	fprintf(stderr, _("billtop check: %s '%s' is not an amount in %s: %s\n"), opt, arg, currency,
	        money_strerror(me));
	return -1;
}

/* Refreshes the cache unless --offline; an exit code. */
static int
refresh(struct client *cl)
{
	struct sync_opts so;
	struct sync_report rep;

	memset(&so, 0, sizeof so);
	/* a fixed BILLTOP_NOW (tests) is the refresh's "today" too */
	if (getenv("BILLTOP_NOW"))
		so.now = app_clock();
	memset(&rep, 0, sizeof rep);
	if (sync_run(client_source(cl), cl->net, cl->cache, &so, &rep) == 0)
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
		{ "projected-above", required_argument, NULL, OPT_PROJECTED },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct check_limits lim = { M_NONE, M_NONE, M_NONE, M_NONE };
	const char *spend = NULL, *projected = NULL, *currency;
	struct spend_figures sf;
	int is_spend;
	struct client *cl = NULL;
	struct client_err cerr;
	struct billing_ctx ctx;
	struct check_result res;
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
		case OPT_PROJECTED:
			projected = optarg;
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
	if (lim.credits_below == M_NONE && lim.days_below == M_NONE && spend == NULL && projected == NULL) {
		fputs(_("billtop check: give at least one threshold (--credits-below, --days-left-below, "
		        "--spend-above, --projected-above)\n"), stderr);
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
	is_spend = (client_source(cl)->caps & SRC_CAP_SPEND) != 0;
	if (is_spend && (lim.credits_below != M_NONE || lim.days_below != M_NONE)) {
		fprintf(stderr, _("billtop check: the %s source has no credits: only --spend-above and "
		                  "--projected-above are offered\n"), client_source(cl)->name);
		rc = EXIT_USAGE;
		goto out;
	}
	if (is_spend ? spend_figures_load(cl->cache, app_clock(), cl->cfg.budget, cl->cfg.budget_currency,
	                                  &sf, err, sizeof err) < 0
	             : billing_ctx_load(cl->cache, app_clock(), &ctx, err, sizeof err) < 0) {
		fprintf(stderr, "billtop check: %s\n", err);
		rc = EXIT_CACHE;
		goto out;
	}
	/* The amounts are exact in the account's currency, known only now. */
	currency = is_spend ? sf.org.currency : ctx.acct.currency;
	if ((spend && parse_amount("--spend-above", spend, currency, &lim.spend_above) < 0) ||
	    (projected && parse_amount("--projected-above", projected, currency, &lim.projected_above) < 0)) {
		rc = EXIT_USAGE;
		goto out;
	}
	if (projected && (is_spend ? sf.fc_err : ctx.fc_err) != FORECAST_OK)
		fputs(_("billtop check: no projection yet (fewer than 3 complete days of data)\n"), stderr);
	if (is_spend) {
		check_evaluate_spend(&sf, &lim, &res);
	} else {
		if (lim.days_below != M_NONE && ctx.burn_err != FORECAST_OK && ctx.acct.status != ACCT_TRIALING &&
		    ctx.credits.balance > 0)
			fputs(_("billtop check: no run-out forecast yet (fewer than 3 complete days of usage)\n"), stderr);
		check_evaluate(&ctx, &lim, &res);
	}
	for (i = 0; i < res.n; i++)
		printf("%s\n", res.reasons[i]);
	rc = res.n > 0 ? EXIT_THRESHOLD : EXIT_OK;
	if (fflush(stdout) != 0)
		rc = EXIT_FAILURE_GENERIC;
out:
	client_close(cl);
	return rc;
}
