#!/bin/sh
# bench/sync.sh: how long `billtop sync` takes and how much memory it needs
# on large accounts (billtopd --seed large --scale 365 and 730): a full
# refresh into an empty cache, then a refresh where nothing changed.  Peak
# memory should not grow with the account: sync streams page by page.
#
# Usage: bench/sync.sh [BUILDDIR]   (BUILDDIR holds src/billtop and src/billtopd;
#                                    default: the current directory)
# Writes the figures between the "sync figures" markers of bench/README.
# Not a test: make check never runs it.
set -eu

. "$(dirname "$0")/lib.sh"
bench_init sync "${1:-.}"
SCALES=${SCALES:-365 730}
[ -x /usr/bin/time ] || bench_die "/usr/bin/time is missing: run ./bootstrap (package time)"

# field LOG NAME: a value from /usr/bin/time -v's report
field() {
	sed -n "s/^[[:space:]]*$2: //p" "$1" | head -n 1
}
# wall-clock "m:ss.cc" or "h:mm:ss" -> seconds with two decimals
seconds() {
	echo "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}

rows=""
for scale in $SCALES; do
	echo "== --seed large --scale $scale" >&2
	t0=$(date +%s)
	start_large "$scale"
	echo "   billtopd seeded in $(( $(date +%s) - t0 )) s" >&2
	cache="$work/cache-$scale.db"

	BILLTOP_TOKEN=$TOKEN /usr/bin/time -v "$BILLTOP" sync --url "$url" --cache "$cache" \
		>"$work/full.out" 2>"$work/full.time"
	BILLTOP_TOKEN=$TOKEN /usr/bin/time -v "$BILLTOP" sync --url "$url" --cache "$cache" \
		>"$work/again.out" 2>"$work/again.time"
	grep -q ': unchanged' "$work/again.out" || { echo "the re-sync changed something" >&2; exit 1; }

	full_s=$(seconds "$(field "$work/full.time" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')")
	full_kb=$(field "$work/full.time" 'Maximum resident set size (kbytes)')
	again_s=$(seconds "$(field "$work/again.time" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')")
	again_kb=$(field "$work/again.time" 'Maximum resident set size (kbytes)')
	usage_rows=$(sqlite3 "$cache" 'SELECT count(*) FROM usage_daily')
	# "x: fetched (1,234 items)" and "usage: fetched (3 of 3 months changed, 9,876 items)"
	items=$(sed -n 's/.*[( ]\([0-9,]*\) items\{0,1\})$/\1/p' "$work/full.out" |
		tr -d ',' | awk '{ s += $1 } END { print s }')
	requests=$(grep -c '^GET ' "$work/server.log")
	size_mb=$(du -m "$cache" | cut -f1)
	row=$(printf '%-6s %10s %12s %9s %9s %12s %12s %9s' "$scale" "$items" "$usage_rows" \
		"${full_s}s" "$((full_kb / 1024))MiB" "${again_s}s" "$((again_kb / 1024))MiB" "${size_mb}MiB")
	echo "   $row" >&2
	rows="$rows$row
"
	stop_server
	echo "   $requests requests for the two syncs" >&2
done

stamp=$(date -u +%Y-%m-%d)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
figures=$(printf '%s\n%s\n%s\n%s%s\n' \
	"Measured $stamp on $(nproc) x ${cpu:-unknown CPU}, billtop $("$BILLTOP" --version | head -n 1 | cut -d' ' -f2)." \
	"" \
	"scale      items   usage rows  full sync  full RSS  no-change   no-chg RSS     cache" \
	"$rows" "")
printf '%s\n' "$figures" >"$work/figures"
write_figures "$work/figures" || cat "$work/figures"
