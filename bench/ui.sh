#!/bin/sh
# bench/ui.sh: the dashboard on a large account (billtopd --seed large
# --scale 730): time to the first frame, each tab's first and repeated
# redraw, `billtop print` as a curses-free proxy, and the bytes written to
# the terminal for the start, a tab switch and one idle minute (expected: 0).
#
# Usage: bench/ui.sh [BUILDDIR]      (BUILDDIR holds src/billtop, src/billtopd)
#   BENCH_CACHE=FILE  reuse a cache already synced from --seed large --scale 730
#                     (kept after the run when given; otherwise a fresh one is
#                     synced, which takes a minute)
#   IDLE=SECONDS      the idle period (default 60)
# Writes the figures between the "ui figures" markers of bench/README.
# Not a test: make check never runs it.  Needs tmux.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-.}" && pwd)
BILLTOP=$build/src/billtop
BILLTOPD=$build/src/billtopd
SCALE=${SCALE:-730}
IDLE=${IDLE:-60}
NOW=2026-11-15T12:00:00Z
TOKEN=bench-token
RUNS=5

for p in "$BILLTOP" "$BILLTOPD"; do
	[ -x "$p" ] || { echo "bench/ui.sh: $p not found: build first, or pass BUILDDIR" >&2; exit 2; }
done
command -v tmux >/dev/null || { echo "bench/ui.sh: tmux is missing (./bootstrap installs it)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/billtop-uibench.XXXXXX")
spid=""
sock="$work/tmux.sock"
tm() { tmux -f /dev/null -S "$sock" "$@"; }
cleanup() {
	tm kill-server 2>/dev/null || true
	[ -n "$spid" ] && kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/xdg" NO_PROXY='*' TZ=UTC
unset BILLTOP_URL http_proxy https_proxy HTTP_PROXY HTTPS_PROXY NO_COLOR
term=screen-256color
infocmp tmux-256color >/dev/null 2>&1 && term=tmux-256color

cache=${BENCH_CACHE:-$work/cache.db}
if [ ! -s "$cache" ]; then
	echo "== seeding billtopd --seed large --scale $SCALE and syncing (once)" >&2
	"$BILLTOPD" --listen 127.0.0.1:0 --db "$work/server.db" --token "$TOKEN" --now "$NOW" \
		--seed large --scale "$SCALE" >"$work/port" 2>"$work/server.log" &
	spid=$!
	i=0
	while [ ! -s "$work/port" ] && [ $i -lt 6000 ]; do
		kill -0 "$spid" 2>/dev/null || { echo "billtopd died" >&2; cat "$work/server.log" >&2; exit 1; }
		sleep 0.1
		i=$((i + 1))
	done
	BILLTOP_TOKEN=$TOKEN "$BILLTOP" sync --url "http://127.0.0.1:$(head -n 1 "$work/port")" \
		--cache "$cache" >"$work/sync.out" 2>&1 || { cat "$work/sync.out" >&2; exit 1; }
	kill "$spid"
	wait "$spid" 2>/dev/null || true
	spid=""
fi

# session LOG [ARGS]: billtop --offline on the cache in an 80x24 tmux pane,
# started only once pipe-pane records every byte it writes to $work/bytes.
session() {
	tm kill-server 2>/dev/null || true
	rm -f "$work/go" "$work/bytes" "$1"
	tm new-session -d -s b -x 80 -y 24 "while [ ! -e '$work/go' ]; do sleep 0.02; done;
		exec env TERM=$term LANG=C.UTF-8 LC_ALL=C.UTF-8 BILLTOP_NOW=$NOW BILLTOP_TIMING_LOG='$1' \
		'$BILLTOP' --offline --cache '$cache'"
	tm pipe-pane -t b -o "cat >> '$work/bytes'"
	touch "$work/go"
}
# wait_for FILE PATTERN: polls (at most 60 s) until FILE holds PATTERN.
wait_for() {
	i=0
	while ! grep -q "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 600 ] || { echo "bench/ui.sh: timed out waiting for $2 in $1" >&2; exit 1; }
		sleep 0.1
	done
}
# settle: waits until the pane's output has not grown for a second.
settle() {
	last=-1
	while :; do
		now=$(wc -c <"$work/bytes" 2>/dev/null || echo 0)
		[ "$now" = "$last" ] && return
		last=$now
		sleep 1
	done
}
bytes() { wc -c <"$work/bytes" 2>/dev/null | tr -d ' ' || echo 0; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ms() { awk '{ printf "%.1f", $1 / 1000 }'; }

echo "== first frame, $RUNS starts" >&2
: >"$work/first"
r=0
while [ $r -lt $RUNS ]; do
	session "$work/t-start-$r.log"
	wait_for "$work/t-start-$r.log" first_frame_us
	sed -n 's/.*since_start_us=\([0-9]*\).*/\1/p' "$work/t-start-$r.log" >>"$work/first"
	tm send-keys -t b q
	r=$((r + 1))
done
first_ms=$(median <"$work/first" | ms)

echo "== tabs: first visit (load + draw) and a repeat visit; bytes" >&2
log="$work/t-tabs.log"
session "$log"
wait_for "$log" first_frame_us
settle
start_bytes=$(bytes)
for pass in first repeat; do
	for k in 2 3 4 5 6 1; do
		before=$(grep -c '^frame' "$log")
		tm send-keys -t b "$k"
		while [ "$(grep -c '^frame' "$log")" -le "$before" ]; do sleep 0.05; done
		settle
		sed -n '$s/^frame view=\([a-z]*\) compose_us=\([0-9]*\) total_us=\([0-9]*\) cells=\([0-9]*\).*/\1 \2 \3 \4/p' "$log" \
			>>"$work/tab-$pass"
	done
done
b0=$(bytes)
tm send-keys -t b 2
settle
switch_bytes=$(( $(bytes) - b0 ))
tm send-keys -t b 1
settle
echo "== idle for ${IDLE}s" >&2
b0=$(bytes)
sleep "$IDLE"
idle_bytes=$(( $(bytes) - b0 ))
tm send-keys -t b q

echo "== billtop print as a proxy, 10 runs each" >&2
pr_ms() {
	t0=$(date +%s%N)
	i=0
	while [ $i -lt 10 ]; do
		BILLTOP_NOW=$NOW "$BILLTOP" print "$1" --cache "$cache" >/dev/null
		i=$((i + 1))
	done
	echo $(( ($(date +%s%N) - t0) / 10000000 ))
}
print_overview=$(pr_ms overview)
print_plans=$(pr_ms plans)

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //' | sed 's/  */ /g')
ncpu=$(nproc)
{
	echo "Measured $(date -u +%Y-%m-%d) on $ncpu x $cpu, billtop $("$BILLTOP" --version | head -n 1 | cut -d' ' -f2),"
	echo "cache of --seed large --scale $SCALE ($(du -h "$cache" | cut -f1)), 80x24, --offline."
	echo
	echo "first frame (process start to frame on screen, median of $RUNS): ${first_ms} ms"
	echo
	echo "tab         first visit (load+draw)   repeat (draw)   cells sent"
	paste -d' ' "$work/tab-first" "$work/tab-repeat" | while read -r v c1 t1 n1 v2 c2 t2 n2; do
		printf '%-11s %10s ms %21s ms %12s\n' "$v" "$(echo "$t1" | ms)" "$(echo "$t2" | ms)" "$n2"
	done
	echo
	echo "bytes written to the terminal: start-up $start_bytes, one tab switch $switch_bytes,"
	echo "idle ${IDLE} s $idle_bytes"
	echo "billtop print (process, 80 columns): overview ${print_overview} ms, plans ${print_plans} ms"
} >"$work/figures"
cat "$work/figures"

readme="$here/README"
if grep -q -- '--- ui figures begin ---' "$readme"; then
	awk -v f="$work/figures" '
		/--- ui figures begin ---/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
		/--- ui figures end ---/ { skip = 0 }
		!skip { print }' "$readme" >"$work/readme" && cat "$work/readme" >"$readme"
	echo "bench/ui.sh: figures written to $readme" >&2
fi
