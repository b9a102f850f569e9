/* secret_mask.h: the secrets billtop holds never come back out of it.
 *
 * A careless server may quote the request in its error message, token and
 * all.  Every secret billtop sends (the token, whether from the config,
 * BILLTOP_TOKEN or token_command's output) is registered here when the
 * network is opened (net_open, under every source), and every piece of
 * server text is masked where it enters: the error conversion (client_err,
 * decode_api_error, d_fail) and the decoded strings (d_str).  So nothing a
 * server says can carry a secret into the cache (sync_state.last_error), a
 * log, stderr or the screen.  Process-wide; the refresh worker inherits it.
 */
#ifndef BILLTOP_SECRET_MASK_H
#define BILLTOP_SECRET_MASK_H

#include <stddef.h>

#define SECRET_MASK "****"
/* Shorter secrets are not masked: they would mask ordinary words. */
#define SECRET_MIN_LEN 4

/* Registers a secret (copied, wiped at secret_mask_reset).  0, or -1 when
 * the table (a few entries) is full or memory runs out. */
int secret_mask_add(const char *secret);
/* Wipes and forgets every secret. */
void secret_mask_reset(void);
/* Replaces every occurrence of a secret in s with SECRET_MASK, in place (s
 * never grows).  Returns 1 when something was masked, else 0. */
int secret_mask(char *s);
/* 1 when s holds a registered secret. */
int secret_mask_found(const char *s);
/* text_sanitize (core/text.h) then secret_mask: a secret split by controls
 * the sanitiser removes is whole again after it, so it is masked after. */
void secret_scrub(char *s);

#endif
