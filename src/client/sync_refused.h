/* sync_refused.h: items a refresh left out, in words, and where they are noted.
 *
 * A list item with a field that cannot be stored exactly is left out and the
 * rest stored (decode_page).  The refresh says which and why: `billtop sync`
 * prints it beside the resource, and the sync state keeps it as a note (its
 * last_error while last_success == last_attempt) for the dashboard.
 */
#ifndef BILLTOP_SYNC_REFUSED_H
#define BILLTOP_SYNC_REFUSED_H

#include <stddef.h>
#include <stdint.h>

#include "client/cache.h"
#include "client/sync.h"

/* "1 item refused: item 3 (id 'inv_7'): data[3].number: longer than 127 bytes" */
void sync_refused_words(const struct sync_result *r, char *buf, size_t n);
/* Notes r's refusals in the sync state of resource.  0, or -1 (cache error). */
int sync_note_refused(struct cache *c, const char *resource, const struct sync_result *r);
/* 1 when st is a note on a success (not a failure), 0 otherwise. */
int sync_state_is_note(const struct sync_state *st);

#endif
