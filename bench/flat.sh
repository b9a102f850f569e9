#!/bin/sh
# bench/flat.sh: is the dashboard flat in the account's size?  For each
# scale of billtopd --seed large (default 365 and 730), the first-visit time
# of every tab (load + draw, BILLTOP_TIMING_LOG, median of RUNS sessions)
# and the instruction count (valgrind --tool=callgrind, one whole process)
# of every `billtop print` tab, then the ratio of the last scale to the
# first (the goal: 1.00 +- 0.10).
#
# Usage: bench/flat.sh [BUILDDIR]    (BUILDDIR holds src/billtop, src/billtopd)
#   SCALES="365 730 1460"   the scales (default "365 730")
#   FLAT_CACHES=DIR         keep the synced caches in DIR (DIR/cSCALE.db) and
#                           reuse them on the next run: syncing 730 takes a minute
#   RUNS=N                  dashboard sessions per scale (default 5)
# Writes the figures between the "flat figures" markers of bench/README.
# Not a test: make check never runs it.  Needs tmux and valgrind.
set -eu

. "$(dirname "$0")/lib.sh"
bench_init flat "${1:-.}"
SCALES=${SCALES:-365 730}
RUNS=${RUNS:-5}
TABS="credits usage invoices payment plans"
PRINTS="overview credits usage invoices payment plans"
bench_tmux
command -v valgrind >/dev/null || bench_die "valgrind is missing"

# cache_for SCALE: sets cache to a cache synced from that scale (once).
cache_for() {
	if [ -n "${FLAT_CACHES:-}" ]; then
		mkdir -p "$FLAT_CACHES"
		BENCH_CACHE=$FLAT_CACHES/c$1.db
	else
		BENCH_CACHE=$work/c$1.db
	fi
	synced_cache "$1"
	# a cache from an older billtop is migrated here, not in a measured run
	BILLTOP_NOW=$NOW "$BILLTOP" print plans --cache "$cache" >/dev/null
}

# frames LOG: how many frames LOG holds (0 before the first).
frames() { cat "$1" 2>/dev/null | grep -c '^frame' || true; }

# visit LOG: one dashboard session: the first frame (Overview), then every
# tab of TABS once; the log's frame lines give each first visit's total.
visit() {
	tm kill-server 2>/dev/null || true
	rm -f "$1"
	tm new-session -d -s b -x 80 -y 24 "exec env TERM=$term LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		BILLTOP_NOW=$NOW BILLTOP_TIMING_LOG='$1' '$BILLTOP' --offline --cache '$cache'"
	n=0
	for k in 2 3 4 5 6; do
		i=0
		while [ "$(frames "$1")" -le $n ]; do
			i=$((i + 1))
			[ $i -lt 600 ] || bench_die "no frame after key $k"
			sleep 0.05
		done
		sleep 0.3   # let the frame settle (a second frame would be a repeat)
		n=$(frames "$1")
		tm send-keys -t b "$k"
	done
	while [ "$(frames "$1")" -le $n ]; do sleep 0.05; done
	tm send-keys -t b q
	sleep 0.2
}

# instructions TAB: callgrind's count for `billtop print TAB` (whole process).
instructions() {
	BILLTOP_NOW=$NOW valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$BILLTOP" print "$1" --cache "$cache" >/dev/null 2>"$work/vg" || true
	sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$work/vg"
}

for s in $SCALES; do
	cache_for "$s"
	echo "== scale $s: $RUNS dashboard sessions" >&2
	r=0
	while [ $r -lt "$RUNS" ]; do
		visit "$work/t-$s-$r.log"
		# the first frame is Overview's first visit, then one per tab
		grep '^frame' "$work/t-$s-$r.log" | sed -n 's/^frame view=\([a-z]*\) .*total_us=\([0-9]*\).*/\1 \2/p' \
			>>"$work/visits-$s"
		r=$((r + 1))
	done
	for v in overview $TABS; do
		echo "$s tab $v $(awk -v v="$v" '$1 == v { print $2 }' "$work/visits-$s" | median)"
	done >>"$work/rows"
	echo "== scale $s: callgrind on billtop print" >&2
	for p in $PRINTS; do
		echo "$s print $p $(instructions "$p")" >>"$work/rows"
	done
	echo "$s size $(du -h "$cache" | cut -f1)" >>"$work/rows"
done

first=$(echo "$SCALES" | awk '{ print $1 }')
later=$(echo "$SCALES" | awk '{ for (i = 2; i <= NF; i++) print $i }')
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //' | sed 's/  */ /g')
# row KIND NAME UNIT: the figures of one tab or print at every scale, then
# the ratio of every later scale to the first
row() {
	awk -v scales="$SCALES" -v k="$1" -v v="$2" -v unit="$3" '
		$2 == k && $3 == v { t[$1] = $4 }
		END {
			n = split(scales, s, " ")
			for (i = 1; i <= n; i++)
				if (unit == "ms") printf "%9.1f ms", t[s[i]] / 1000
				else printf "%11.1fM", t[s[i]] / 1e6
			for (i = 2; i <= n; i++)
				if (t[s[1]] > 0) printf "%10.2f", t[s[i]] / t[s[1]]
				else printf "%10s", "-"
			printf "\n"
		}' "$work/rows"
}
{
	echo "Measured $(date -u +%Y-%m-%d) on $(nproc) x $cpu, billtop $("$BILLTOP" --version | head -n 1 | cut -d' ' -f2),"
	echo "80x24, --offline; caches:$(for s in $SCALES; do printf ' %s %s' "$s" "$(awk -v s="$s" '$1 == s && $2 == "size" { print $3 }' "$work/rows")"; done)."
	echo
	printf '%-24s' "first visit (median $RUNS)"
	for s in $SCALES; do printf '%12s' "$s"; done
	for s in $later; do printf '%10s' "$s/$first"; done
	echo
	for v in overview $TABS; do
		printf '%-24s' "  $v"
		row tab "$v" ms
	done
	echo "instructions (callgrind)"
	for p in $PRINTS; do
		printf '%-24s' "  print $p"
		row print "$p" M
	done
} >"$work/figures"
cat "$work/figures"
write_figures "$work/figures" || true
