/* source_openai.c: an OpenAI organisation's spend through the
 * Administration API (admin key, Authorization: Bearer): projects for their
 * names, daily costs grouped by line item and project, usage by model of
 * completions, embeddings, moderations, images and audio, and the vector
 * store bytes and code interpreter sessions, which have no model
 * (docs/sources.md). */
#include <config.h>

#include <stdio.h>

#include "client/decode_spend.h"
#include "client/source_spend.h"
#include "core/i18n.h"

#define COSTS_LIMIT 180    /* buckets per page: the API's maximum */
#define USAGE_LIMIT 31

int
openai_refresh(struct net *n, struct cache *c, const struct sync_opts *o, struct sync_report *rep)
{
	static const struct { const char *name; spend_decode_fn decode; const char *group; } kinds[] = {
		{ "completions", oa_decode_completions, "&group_by=model" },
		{ "embeddings", oa_decode_embeddings, "&group_by=model" },
		{ "moderations", oa_decode_moderations, "&group_by=model" },
		{ "images", oa_decode_images, "&group_by=model" },
		{ "audio_speeches", oa_decode_speeches, "&group_by=model" },
		{ "audio_transcriptions", oa_decode_transcriptions, "&group_by=model" },
		/* no model: the organisation's figure per day */
		{ "vector_stores", oa_decode_vector_stores, "" },
		{ "code_interpreter_sessions", oa_decode_code_interpreter, "" },
	};
	struct spend_run r = { 0 };
	char path[512];
	size_t k;

	r.rep = rep;
	r.item_dim = "line_item";
	r.group_dim = "project";
	r.no_group = _("(no project)");
	spend_resource(&r, 0, "organization");
	spend_resource(&r, 1, "projects");
	spend_resource(&r, 2, "costs");
	spend_resource(&r, 3, "usage");
	r.cur = &rep->res[1];
	if (spend_begin(&r, n, c, o, rep, "openai") < 0)
		return -1;
	if (spend_fetch_all(&r, "/v1/organization/projects?limit=100", "after", oa_decode_projects) < 0)
		return -1;
	spend_resource(&r, 2, "costs");
	snprintf(path, sizeof path, "/v1/organization/costs?start_time=%lld&end_time=%lld"
	         "&bucket_width=1d&limit=%d&group_by=line_item&group_by=project_id",
	         (long long)r.from, (long long)r.to, COSTS_LIMIT);
	if (spend_fetch_all(&r, path, "page", oa_decode_costs) < 0)
		return -1;
	spend_resource(&r, 3, "usage");
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		snprintf(path, sizeof path, "/v1/organization/usage/%s?start_time=%lld"
		         "&end_time=%lld&bucket_width=1d&limit=%d%s", kinds[k].name,
		         (long long)r.from, (long long)r.to, USAGE_LIMIT, kinds[k].group);
		if (spend_fetch_all(&r, path, "page", kinds[k].decode) < 0)
			return -1;
	}
	/* the Administration API does not name the organisation */
	spend_resource(&r, 0, "organization");
	if (spend_finish(&r, "") < 0)
		return -1;
	r.cur->outcome = SYNC_FETCHED;
	return 0;
}
