/* source_openai.c: an OpenAI organisation's spend through the
 * Administration API (admin key, Authorization: Bearer): projects for their
 * names, daily costs grouped by line item and project, usage by model of
 * completions, embeddings, moderations, images and audio by model and API
 * key (names from the admin keys and each project's keys), and the vector
 * store bytes and code interpreter sessions, which have neither
 * (docs/sources.md). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "client/cache_spend.h"
#include "client/decode_spend.h"
#include "client/source_spend.h"
#include "core/i18n.h"

#define COSTS_LIMIT 180    /* buckets per page: the API's maximum */
#define USAGE_LIMIT 31

int
openai_refresh(struct net *n, struct cache *c, const struct sync_opts *o, struct sync_report *rep)
{
#define BY_MODEL_KEY "&group_by=model&group_by=api_key_id"
	static const struct { const char *name; spend_decode_fn decode; const char *group; } kinds[] = {
		{ "completions", oa_decode_completions, BY_MODEL_KEY },
		{ "embeddings", oa_decode_embeddings, BY_MODEL_KEY },
		{ "moderations", oa_decode_moderations, BY_MODEL_KEY },
		{ "images", oa_decode_images, BY_MODEL_KEY },
		{ "audio_speeches", oa_decode_speeches, BY_MODEL_KEY },
		{ "audio_transcriptions", oa_decode_transcriptions, BY_MODEL_KEY },
		/* no model and no API key: the organisation's figure per day */
		{ "vector_stores", oa_decode_vector_stores, "" },
		{ "code_interpreter_sessions", oa_decode_code_interpreter, "" },
	};
#undef BY_MODEL_KEY
	struct spend_run r = { 0 };
	struct spend_row *projects = NULL;
	char path[512], esc[256];
	size_t k;
	int np = 0, i;

	r.rep = rep;
	r.item_dim = "line_item";
	r.group_dim = "project";
	r.no_group = _("(no project)");
	spend_resource(&r, 0, "organization");
	spend_resource(&r, 1, "projects");
	spend_resource(&r, 2, "costs");
	spend_resource(&r, 3, "usage");
	spend_resource(&r, 4, "api_keys");
	r.cur = &rep->res[1];
	if (spend_begin(&r, n, c, o, rep, "openai") < 0)
		return -1;
	if (spend_fetch_all(&r, "/v1/organization/projects?limit=100", "after", oa_decode_projects) < 0)
		return -1;
	/* the API keys' names: the admin keys, then each project's keys */
	spend_resource(&r, 4, "api_keys");
	r.names_dim = "api_key";
	if (spend_fetch_all(&r, "/v1/organization/admin_api_keys?limit=100", "after", oa_decode_api_keys) < 0)
		return -1;
	if (cache_spend_names(c, "project", &projects, &np) < 0) {
		client_err_set(&rep->err, CERR_CACHE, "%s", cache_error(c));
		return spend_fail(&r);
	}
	r.names_keep = 1;
	for (i = 0; i < np; i++) {
		if (net_escape_segment(projects[i].key, esc, sizeof esc) < 0) {
			client_err_set(&rep->err, CERR_BAD_DATA, _("projects: a project id is too long"));
			free(projects);
			return spend_fail(&r);
		}
		snprintf(path, sizeof path, "/v1/organization/projects/%s/api_keys?limit=100", esc);
		if (spend_fetch_all(&r, path, "after", oa_decode_api_keys) < 0) {
			free(projects);
			return -1;
		}
	}
	free(projects);
	r.names_dim = NULL;
	r.names_keep = 0;
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
		r.by_key = kinds[k].group[0] != '\0';
		if (spend_fetch_all(&r, path, "page", kinds[k].decode) < 0)
			return -1;
	}
	r.by_key = 0;
	/* the Administration API does not name the organisation */
	spend_resource(&r, 0, "organization");
	if (spend_finish(&r, "") < 0)
		return -1;
	r.cur->outcome = SYNC_FETCHED;
	return 0;
}
