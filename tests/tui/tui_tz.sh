#!/bin/sh
# tui_tz.sh: the dashboard under TZ=Pacific/Kiritimati (UTC+14, another date
# than UTC at this clock) draws the same Overview and Credits as under UTC:
# billing days are UTC days, and a time of day says UTC.
. "$top_srcdir/tests/lib.sh"
BT_NOW=2026-11-30T23:30:00Z
. "$top_srcdir/tests/tui/lib-tmux.sh"

[ -e /usr/share/zoneinfo/Pacific/Kiritimati ] || bail "the zone Pacific/Kiritimati is not installed (Debian package tzdata; ./bootstrap installs it)"
start_billtopd --seed demo || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }

# screens ZONE: the Overview and the Credits tab under TZ=ZONE, into $T_DIR/ZONE.*
screens() {
	_n=$(printf '%s' "$1" | tr / _)
	TUI_TZ=$1 tui_start --offline
	tui_wait "Acme Robotics" || return 1
	tui_wait "2026-11-01 to 2026-11-30" || return 1
	tui_capture >"$T_DIR/$_n.overview"
	tui_keys 2
	tui_wait "[2 Credits]" || return 1
	tui_wait "UTC" || return 1
	tui_capture >"$T_DIR/$_n.credits"
	tui_keys q
	tui_wait_exit >/dev/null
}

screens UTC
ok $? "UTC: Overview and Credits drawn"
screens Pacific/Kiritimati
ok $? "Kiritimati: Overview and Credits drawn"
for tab in overview credits; do
	if diff -u "$T_DIR/UTC.$tab" "$T_DIR/Pacific_Kiritimati.$tab" >"$T_DIR/diff" 2>&1; then
		ok 0 "$tab: the same screen under TZ=Pacific/Kiritimati as under UTC"
	else
		ok 1 "$tab: the same screen under TZ=Pacific/Kiritimati as under UTC"
		sed 's/^/# /' "$T_DIR/diff" | head -n 30
	fi
done
like "$(cat "$T_DIR/UTC.overview")" "Period +2026-11-01 to 2026-11-30 \\(1 day left\\)" "the period with its last day, days left in UTC days"
done_testing
