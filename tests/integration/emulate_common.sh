# emulate_common.sh: helpers for the --emulate suites (emulate_*.sh).  Source
# after tests/lib.sh.  Requests are real curls against BT_URL with the
# provider's auth headers; pages are saved for emulate_sum.py and validate.py.

command -v python3 >/dev/null 2>&1 || { echo "not ok 1 - python3 is installed (needed to validate)"; exit 1; }
python3 -c 'import jsonschema' 2>/dev/null ||
	{ echo "not ok 1 - python3-jsonschema is installed (needed to validate)"; exit 1; }

EMU_SUM="python3 $top_srcdir/tests/integration/emulate_sum.py"
EMU_VALIDATE="python3 $top_srcdir/tests/schemas/validate.py"
EMU_SCHEMAS="$top_srcdir/tests/schemas"

# ereq PATH [CURL_ARGS...]: GET with the provider's auth (EMU_PROVIDER openai
# or anthropic; the key is $KEY when set, else $BT_TOKEN); sets CODE and BODY,
# the body is in $T_DIR/b, headers in $T_DIR/h.
ereq() {
	_p=$1
	shift
	rm -f "$T_DIR/b"
	if [ "$EMU_PROVIDER" = openai ]; then
		CODE=$(curl -sS -o "$T_DIR/b" -D "$T_DIR/h" -w '%{http_code}' \
			-H "Authorization: Bearer ${KEY:-$BT_TOKEN}" "$@" "$BT_URL$_p")
	else
		CODE=$(curl -sS -o "$T_DIR/b" -D "$T_DIR/h" -w '%{http_code}' \
			-H "x-api-key: ${KEY:-$BT_TOKEN}" -H 'anthropic-version: 2023-06-01' "$@" "$BT_URL$_p")
	fi
	BODY=$(cat "$T_DIR/b" 2>/dev/null)
}

# jb FILTER: jq -r over the last BODY.
jb() {
	printf '%s' "$BODY" | jq -r "$@"
}

# hdr NAME: a header of the last response (value only, no CR).
hdr() {
	grep -i "^$1:" "$T_DIR/h" | head -n 1 | sed 's/^[^:]*: *//' | tr -d '\r'
}

# emulate_all NAME PATH?QUERY: follows next_page to the end, saving every page
# as $T_DIR/NAME/NNN.json; sets PAGES and PAGES_OK (1 when every page was 200
# and the last has has_more false and next_page null).
emulate_all() {
	_dir=$T_DIR/$1 _q=$2 _page=""
	rm -rf "$_dir"
	mkdir -p "$_dir"
	PAGES=0 PAGES_OK=1
	while :; do
		if [ -n "$_page" ]; then ereq "$_q&page=$_page"; else ereq "$_q"; fi
		[ "$CODE" = 200 ] || { PAGES_OK=0; echo "# page $PAGES: $CODE $BODY" | head -c 400; break; }
		PAGES=$((PAGES + 1))
		cp "$T_DIR/b" "$_dir/$(printf '%03d' "$PAGES").json"
		[ "$(jb .has_more)" = true ] || break
		_page=$(jb .next_page)
		[ "$PAGES" -lt 500 ] || { PAGES_OK=0; break; }
	done
	[ "$PAGES_OK" = 1 ] && [ "$(jb '.next_page == null')" = true ] || PAGES_OK=0
}

# restart_billtopd [ARGS...]: stops the server and starts it again on the same database.
restart_billtopd() {
	_db=$BT_DB
	stop_billtopd
	start_billtopd --db "$_db" "$@"
	BT_DB=$_db
}

# valid DESCRIPTION SCHEMA DEF [--result DEF] FILE...: validate.py passes.
valid() {
	_d=$1
	shift
	check "$_d" $EMU_VALIDATE "$EMU_SCHEMAS/$@"
}

# valid_body DESCRIPTION SCHEMA DEF: the last BODY is valid.
valid_body() {
	cp "$T_DIR/b" "$T_DIR/last.json"
	valid "$1" "$2" "$3" "$T_DIR/last.json"
}

# native_usage FROM TO JQ_REDUCE: the native /v1/usage/daily rows of the window
# (every page), reduced by a jq filter over the array of rows.
native_rows() {
	_from=$1 _to=$2 _after=""
	: >"$T_DIR/native.jsonl"
	while :; do
		_u="$BT_URL/v1/usage/daily?from=$_from&to=$_to&limit=1000${_after:+&starting_after=$_after}"
		curl -sS -H "Authorization: Bearer $BT_TOKEN" "$_u" >"$T_DIR/native.json"
		jq -c '.data[]' "$T_DIR/native.json" >>"$T_DIR/native.jsonl"
		[ "$(jq -r .has_more "$T_DIR/native.json")" = true ] || break
		_after=$(jq -r '.data[-1].id' "$T_DIR/native.json")
	done
}

# native_sum JQ: a jq filter over the array of rows native_rows saved.
native_sum() {
	jq -s -r "$1" "$T_DIR/native.jsonl"
}
