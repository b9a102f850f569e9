/* args.h: billtopd's command line. */
#ifndef BILLTOPD_ARGS_H
#define BILLTOPD_ARGS_H

#include <stdint.h>

#include "server/seed.h"
#include "server/srv.h"

struct options {
	char listen_addr[64];     /* numeric address */
	int listen_port;          /* 0: any free port (printed) */
	const char *db_path;      /* NULL: a temporary file removed at exit */
	const char *seed;         /* "demo", "large" or "random" */
	unsigned long long random_seed; /* --seed random=N */
	const char *variant;      /* demo variant: active, trial, past-due, exhausted, paused */
	long scale;               /* days of usage for the large seed */
	int64_t now;              /* --now, or -1 */
	struct seed_spike spike;  /* --spike; meter "" for none */
};

enum args_result { ARGS_RUN, ARGS_EXIT_OK, ARGS_EXIT_USAGE };

/*
 * Parses argv into o and the tokens and faults of s (owned by s afterwards).
 * ARGS_EXIT_OK after --help/--version; ARGS_EXIT_USAGE after printing why.
 */
enum args_result args_parse(int argc, char **argv, struct options *o, struct srv *s);

#endif
