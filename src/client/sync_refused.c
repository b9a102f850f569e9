/* sync_refused.c: the items a refresh left out, in words and in the sync state. */
#include <config.h>

#include <stdio.h>

#include "client/cache_write.h"
#include "client/model.h"
#include "client/sync_refused.h"
#include "core/i18n.h"

void
sync_refused_words(const struct sync_result *r, char *buf, size_t n)
{
	if (r->refused == 1)
		snprintf(buf, n, _("1 item refused: %s"), r->refused_msg);
	else
		snprintf(buf, n, P_("%lld item refused; the first: %s", "%lld items refused; the first: %s",
		                    (unsigned long)r->refused),
		         (long long)r->refused, r->refused_msg);
}

int
sync_note_refused(struct cache *c, const char *resource, const struct sync_result *r)
{
	char words[512];

	sync_refused_words(r, words, sizeof words);
	return cache_state_note(c, resource, words);
}

int
sync_state_is_note(const struct sync_state *st)
{
	return st->last_error[0] && st->last_success != M_NONE && st->last_success == st->last_attempt;
}
