# bench/lib.sh: what the benchmarks share: the build to measure, a work
# directory removed on exit, billtopd with a large seeded account on
# loopback, a cache synced from it once, a private tmux, medians, and
# writing figures into bench/README.  Sourced by bench/sync.sh, ui.sh and usage.sh:
#
#     . "$(dirname "$0")/lib.sh"
#     bench_init NAME "${1:-.}"          # NAME: "sync", "ui", "usage"
#
# bench_init sets here (bench/), build, BILLTOP, BILLTOPD, NOW, TOKEN and
# work, exports a private config and cache home, unsets proxies and traps
# EXIT, INT and TERM.  BENCH_KEEP=1 keeps the work directory.
# Not a test: make check never runs the benchmarks.

NOW=2026-11-15T12:00:00Z
TOKEN=bench-token
spid=""
# Set by a script for its own clean-up (a tmux server), run first on exit.
bench_on_exit=:

bench_cleanup() {
	$bench_on_exit
	[ -n "$spid" ] && kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null
	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
}

# bench_init NAME BUILDDIR
bench_init() {
	BENCH=$1
	here=$(cd "$(dirname "$0")" && pwd)
	build=$(cd "$2" && pwd)
	BILLTOP=$build/src/billtop
	BILLTOPD=$build/src/billtopd
	for p in "$BILLTOP" "$BILLTOPD"; do
		[ -x "$p" ] || bench_die "$p not found: build first, or pass BUILDDIR"
	done
	work=$(mktemp -d "${TMPDIR:-/tmp}/billtop-${BENCH}bench.XXXXXX")
	trap bench_cleanup EXIT
	trap 'exit 130' INT TERM
	export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/xdg" NO_PROXY='*' TZ=UTC
	unset BILLTOP_URL http_proxy https_proxy HTTP_PROXY HTTPS_PROXY NO_COLOR
}

# bench_die MESSAGE: says which benchmark failed and why, exit 2.
bench_die() {
	echo "bench/${BENCH:-?}.sh: $1" >&2
	exit 2
}

# start_large SCALE: billtopd --seed large --scale SCALE on a fresh database
# in $work, waiting (at most 10 minutes: seeding takes a while) for the port
# it prints.  Sets spid and url; the server's log is $work/server.log.
start_large() {
	rm -f "$work/port" "$work/server.db"
	"$BILLTOPD" --listen 127.0.0.1:0 --db "$work/server.db" --token "$TOKEN" --now "$NOW" \
		--seed large --scale "$1" >"$work/port" 2>"$work/server.log" &
	spid=$!
	i=0
	while [ ! -s "$work/port" ] && [ $i -lt 6000 ]; do
		kill -0 "$spid" 2>/dev/null || { echo "billtopd died" >&2; cat "$work/server.log" >&2; exit 1; }
		sleep 0.1
		i=$((i + 1))
	done
	[ -s "$work/port" ] || { echo "billtopd did not start in time" >&2; exit 1; }
	url="http://127.0.0.1:$(head -n 1 "$work/port")"
}

stop_server() {
	if [ -n "$spid" ]; then
		kill "$spid" 2>/dev/null || true
		wait "$spid" 2>/dev/null || true
	fi
	spid=""
}

# synced_cache SCALE: sets cache to $BENCH_CACHE when that is a synced cache
# (kept), else syncs a fresh one from billtopd --seed large --scale SCALE.
synced_cache() {
	cache=${BENCH_CACHE:-$work/cache.db}
	[ -s "$cache" ] && return 0
	echo "== seeding billtopd --seed large --scale $1 and syncing (once)" >&2
	start_large "$1"
	BILLTOP_TOKEN=$TOKEN "$BILLTOP" sync --url "$url" --cache "$cache" >"$work/sync.out" 2>&1 ||
		{ cat "$work/sync.out" >&2; exit 1; }
	stop_server
}

# bench_tmux: the dashboard benchmarks' terminal: needs tmux; tm runs tmux
# on a private server (killed on exit); term is the TERM billtop gets.
bench_tmux() {
	command -v tmux >/dev/null || bench_die "tmux is missing (./bootstrap installs it)"
	sock="$work/tmux.sock"
	bench_on_exit=tm_exit
	term=screen-256color
	if infocmp tmux-256color >/dev/null 2>&1; then
		term=tmux-256color
	fi
}
tm() { tmux -f /dev/null -S "$sock" "$@"; }
tm_exit() { tm kill-server 2>/dev/null || true; }

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# microseconds on stdin -> milliseconds with one decimal
ms() { awk '{ printf "%.1f", $1 / 1000 }'; }

# write_figures FILE: FILE's lines replace those between the "$BENCH
# figures" markers of bench/README.  1 (nothing written) without markers.
write_figures() {
	readme="$here/README"
	grep -q "^--- $BENCH figures begin ---\$" "$readme" 2>/dev/null || return 1
	awk -v f="$1" -v b="--- $BENCH figures begin ---" -v e="--- $BENCH figures end ---" '
		$0 == b { print; while ((getline l < f) > 0) print l; skip = 1; next }
		$0 == e { skip = 0 }
		!skip { print }' "$readme" >"$work/README" && cat "$work/README" >"$readme"
	echo "bench/$BENCH.sh: figures written to $readme" >&2
}
