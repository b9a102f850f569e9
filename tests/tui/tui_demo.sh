#!/bin/sh
# tui_demo.sh: billtop --demo starts its own billtopd, opens the dashboard
# on it, and leaves nothing behind: after q, after SIGTERM, after a crash.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"
need_tool ps procps
need_tool pgrep procps

# stopped PID: 0 when PID names a process that is gone; an empty PID (the
# server was never found) is a failure, not a pass.
stopped() {
	[ -n "$1" ] && ! kill -0 "$1" 2>/dev/null
}

demo_dirs() {
	ls -d "$T_DIR"/billtop-demo.* 2>/dev/null | wc -l
}

tui_start --demo=trial
twait "--demo=trial opens the dashboard" "Trial:"
twait "on the demo account" "Acme Robotics"
is "$(demo_dirs)" "1" "a private temporary directory exists while it runs"
d=$(ls -d "$T_DIR"/billtop-demo.* 2>/dev/null | head -n 1)
is "$(stat -c %a "$d" 2>/dev/null)" "700" "it is private (0700)"
is "$(stat -c %a "$d/token" 2>/dev/null)" "600" "the token file is 0600"
tok=$(cat "$d/token" 2>/dev/null)
ps -eo args >"$T_DIR/ps.out"
like "$(cat "$T_DIR/ps.out")" "billtopd --seed demo=trial" "ps lists the demo's billtopd"
ok "$([ -n "$tok" ] && ! grep -qF -- "$tok" "$T_DIR/ps.out" && echo 0 || echo 1)" \
	"the token is in no process's arguments"
srv=$(pgrep -f "billtopd --seed demo=trial --listen 127.0.0.1:0 --db $d/server.db" | head -n 1)
ok "$([ -n "$srv" ] && echo 0 || echo 1)" "billtopd runs for the demo"
tui_keys q
is "$(tui_wait_exit)" "0" "q quits"
is "$(demo_dirs)" "0" "the temporary directory is removed"
ok "$(stopped "$srv" && echo 0 || echo 1)" "billtopd is stopped"

tui_start --demo
twait "--demo opens the active account" "Pro, \$500.00 per month"
srv=$(pgrep -f "billtopd --seed demo=active --listen 127.0.0.1:0 --db $T_DIR/billtop-demo" | head -n 1)
pid=$(tui_pid)
kill -TERM "$pid"
tui_wait_exit >/dev/null
is "$(demo_dirs)" "0" "after SIGTERM the directory is removed"
ok "$(stopped "$srv" && echo 0 || echo 1)" "after SIGTERM billtopd is stopped"

tui_start --demo=past-due
twait "--demo=past-due" "Payment past due"
# This test's own server: other suites on the machine may run a past-due demo too.
srv=$(pgrep -f "billtopd --seed demo=past-due --listen 127.0.0.1:0 --db $T_DIR/billtop-demo" | head -n 1)
# The dashboard process is the supervisor's child: kill it as a crash would.
sup=$(tui_pid)
dash=$(pgrep -P "$sup" -x billtop | head -n 1)
kill -SEGV "$dash"
is "$(tui_wait_exit)" "1" "a crashed dashboard: the demo ends with status 1"
is "$(demo_dirs)" "0" "after a crash the directory is removed"
ok "$(stopped "$srv" && echo 0 || echo 1)" "after a crash billtopd is stopped"

# The exhausted demo on the wall clock, whatever day of the month it is: the
# Free credits are used up and the 402's explanation names the reset date.
reset=$(date -u -d "$(date -u +%Y-%m-01) +1 month" +%Y-%m-%d)
TUI_LIVE_CLOCK=1 tui_start --demo=exhausted
twait "--demo=exhausted on the wall clock: runs paused, the reset date named" \
	"Runs are paused: the credits are used up. They reset on $reset"
tui_keys q
tui_wait_exit >/dev/null

tui_start --demo=nonsense
is "$(tui_wait_exit)" "2" "an unknown demo is a usage error"
done_testing
