#!/bin/sh
# print_usage_golden.sh: `billtop print usage|credits` as text at 40, 80 and
# 132 columns, UTF-8 and ASCII (LC_ALL=C), against tests/golden/usage/.
# BILLTOP_UPDATE_GOLDEN=1 rewrites the goldens from the current output.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/usage_lib.sh"
. "$top_srcdir/tests/integration/golden_lib.sh"

GOLDEN="$top_srcdir/tests/golden/usage"

start_billtopd --seed demo || { echo "Bail out! billtopd did not start"; exit 1; }
check "sync the demo account" sync_cache

for w in 40 80 132; do
	golden "usage-30d-item-$w-utf8" C.UTF-8 usage --width "$w"
	golden "usage-30d-item-$w-ascii" C usage --width "$w"
	golden "credits-$w-utf8" C.UTF-8 credits --width "$w"
	golden "credits-$w-ascii" C credits --width "$w"
done
golden usage-7d-meter-80-utf8 C.UTF-8 usage --range 7d --by meter
golden usage-7d-meter-132-utf8 C.UTF-8 usage --range 7d --by meter --width 132
golden usage-90d-agent-132-ascii C usage --range 90d --by agent --width 132
golden usage-previous-meter-40-utf8 C.UTF-8 usage --range previous --by meter --width 40
golden usage-period-meter-80-zero-ascii C usage --range period --by meter --show-zero
golden credits-usage-kind-80-utf8 C.UTF-8 credits --kind usage --ledger 5

# Every line fits the width asked for.
for w in 40 80 132; do
	LC_ALL=C.UTF-8 bt print usage --width "$w" --by meter >"$T_DIR/w.txt"
	# wc -L: the widest line in display columns (multibyte-aware).
	widest=$(LC_ALL=C.UTF-8 wc -L <"$T_DIR/w.txt")
	ok "$([ "$widest" -le "$w" ] && [ "$widest" -gt $((w / 2)) ] && echo 0 || echo 1)" \
		"usage by meter fits $w columns (widest line $widest)"
done

done_testing
