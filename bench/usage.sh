#!/bin/sh
# bench/usage.sh: the Usage tab on a large account (billtopd --seed large
# --scale 730): the first Usage frame, every range and breakdown change, a
# day selection and the drill-down, measured inside the dashboard with
# BILLTOP_TIMING_LOG; and `billtop print usage` per range as a whole process.
#
# Usage: bench/usage.sh [BUILDDIR]   (BUILDDIR holds src/billtop, src/billtopd)
#   BENCH_CACHE=FILE  reuse a cache already synced from --seed large --scale 730
#                     (bench/ui.sh takes the same variable); otherwise a fresh
#                     one is synced, which takes about a minute
#   RUNS=N            dashboard sessions (default 5); figures are medians
# Writes the figures between the "usage figures" markers of bench/README.
# Not a test: make check never runs it.  Needs tmux.
set -eu

. "$(dirname "$0")/lib.sh"
bench_init usage "${1:-.}"
SCALE=${SCALE:-730}
RUNS=${RUNS:-5}
bench_tmux
synced_cache "$SCALE"

# session LOG: billtop --offline on the cache in an 80x24 pane, timing to LOG.
session() {
	tm kill-server 2>/dev/null || true
	rm -f "$1"
	tm new-session -d -s b -x 80 -y 24 "exec env TERM=$term LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		BILLTOP_NOW=$NOW BILLTOP_TIMING_LOG='$1' '$BILLTOP' --offline --cache '$cache'"
}
# count LOG PATTERN: lines of LOG matching PATTERN (0 while LOG does not exist yet).
count() {
	if [ -f "$1" ]; then grep -c "$2" "$1" || true; else echo 0; fi
}
# wait_lines LOG PATTERN N: polls (at most 60 s) until LOG has more than N lines matching PATTERN.
wait_lines() {
	i=0
	while [ "$(count "$1" "$2")" -le "$3" ]; do
		i=$((i + 1))
		[ $i -lt 1200 ] || { echo "bench/usage.sh: timed out waiting for $2 in $1" >&2; exit 1; }
		sleep 0.05
	done
}
frames() { count "$1" '^frame view=usage'; }
# step LOG NAME KEY: sends KEY, waits for its frame; records NAME, the key's
# time (model rebuild), the frame's time (load if any + compose + blit), in us.
step() {
	n=$(frames "$1")
	tm send-keys -t b "$3"
	wait_lines "$1" '^frame view=usage' "$n"
	key_us=$(sed -n 's/^usage_key .*key_us=\([0-9]*\).*/\1/p' "$1" | tail -n 1)
	frame_us=$(sed -n 's/^frame view=usage .*total_us=\([0-9]*\).*/\1/p' "$1" | tail -n 1)
	echo "$2 ${key_us:-0} ${frame_us:-0}" >>"$work/steps"
}

: >"$work/steps"
r=0
while [ $r -lt "$RUNS" ]; do
	echo "== dashboard session $((r + 1)) of $RUNS" >&2
	log="$work/t-$r.log"
	session "$log"
	wait_lines "$log" first_frame_us 0
	# The first Usage frame: the tab's load (models from the rollups) and its draw.
	n=$(frames "$log")
	tm send-keys -t b 3
	wait_lines "$log" '^frame view=usage' "$n"
	echo "first_usage_frame 0 $(sed -n 's/^frame view=usage .*total_us=\([0-9]*\).*/\1/p' "$log" | tail -n 1)" \
		>>"$work/steps"
	step "$log" "range_90d" R
	step "$log" "range_7d" R
	step "$log" "range_period" R
	step "$log" "range_previous" R
	step "$log" "range_30d" R
	step "$log" "by_meter_30d" b
	step "$log" "by_agent_30d" b
	step "$log" "by_item_30d" b
	step "$log" "range_90d_item" R
	step "$log" "by_meter_90d" b
	step "$log" "by_agent_90d" b
	step "$log" "day_left" Left
	step "$log" "zero_toggle" z
	step "$log" "drill_day" Enter
	step "$log" "drill_runs" Enter
	step "$log" "back_day" Escape
	step "$log" "back_chart" Escape
	tm send-keys -t b q
	r=$((r + 1))
done

echo "== billtop print usage, 10 runs per range" >&2
pr_ms() {
	: >"$work/pr"
	i=0
	while [ $i -lt 10 ]; do
		t0=$(date +%s%N)
		BILLTOP_NOW=$NOW "$BILLTOP" print usage --cache "$cache" "$@" >/dev/null
		echo $(( ($(date +%s%N) - t0) / 1000 )) >>"$work/pr"
		i=$((i + 1))
	done
	median <"$work/pr" | ms
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //' | sed 's/  */ /g')
{
	echo "Measured $(date -u +%Y-%m-%d) on $(nproc) x $cpu, billtop $("$BILLTOP" --version | head -n 1 | cut -d' ' -f2),"
	echo "cache of --seed large --scale $SCALE ($(du -h "$cache" | cut -f1)), 80x24, --offline, median of $RUNS sessions."
	echo
	echo "dashboard step        key (model rebuild)   frame (load+draw)   total"
	awk '{ print $1 }' "$work/steps" | awk '!seen[$0]++' | while read -r name; do
		k=$(awk -v n="$name" '$1 == n { print $2 }' "$work/steps" | median)
		f=$(awk -v n="$name" '$1 == n { print $3 }' "$work/steps" | median)
		printf '%-20s %12s ms %17s ms %8s ms\n' "$name" "$(echo "$k" | ms)" "$(echo "$f" | ms)" \
			"$(echo $((k + f)) | ms)"
	done
	echo
	echo "billtop print usage (whole process: cache open, load, draw, write; median of 10):"
	for rg in 7d 30d 90d period previous; do
		printf '  --range %-9s item %6s ms   meter %6s ms   agent %6s ms\n' "$rg" \
			"$(pr_ms --range "$rg" --by item)" "$(pr_ms --range "$rg" --by meter)" "$(pr_ms --range "$rg" --by agent)"
	done
} >"$work/figures"
cat "$work/figures"
write_figures "$work/figures" || true
