# tests/lib.sh: TAP helpers and a real billtopd on loopback for shell suites.
# Source it from a test:  . "$top_srcdir/tests/lib.sh"
# Every suite prints TAP; the plan is printed by done_testing at the end.

set -u
: "${top_srcdir:?run the tests through make check}"
: "${top_builddir:?run the tests through make check}"
: "${BILLTOP:=$top_builddir/src/billtop}"
: "${BILLTOPD:=$top_builddir/src/billtopd}"

T_NUM=0
T_FAILED=0
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/billtop-test.XXXXXX")
T_PIDS=""

t_cleanup() {
	for p in $T_PIDS; do
		kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
	done
	[ -n "${T_KEEP:-}" ] || rm -rf "$T_DIR"
}
trap t_cleanup EXIT
trap 'exit 130' INT TERM

# ok STATUS DESCRIPTION: STATUS 0 passes.
ok() {
	T_NUM=$((T_NUM + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T_NUM - $2"
	else
		T_FAILED=$((T_FAILED + 1))
		echo "not ok $T_NUM - $2"
	fi
}

# check DESCRIPTION CMD...: runs CMD, passes when it exits 0.
check() {
	d=$1; shift
	if "$@" >"$T_DIR/check.out" 2>&1; then ok 0 "$d"; else
		ok 1 "$d"; sed 's/^/# /' "$T_DIR/check.out" | head -n 20; fi
}

# is GOT EXPECTED DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then ok 0 "$3"; else
		ok 1 "$3"; printf '#   got:      %s\n#   expected: %s\n' "$1" "$2"; fi
}

# like GOT REGEX DESCRIPTION (extended regex, grep -E)
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then ok 0 "$3"; else
		ok 1 "$3"; printf '#   got: %s\n#   expected to match: %s\n' "$1" "$2" | head -n 20; fi
}

# unlike GOT REGEX DESCRIPTION
unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 1 "$3"; printf '#   got: %s\n#   expected not to match: %s\n' "$1" "$2" | head -n 20
	else ok 0 "$3"; fi
}

# bail MESSAGE: the suite cannot run (a tool or billtopd is missing): TAP
# "Bail out!", which the driver counts as an ERROR.  No suite skips: a check
# that cannot run fails, it never passes silently (issue 16).
bail() {
	echo "Bail out! $1"
	exit 1
}

# need_tool CMD PACKAGE: bails unless CMD is on PATH (./bootstrap installs
# PACKAGE; tests/integration/tools_audit.sh checks that it does).
need_tool() {
	command -v "$1" >/dev/null 2>&1 || bail "$1 is not installed (Debian package $2; ./bootstrap installs it)"
}

done_testing() {
	echo "1..$T_NUM"
	[ "$T_FAILED" -eq 0 ]
}

# start_billtopd [ARGS...]: starts billtopd on 127.0.0.1 with a fresh database,
# waits for the port it prints, and sets BT_PORT, BT_URL, BT_TOKEN, BT_PID, BT_DB.
# Defaults: --seed demo, a fixed clock; ARGS are appended and may override.
BT_TOKEN=test-owner-token
start_billtopd() {
	BT_STARTS=$((${BT_STARTS:-0} + 1))
	BT_DB="$T_DIR/server-$BT_STARTS-$$.db"
	rm -f "$T_DIR/port"
	"$BILLTOPD" --listen 127.0.0.1:0 --db "$BT_DB" --token "$BT_TOKEN" \
		--now "${BT_NOW:-2026-11-15T12:00:00Z}" "$@" \
		>"$T_DIR/port" 2>>"$T_DIR/billtopd.log" &
	BT_PID=$!
	T_PIDS="$T_PIDS $BT_PID"
	i=0
	while [ $i -lt 200 ]; do
		BT_PORT=$(head -n 1 "$T_DIR/port" 2>/dev/null)
		case "$BT_PORT" in [0-9]*) break ;; esac
		kill -0 "$BT_PID" 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
	case "$BT_PORT" in
	[0-9]*) BT_URL="http://127.0.0.1:$BT_PORT"; return 0 ;;
	esac
	echo "# billtopd did not start:"; sed 's/^/# /' "$T_DIR/billtopd.log" | tail -n 20
	return 1
}

stop_billtopd() {
	kill "$BT_PID" 2>/dev/null && wait "$BT_PID" 2>/dev/null
	return 0
}
