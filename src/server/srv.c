/* srv.c: roles, tokens and the clock shared by billtopd's parts. */
#include <config.h>

#include <string.h>
#include <time.h>

#include "server/srv.h"

static const char *const role_names[] = {
	[ROLE_OWNER] = "owner",
	[ROLE_ADMIN] = "admin",
	[ROLE_BILLING_READER] = "billing_reader",
	[ROLE_MEMBER] = "member",
	[ROLE_VIEWER] = "viewer",
};

const char *
role_name(enum role r)
{
	if (r <= ROLE_NONE || r > ROLE_VIEWER)
		return NULL;
	return role_names[r];
}

enum role
role_parse(const char *name)
{
	int r;

	for (r = ROLE_OWNER; r <= ROLE_VIEWER; r++)
		if (strcmp(role_names[r], name) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

int64_t
srv_now(const struct srv *s)
{
	return s->fixed_now >= 0 ? s->fixed_now : (int64_t)time(NULL);
}

/* Compares without stopping at the first difference, so timing says nothing about the token. */
static int
same_secret(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), i;
	unsigned char diff = na != nb;

	for (i = 0; i < na; i++)
		diff |= (unsigned char)(a[i] ^ b[i % (nb ? nb : 1)]);
	return diff == 0;
}

enum role
srv_token_role(const struct srv *s, const char *token)
{
	enum role found = ROLE_NONE;
	size_t i;

	if (!*token)
		return ROLE_NONE;
	for (i = 0; i < s->ntokens; i++)
		if (same_secret(token, s->tokens[i].value) && found == ROLE_NONE)
			found = s->tokens[i].role;
	return found;
}
