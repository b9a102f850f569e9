/* cmd_invoice.c: `billtop invoice download ID [-o FILE|DIR] [--force]`.
 *
 * ID is an invoice id or number.  Without -o the PDF goes to the download
 * directory under a safe name built from the number, never overwriting
 * (-1, -2, ... suffixes).  -o DIR saves into DIR the same way; -o FILE saves
 * exactly there and refuses an existing file unless --force, which replaces
 * it atomically.  The path saved to is printed on stdout; progress goes to
 * stderr when it is a terminal.  Interrupted (SIGINT, SIGTERM, SIGHUP), it
 * removes its temporary file and leaves nothing under the final name.
 */
#include <config.h>

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "client/client.h"
#include "client/download.h"
#include "client/source.h"
#include "core/i18n.h"
#include "core/stop_signals.h"
#include "core/util.h"

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

struct progress {
	int tty;
	const char *name;
	char buf[128];
};

/* The invoice is known: its number names the progress line. */
static void
on_found(void *arg, const char *id, const char *number)
{
	struct progress *p = arg;

	(void)id;
	download_file_name(number, p->buf, sizeof p->buf);
	p->name = p->buf;
}

static int
show_progress(void *arg, int64_t done, int64_t total)
{
	struct progress *p = arg;

	if (got_signal)
		return 1;
	if (!p->tty)
		return 0;
	if (total > 0)
		fprintf(stderr, "\r%s  %3d%%  %lld / %lld kB ", p->name, (int)(done * 100 / total),
		        (long long)((done + 1023) / 1024), (long long)((total + 1023) / 1024));
	else if (done > 0)
		fprintf(stderr, "\r%s  %lld kB ", p->name, (long long)((done + 1023) / 1024));
	return 0;
}

static void
usage(FILE *out)
{
	fputs(_("Usage: billtop invoice download ID [-o FILE|DIR] [--force]\n"
	        "Saves an invoice's PDF.  ID is the invoice's id or number.\n\n"
	        "  -o, --output FILE|DIR  save to FILE exactly, or into DIR (default: the\n"
	        "                         download directory: $XDG_DOWNLOAD_DIR, ~/Downloads\n"
	        "                         or billtop's cache folder)\n"
	        "      --force            with -o FILE: replace FILE if it exists\n"
	        "  -q, --quiet            no progress on stderr\n"
	        "  -h, --help             show this help and exit\n\n"
	        "Without -o FILE an existing file is never replaced: the new one is saved\n"
	        "as NAME-1.pdf, NAME-2.pdf, ...  The saved file's path is printed.\n"), out);
}

static int
download(struct cli_opts *opts, const char *id, const char *out_opt, int force, int quiet)
{
	struct client *cl = NULL;
	struct client_err err;
	struct source_action a;
	struct source_action_result res;
	const struct source_ops *src;
	struct progress prog;
	int rc = EXIT_FAILURE_GENERIC;

	client_err_clear(&err);
	if (opts->offline) {
		fprintf(stderr, _("billtop: %s\n"), _("downloading an invoice needs the server; drop --offline"));
		return EXIT_USAGE;
	}
	/* config, URL policy, token and TLS exactly as for `billtop sync`; no cache */
	if (client_open(opts, CLIENT_NET | CLIENT_NO_CACHE, &cl, &err) != 0)
		goto fail;
	catch_stop_signals(on_signal);
	src = client_source(cl);
	if (!source_can(src, SA_INVOICE_PDF)) {
		char words[512];

		source_not_offered(src, SRC_CAP_INVOICES, words, sizeof words);
		fprintf(stderr, _("billtop: %s\n"), words);
		rc = EXIT_NOT_OFFERED;
		goto out;
	}
	memset(&a, 0, sizeof a);
	a.kind = SA_INVOICE_PDF;
	if (strlen(id) >= sizeof a.invoice) {
		client_err_set(&err, CERR_USAGE, "%s", _("the invoice id is too long"));
		goto fail;
	}
	str_copy(a.invoice, sizeof a.invoice, id);
	a.out_opt = out_opt;
	a.force = force;
	a.progress = show_progress;
	a.progress_arg = &prog;
	a.found = on_found;
	prog.tty = !quiet && isatty(STDERR_FILENO);
	prog.name = id;
	if (src->act(cl->net, &a, &res, &err) != 0) {
		if (prog.tty && res.invoice_id[0])
			fputs("\n", stderr);
		goto fail;
	}
	if (prog.tty)
		fputs("\n", stderr);
	printf("%s\n", res.path);
	rc = EXIT_OK;
	goto out;
fail:
	if (err.kind == CERR_CANCELED || got_signal) {
		fprintf(stderr, _("billtop: %s\n"), _("interrupted; nothing was saved"));
	} else {
		fprintf(stderr, _("billtop: %s\n"), err.message[0] ? err.message : _("the download failed"));
		rc = client_err_exit_code(&err);
		if (rc == EXIT_OK)
			rc = EXIT_FAILURE_GENERIC;
	}
out:
	client_close(cl);
	if (got_signal) {
		/* Die of the signal, as the shell expects, now that nothing is left behind. */
		signal((int)got_signal, SIG_DFL);
		raise((int)got_signal);
	}
	return rc;
}

int
cmd_invoice(struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	const char *out_opt = NULL;
	int c, force = 0, quiet = 0;

	/* 0, not 1: glibc then re-reads the ordering, so options may follow ID. */
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': out_opt = optarg; break;
		case 'f': force = 1; break;
		case 'q': quiet = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default:
			if (cli_common_option(opts, c, optarg))
				break;
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind + 2 != argc || strcmp(argv[optind], "download") != 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (argv[optind + 1][0] == '\0') {
		fprintf(stderr, _("billtop: %s\n"), _("the invoice ID is empty"));
		return EXIT_USAGE;
	}
	if (force && out_opt == NULL) {
		fprintf(stderr, _("billtop: %s\n"), _("--force needs -o FILE; without it nothing is ever replaced"));
		return EXIT_USAGE;
	}
	return download(opts, argv[optind + 1], out_opt, force, quiet);
}
