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

. "$(dirname "$0")/lib.sh"
bench_init ui "${1:-.}"
SCALE=${SCALE:-730}
IDLE=${IDLE:-60}
RUNS=5
bench_tmux
synced_cache "$SCALE"

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
write_figures "$work/figures" || true
