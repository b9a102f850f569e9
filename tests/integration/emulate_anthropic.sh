#!/bin/sh
# emulate_anthropic.sh: billtopd --emulate anthropic against the Admin API's
# shapes (tests/schemas/anthropic-admin.json, written from Anthropic's
# reference): x-api-key and anthropic-version, the messages usage report and
# the cost report followed to the end through next_page, group_by[], 429 with
# retry-after, bad parameters.  The same database read natively first: a
# period's costs (decimal strings in cents) rounded up once are the native
# invoice's subtotal, and the tokens are the native LLM token meter's.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/emulate_common.sh"
EMU_PROVIDER=anthropic
SCHEMA=anthropic-admin.json
NOV=2026-11-01T00:00:00Z OCT=2026-10-01T00:00:00Z

start_billtopd --seed demo --token-role viewer:viewer-key ||
	{ echo "not ok 1 - billtopd starts"; exit 1; }
INV=$(curl -sS -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices?limit=100")
NOV_SUBTOTAL=$(printf '%s' "$INV" | jq -r '.data[] | select(.period_start == "2026-11-01T00:00:00Z" and .period_end == "2026-12-01T00:00:00Z") | .subtotal.amount')
OCT_SUBTOTAL=$(printf '%s' "$INV" | jq -r '.data[] | select(.period_start == "2026-10-01T00:00:00Z" and .period_end == "2026-11-01T00:00:00Z") | .subtotal.amount')
native_rows 2026-10-01 2026-10-31
N_TOKENS=$(native_sum '[.[] | select(.meter_id == "llm_tokens") | .raw] | add')
N_SUPPORT=$(native_sum '[.[] | select(.meter_id == "llm_tokens" and .agent_id == "agt_support") | .raw] | add')
like "$NOV_SUBTOTAL,$OCT_SUBTOTAL,$N_TOKENS" '^[0-9]+,[0-9]+,[0-9]+$' "the native invoices and usage are read"
restart_billtopd --emulate anthropic --token-role viewer:viewer-key

# Auth: x-api-key, anthropic-version, Anthropic's error body.
KEY=wrong-key ereq "/v1/organizations/cost_report?starting_at=$NOV"
is "$CODE $(jb .type) $(jb .error.type)" "401 error authentication_error" "an unknown x-api-key gets 401 authentication_error"
valid_body "the 401 body is Anthropic's error shape" $SCHEMA Error
unlike "$BODY" 'wrong-key' "the 401 does not repeat the key"
curl -sS -o "$T_DIR/b" -w '%{http_code}' -H "Authorization: Bearer $BT_TOKEN" -H 'anthropic-version: 2023-06-01' \
	"$BT_URL/v1/organizations/cost_report?starting_at=$NOV" >"$T_DIR/code"
is "$(cat "$T_DIR/code") $(jq -r .error.type "$T_DIR/b")" "401 authentication_error" "a Bearer token is not Anthropic's auth: 401"
KEY=viewer-key ereq "/v1/organizations/usage_report/messages?starting_at=$NOV"
is "$CODE $(jb .error.type)" "403 permission_error" "a viewer's key gets 403 permission_error"
valid_body "the 403 body is Anthropic's error shape" $SCHEMA Error
curl -sS -o "$T_DIR/b" -w '%{http_code}' -H "x-api-key: $BT_TOKEN" \
	"$BT_URL/v1/organizations/cost_report?starting_at=$NOV" >"$T_DIR/code"
is "$(cat "$T_DIR/code") $(jq -r .error.type "$T_DIR/b")" "400 invalid_request_error" "anthropic-version is required"
ereq "/v1/organizations/invoices"
is "$CODE $(jb .error.type)" "404 not_found_error" "an unknown path gets not_found_error"
ereq "/v1/organizations/cost_report?starting_at=$NOV" -X POST
is "$CODE" 405 "POST is refused"

# Cost report: the running period, 3 buckets a page, to the end.
emulate_all nov "/v1/organizations/cost_report?starting_at=$NOV&limit=3"
is "$PAGES_OK $PAGES" "1 5" "Nov 1-15: 15 daily buckets in 5 pages, the last has_more false, next_page null"
valid "every cost page is a CostReport" $SCHEMA CostReport "$T_DIR"/nov/*.json
is "$($EMU_SUM buckets "$T_DIR/nov" starting_at | tr '\n' ' ')" "15 contiguous " "buckets are contiguous days, none twice"
is "$($EMU_SUM anthropic-cost "$T_DIR/nov" | sed 's/\..*//')" "$NOV_SUBTOTAL" "the period's costs (cents) are the native spend so far"
ereq "/v1/organizations/cost_report?starting_at=$NOV&limit=1"
is "$(jb '.data[0].results[0] | [.currency, (.amount | type)] | join(",")')" "USD,string" "amount is a decimal string, currency USD"

emulate_all oct "/v1/organizations/cost_report?starting_at=$OCT&ending_at=$NOV"
is "$PAGES_OK $PAGES" "1 5" "October: 31 buckets in 5 pages of at most 7 (the default limit)"
OCT_CENTS=$($EMU_SUM anthropic-cost "$T_DIR/oct")
like "$OCT_CENTS" '^[0-9]+\.[0-9]{1,4}$' "October's total has fractions of a cent, exactly ($OCT_CENTS)"
is "$($EMU_SUM cents-up "$(python3 -c "import decimal,sys; print(decimal.Decimal(sys.argv[1]) / 100)" "$OCT_CENTS")")" \
	"$OCT_SUBTOTAL" "October's costs are October's invoice subtotal"
$EMU_SUM per-bucket "$T_DIR/oct" anthropic >"$T_DIR/plain"
for g in description workspace_id 'description&group_by[]=workspace_id'; do
	emulate_all grouped "/v1/organizations/cost_report?starting_at=$OCT&ending_at=$NOV&limit=31&group_by[]=$g"
	valid "group_by[]=$g: a CostReport" $SCHEMA CostReport "$T_DIR"/grouped/*.json
	$EMU_SUM per-bucket "$T_DIR/grouped" anthropic >"$T_DIR/g"
	check "group_by[]=$g: each bucket sums to the ungrouped bucket" cmp "$T_DIR/plain" "$T_DIR/g"
done
emulate_all ws "/v1/organizations/cost_report?starting_at=$OCT&ending_at=$NOV&limit=31&group_by[]=workspace_id"
is "$($EMU_SUM keys "$T_DIR/ws" workspace_id)" "None|agt_invoice|agt_support|agt_voice" \
	"by workspace: the three agents, and the plan fee in the default workspace (null)"
emulate_all desc "/v1/organizations/cost_report?starting_at=$OCT&ending_at=$NOV&limit=31&group_by[]=description"
is "$($EMU_SUM keys "$T_DIR/desc" cost_type)" "None|tokens" "by description: LLM tokens are cost_type tokens, the rest null"

# Messages usage report: tokens by model, workspace, key.
emulate_all use "/v1/organizations/usage_report/messages?starting_at=$OCT&ending_at=$NOV&limit=10"
is "$PAGES_OK $PAGES" "1 4" "usage: 31 buckets in 4 pages of 10"
valid "every usage page is a UsageReport" $SCHEMA UsageReport "$T_DIR"/use/*.json
is "$($EMU_SUM field "$T_DIR/use" uncached_input_tokens)" "$N_TOKENS" "uncached input tokens are the native LLM token meter's raw"
is "$($EMU_SUM field "$T_DIR/use" output_tokens) $($EMU_SUM field "$T_DIR/use" cache_creation.ephemeral_5m_input_tokens)" \
	"0 0" "no output or cache tokens: the meter counts tokens without a direction"
emulate_all useg "/v1/organizations/usage_report/messages?starting_at=$OCT&ending_at=$NOV&limit=31&group_by[]=model&group_by[]=workspace_id&group_by[]=api_key_id"
valid "grouped usage is a UsageReport" $SCHEMA UsageReport "$T_DIR"/useg/*.json
is "$($EMU_SUM field "$T_DIR/useg" uncached_input_tokens) $($EMU_SUM keys "$T_DIR/useg" model) $($EMU_SUM keys "$T_DIR/useg" workspace_id)" \
	"$N_TOKENS llm_tokens agt_invoice|agt_support|agt_voice" "grouped by model, workspace and key: the same tokens"
emulate_all usew "/v1/organizations/usage_report/messages?starting_at=$OCT&ending_at=$NOV&limit=31&workspace_ids[]=agt_support&group_by[]=workspace_id"
is "$($EMU_SUM field "$T_DIR/usew" uncached_input_tokens)" "$N_SUPPORT" "workspace_ids[] filters the workspaces"

# Workspaces, paged by after_id.
ereq "/v1/organizations/workspaces?limit=2"
valid_body "workspaces: a WorkspaceList" $SCHEMA WorkspaceList
is "$(jb '[.data[] | .id + "=" + .name] | join(",")') $(jb .has_more) $(jb .last_id)" \
	"agt_invoice=Invoice parser,agt_support=Support triage true agt_support" "workspaces: two of three, has_more"
ereq "/v1/organizations/workspaces?limit=2&after_id=agt_support"
is "$(jb '[.data[].id] | join(",")') $(jb .has_more)" "agt_voice false" "after_id: the last one"

# API keys (names for usage by API key): the one admin key.
ereq "/v1/organizations/api_keys?limit=1000"
valid_body "api_keys: an ApiKeyList" $SCHEMA ApiKeyList
is "$(jb '[.data[] | .id + "=" + .name] | join(",")') $(jb .has_more)" "apikey_billtop_admin=billtop admin key false" \
	"api_keys: the key every usage row is billed to"

# The organisation: the account's id and name.
ereq "/v1/organizations/me"
valid_body "organizations/me: an Organization" $SCHEMA Organization
is "$(jb '[.type, .id, .name] | join(",")')" "organization,acct_demo,Acme Robotics" "organizations/me names the account"

# Bad parameters: 400 invalid_request_error.
for q in "bucket_width=1d" "starting_at=yesterday" "starting_at=$NOV&bucket_width=1h" "starting_at=$NOV&limit=32" \
	"starting_at=$NOV&page=page_bm9wZQ==" "starting_at=$NOV&colour=red" "starting_at=$NOV&group_by[]=model" \
	"starting_at=$NOV&ending_at=$OCT"; do
	ereq "/v1/organizations/cost_report?$q"
	is "$CODE $(jb .error.type)" "400 invalid_request_error" "cost_report?$q gets 400"
done
valid_body "a 400 is Anthropic's error shape" $SCHEMA Error
ereq "/v1/organizations/usage_report/messages?starting_at=2026-11-01T08:30:00.123456Z&limit=1"
is "$CODE $(jb '.data[0].starting_at')" "200 2026-11-01T00:00:00Z" "starting_at with fractions snaps to the day"

# Rate limiting and faults in Anthropic's shape.
restart_billtopd --emulate anthropic --fault '/v1/organizations/usage_report=429:11*1'
ereq "/v1/organizations/usage_report/messages?starting_at=$NOV"
is "$CODE $(hdr retry-after) $(jb .error.type)" "429 11 rate_limit_error" "429 with retry-after: 11"
valid_body "the 429 body is Anthropic's error shape" $SCHEMA Error
ereq "/v1/organizations/usage_report/messages?starting_at=$NOV"
is "$CODE" 200 "the next request is answered"
restart_billtopd --emulate anthropic --fault '*=503*1'
ereq "/v1/organizations/workspaces"
is "$CODE $(jb .error.type)" "503 overloaded_error" "an injected 503 is overloaded_error"

for _pid in $T_PIDS; do kill "$_pid" 2>/dev/null && wait "$_pid" 2>/dev/null; done
T_PIDS=""
unlike "$(cat "$T_DIR/billtopd.log" 2>/dev/null)" 'Sanitizer|runtime error' "billtopd reported no memory or undefined-behaviour error"
done_testing
