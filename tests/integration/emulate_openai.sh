#!/bin/sh
# emulate_openai.sh: billtopd --emulate openai against OpenAI's published
# Administration API shapes (tests/schemas/openai-admin.json, an excerpt of
# openai/openai-openapi): auth failures, costs and usage buckets followed to the
# end through next_page, group_by, filters, 429 with Retry-After, bad
# parameters.  The same database read natively first: the emulated costs of a
# period, rounded up to the cent once, are the native invoice's subtotal (plan
# fee + overage), and usage sums are the native daily rows' sums.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/emulate_common.sh"
EMU_PROVIDER=openai
SCHEMA=openai-admin.json
NOV=1793491200 OCT=1790812800 # 2026-11-01, 2026-10-01 00:00Z

start_billtopd --seed demo --token-role viewer:viewer-key --token-role billing_reader:reader-key ||
	{ echo "not ok 1 - billtopd starts"; exit 1; }
# The native figures of the same account.
NOV_SUBTOTAL=$(curl -sS -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices?limit=100" |
	jq -r '.data[] | select(.period_start == "2026-11-01T00:00:00Z" and .period_end == "2026-12-01T00:00:00Z") | .subtotal.amount')
OCT_SUBTOTAL=$(curl -sS -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices?limit=100" |
	jq -r '.data[] | select(.period_start == "2026-10-01T00:00:00Z" and .period_end == "2026-11-01T00:00:00Z") | .subtotal.amount')
native_rows 2026-11-01 2026-11-15
N_TOKENS=$(native_sum '[.[] | select(.meter_id == "llm_tokens") | .raw] | add')
N_REQS=$(native_sum '[.[] | select(.meter_id == "llm_tokens") | .records] | add')
N_CHARS=$(native_sum '[.[] | select(.meter_id == "tts_characters") | .raw] | add')
N_SECS=$(native_sum '[.[] | select(.meter_id == "stt_seconds") | .raw] | add')
N_TOKENS_VOICE=$(native_sum '[.[] | select(.meter_id == "llm_tokens" and .agent_id == "agt_voice") | .raw] | add')
like "$NOV_SUBTOTAL,$OCT_SUBTOTAL,$N_TOKENS" '^[0-9]+,[0-9]+,[0-9]+$' "the native invoices and usage are read"
restart_billtopd --emulate openai --token-role viewer:viewer-key --token-role billing_reader:reader-key

# Auth: OpenAI's error body, a Bearer admin key.
ereq "/v1/organization/costs?start_time=$NOV" -H 'Authorization:'
KEY=wrong-key ereq "/v1/organization/costs?start_time=$NOV"
is "$CODE $(jb .error.code)" "401 invalid_api_key" "an unknown key gets 401 invalid_api_key"
valid_body "the 401 body is OpenAI's ErrorResponse" $SCHEMA ErrorResponse
unlike "$BODY" 'wrong-key' "the 401 does not repeat the key"
curl -sS -o "$T_DIR/b" -w '%{http_code}' "$BT_URL/v1/organization/costs?start_time=$NOV" >"$T_DIR/code"
is "$(cat "$T_DIR/code") $(jq -r .error.type "$T_DIR/b")" "401 invalid_request_error" "no Authorization header gets 401"
KEY=viewer-key ereq "/v1/organization/usage/completions?start_time=$NOV"
is "$CODE" 403 "a viewer's key may not read usage (403)"
valid_body "the 403 body is OpenAI's ErrorResponse" $SCHEMA ErrorResponse
KEY=reader-key ereq "/v1/organization/costs?start_time=$NOV"
is "$CODE" 200 "a billing reader's key reads costs"
ereq "/v1/organization/costs?start_time=$NOV" -X POST
is "$CODE" 405 "POST is refused"
ereq "/v1/organization/invoices"
is "$CODE $(jb .error.type)" "404 invalid_request_error" "an unknown path gets OpenAI's 404"
ereq "/v1/account"
is "$CODE" 404 "the native API is not served while emulating"

# Costs of the running period, 2 buckets a page, followed to the end.
emulate_all nov "/v1/organization/costs?start_time=$NOV&limit=2"
is "$PAGES_OK $PAGES" "1 8" "Nov 1-15: 15 daily buckets in 8 pages, the last has_more false, next_page null"
valid "every costs page is a UsageResponse of CostsResult" $SCHEMA UsageResponse --result CostsResult "$T_DIR"/nov/*.json
is "$($EMU_SUM buckets "$T_DIR/nov" start_time | tr '\n' ' ')" "15 contiguous " "buckets are contiguous days, none twice"
TOTAL=$($EMU_SUM openai-cost "$T_DIR/nov")
is "$($EMU_SUM cents-up "$TOTAL")" "$NOV_SUBTOTAL" "the period's costs are the native spend so far (draft subtotal)"
ereq "/v1/organization/costs?start_time=$NOV&limit=1"
is "$(jb '.data[0].results[0].amount.currency')" usd "currency is lowercase ISO 4217"

# A closed month: the fee and a month of overage, fractions of a cent exact.
emulate_all oct "/v1/organization/costs?start_time=$OCT&end_time=$NOV&limit=7"
is "$PAGES_OK $PAGES" "1 5" "October: 31 buckets in 5 pages of at most 7 (the default limit)"
OCT_TOTAL=$($EMU_SUM openai-cost "$T_DIR/oct")
is "$($EMU_SUM cents-up "$OCT_TOTAL")" "$OCT_SUBTOTAL" "October's costs are October's invoice subtotal"
is "$($EMU_SUM max-decimals "$T_DIR/oct")" 5 "amounts carry fractions of a cent as exact decimal text"
emulate_all oct180 "/v1/organization/costs?start_time=$OCT&end_time=$NOV&limit=180"
is "$PAGES $($EMU_SUM openai-cost "$T_DIR/oct180")" "1 $OCT_TOTAL" "limit=180 (the maximum): one page, the same total"

# group_by: every grouping sums to the same figures per bucket.
$EMU_SUM per-bucket "$T_DIR/oct180" openai >"$T_DIR/plain"
for g in line_item project_id 'line_item&group_by=project_id' api_key_id; do
	emulate_all grouped "/v1/organization/costs?start_time=$OCT&end_time=$NOV&limit=31&group_by=$g"
	$EMU_SUM per-bucket "$T_DIR/grouped" openai >"$T_DIR/g"
	check "group_by=$g: each bucket sums to the ungrouped bucket" cmp "$T_DIR/plain" "$T_DIR/g"
done
emulate_all li "/v1/organization/costs?start_time=$OCT&end_time=$NOV&limit=31&group_by%5B%5D=line_item"
is "$($EMU_SUM keys "$T_DIR/li" line_item)" \
	"Agent session minutes|Connection minutes|Data transfer|Knowledge base storage|LLM tokens|Pro plan, October 2026|Speech-to-text|Text-to-speech|Tool calls" \
	"group_by[]=line_item: the plan fee and one line per meter"
emulate_all pr "/v1/organization/costs?start_time=$OCT&end_time=$NOV&limit=31&group_by=project_id"
is "$($EMU_SUM keys "$T_DIR/pr" project_id)" "None|agt_invoice|agt_support|agt_voice" \
	"group_by=project_id: the three projects, and the plan fee outside any (null)"
emulate_all pf "/v1/organization/costs?start_time=$OCT&end_time=$NOV&limit=31&project_ids=agt_voice&group_by=project_id"
is "$($EMU_SUM keys "$T_DIR/pf" project_id)" "agt_voice" "project_ids filters the projects"

# Usage: completions (LLM tokens), speeches, transcriptions; the native sums.
emulate_all comp "/v1/organization/usage/completions?start_time=$NOV&end_time=$(($NOV + 15 * 86400))&limit=4"
is "$PAGES_OK $PAGES" "1 4" "completions: 15 buckets in 4 pages of 4"
valid "completions pages are UsageCompletionsResult" $SCHEMA UsageResponse --result UsageCompletionsResult "$T_DIR"/comp/*.json
is "$($EMU_SUM field "$T_DIR/comp" input_tokens) $($EMU_SUM field "$T_DIR/comp" num_model_requests)" \
	"$N_TOKENS $N_REQS" "input tokens and requests are the native LLM token meter's raw and records"
emulate_all compg "/v1/organization/usage/completions?start_time=$NOV&end_time=$(($NOV + 15 * 86400))&limit=31&group_by=model&group_by=project_id&group_by=api_key_id"
is "$($EMU_SUM field "$T_DIR/compg" input_tokens) $($EMU_SUM keys "$T_DIR/compg" model) $($EMU_SUM keys "$T_DIR/compg" api_key_id)" \
	"$N_TOKENS llm_tokens key_billtop_admin" "grouped by model, project and key: the same tokens"
emulate_all compv "/v1/organization/usage/completions?start_time=$NOV&end_time=$(($NOV + 15 * 86400))&limit=31&project_ids=agt_voice"
is "$($EMU_SUM field "$T_DIR/compv" input_tokens)" "$N_TOKENS_VOICE" "project_ids=agt_voice: that project's tokens"
emulate_all sp "/v1/organization/usage/audio_speeches?start_time=$NOV&end_time=$(($NOV + 15 * 86400))&limit=31"
valid "audio_speeches pages are UsageAudioSpeechesResult" $SCHEMA UsageResponse --result UsageAudioSpeechesResult "$T_DIR"/sp/*.json
is "$($EMU_SUM field "$T_DIR/sp" characters)" "$N_CHARS" "speech characters are the text-to-speech meter's"
emulate_all tr "/v1/organization/usage/audio_transcriptions?start_time=$NOV&end_time=$(($NOV + 15 * 86400))&limit=31"
valid "audio_transcriptions pages are UsageAudioTranscriptionsResult" $SCHEMA UsageResponse --result UsageAudioTranscriptionsResult "$T_DIR"/tr/*.json
is "$($EMU_SUM field "$T_DIR/tr" seconds)" "$N_SECS" "transcription seconds are the speech-to-text meter's"
for k in embeddings:UsageEmbeddingsResult images:UsageImagesResult moderations:UsageModerationsResult \
	vector_stores:UsageVectorStoresResult code_interpreter_sessions:UsageCodeInterpreterSessionsResult; do
	emulate_all k "/v1/organization/usage/${k%%:*}?start_time=$NOV&limit=31&group_by=project_id"
	valid "usage/${k%%:*}: every page is a UsageResponse of ${k#*:}" $SCHEMA UsageResponse --result "${k#*:}" "$T_DIR"/k/*.json
done
is "$($EMU_SUM field "$T_DIR/k" num_sessions)" "$(native_sum '[.[] | select(.meter_id == "tool_calls") | .raw] | add')" \
	"code interpreter sessions are the tool calls"

# Projects: the agents, with names, paged by after.
ereq "/v1/organization/projects?limit=2"
valid_body "projects: a ProjectListResponse" $SCHEMA ProjectListResponse
is "$(jb '[.data[] | .id + "=" + .name] | join(",")') $(jb .has_more) $(jb .last_id)" \
	"agt_invoice=Invoice parser,agt_support=Support triage true agt_support" "projects: two of three, has_more"
ereq "/v1/organization/projects?limit=2&after=agt_support"
is "$(jb '[.data[].id] | join(",")') $(jb .has_more)" "agt_voice false" "projects after=agt_support: the last one"

# API keys (names for usage by API key): the admin key, a project's (none).
ereq "/v1/organization/admin_api_keys?limit=100"
valid_body "admin_api_keys: an ApiKeyList" $SCHEMA ApiKeyList
is "$(jb '[.data[] | .id + "=" + .name] | join(",")') $(jb .has_more)" "key_billtop_admin=billtop admin key false" \
	"admin_api_keys: the key every usage row is billed to"
ereq "/v1/organization/admin_api_keys?after=key_billtop_admin"
is "$(jb '.data | length')" 0 "admin_api_keys after it: none"
ereq "/v1/organization/projects/agt_voice/api_keys?limit=100"
valid_body "a project's api_keys: a ProjectApiKeyListResponse" $SCHEMA ProjectApiKeyListResponse

# Bad parameters: 400 in OpenAI's shape naming the parameter.
for q in "bucket_width=1d" "start_time=$NOV&bucket_width=1h" "start_time=$NOV&limit=181" \
	"start_time=$NOV&page=nonsense" "start_time=$NOV&colour=red" "start_time=$NOV&group_by=model" \
	"start_time=abc" "start_time=$NOV&end_time=$NOV"; do
	ereq "/v1/organization/costs?$q"
	is "$CODE $(jb .error.type)" "400 invalid_request_error" "costs?$q gets 400 (param $(jb .error.param))"
done
ereq "/v1/organization/usage/completions?start_time=$NOV&limit=32"
is "$CODE $(jb .error.param)" "400 limit" "usage limit is at most 31 for 1d buckets"
valid_body "a 400 is OpenAI's ErrorResponse" $SCHEMA ErrorResponse

# Rate limiting: 429 with Retry-After in OpenAI's shape, then the answer.
restart_billtopd --emulate openai --fault '/v1/organization/costs=429:7*1'
ereq "/v1/organization/costs?start_time=$NOV"
is "$CODE $(hdr Retry-After) $(jb .error.code)" "429 7 rate_limit_exceeded" "429 with Retry-After: 7"
valid_body "the 429 body is OpenAI's ErrorResponse" $SCHEMA ErrorResponse
ereq "/v1/organization/costs?start_time=$NOV"
is "$CODE" 200 "the next request is answered"
restart_billtopd --emulate openai --fault '/v1/organization/usage=500*1'
ereq "/v1/organization/usage/completions?start_time=$NOV"
is "$CODE $(jb .error.type)" "500 server_error" "an injected 500 is OpenAI's server_error"

# The large account (30 meters, 50 agents): every token meter's raw is in
# completions or embeddings, across pages of 31 days with every grouping.
start_billtopd --seed large --scale 62
curl -sS -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/meters?limit=1000" |
	jq -r '.data[] | select(.raw_unit == "token") | .id' | sort >"$T_DIR/token_meters"
native_rows 2026-09-14 2026-11-15
L_TOKENS=$(native_sum "[.[] | select(.meter_id as \$m | \"$(tr '\n' ' ' <"$T_DIR/token_meters")\" | split(\" \") | index(\$m)) | .raw] | add")
restart_billtopd --emulate openai
L0=$(date -u -d 2026-09-14 +%s)
emulate_all lc "/v1/organization/usage/completions?start_time=$L0&limit=31&group_by=model&group_by=project_id"
emulate_all le "/v1/organization/usage/embeddings?start_time=$L0&limit=31&group_by=model&group_by=project_id"
is "$PAGES_OK $PAGES" "1 3" "the large account: 63 buckets in 3 pages"
is "$(($($EMU_SUM field "$T_DIR/lc" input_tokens) + $($EMU_SUM field "$T_DIR/le" input_tokens)))" "$L_TOKENS" \
	"the large account: completions and embeddings hold every token meter's raw"
is "$($EMU_SUM keys "$T_DIR/le" model)|$($EMU_SUM keys "$T_DIR/lc" model)" "$(tr '\n' '|' <"$T_DIR/token_meters" | sed 's/|$//')" \
	"each token meter is a model: embeddings the embedding meter, completions the others"
valid "the large account's completions pages are valid" $SCHEMA UsageResponse --result UsageCompletionsResult "$T_DIR"/lc/*.json

for _pid in $T_PIDS; do kill "$_pid" 2>/dev/null && wait "$_pid" 2>/dev/null; done
T_PIDS=""
unlike "$(cat "$T_DIR/billtopd.log" 2>/dev/null)" 'Sanitizer|runtime error' "billtopd reported no memory or undefined-behaviour error"
done_testing
