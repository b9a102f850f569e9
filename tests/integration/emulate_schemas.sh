#!/bin/sh
# emulate_schemas.sh: the hand-written bodies in tests/fixtures, modelled on
# each provider's reference examples, against the schemas the emulator is
# checked with: the good ones pass, and the wrong shapes (tests/fixtures/*/bad)
# are refused, naming the JSON path, so neither the schemas nor the emulator
# can drift into a shape the providers do not send.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/emulate_common.sh"
F=$top_srcdir/tests/fixtures

for f in costs costs_grouped usage_completions usage_other usage_moderations usage_vector_stores usage_code_interpreter; do
	valid "openai/$f.json is a UsageResponse" openai-admin.json UsageResponse "$F/openai/$f.json"
done
valid "openai/costs*.json results are CostsResult" openai-admin.json UsageResponse --result CostsResult \
	"$F/openai/costs.json" "$F/openai/costs_grouped.json"
valid "openai/projects.json is a ProjectListResponse" openai-admin.json ProjectListResponse "$F/openai/projects.json"
valid "openai/admin_api_keys.json is an ApiKeyList" openai-admin.json ApiKeyList "$F/openai/admin_api_keys.json"
valid "openai/project_api_keys.json is a ProjectApiKeyListResponse" openai-admin.json ProjectApiKeyListResponse \
	"$F/openai/project_api_keys.json"
valid "openai/error_*.json are ErrorResponse" openai-admin.json ErrorResponse "$F/openai/error_401.json" "$F/openai/error_429.json"
for f in usage_messages usage_ungrouped; do
	valid "anthropic/$f.json is a UsageReport" anthropic-admin.json UsageReport "$F/anthropic/$f.json"
done
valid "anthropic/cost_report.json is a CostReport" anthropic-admin.json CostReport "$F/anthropic/cost_report.json"
valid "anthropic/workspaces.json is a WorkspaceList" anthropic-admin.json WorkspaceList "$F/anthropic/workspaces.json"
valid "anthropic/organization.json is an Organization" anthropic-admin.json Organization "$F/anthropic/organization.json"
valid "anthropic/api_keys.json is an ApiKeyList" anthropic-admin.json ApiKeyList "$F/anthropic/api_keys.json"
valid "anthropic/error_*.json are errors" anthropic-admin.json Error "$F/anthropic/error_401.json" "$F/anthropic/error_429.json"

# refused SCHEMA DEF FILE PATH_RE DESCRIPTION: validate.py exits 1 and names the path.
refused() {
	out=$($EMU_VALIDATE "$top_srcdir/tests/schemas/$1" "$2" "$3" 2>&1)
	rc=$?
	is "$rc" 1 "$5: refused"
	like "$out" "$4" "$5: the error names $4"
}
refused openai-admin.json UsageResponse "$F/openai/bad/costs_value_string.json" 'data\.0\.results\.0' \
	"an OpenAI cost amount as a string"
refused openai-admin.json UsageResponse "$F/openai/bad/page_no_next_page.json" "'next_page' is a required" \
	"an OpenAI page without next_page"
refused openai-admin.json UsageResponse "$F/openai/bad/completions_no_requests.json" 'data\.0\.results\.0' \
	"completions usage without num_model_requests"
refused openai-admin.json ErrorResponse "$F/openai/bad/error_no_param.json" "'param' is a required" \
	"an OpenAI error without param"
refused anthropic-admin.json CostReport "$F/anthropic/bad/cost_amount_number.json" 'data\.0\.results\.0\.amount' \
	"an Anthropic cost amount as a number"
refused anthropic-admin.json UsageReport "$F/anthropic/bad/usage_flat_cache.json" "'cache_creation' is a required" \
	"Anthropic usage with flat cache fields"
refused anthropic-admin.json UsageReport "$F/anthropic/bad/usage_epoch_times.json" 'data\.0\.starting_at' \
	"Anthropic buckets with epoch seconds"
refused anthropic-admin.json Error "$F/anthropic/bad/error_openai_shape.json" "'type' is a required" \
	"an OpenAI-shaped error where Anthropic's is due"
done_testing
