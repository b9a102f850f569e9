/* cli.h: the billtop subcommands and the options every command shares. */
#ifndef BILLTOP_CLI_H
#define BILLTOP_CLI_H

/* Exit codes, documented in --help, the README and billtop(1). */
enum exit_code {
	EXIT_OK = 0,
	EXIT_FAILURE_GENERIC = 1,  /* unexpected failure */
	EXIT_USAGE = 2,            /* bad command line or config; an id, plan or amount the
	                            * server does not know or take (404, 422) */
	EXIT_AUTH = 3,             /* token missing, refused (401) or role may not see billing (403) */
	EXIT_NETWORK = 4,          /* server unreachable, timeout, TLS failure */
	EXIT_SERVER = 5,           /* server answered with an error (5xx, 429 after retries,
	                            * another 4xx) */
	EXIT_BAD_DATA = 6,         /* server answered with data that failed validation */
	EXIT_CACHE = 7,            /* local cache unusable */
	EXIT_NOT_OFFERED = 8,      /* the source does not offer that tab or action (print, invoice) */
	EXIT_THRESHOLD = 10        /* billtop check: a threshold was crossed */
};

/* Options shared by every command. Strings point into argv or are static. */
struct cli_opts {
	const char *url;       /* --url */
	const char *profile;   /* --profile */
	const char *cache;     /* --cache FILE */
	int offline;           /* --offline */
	int insecure;          /* --insecure: TLS verification off, and said so */
	const char *source;    /* --source billtop|openai|anthropic */
};

/* Long options every command accepts, before or after its name.  Commands
 * add CLI_COMMON_LONGOPTS to their own option table and pass unknown option
 * characters to cli_common_option(). */
#define CLI_OPT_URL      0x100
#define CLI_OPT_PROFILE  0x101
#define CLI_OPT_CACHE    0x102
#define CLI_OPT_OFFLINE  0x103
#define CLI_OPT_INSECURE 0x104
#define CLI_OPT_SOURCE   0x105
#define CLI_COMMON_LONGOPTS \
	{ "url", required_argument, NULL, CLI_OPT_URL }, \
	{ "profile", required_argument, NULL, CLI_OPT_PROFILE }, \
	{ "cache", required_argument, NULL, CLI_OPT_CACHE }, \
	{ "offline", no_argument, NULL, CLI_OPT_OFFLINE }, \
	{ "insecure", no_argument, NULL, CLI_OPT_INSECURE }, \
	{ "source", required_argument, NULL, CLI_OPT_SOURCE }

/* Applies a common option; returns 1 if c was one, 0 otherwise. */
int cli_common_option(struct cli_opts *o, int c, const char *arg);
/* Flushes stdout; if anything written to it was lost (ENOSPC, EPIPE), says so
 * on stderr and returns a failure code (rc, or 1 if rc was a success). */
int cli_finish_stdout(int rc);

/* A subcommand: argv[0] is its name; it parses the rest itself (getopt_long
 * with optind reset to 1) and returns an enum exit_code. */
struct command {
	const char *name;
	int (*run)(struct cli_opts *opts, int argc, char **argv);
	const char *summary;   /* untranslated; shown through _() in --help */
};

/* The dashboard (no command).  demo is NULL or the --demo variant. */
int cmd_dashboard(struct cli_opts *opts, const char *demo);
/* billtop print TAB: a tab without curses (cmd_print.c). */
int cmd_print(struct cli_opts *opts, int argc, char **argv);

/* `billtop sync`: refresh the cache from the billing API (cmd_sync.c). */
int cmd_sync(struct cli_opts *opts, int argc, char **argv);
/* `billtop check`: thresholds for cron and monitoring (cmd_check.c). */
int cmd_check(struct cli_opts *opts, int argc, char **argv);
/* `billtop invoice download ID [-o FILE|DIR] [--force]` (cmd_invoice.c). */
int cmd_invoice(struct cli_opts *opts, int argc, char **argv);

#endif
