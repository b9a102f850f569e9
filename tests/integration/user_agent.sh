#!/bin/sh
# user_agent.sh: every request billtop makes says "User-Agent:
# billtop/VERSION" (sync, and the PDF download through net_download), as
# billtopd's log line shows: it ends with the client's User-Agent, quoted,
# sanitised (no escape sequences, no quote that ends the field early), "-"
# when none was sent.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

VERSION=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h")
like "$VERSION" '^[0-9]' "config.h names the version ($VERSION)"
is "$("$BILLTOP" --version | head -n 1)" "billtop $VERSION" "billtop --version agrees"
UA="\"billtop/$VERSION\""

start_billtopd || { echo "Bail out! billtopd did not start"; exit 1; }

mark=$(log_mark)
bt_sync
is "$SYNC_RC" 0 "a sync against billtopd"
log_since "$mark" >"$T_DIR/sync.log"
n=$(grep -c '^GET /v1/' "$T_DIR/sync.log")
ok "$([ "$n" -ge 12 ] && echo 0 || echo 1)" "the sync's requests are logged ($n)"
is "$(grep '^GET /v1/' "$T_DIR/sync.log" | grep -vc " $UA\$")" 0 \
	"every one of them carried User-Agent: billtop/$VERSION"

mkdir -p "$T_DIR/dl"
id=$(curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices?status=paid" | jq -r '.data[0].id')
mark=$(log_mark)
BILLTOP_TOKEN=$BT_TOKEN XDG_DOWNLOAD_DIR="$T_DIR/dl" "$BILLTOP" invoice download "$id" \
	--url "$BT_URL" >"$T_DIR/dl.out" 2>&1
is "$?" 0 "billtop invoice download $id"
like "$(log_since "$mark")" "^GET /v1/invoices/$id/pdf 200 [0-9]+ [0-9]+ms $UA\$" \
	"the PDF download (net_download) carried it too"

# The field is the header the client sent, not a constant.
mark=$(log_mark)
curl -s -A 'probe/1.0' -o /dev/null "$BT_URL/v1/account"
like "$(log_since "$mark")" '^GET /v1/account 401 [0-9]+ [0-9]+ms "probe/1\.0"$' "another client's User-Agent is logged as sent"
mark=$(log_mark)
curl -s -A '' -o /dev/null "$BT_URL/v1/account"
like "$(log_since "$mark")" '^GET /v1/account 401 [0-9]+ [0-9]+ms "-"$' "none sent: \"-\""
esc=$(printf 'evil"\033[31mred\\')
mark=$(log_mark)
curl -s -A "$esc" -o /dev/null "$BT_URL/v1/account"
log_since "$mark" >"$T_DIR/esc.log"
is "$(tr -d '\n' <"$T_DIR/esc.log" | tr -dc '\033' | wc -c | tr -d ' ')" 0 "an escape sequence never reaches the log"
like "$(cat "$T_DIR/esc.log")" "ms \"evil'red'\"\$" "quotes and backslashes cannot end the field early"

done_testing
