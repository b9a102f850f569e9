#!/bin/sh
# api_auth.sh: tokens and roles: 401 with WWW-Authenticate, 403 billing_forbidden
# (with the role) for member and viewer, 403 billing_read_only for a
# billing_reader's POST, admin may change billing; 404/405 for unknown paths.
# The log never holds a token, and the client's path and method are escaped
# there (%XX) so no terminal escape reaches whoever reads it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

start_billtopd --seed demo --token-role admin:tok-admin --token-role billing_reader:tok-reader \
	--token-role member:tok-member --token-role viewer:tok-viewer ||
	{ echo "not ok 1 - billtopd starts"; exit 1; }

CODE=$(curl -sS -o "$T_DIR/b" -D "$T_DIR/h" -w '%{http_code}' "$BT_URL/v1/account")
is "$CODE" 401 "no Authorization header: 401"
like "$(hdr WWW-Authenticate)" '^Bearer' "401 carries WWW-Authenticate: Bearer"
is "$(jq -r .error.code "$T_DIR/b")" unauthorized "the error code is unauthorized"

TOKEN=wrong-token get /v1/account
is "$CODE" 401 "an unknown token: 401"
like "$(hdr WWW-Authenticate)" '^Bearer' "and WWW-Authenticate again"

CODE=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Basic $BT_TOKEN" "$BT_URL/v1/account")
is "$CODE" 401 "the right token under another scheme is refused"

get /v1/account
is "$CODE" 200 "the owner token reads the account"
is "$(jb .role)" owner "the account says the caller is the owner"

TOKEN=tok-admin get /v1/account
is "$(jb .role)" admin "an admin token reads the account as admin"

for role in member viewer; do
	TOKEN=tok-$role get /v1/credits
	is "$CODE" 403 "$role: 403 on GET"
	is "$(jb .error.code)" billing_forbidden "$role: billing_forbidden"
	is "$(jb .error.role)" "$role" "$role: the error names the role"
	TOKEN=tok-$role post /v1/credits/purchases '{"credits": 1000}'
	is "$(jb .error.code)" billing_forbidden "$role: a POST is forbidden too"
	TOKEN=tok-$role get /v1/nothing-here
	is "$CODE" 403 "$role: even an unknown /v1 path is 403"
done

TOKEN=tok-reader get /v1/invoices
is "$CODE" 200 "billing_reader reads invoices"
TOKEN=tok-reader get /v1/account
is "$(jb .role)" billing_reader "the account says billing_reader"
balance=$(val /v1/credits .balance)
TOKEN=tok-reader post /v1/credits/purchases '{"credits": 1000}'
is "$CODE" 403 "billing_reader: POST is 403"
is "$(jb .error.code)" billing_read_only "billing_reader: billing_read_only"
is "$(jb .error.role)" billing_reader "the error names the role"
is "$(val /v1/credits .balance)" "$balance" "nothing was bought"
TOKEN=tok-reader post /v1/subscription '{"plan_id": "starter"}'
is "$(jb .error.code)" billing_read_only "billing_reader cannot change the plan"

TOKEN=tok-admin post /v1/subscription '{"plan_id": "starter"}'
is "$CODE" 200 "admin may change billing"
is "$(jb .scheduled_change.plan_id)" starter "the admin's downgrade is scheduled"

get /v1/nothing-here
is "$CODE" 404 "an unknown path: 404"
is "$(jb .error.code)" not_found "not_found"
get /v1/invoices/inv_999999
is "$CODE" 404 "an unknown invoice id: 404"
req DELETE /v1/account
is "$CODE" 405 "a known path with the wrong method: 405"
is "$(jb .error.code)" method_not_allowed "method_not_allowed"
post /v1/account '{}'
is "$CODE" 405 "POST on a read-only resource: 405"

# Paths and methods a client chose, for the log checks below.
curl -sS -g -o /dev/null "$BT_URL/v1/%1b[2Jx"
curl -sS -o /dev/null "$BT_URL/v1/a%20b%c3%a9%25%0aGET"
curl -sS -o /dev/null -X "$(printf 'G\033T')" "$BT_URL/v1/account"

stop_billtopd
is "$(tr -dc '\033' <"$T_DIR/billtopd.log" | wc -c | tr -d ' ')" 0 "the log holds no ESC byte"
like "$(cat "$T_DIR/billtopd.log")" '^GET /v1/%1B\[2Jx 401 [0-9]+ [0-9]+ms ' "an ESC in the path is logged as %1B"
like "$(cat "$T_DIR/billtopd.log")" '^GET /v1/a%20b%C3%A9%25%0AGET 401 [0-9]+ [0-9]+ms ' \
	"a space, a non-ASCII character, '%' and a newline in the path are logged as %XX, on one line"
like "$(cat "$T_DIR/billtopd.log")" '^G%1BT /v1/account 401 [0-9]+ [0-9]+ms ' "and so is an ESC in the method"
unlike "$(cat "$T_DIR/billtopd.log")" "$BT_TOKEN|tok-admin|tok-reader" "the log never contains a token"
like "$(cat "$T_DIR/billtopd.log")" '^GET /v1/account 401 [0-9]+ [0-9]+ms "curl/[^"]*"$' \
	"one log line per request: method path status bytes ms user-agent"

api_done
