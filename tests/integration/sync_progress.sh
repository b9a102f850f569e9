#!/bin/sh
# sync_progress.sh: `billtop sync` on a terminal shows a progress line
# (resource, pages, items, elapsed) rewritten in place, and clears it; on a
# pipe or with -q it shows none; failures still reach stderr with -q
# (issue 16.2).  The terminal is script(1)'s pseudo-terminal.
. "$top_srcdir/tests/lib.sh"
need_tool script bsdutils
start_billtopd --seed demo=active --fault '/v1/usage=delay:150' || bail "billtopd did not start"
export BILLTOP_URL="$BT_URL" BILLTOP_TOKEN="$BT_TOKEN"
export HOME="$T_DIR/home" XDG_CONFIG_HOME="$T_DIR/config" XDG_CACHE_HOME="$T_DIR/cache"
mkdir -p "$HOME"
esc=$(printf '\033')

# on a terminal
script -qfec "$BILLTOP sync" /dev/null >"$T_DIR/tty.out" 2>&1 </dev/null
tty=$(tr '\r' '\n' <"$T_DIR/tty.out")
like "$tty" "^${esc}\\[KSyncing account: 1 page, 1 item, [0-9]+ s" "on a terminal: a progress line names the resource, pages, items"
like "$tty" "Syncing usage: [0-9]+ pages?, [0-9,]+ items?, [0-9]+ s" "and is rewritten while usage comes in"
is "$(grep -c "$(printf '\r')${esc}\\[KSyncing" "$T_DIR/tty.out")" "$(grep -c "Syncing" "$T_DIR/tty.out")" \
	"every update starts with carriage return and erase-line (in place)"
like "$tty" "^${esc}\\[Kaccount: fetched" "the line is cleared before the summary"
like "$tty" "charges: fetched" "the summary follows"

# on a pipe
rm -rf "$XDG_CACHE_HOME"
"$BILLTOP" sync >"$T_DIR/pipe.out" 2>"$T_DIR/pipe.err"
is "$?" 0 "a sync on a pipe succeeds"
is "$(cat "$T_DIR/pipe.err")" "" "and shows no progress on a stderr that is a file"
like "$(cat "$T_DIR/pipe.out")" "^account: fetched" "the summary is all of its output"

# -q on a terminal
script -qfec "$BILLTOP sync -q" /dev/null >"$T_DIR/q.out" 2>&1 </dev/null
is "$(tr -d '\r' <"$T_DIR/q.out")" "" "-q on a terminal: nothing at all"

# -q still reports a failure
stop_billtopd
start_billtopd --seed demo=active --fault '/v1/plans=500' || bail "billtopd did not start"
export BILLTOP_URL="$BT_URL"
script -qfec "$BILLTOP sync -q" /dev/null >"$T_DIR/qf.out" 2>&1 </dev/null
like "$(tr '\r' '\n' <"$T_DIR/qf.out")" "billtop sync: the refresh failed at plans" "-q: a failure and its reason still show"
unlike "$(cat "$T_DIR/qf.out")" "Syncing" "without a progress line"
done_testing
