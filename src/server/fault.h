/* fault.h: --fault injection (delays, error statuses, dropped connections, hostile bodies). */
#ifndef BILLTOPD_FAULT_H
#define BILLTOPD_FAULT_H

#include <stddef.h>

#include "server/srv.h"

enum fault_kind {
	FAULT_DELAY,
	FAULT_500,
	FAULT_503,
	FAULT_429,
	FAULT_DROP,
	FAULT_MALFORMED,
	FAULT_WRONGTYPE,
	FAULT_ESCAPE,
	FAULT_HUGE,
	FAULT_ECHOAUTH,         /* an error answer (arg: status) that quotes the Authorization header */
	FAULT_LONGERROR,        /* an error answer (arg: status) with a 6000-byte message */
	FAULT_NUL,              /* a NUL byte between two JSON tokens */
	FAULT_UTF16             /* the JSON as UTF-16LE without a byte-order mark */
};

struct fault {
	char *prefix;           /* owned; "*" matches every path */
	enum fault_kind kind;
	long arg;               /* delay ms, Retry-After seconds */
	long remaining;         /* requests left to hit; -1 for all */
};

/* Parses PATH=KIND[:ARG][*N]; 0, or -1 with a message on stderr. */
int fault_parse(const char *spec, struct fault *f);

/* What the faults matching one request ask for. */
struct fault_hits {
	long delay_ms;          /* 0 for none */
	int status;             /* 500, 503, 429, or 0 */
	long retry_after;       /* for 429/503 */
	int drop;               /* close the connection mid-body */
	int echo_auth;          /* FAULT_ECHOAUTH: the status to answer with, or 0 */
	int long_error;         /* FAULT_LONGERROR: the status to answer with, or 0 */
	unsigned body;          /* bit (1 << kind) for MALFORMED, WRONGTYPE, ESCAPE, HUGE, NUL, UTF16 */
};

/* Counts the request against every fault matching path and reports what to do. */
void fault_match(struct srv *s, const char *path, struct fault_hits *h);

/*
 * Rewrites a JSON body as the body faults ask: *body (malloc'd) may be
 * replaced.  Bodies that are not JSON are left alone.  0 or -1.
 */
int fault_rewrite(unsigned kinds, char **body, size_t *len);

#endif
