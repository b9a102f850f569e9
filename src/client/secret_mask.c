/* secret_mask.c: masking the token (and any other secret) in server text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "client/secret_mask.h"
#include "core/text.h"

#define MAX_SECRETS 4

static char *secrets[MAX_SECRETS];

/* memset that the compiler may not drop. */
static void
wipe(char *s)
{
	volatile char *p = s;

	while (*p)
		*p++ = '\0';
}

int
secret_mask_add(const char *secret)
{
	size_t i;

	if (!secret || strlen(secret) < SECRET_MIN_LEN)
		return 0;
	for (i = 0; i < MAX_SECRETS; i++)
		if (secrets[i] && strcmp(secrets[i], secret) == 0)
			return 0;
	for (i = 0; i < MAX_SECRETS; i++) {
		if (!secrets[i]) {
			secrets[i] = strdup(secret);
			return secrets[i] ? 0 : -1;
		}
	}
	return -1;
}

void
secret_mask_reset(void)
{
	size_t i;

	for (i = 0; i < MAX_SECRETS; i++) {
		if (secrets[i]) {
			wipe(secrets[i]);
			free(secrets[i]);
			secrets[i] = NULL;
		}
	}
}

int
secret_mask(char *s)
{
	size_t i, slen, mlen = strlen(SECRET_MASK);
	char *p;
	int hit = 0;

	if (!s)
		return 0;
	for (i = 0; i < MAX_SECRETS; i++) {
		if (!secrets[i])
			continue;
		slen = strlen(secrets[i]);
		while ((p = strstr(s, secrets[i])) != NULL) {
			/* slen >= SECRET_MIN_LEN == mlen: the text only shrinks */
			memcpy(p, SECRET_MASK, mlen);
			memmove(p + mlen, p + slen, strlen(p + slen) + 1);
			hit = 1;
		}
	}
	return hit;
}

int
secret_mask_found(const char *s)
{
	size_t i;

	for (i = 0; i < MAX_SECRETS; i++)
		if (secrets[i] && s && strstr(s, secrets[i]))
			return 1;
	return 0;
}

void
secret_scrub(char *s)
{
	secret_mask(s);
	text_sanitize(s);
	secret_mask(s);
}
