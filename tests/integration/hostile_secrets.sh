#!/bin/sh
# hostile_secrets.sh: a server that quotes the Authorization header in its
# error bodies (billtopd --fault PATH=echoauth:STATUS) never gets the token
# into billtop's output, its cache or the cache's WAL (issue 18.1): every
# resource of a refresh, 4xx and 5xx, the token from the config, from
# BILLTOP_TOKEN and from token_command, and invoice download.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

TOKEN=tok-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
BT_TOKEN=$TOKEN
start_billtopd --seed demo || exit 1
bt_sync
is "$SYNC_RC" 0 "a first sync"

# no_token WHAT: the token is nowhere billtop writes
no_token() {
	is "$(printf '%s\n%s' "$SYNC_OUT" "$SYNC_ERR" | grep -c -- "$TOKEN")" 0 "$1: not in the output"
	for _f in "$CACHE" "$CACHE-wal"; do
		[ -e "$_f" ] || continue
		is "$(grep -c -a -- "$TOKEN" "$_f")" 0 "$1: not in $(basename "$_f")"
	done
}

for status in 400 500; do
	for r in $RESOURCES; do
		restart_billtopd --fault "$(fault_path "$r")=echoauth:$status" || exit 1
		forget_etags "$CACHE"
		bt_sync
		ok "$([ "$SYNC_RC" -ne 0 ] && echo 0 || echo 1)" "echoauth:$status on $r: the refresh fails"
		like "$SYNC_OUT$SYNC_ERR" "Bearer \*\*\*\*" "echoauth:$status on $r: the server's words, the token masked"
		no_token "echoauth:$status on $r"
		is "$(sqlite3 "$CACHE" "SELECT count(*) FROM sync_state WHERE resource = '$r' AND last_error LIKE '%Bearer ****%'")" 1 \
			"echoauth:$status on $r: sync_state.last_error holds the masked text"
	done
done

# the token from token_command: masked the same way
restart_billtopd --fault "/v1/plans=echoauth:400" || exit 1
mkdir -p "$XDG_CONFIG_HOME/billtop"
printf '%s\n' "$TOKEN" >"$T_DIR/token.txt"
printf 'url = %s\ntoken_command = cat %s\n' "$BT_URL" "$T_DIR/token.txt" >"$XDG_CONFIG_HOME/billtop/config"
forget_etags "$CACHE"
"$BILLTOP" sync >"$T_DIR/sync.out" 2>"$T_DIR/sync.err"
SYNC_RC=$? SYNC_OUT=$(cat "$T_DIR/sync.out") SYNC_ERR=$(cat "$T_DIR/sync.err")
like "$SYNC_OUT$SYNC_ERR" "Bearer \*\*\*\*" "token_command: the server's words, the token masked"
no_token "token_command"
rm -f "$XDG_CONFIG_HOME/billtop/config"

# invoice download: the error on stderr
restart_billtopd --fault "/v1/invoices/=echoauth:400" || exit 1
BILLTOP_TOKEN="$TOKEN" "$BILLTOP" invoice download --url "$BT_URL" inv_000001 >"$T_DIR/dl.out" 2>"$T_DIR/dl.err"
ok "$([ $? -ne 0 ] && echo 0 || echo 1)" "invoice download against echoauth fails"
like "$(cat "$T_DIR/dl.err")" "\*\*\*\*" "invoice download: the server's words, the token masked"
is "$(cat "$T_DIR/dl.out" "$T_DIR/dl.err" | grep -c -- "$TOKEN")" 0 "invoice download: the token is not printed"

# a screenful of server prose is shown bounded
restart_billtopd --fault "/v1/plans=longerror:400" || exit 1
forget_etags "$CACHE"
bt_sync
like "$SYNC_OUT" "Injected fault: xxx" "longerror: the server's words are shown"
unlike "$SYNC_OUT$SYNC_ERR" " END" "longerror: but not all 6000 bytes of them"
ok "$([ "$(printf '%s' "$SYNC_OUT" | grep plans | wc -c)" -lt 400 ] && echo 0 || echo 1)" \
	"longerror: the plans line stays under 400 bytes"

# a NUL outside a string, UTF-16 without a BOM: named, not "cut off"
restart_billtopd --fault "/v1/plans=nul" || exit 1
forget_etags "$CACHE"
bt_sync
like "$SYNC_OUT" "plans: failed: .*NUL byte at byte [0-9]*, outside any string" "nul: the NUL byte is named"
unlike "$SYNC_OUT" "cut off" "nul: not called cut off"
restart_billtopd --fault "/v1/plans=utf16" || exit 1
forget_etags "$CACHE"
bt_sync
like "$SYNC_OUT" "plans: failed: .*UTF-16" "utf16: the encoding is named"
unlike "$SYNC_OUT" "cut off" "utf16: not called cut off"
done_testing
