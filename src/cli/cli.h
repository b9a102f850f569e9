/* cli.h: the billtop subcommands and the options every command shares. */
#ifndef BILLTOP_CLI_H
#define BILLTOP_CLI_H

/* Exit codes, documented in --help, the README and billtop(1). */
enum exit_code {
	EXIT_OK = 0,
	EXIT_FAILURE_GENERIC = 1,  /* unexpected failure */
	EXIT_USAGE = 2,            /* bad command line or config */
	EXIT_AUTH = 3,             /* token missing, refused (401) or role may not see billing (403) */
	EXIT_NETWORK = 4,          /* server unreachable, timeout, TLS failure */
	EXIT_SERVER = 5,           /* server answered with an error (5xx, 429 after retries, other 4xx) */
	EXIT_BAD_DATA = 6,         /* server answered with data that failed validation */
	EXIT_CACHE = 7,            /* local cache unusable */
	EXIT_THRESHOLD = 10        /* billtop check: a threshold was crossed */
};

/* Options shared by every command. Strings point into argv or are static. */
struct cli_opts {
	const char *url;       /* --url */
	const char *profile;   /* --profile */
	const char *cache;     /* --cache FILE */
	int offline;           /* --offline */
	int insecure;          /* --insecure: TLS verification off, and said so */
};

#endif
