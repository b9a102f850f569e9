# tests/integration/usage_lib.sh: a cache synced from a real billtopd for the
# Usage and Credits suites.  Source it after tests/lib.sh and start_billtopd.

: "${BT_NOW:=2026-11-15T12:00:00Z}"
# billtop's clock agrees with the server's fixed clock; no user config leaks in.
BILLTOP_NOW=$BT_NOW
BILLTOP_TOKEN=$BT_TOKEN
XDG_CONFIG_HOME="$T_DIR/config"
XDG_CACHE_HOME="$T_DIR/xdg-cache"
export BILLTOP_NOW BILLTOP_TOKEN XDG_CONFIG_HOME XDG_CACHE_HOME
CACHE="$T_DIR/cache.db"

# bt ARGS...: billtop on the test server and cache.
bt() {
	"$BILLTOP" --url "$BT_URL" --cache "$CACHE" "$@"
}

# sync_cache: one `billtop sync`; says why when it fails.
sync_cache() {
	if bt sync >"$T_DIR/sync.out" 2>&1; then
		return 0
	fi
	sed 's/^/# /' "$T_DIR/sync.out"
	return 1
}

# api PATH: GET from the server with the owner token.
api() {
	curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL$1"
}

# group N: 1234567 -> 1,234,567 (the C locale's grouping billtop uses).
group() {
	printf '%s\n' "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'
}
