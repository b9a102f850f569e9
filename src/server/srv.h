/* srv.h: the state billtopd shares between its parts (options, clock, tokens, database). */
#ifndef BILLTOPD_SRV_H
#define BILLTOPD_SRV_H

#include <pthread.h>
#include <stdint.h>


enum role {
	ROLE_NONE = 0,
	ROLE_OWNER,
	ROLE_ADMIN,
	ROLE_BILLING_READER,
	ROLE_MEMBER,
	ROLE_VIEWER
};

/* "owner", "admin", ...; NULL for ROLE_NONE. */
const char *role_name(enum role r);
/* The role called name, or ROLE_NONE. */
enum role role_parse(const char *name);

struct token {
	char *value; /* owned */
	enum role role;
};

struct fault; /* fault.h */
struct db;    /* db.h */

struct srv {
	struct db *db;          /* one connection, used under lock only */
	pthread_mutex_t lock;
	int64_t fixed_now;      /* --now, or -1 for the wall clock */
	struct token *tokens;   /* owned */
	size_t ntokens;
	struct fault *faults;   /* owned, fault.h */
	size_t nfaults;
	pthread_mutex_t fault_lock;
	int emulate;            /* enum emu_kind (emulate.h): 0 serves docs/api.md */
};

/* The server's clock: --now if given, else time(NULL). */
int64_t srv_now(const struct srv *s);

/* The role of a bearer token, ROLE_NONE when unknown. Constant time per token. */
enum role srv_token_role(const struct srv *s, const char *token);

#endif
