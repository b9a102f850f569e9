/* source_spend_ops.c: the OpenAI and Anthropic sources as struct source_ops:
 * organisation spend and usage only, no actions (source_spend.h). */
#include <config.h>

#include "client/source.h"
#include "client/source_spend.h"
#include "core/i18n.h"

/* Never called (no action is in `actions`): refuses in words, for safety. */
static int
no_action(struct net *n, const struct source_action *a, struct source_action_result *r,
          struct client_err *err)
{
	(void)n;
	(void)a;
	(void)r;
	client_err_set(err, CERR_USAGE, "%s", _("billtop cannot do this action"));
	return -1;
}

const struct source_ops source_openai = {
	.name = "openai",
	.display = "OpenAI",
	.console_url = "https://platform.openai.com/settings/organization/billing/overview",
	.caps = SRC_CAP_ACCOUNT | SRC_CAP_SPEND,
	.actions = 0,
	.refresh = openai_refresh,
	.act = no_action,
};

const struct source_ops source_anthropic = {
	.name = "anthropic",
	.display = "Anthropic",
	.console_url = "https://console.anthropic.com/settings/billing",
	.caps = SRC_CAP_ACCOUNT | SRC_CAP_SPEND,
	.actions = 0,
	.refresh = anthropic_refresh,
	.act = no_action,
};
