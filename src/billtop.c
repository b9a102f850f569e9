/* billtop.c: entry point; global options, then one subcommand or the dashboard. */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/about.h"
#include "core/i18n.h"

/* Subcommands; each lives in src/cli/cmd_NAME.c.  Keep one line per entry. */
static const struct command commands[] = {
	{ "sync", cmd_sync, N_("refresh the local cache from the billing API") },
	{ "print", cmd_print, N_("print a tab from the cache as text or JSON: print TAB (see print --help)") },
	{ "check", cmd_check, N_("exit 10 when a threshold is crossed: check --credits-below N --days-left-below N --spend-above AMOUNT") },
	{ "invoice", cmd_invoice, N_("download an invoice's PDF: invoice download ID [-o FILE]") },
	{ NULL, NULL, NULL }
};

static void
usage(FILE *out)
{
	const struct command *cmd;

	fprintf(out, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), PACKAGE);
	fputs(_("A terminal dashboard for the billing side of a usage-based account.\n"
	        "Without a command, opens the dashboard.\n\n"), out);
	fputs(_("Options:\n"
	        "      --demo[=VARIANT]  open the dashboard on the built-in demo account\n"
	        "                        (VARIANT: active, trial, past-due, exhausted, paused,\n"
	        "                        or openai, anthropic: the demo through that source)\n"
	        "      --url URL         billing API base URL (overrides the config)\n"
	        "      --profile NAME    use the [profile NAME] section of the config\n"
	        "      --cache FILE      use FILE as the local cache\n"
	        "      --offline         use the cache alone; never touch the network\n"
	        "      --insecure        do not verify TLS certificates (shown on screen)\n"
	        "      --source NAME     the API the URL speaks: billtop, openai or anthropic\n"
	        "  -h, --help            show this help and exit\n"
	        "  -V, --version         show the version and exit\n\n"), out);
	fputs(_("Commands:\n"), out);
	for (cmd = commands; cmd->name; cmd++)
		fprintf(out, "  %-22s%s\n", cmd->name, _(cmd->summary));
	fputs("\n", out);
	fputs(_("Exit codes:\n"
	        "   0  success\n"
	        "   1  unexpected failure\n"
	        "   2  bad command line or configuration\n"
	        "   3  authentication refused or role cannot see billing\n"
	        "   4  network failure (unreachable, timeout, TLS)\n"
	        "   5  server error\n"
	        "   6  the server sent data that failed validation\n"
	        "   7  the local cache is unusable\n"
	        "   8  the source does not offer that tab or action\n"
	        "  10  billtop check: a threshold was crossed\n\n"), out);
	about_bugs(out);
}

static void
version(void)
{
	about_version(stdout, PACKAGE);
}

/* A locale the environment names but the system lacks makes setlocale() fail
 * and leaves everything in "C": say so once, in plain ASCII, never garbage. */
static void
locale_init(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LC_MESSAGES",
		"LC_NUMERIC", "LC_MONETARY", "LC_TIME", "LANG" };
	const char *bad = NULL, *v;
	size_t i;

	if (setlocale(LC_ALL, ""))
		return;
	for (i = 0; i < sizeof vars / sizeof vars[0] && !bad; i++) {
		v = getenv(vars[i]);
		if (v && *v && !setlocale(LC_ALL, v))
			bad = v;
	}
	setlocale(LC_ALL, "C");
	fprintf(stderr, _("%s: locale '%s' is not available; using C\n"), PACKAGE, bad ? bad : "?");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "demo", optional_argument, NULL, 'D' },
		CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_opts opts;
	const struct command *cmd;
	const char *demo = NULL;
	int c;

	locale_init();
#if ENABLE_NLS
	/* BILLTOP_LOCALEDIR: catalogues from a build tree (the test suites). */
	bindtextdomain(PACKAGE, getenv("BILLTOP_LOCALEDIR") && *getenv("BILLTOP_LOCALEDIR")
	               ? getenv("BILLTOP_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	memset(&opts, 0, sizeof opts);

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': demo = optarg ? optarg : "active"; break;
		case 'h': usage(stdout); return cli_finish_stdout(EXIT_OK);
		case 'V': version(); return cli_finish_stdout(EXIT_OK);
		default:
			if (cli_common_option(&opts, c, optarg))
				break;
			fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		for (cmd = commands; cmd->name; cmd++) {
			if (strcmp(cmd->name, argv[optind]) == 0) {
				argc -= optind;
				argv += optind;
				optind = 1;
				return cli_finish_stdout(cmd->run(&opts, argc, argv));
			}
		}
		fprintf(stderr, _("%s: unknown command '%s'\n"), PACKAGE, argv[optind]);
		fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
		return EXIT_USAGE;
	}
	return cmd_dashboard(&opts, demo);
}
