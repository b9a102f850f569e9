/* source_anthropic.c: an Anthropic organisation's spend through the Admin
 * API (admin key in x-api-key, anthropic-version): the organisation,
 * workspaces for their names, the cost report grouped by workspace and
 * description, the API keys for their names, the messages usage report by
 * model and API key (docs/sources.md). */
#include <config.h>

#include <stdio.h>
#include <time.h>

#include "client/decode_spend.h"
#include "client/model.h"
#include "client/source_spend.h"
#include "client/spend_json.h"
#include "core/i18n.h"

#define LIMIT 31   /* buckets per page: the API's maximum */

static void
rfc3339(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
anthropic_refresh(struct net *n, struct cache *c, const struct sync_opts *o, struct sync_report *rep)
{
	struct spend_run r = { 0 };
	char path[512], from[32], to[32], org[M_NAME] = "";
	json_t *root;

	r.rep = rep;
	r.item_dim = "description";
	r.group_dim = "workspace";
	r.no_group = _("Default workspace");
	spend_resource(&r, 1, "workspaces");
	spend_resource(&r, 2, "costs");
	spend_resource(&r, 3, "usage");
	spend_resource(&r, 4, "api_keys");
	spend_resource(&r, 0, "organization");
	if (spend_begin(&r, n, c, o, rep, "anthropic") < 0)
		return -1;
	root = spend_get(&r, "/v1/organizations/me");
	if (!root || an_decode_org(root, org, sizeof org, &rep->err) < 0) {
		json_decref(root);
		if (rep->err.kind == CERR_BAD_DATA)
			client_err_prefix(&rep->err, "organization");
		return spend_fail(&r);
	}
	json_decref(root);
	r.cur->pages = 1;
	r.cur->items = 1;
	spend_resource(&r, 1, "workspaces");
	if (spend_fetch_all(&r, "/v1/organizations/workspaces?limit=1000", "after_id",
	                    an_decode_workspaces) < 0)
		return -1;
	spend_resource(&r, 4, "api_keys");
	r.names_dim = "api_key";
	if (spend_fetch_all(&r, "/v1/organizations/api_keys?limit=1000", "after_id", an_decode_api_keys) < 0)
		return -1;
	r.names_dim = NULL;
	rfc3339(r.from, from);
	rfc3339(r.to, to);
	spend_resource(&r, 2, "costs");
	snprintf(path, sizeof path, "/v1/organizations/cost_report?starting_at=%s&ending_at=%s"
	         "&bucket_width=1d&limit=%d&group_by%%5B%%5D=workspace_id&group_by%%5B%%5D=description",
	         from, to, LIMIT);
	if (spend_fetch_all(&r, path, "page", an_decode_costs) < 0)
		return -1;
	spend_resource(&r, 3, "usage");
	snprintf(path, sizeof path, "/v1/organizations/usage_report/messages?starting_at=%s"
	         "&ending_at=%s&bucket_width=1d&limit=%d&group_by%%5B%%5D=model"
	         "&group_by%%5B%%5D=api_key_id", from, to, LIMIT);
	r.by_key = 1;
	if (spend_fetch_all(&r, path, "page", an_decode_usage) < 0)
		return -1;
	r.by_key = 0;
	spend_resource(&r, 0, "organization");
	if (spend_finish(&r, org) < 0)
		return -1;
	r.cur->outcome = SYNC_FETCHED;
	return 0;
}
