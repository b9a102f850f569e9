#!/bin/sh
# sync_security.sh: where the token may never be (the cache, ps), the
# config's permissions and errors, plain http, refused tokens and roles.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

TOKEN=tok-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
BT_TOKEN=$TOKEN
ROLES="--token-role member:member-token --token-role billing_reader:reader-token"
# shellcheck disable=SC2086
start_billtopd $ROLES || exit 1
CONF="$XDG_CONFIG_HOME/billtop/config"
mkdir -p "$XDG_CONFIG_HOME/billtop"

# the token from the config file (0600), not the environment or argv
printf 'url = %s\ntoken = %s\n' "$BT_URL" "$TOKEN" >"$CONF"
chmod 600 "$CONF"
"$BILLTOP" sync >"$T_DIR/out" 2>&1
is "$?" 0 "a sync with the token from a 0600 config file"
for f in "$CACHE" "$CACHE-wal" "$CACHE-shm"; do
	[ -e "$f" ] || continue
	is "$(grep -c -a -- "$TOKEN" "$f")" 0 "the token is not in $(basename "$f")"
done
is "$(grep -c -a -- "$TOKEN" "$T_DIR/billtopd.log")" 0 "nor in billtopd's log"

# while a sync runs (held up by a delay), ps shows no token
need_tool ps procps
# shellcheck disable=SC2086
restart_billtopd $ROLES --fault '/v1/plans=delay:2000*1' || exit 1
printf 'url = %s\ntoken = %s\n' "$BT_URL" "$TOKEN" >"$CONF"
forget_etags "$CACHE"
"$BILLTOP" sync >"$T_DIR/out" 2>&1 &
spid=$!
wait_for sh -c "grep -q '^GET /v1/account' '$T_DIR/billtopd.log'"
wait_for sh -c "ps -ww -o args= -p $spid | grep -q sync"
ps -eww -o args= >"$T_DIR/ps.out"
# (billtopd itself was given the token with --token by tests/lib.sh)
is "$(grep -v '^[^ ]*billtopd ' "$T_DIR/ps.out" | grep -c -- "$TOKEN")" 0 \
	"ps: no billtop process shows the token"
like "$(cat "$T_DIR/ps.out")" "billtop sync" "ps: the sync was running"
wait $spid
is "$?" 0 "the delayed sync finishes"
for f in "$CACHE" "$CACHE-wal" "$CACHE-shm"; do
	[ -e "$f" ] || continue
	is "$(grep -c -a -- "$TOKEN" "$f")" 0 "still no token in $(basename "$f")"
done

# token_command: the token comes from a command's first line
printf '%s\n' "$TOKEN" >"$T_DIR/token.txt"
printf 'url = %s\ntoken_command = cat %s\n' "$BT_URL" "$T_DIR/token.txt" >"$CONF"
chmod 644 "$CONF"
"$BILLTOP" sync >"$T_DIR/out" 2>&1
is "$?" 0 "token_command supplies the token (config may then be 0644)"
printf 'url = %s\ntoken_command = echo oops >&2; exit 3\n' "$BT_URL" >"$CONF"
"$BILLTOP" sync >"$T_DIR/out" 2>&1
is "$?" 3 "a failing token_command: exit 3"
like "$(cat "$T_DIR/out")" "oops" "its stderr is passed through"
like "$(cat "$T_DIR/out")" "token_command failed \(exit status 3\)" "and the failure is named"

# a token_command in a file others may change: refused before it runs
printf 'url = %s\ntoken_command = touch %s/pwned; echo tok\n' "$BT_URL" "$T_DIR" >"$CONF"
chmod 666 "$CONF"
"$BILLTOP" sync >"$T_DIR/out" 2>&1
is "$?" 2 "world-writable config with token_command: exit 2"
like "$(cat "$T_DIR/out")" "other users may change it; refusing to run it.  Run: chmod go-w $CONF" \
	"the message gives the exact chmod"
ok "$([ ! -e "$T_DIR/pwned" ] && echo 0 || echo 1)" "the token_command did not run"
chmod 644 "$CONF"

# a token in a file others can read: refused, with the chmod to run
printf 'url = %s\ntoken = %s\n' "$BT_URL" "$TOKEN" >"$CONF"
chmod 640 "$CONF"
"$BILLTOP" sync >"$T_DIR/out" 2>&1
is "$?" 2 "group-readable config with a token: exit 2"
like "$(cat "$T_DIR/out")" "Run: chmod 600 $CONF" "the message gives the exact chmod"
chmod 600 "$CONF"

# bad lines: FILE:LINE: what
printf 'url = %s\ncolour = blue\n' "$BT_URL" >"$CONF"
"$BILLTOP" sync >"$T_DIR/out" 2>&1
is "$?" 2 "an unknown key: exit 2"
like "$(cat "$T_DIR/out")" "$CONF:2: unknown key 'colour'" "reported as FILE:LINE"
printf 'refresh = soon\n' >"$CONF"
"$BILLTOP" sync >"$T_DIR/out" 2>&1
like "$(cat "$T_DIR/out")" "$CONF:1: refresh: 'soon' is not a duration" "a bad value, with its line"

# profiles: picked by --profile; an unknown one is named
printf 'url = http://127.0.0.1:9\n[profile here]\nurl = %s\ntoken = %s\n' "$BT_URL" "$TOKEN" >"$CONF"
"$BILLTOP" sync --profile here >"$T_DIR/out" 2>&1
is "$?" 0 "--profile picks the section's URL and token"
ok $([ -f "$XDG_CACHE_HOME/billtop/here.db" ] && echo 0 || echo 1) "the profile has its own cache file"
"$BILLTOP" sync --profile elsewhere >"$T_DIR/out" 2>&1
is "$?" 2 "an unknown profile: exit 2"
like "$(cat "$T_DIR/out")" "unknown profile 'elsewhere'" "named in the message"
rm -f "$CONF"

# plain http:// only to loopback, unless allow_http
BILLTOP_TOKEN=$TOKEN "$BILLTOP" sync --url http://192.0.2.7:8080 >"$T_DIR/out" 2>&1
is "$?" 2 "http:// to a non-loopback host: exit 2"
like "$(cat "$T_DIR/out")" "refusing plain http:// to 192.0.2.7" "and says why"
BILLTOP_TOKEN=$TOKEN "$BILLTOP" sync --url http://localhost:1 >"$T_DIR/out" 2>&1
is "$?" 4 "http://localhost is loopback: allowed (then unreachable: exit 4)"
printf 'allow_http = yes\n' >"$CONF"
chmod 600 "$CONF"
BILLTOP_TOKEN=$TOKEN BILLTOP_URL=http://0.0.0.0:1 "$BILLTOP" sync >"$T_DIR/out" 2>&1
rc=$?
unlike "$(cat "$T_DIR/out")" "refusing plain http" "allow_http = yes lets a non-loopback http:// URL through"
is "$rc" 4 "(which is then unreachable: exit 4)"
rm -f "$CONF"

# user:password@ in the URL: refused wherever it comes from (it would reach
# argv, the cache's last_error and messages), without repeating it
USERURL="http://billy:pw-$TOKEN@127.0.0.1:$BT_PORT"
rm -f "$T_DIR/ui.db"
BILLTOP_TOKEN=$TOKEN "$BILLTOP" sync --url "$USERURL" --cache "$T_DIR/ui.db" >"$T_DIR/out" 2>&1
is "$?" 2 "--url with a password: exit 2"
like "$(cat "$T_DIR/out")" "^billtop sync: --url: the URL must not contain a user name or password; put the token in the config$" \
	"the message says what to do"
BILLTOP_TOKEN=$TOKEN BILLTOP_URL=$USERURL "$BILLTOP" sync --cache "$T_DIR/ui.db" >>"$T_DIR/out" 2>&1
is "$?" 2 "BILLTOP_URL with a password: exit 2"
like "$(cat "$T_DIR/out")" "BILLTOP_URL: the URL must not contain a user name or password" "named too"
printf 'url = %s\n' "$USERURL" >"$CONF"
chmod 600 "$CONF"
BILLTOP_TOKEN=$TOKEN "$BILLTOP" sync --cache "$T_DIR/ui.db" >>"$T_DIR/out" 2>&1
is "$?" 2 "url in the config with a password: exit 2"
like "$(cat "$T_DIR/out")" "$CONF:1: the URL must not contain a user name or password" "with the file and line"
rm -f "$CONF"
is "$(grep -c -- "pw-$TOKEN" "$T_DIR/out")" 0 "no message repeats the password"
ok "$([ ! -e "$T_DIR/ui.db" ] && echo 0 || echo 1)" "no cache was written"

# refused tokens and roles
BILLTOP_TOKEN=wrong "$BILLTOP" sync --url "$BT_URL" >"$T_DIR/out" 2>&1
is "$?" 3 "an unknown token: exit 3"
like "$(cat "$T_DIR/out")" "account: failed: the server refused the token \(401\)" "in plain words"
BILLTOP_TOKEN=member-token "$BILLTOP" sync --url "$BT_URL" >"$T_DIR/out" 2>&1
is "$?" 3 "a member: exit 3"
like "$(cat "$T_DIR/out")" "your role \(member\) cannot see billing" "the role is named"
BILLTOP_TOKEN=reader-token "$BILLTOP" sync --url "$BT_URL" --cache "$T_DIR/reader.db" >"$T_DIR/out" 2>&1
is "$?" 0 "a billing_reader may sync"
"$BILLTOP" sync --url "$BT_URL" >"$T_DIR/out" 2>&1
is "$?" 3 "no token at all: exit 3"
like "$(cat "$T_DIR/out")" "no token" "and says so"
done_testing
