#!/bin/sh
# tests/golden/print.sh: `billtop print overview|plans` against goldens.
# A billtopd with a fixed clock is synced into a fresh cache, then every
# print is compared with tests/golden/print/NAME.  BILLTOP_REGOLD=1 rewrites
# the goldens from the current output instead (review the diff, then commit).
. "$top_srcdir/tests/lib.sh"

GOLD="$top_srcdir/tests/golden/print"
export BILLTOP_NOW="${BT_NOW:-2026-11-15T12:00:00Z}"
export XDG_CONFIG_HOME="$T_DIR/config"

# sync_variant VARIANT: a fresh billtopd and a fresh cache synced from it.
sync_variant() {
	[ -n "${BT_PID:-}" ] && stop_billtopd
	start_billtopd --seed "demo=$1" || return 1
	CACHE="$T_DIR/cache-$1.db"
	BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" --cache "$CACHE" >"$T_DIR/sync.out" 2>&1
}

# golden NAME CMD...: runs CMD and compares its stdout with the golden NAME
# (JSON goes through jq -S without synced_at, the moment of the sync).
golden() {
	name=$1
	shift
	if ! "$@" >"$T_DIR/out.raw" 2>"$T_DIR/err"; then
		ok 1 "$name: the command failed"
		sed 's/^/# /' "$T_DIR/err"
		return
	fi
	case "$name" in
	*.json) jq -S 'del(.synced_at)' "$T_DIR/out.raw" >"$T_DIR/out" ;;
	*) cp "$T_DIR/out.raw" "$T_DIR/out" ;;
	esac
	if [ -n "${BILLTOP_REGOLD:-}" ]; then
		cp "$T_DIR/out" "$GOLD/$name"
		ok 0 "$name: golden rewritten"
		return
	fi
	if diff -u "$GOLD/$name" "$T_DIR/out" >"$T_DIR/diff"; then
		ok 0 "$name matches its golden"
	else
		ok 1 "$name matches its golden"
		sed 's/^/# /' "$T_DIR/diff" | head -n 40
	fi
}

pr() {
	"$BILLTOP" print "$@" --cache "$CACHE"
}

sync_variant active || bail "billtopd or billtop sync did not work"
golden active-overview.txt pr overview
golden active-overview.json pr overview --format json
golden active-plans.txt pr plans
golden active-plans.json pr plans --format json
golden active-overview-w40.txt pr overview --width 40
golden active-plans-w60.txt pr plans --width 60
golden active-plans-ascii.txt env LC_ALL=C "$BILLTOP" print plans --cache "$CACHE"
high=$(env LC_ALL=C "$BILLTOP" print overview --cache "$CACHE" | LC_ALL=C tr -d '\000-\177' | wc -c)
is "$high" "0" "LC_ALL=C: the print is pure ASCII"

sync_variant trial || { ok 1 "sync trial"; done_testing; exit; }
golden trial-overview.txt pr overview
golden trial-overview.json pr overview --format json

sync_variant past-due || { ok 1 "sync past-due"; done_testing; exit; }
golden past-due-overview.txt pr overview
golden past-due-plans.txt pr plans

sync_variant exhausted || { ok 1 "sync exhausted"; done_testing; exit; }
golden exhausted-overview.txt pr overview
golden exhausted-plans.json pr plans --format json

# Bad use is refused with the usage exit code and a message.
"$BILLTOP" print nonsense --cache "$CACHE" >/dev/null 2>"$T_DIR/err"
is "$?" "2" "an unknown tab is a usage error"
like "$(cat "$T_DIR/err")" "unknown tab 'nonsense'" "and says so"
"$BILLTOP" print overview --width 5 --cache "$CACHE" >/dev/null 2>&1
is "$?" "2" "a width below 20 is refused"
"$BILLTOP" print plans --format csv --cache "$CACHE" >/dev/null 2>&1
is "$?" "2" "a format the tab does not offer is refused"
"$BILLTOP" print overview --cache "$T_DIR/absent.db" >/dev/null 2>"$T_DIR/err"
is "$?" "7" "no cache yet: the cache exit code"
ok "$([ -e "$T_DIR/absent.db" ] && echo 1 || echo 0)" "printing never creates a cache"
done_testing
