#!/bin/sh
# api_cli.sh: billtopd's command line: --help, --version, bad arguments (exit 2
# with a message), the port printed alone once listening, tokens from a file,
# the database (0600, seeded only when new, a temporary one removed at exit),
# clean stops on SIGTERM and SIGINT, and the large seed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

out=$("$BILLTOPD" --help); rc=$?
is "$rc" 0 "--help exits 0"
for opt in --listen --db --token --token-file --token-role --seed --now --fault --help --version; do
	like "$out" "^ +(-[a-zA-Z], )?$opt( |\$)" "--help documents $opt"
done
like "$out" "--seed large --scale N" "--help documents --scale"
like "$out" "delay:MS, 500, 503" "--help lists the fault kinds"
like "$out" "active \\(default\\), trial, past-due, exhausted, paused" "--help lists the demo variants"
is "$("$BILLTOPD" --version | head -n 1)" "billtopd $(sed -n 's/^AC_INIT(\[billtop\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")" \
	"--version prints the version"
# billtopd --version is billtop's, but for the name (GNU style: copyright,
# licence, no warranty); both --help end with where to report bugs.
is "$("$BILLTOPD" --version | sed 1d)" "$("$BILLTOP" --version | sed 1d)" \
	"billtopd --version says what billtop --version says"
like "$("$BILLTOPD" --version)" "^License MIT" "with the licence"
bugs="Report bugs to: <$(sed -n 's/^AC_INIT(\[billtop\], \[[^]]*\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")>"
is "$(printf '%s\n' "$out" | tail -n 1)" "$bugs" "billtopd --help ends with where to report bugs"
is "$("$BILLTOP" --help | tail -n 1)" "$bugs" "billtop --help too"

bad() {
	"$BILLTOPD" "$@" >"$T_DIR/bad.out" 2>"$T_DIR/bad.err"
	_rc=$?
	if [ "$_rc" = 2 ] && [ -s "$T_DIR/bad.err" ] && [ ! -s "$T_DIR/bad.out" ]; then
		ok 0 "exit 2 with a message: $*"
	else
		ok 1 "exit 2 with a message: $* (exit $_rc)"
		sed 's/^/# /' "$T_DIR/bad.err" | head -n 3
	fi
}
bad --token t --listen nowhere
bad --token t --listen 127.0.0.1:99999
bad --token t --listen 127.0.0.1:
bad --token t --seed nope
bad --token t --seed demo=sideways
bad --token t --seed demo --scale 10
bad --token t --seed large --scale 0
bad --token t --now yesterday
bad --token t --now 2026-02-30T00:00:00Z
bad --token t --fault '/v1/account=boom'
bad --token t --fault 'no-equals-sign'
bad --token t --fault '/v1/account=429'
bad --token t --fault '/v1/account=500*0'
bad --token t --token-role superuser:x
bad --token t --token-role nocolon
bad --token t --frobnicate
bad --token t stray-argument
bad --token ''
bad --listen 127.0.0.1:0
bad --token-file "$T_DIR/no-such-file"
"$BILLTOPD" --token t --seed nope 2>&1 | grep -q "demo\[=active" && ok 0 "a bad --seed says what is expected" ||
	ok 1 "a bad --seed says what is expected"

# A command line that holds a token is never echoed back, whatever is wrong with it.
for args in "--token-role s3cr3t-no-colon" "--token-role nosuchrole:s3cr3t-x" "--token-rolf=admin:s3cr3t-y" \
	"--token Bearer s3cr3t-stray"; do
	"$BILLTOPD" $args >/dev/null 2>"$T_DIR/secret.err"
	is "$?" 2 "exit 2: $args"
	unlike "$(cat "$T_DIR/secret.err")" "s3cr3t" "the message does not repeat the token: $args"
done
"$BILLTOPD" --token-role s3cr3t-no-colon 2>&1 >/dev/null | grep -q -- "--token-role.*ROLE:TOKEN" &&
	ok 0 "a bad --token-role names the option and the form ROLE:TOKEN" ||
	ok 1 "a bad --token-role names the option and the form ROLE:TOKEN"
"$BILLTOPD" --tokn=s3cr3t 2>&1 >/dev/null | grep -q -- "unknown option '--tokn'" &&
	ok 0 "an unknown option is named without its value" ||
	ok 1 "an unknown option is named without its value"

# The port alone on stdout, from a token file.
printf 'file-token\nsecond line ignored\n' >"$T_DIR/token"
BT_TOKEN=file-token
start_billtopd --token-file "$T_DIR/token" || { echo "not ok - start with --token-file"; exit 1; }
like "$(cat "$T_DIR/port")" '^[0-9]+$' "stdout is the port number alone"
is "$(wc -l <"$T_DIR/port" | tr -d ' ')" 1 "on one line"
get /v1/account
is "$CODE" 200 "the token from the first line of --token-file works"
TOKEN='second line ignored' get /v1/account
is "$CODE" 401 "the second line is not a token"
is "$(stat -c %a "$BT_DB")" 600 "--db is created 0600"
db=$BT_DB
kill -INT "$BT_PID"
wait "$BT_PID"
is "$?" 0 "SIGINT stops the server cleanly (exit 0)"
like "$(tail -n 1 "$T_DIR/billtopd.log")" "stopping" "and says so on stderr"

# Seeding happens only when the database is new.
BT_TOKEN=test-owner-token
start_billtopd --db "$db" --token file-token --seed demo=exhausted || { echo "not ok - restart"; exit 1; }
is "$(val /v1/account .plan_id)" pro "an existing database is not seeded again"
stop_billtopd
printf 'not a database at all, just text\n' >"$T_DIR/junk.db"
"$BILLTOPD" --token t --listen 127.0.0.1:0 --db "$T_DIR/junk.db" >"$T_DIR/junk.out" 2>"$T_DIR/junk.err"
is "$?" 1 "a file that is not a billtopd database: exit 1"
like "$(cat "$T_DIR/junk.err")" "junk.db" "naming the file"

# Without --db: a temporary database, removed at exit.
mkdir -p "$T_DIR/tmpd"
TMPDIR="$T_DIR/tmpd" "$BILLTOPD" --listen 127.0.0.1:0 --token t --now 2026-11-15T12:00:00Z \
	>"$T_DIR/tport" 2>>"$T_DIR/billtopd.log" &
pid=$!
T_PIDS="$T_PIDS $pid"
i=0
while [ $i -lt 300 ] && ! [ -s "$T_DIR/tport" ]; do sleep 0.05; i=$((i + 1)); done
like "$(ls "$T_DIR/tmpd")" '^billtopd-' "a temporary database in \$TMPDIR while running"
is "$(curl -sS -H 'Authorization: Bearer t' "http://127.0.0.1:$(cat "$T_DIR/tport")/v1/account" | jq -r .name)" \
	"Acme Robotics" "seeded with the demo by default"
port=$(cat "$T_DIR/tport")
kill -TERM "$pid"
wait "$pid"
is "$?" 0 "SIGTERM stops the server cleanly (exit 0)"
is "$(ls -A "$T_DIR/tmpd")" "" "the temporary database and its WAL are gone"

# A busy port is an error, not a hang.
start_billtopd || { echo "not ok - start"; exit 1; }
"$BILLTOPD" --token t --listen "127.0.0.1:$BT_PORT" --db "$T_DIR/busy.db" >/dev/null 2>"$T_DIR/busy.err"
is "$?" 1 "a port in use: exit 1"
like "$(cat "$T_DIR/busy.err")" "cannot listen" "with a message"
stop_billtopd

# The large seed, small: 30 meters x 50 agents a day.
start_billtopd --seed large --scale 3 || { echo "not ok - large seed"; exit 1; }
is "$(cat "$T_DIR/port" | wc -l | tr -d ' ')" 1 "the large seed prints nothing but the port"
is "$(val '/v1/meters?limit=1000' '.data | length')" 30 "30 meters"
is "$(val '/v1/agents?limit=1000' '.data | length')" 50 "50 agents"
is "$(val '/v1/usage/daily?from=2026-11-14&to=2026-11-14&limit=1000' '.has_more')" true "more than 1,000 rows a day"
n=0
after=""
while :; do
	get "/v1/usage/daily?from=2026-11-14&to=2026-11-14&limit=1000${after:+&starting_after=$after}"
	n=$((n + $(jb '.data | length')))
	[ "$(jb .has_more)" = true ] || break
	after=$(jb '.data[-1].id')
done
is "$n" 1500 "1,500 daily rows: every meter for every agent"
is "$(val '/v1/invoices?limit=1000' '[.data[] | select(.lines[0].description == "Purchased credits")] | length > 10')" true \
	"heavy usage is topped up with invoiced credit purchases"
is "$(val /v1/credits '.balance > 0')" true "so the balance stays positive"

api_done
