/* sync.c: one refresh: the lock and the one write transaction around the
 * source's refresh (client/source.h), the corrupt-cache restart, the failure
 * recorded after a rollback, and COMMIT. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client/cache_write.h"
#include "client/source.h"
#include "client/sync.h"
#include "core/i18n.h"
#include "core/util.h"

#define DEFAULT_LOCK_WAIT_MS (10 * 60 * 1000)

/* After a rollback: the attempt and the error, in a small transaction of
 * their own (best effort: the refresh has failed already). */
static void
record_failure(struct cache *c, const struct sync_report *rep, int64_t now)
{
	int r;

	if (cache_begin(c, 2000) < 0)
		return;
	for (r = 0; r < rep->nres; r++) {
		if (!rep->res[r].resource)
			continue;   /* a slot the source left unused */
		if (rep->res[r].outcome == SYNC_FETCHED || rep->res[r].outcome == SYNC_UNCHANGED)
			cache_state_attempt(c, rep->res[r].resource, now);
		else if (rep->res[r].outcome == SYNC_FAILED)
			cache_state_failure(c, rep->res[r].resource, now, rep->err.message);
	}
	if (cache_commit(c) < 0)
		cache_rollback(c);
}

static int run_once(const struct source_ops *src, struct net *n, struct cache *c,
                    const struct sync_opts *opts, struct sync_report *rep);

int
sync_run(const struct source_ops *src, struct net *n, struct cache *c,
         const struct sync_opts *opts, struct sync_report *rep)
{
	int rc;

	if (!src)
		src = source_default();
	rc = run_once(src, n, c, opts, rep);
	/* a corrupt file is not worth keeping: move it aside, start over once */
	if (rc < 0 && rep->err.kind == CERR_CACHE && cache_is_corrupt(c)) {
		if (cache_recover(c) < 0) {
			client_err_set(&rep->err, CERR_CACHE, "%s", cache_error(c));
			return -1;
		}
		rc = run_once(src, n, c, opts, rep);
		rep->note = cache_note(c);
	}
	return rc;
}

static int
run_once(const struct source_ops *src, struct net *n, struct cache *c,
         const struct sync_opts *opts, struct sync_report *rep)
{
	static const struct sync_opts defaults;
	const struct sync_opts *o = opts ? opts : &defaults;
	int64_t now = o->now ? o->now : (int64_t)time(NULL);
	int r;

	memset(rep, 0, sizeof *rep);
	rep->started_at = now;
	if (cache_begin_notify(c, o->lock_wait_ms > 0 ? o->lock_wait_ms : DEFAULT_LOCK_WAIT_MS,
	                       o->waiting, o->progress_arg) < 0) {
		client_err_set(&rep->err, CERR_CACHE, "%s", cache_error(c));
		return -1;
	}
	if (src->refresh(n, c, o, rep) == 0) {
		if (cache_set_synced_at(c, now) < 0 || cache_commit(c) < 0) {
			client_err_set(&rep->err, CERR_CACHE, "%s", cache_error(c));
			cache_rollback(c);
			record_failure(c, rep, now);
			rep->finished_at = (int64_t)time(NULL);
			return -1;
		}
		rep->committed = 1;
		rep->finished_at = (int64_t)time(NULL);
		return 0;
	}
	/* a source that failed without saying at which resource */
	if (rep->err.kind == CERR_NONE)
		client_err_set(&rep->err, CERR_SERVER, "%s", _("the refresh failed"));
	for (r = 0; r < rep->nres; r++)
		if (rep->res[r].outcome == SYNC_FAILED && !rep->failed)
			rep->failed = rep->res[r].resource;
	cache_rollback(c);
	if (rep->err.kind != CERR_CANCELED)
		record_failure(c, rep, now);
	rep->finished_at = (int64_t)time(NULL);
	return -1;
}
