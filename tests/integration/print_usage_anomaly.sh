#!/bin/sh
# print_usage_anomaly.sh: a spike placed by billtopd --spike is listed by
# `billtop print usage` (text goldens, JSON `anomalies`), per line item and
# per meter; anomaly_factor in the configuration moves the threshold and a
# bad value is refused; a bad --spike is refused by billtopd.
# BILLTOP_UPDATE_GOLDEN=1 rewrites the goldens from the current output.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/usage_lib.sh"
. "$top_srcdir/tests/integration/golden_lib.sh"

GOLDEN="$top_srcdir/tests/golden/usage"
export XDG_CONFIG_HOME="$T_DIR/config"
mkdir -p "$XDG_CONFIG_HOME/billtop"

"$BILLTOPD" --listen 127.0.0.1:0 --token t --spike tool_calls:2026-11-12:1 >/dev/null 2>"$T_DIR/spike.err"
is "$?" 2 "billtopd: a factor under 2 is a usage error"
like "$(cat "$T_DIR/spike.err")" "bad --spike 'tool_calls:2026-11-12:1'" "billtopd says which --spike is wrong"

start_billtopd --seed demo --spike tool_calls:2026-11-12:5 || { echo "Bail out! billtopd did not start"; exit 1; }
check "sync the demo account with a spike" sync_cache

golden usage-anomaly-30d-item-80-utf8 C.UTF-8 usage
golden usage-anomaly-30d-item-80-ascii C usage
golden usage-anomaly-30d-meter-80-utf8 C.UTF-8 usage --by meter

bt print usage --format json >"$T_DIR/a.json" 2>"$T_DIR/a.err"
ok $? "print usage --format json"
is "$(jq -r '.anomaly_factor' "$T_DIR/a.json")" 3 "the default factor is 3"
is "$(jq -c '[.anomalies[] | [.day, .key, .credits > 0, .ratio_tenths]]' "$T_DIR/a.json")" \
	'[["2026-11-12","tool_calls",true,33]]' "by line item: one anomaly, Tool calls on 11-12 at 3.3x"
is "$(jq -r '.anomalies[0].text' "$T_DIR/a.json")" "11-12: Tool calls 3.3x usual" "its sentence as the tab lists it"
# credits / median in tenths, rounded down: the ratio is the figures' own
is "$(jq -r '.anomalies[0] | (.credits * 10 / .median | floor) == .ratio_tenths' "$T_DIR/a.json")" true \
	"ratio_tenths is credits / median in tenths"
# the day's credits are the same figure as the chart's
is "$(jq -r '(.anomalies[0].credits) == (.days[] | select(.day == "2026-11-12") | .series[1])' "$T_DIR/a.json")" true \
	"the anomaly's credits are the chart's Tool calls on that day"
bt print usage --by meter --format json >"$T_DIR/m.json"
is "$(jq -c '[.anomalies[] | [.day, .key, .ratio_tenths]]' "$T_DIR/m.json")" '[["2026-11-12","tool_calls",58]]' \
	"by meter: the Tool calls meter at 5.8x"

printf 'anomaly_factor = 6\n' >"$XDG_CONFIG_HOME/billtop/config"
bt print usage --by meter --format json >"$T_DIR/f6.json"
is "$(jq -c '[.anomaly_factor, (.anomalies | length)]' "$T_DIR/f6.json")" '[6,0]' "anomaly_factor = 6: 5.8x is usual"
printf 'anomaly_factor = 5\n' >"$XDG_CONFIG_HOME/billtop/config"
bt print usage --by meter --format json >"$T_DIR/f5.json"
is "$(jq -c '[.anomaly_factor, (.anomalies | length)]' "$T_DIR/f5.json")" '[5,1]' "anomaly_factor = 5: 5.8x is listed"
printf 'anomaly_factor = 1.5\n' >"$XDG_CONFIG_HOME/billtop/config"
bt print usage >"$T_DIR/bad.out" 2>"$T_DIR/bad.err"
ok "$([ $? -ne 0 ] && echo 0 || echo 1)" "anomaly_factor = 1.5 is refused"
like "$(cat "$T_DIR/bad.err")" "anomaly_factor: expected a whole number from 2 to 100, not '1.5'" \
	"with a message naming the key and the value"
rm -f "$XDG_CONFIG_HOME/billtop/config"

done_testing
