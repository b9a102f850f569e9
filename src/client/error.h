/* error.h: what went wrong below the screen, in categories a command maps to
 * an exit code and a view turns into plain words.
 *
 * net, decode, cache, sync and config all report through struct client_err,
 * so `billtop sync` and the dashboard's status line say the same thing.
 */
#ifndef BILLTOP_CLIENT_ERROR_H
#define BILLTOP_CLIENT_ERROR_H

enum client_err_kind {
	CERR_NONE = 0,
	CERR_USAGE,      /* bad configuration or command line */
	CERR_AUTH,       /* no token, or the server refused it (401) */
	CERR_FORBIDDEN,  /* 403: the role may not see (or change) billing; see role */
	CERR_NETWORK,    /* unreachable, timeout, connection dropped, TLS */
	CERR_SERVER,     /* 5xx, or 429 after the retries ran out */
	CERR_CLIENT,     /* any other 4xx: code and message come from the API */
	CERR_BAD_DATA,   /* the body failed validation (JSON, types, ranges) */
	CERR_CACHE,      /* the local cache is unusable */
	CERR_CANCELED    /* the caller asked to stop */
};

struct client_err {
	enum client_err_kind kind;
	int http_status;      /* 0 when no HTTP answer was involved */
	char code[64];        /* the API's error code ("plan_not_found"), or "" */
	char role[32];        /* 403: the caller's role as the API named it, or "" */
	char message[512];    /* plain words for a person; sanitised; never the token */
};

/* Clears e (kind CERR_NONE, empty strings). */
void client_err_clear(struct client_err *e);
/* Sets kind and a printf-style message; keeps http_status, code and role. */
void client_err_set(struct client_err *e, enum client_err_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prefixes the message with "prefix: " (e.g. the resource name). */
void client_err_prefix(struct client_err *e, const char *prefix);
/* The exit code of src/cli/cli.h for this error (EXIT_OK for CERR_NONE).
 * CERR_CLIENT: EXIT_USAGE for 404 and 422 (what the user named is unknown
 * or refused), EXIT_SERVER for the other 4xx. */
int client_err_exit_code(const struct client_err *e);
/* A short translated label: "network", "server", "bad data", ... */
const char *client_err_kind_str(enum client_err_kind kind);

#endif
