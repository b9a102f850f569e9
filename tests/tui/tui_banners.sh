#!/bin/sh
# tui_banners.sh: the banner of every demo account, on every tab, and the
# no-permission screen of a role that may not see billing.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

# banner VARIANT TEXT...: each TEXT on the Overview and the Plans tab.
banner() {
	v=$1
	shift
	start_billtopd --seed "demo=$v" || { ok 1 "billtopd --seed demo=$v"; return; }
	tui_start
	for text in "$@"; do
		twait "$v: $text" "$text"
	done
	tui_keys 6
	twait "$v: on the Plans tab too" "$1"
	tui_keys 3
	twait "$v: and on the Usage tab" "$1"
	tui_stop
	stop_billtopd
	tui_fresh_cache
}

banner trial "Trial: 9 days left (ends 2026-11-24)."
banner past-due "Payment past due. Fix it at" "https://"
banner exhausted "Runs are paused: the credits are used up. They reset on 2026-12-01"
banner paused "Runs are paused: the trial ended with no payment method" "kept and resume on reactivation."

# TLS verification off: said on screen.
start_billtopd --seed demo=active || bail "billtopd did not start"
tui_start --insecure
twait "--insecure: the TLS banner" "TLS verification is off (--insecure)"
twait "--insecure: the data is fetched" "Pro, \$500.00 per month"
tui_stop

# Offline: the cache alone; then the server gone mid-session.
tui_start --offline
twait "--offline: the cache is shown" "Pro, \$500.00 per month"
twait "--offline: said in a banner" "Offline (--offline)"
tui_stop
tui_start
twait "online again" "(just now)"
stop_billtopd
tui_keys r
twait "a failed refresh: the server cannot be reached" "Offline: the server cannot be reached"
twait "the cached data stays" "Pro, \$500.00 per month"
tui_stop

# A viewer may not see billing: a clear screen, not an error dump.
start_billtopd --seed demo=active --token-role viewer:vtok || bail "billtopd did not start"
tui_fresh_cache
TUI_TOKEN=vtok tui_start
twait "a viewer gets the no-permission screen" "Your role (viewer) cannot see billing."
twait "naming the roles that can" "owner, admin and billing reader"
tui_keys 6
twait "on every tab" "cannot see billing"
tui_stop
done_testing
