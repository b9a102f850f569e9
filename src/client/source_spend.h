/* source_spend.h: the organisation-spend sources: OpenAI's Administration
 * API and Anthropic's Admin API (docs/sources.md).
 *
 * Each refresh is called with the cache's one write transaction ALREADY
 * OPEN (the caller holds the lock, BEGIN IMMEDIATE, COMMIT, and rolls back
 * on -1).  It fills rep->res[] (static resource names: "organization",
 * "projects" or "workspaces", "costs", "usage"), and on failure rep->err and
 * rep->failed; 0 or -1.
 *
 * What is fetched again: on a first sync (or after a change of source) the
 * current month and the 12 months before it; afterwards, from the earlier of
 * the current month's first day and three days before the last day fetched,
 * to the end of today (UTC).  Days before that are closed and kept.
 */
#ifndef BILLTOP_SOURCE_SPEND_H
#define BILLTOP_SOURCE_SPEND_H

#include <jansson.h>

#include "client/cache.h"
#include "client/net.h"
#include "client/sync.h"

int openai_refresh(struct net *n, struct cache *c, const struct sync_opts *o,
                   struct sync_report *rep);
int anthropic_refresh(struct net *n, struct cache *c, const struct sync_opts *o,
                      struct sync_report *rep);

#define SPEND_REFETCH_DAYS 3      /* a provider still revises this many days */
#define SPEND_HISTORY_MONTHS 12   /* a first sync reads this many months before this one */

/* Shared by source_openai.c and source_anthropic.c (source_spend.c). */
struct spend_run {
	struct net *net;
	struct cache *cache;
	const struct sync_opts *o;
	struct sync_report *rep;
	struct sync_result *cur;
	const char *source;           /* "openai" */
	const char *item_dim;         /* "line_item", "description" */
	const char *group_dim;        /* "project", "workspace" */
	const char *no_group;         /* the name of the "" group */
	const char *names_dim;        /* where list names go (NULL: group_dim; "api_key") */
	int names_keep;               /* a list adds to names_dim instead of replacing it */
	int by_key;                   /* usage rows are grouped by api_key_id too */
	int64_t now, from, to;        /* the window: [from, to), UTC days */
	char from_day[11], to_day[11];
	char currency[4];             /* "" until a cost arrives */
	char first_day[11];           /* of the cache after this refresh */
};

/* Prepares the window, clears what is refetched; 0 or -1 (rep->err set). */
int spend_begin(struct spend_run *r, struct net *n, struct cache *c, const struct sync_opts *o,
                struct sync_report *rep, const char *source);
/* Selects res[i] with this resource name. */
void spend_resource(struct spend_run *r, int i, const char *name);
/* Every page of a paged GET: path (with its query), pager ("page", "after",
 * "after_id") and decode(root) for each; 0 or -1. */
struct spend_page;
struct spend_sink;
typedef int (*spend_decode_fn)(const json_t *root, const struct spend_sink *s,
                               struct spend_page *pg, struct client_err *err);
int spend_fetch_all(struct spend_run *r, const char *path, const char *pager,
                    spend_decode_fn decode);
/* A single GET parsed with numbers as text; NULL with rep->err. */
json_t *spend_get(struct spend_run *r, const char *path);
/* Writes the organisation and records success; 0 or -1. */
int spend_finish(struct spend_run *r, const char *org_name);
/* Marks the current resource failed and returns -1. */
int spend_fail(struct spend_run *r);

#endif
