# api_common.sh: helpers for the billtopd contract suites (api_*.sh).
# Source after tests/lib.sh.  Every request is a real curl against BT_URL.

# req METHOD PATH [CURL_ARGS...]: sets CODE and BODY; headers are in $T_DIR/h.
# The token is $TOKEN when set, else the owner's $BT_TOKEN.
req() {
	_m=$1 _p=$2
	shift 2
	rm -f "$T_DIR/b"
	CODE=$(curl -sS -o "$T_DIR/b" -D "$T_DIR/h" -w '%{http_code}' -X "$_m" \
		-H "Authorization: Bearer ${TOKEN:-$BT_TOKEN}" "$@" "$BT_URL$_p")
	BODY=$(cat "$T_DIR/b" 2>/dev/null)
}

# get PATH [CURL_ARGS...]
get() {
	_p=$1
	shift
	req GET "$_p" "$@"
}

# post PATH JSON [CURL_ARGS...]
post() {
	_p=$1 _d=$2
	shift 2
	req POST "$_p" -H 'Content-Type: application/json' --data "$_d" "$@"
}

# jb FILTER: jq -r over the last BODY.
jb() {
	printf '%s' "$BODY" | jq -r "$@"
}

# hdr NAME: a header of the last response (value only, no CR).
hdr() {
	grep -i "^$1:" "$T_DIR/h" | head -n 1 | sed 's/^[^:]*: *//' | tr -d '\r'
}

# val PATH FILTER: GET PATH and print FILTER over it (for one-liners).
val() {
	curl -sS -H "Authorization: Bearer ${TOKEN:-$BT_TOKEN}" "$BT_URL$1" | jq -r "$2"
}

# restart_billtopd [ARGS...]: stops the server and starts it again on the same database.
restart_billtopd() {
	_db=$BT_DB
	stop_billtopd
	start_billtopd --db "$_db" "$@"
	BT_DB=$_db
}

# api_done: stops every server this suite started, checks that none of them
# reported a sanitizer error (leaks are reported at exit), and ends the plan.
api_done() {
	for _pid in $T_PIDS; do
		kill "$_pid" 2>/dev/null && wait "$_pid" 2>/dev/null
	done
	T_PIDS=""
	unlike "$(cat "$T_DIR/billtopd.log" 2>/dev/null)" 'Sanitizer|runtime error' \
		"billtopd reported no memory or undefined-behaviour error"
	done_testing
}
