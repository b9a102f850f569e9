# tests/tui/lib-tmux.sh: drive the dashboard in tmux against a real billtopd.
#
#     . "$top_srcdir/tests/lib.sh"
#     . "$top_srcdir/tests/tui/lib-tmux.sh"      # bails out without tmux
#     start_billtopd --seed demo=trial
#     tui_start                                   # billtop on $BT_URL, 80x24
#     tui_wait "Trial: 9 days left"  && ok 0 "trial banner" || ok 1 "trial banner"
#     tui_keys 6; tui_wait "[6 Plans]"
#     tui_resize 40 12; tui_capture
#     tui_stop
#
# A private tmux server (-S socket in the test's temp dir, -f /dev/null: no
# user config) per suite.  billtop runs with a fixed clock (BILLTOP_NOW =
# BT_NOW, as billtopd's --now), TZ=UTC, an empty config dir, its own cache
# ($TUI_CACHE), the token in BILLTOP_TOKEN (never argv).  Every wait polls
# capture-pane with a bounded deadline (TUI_TIMEOUT seconds, default 20):
# no fixed sleeps.  On a timeout the screen is printed as TAP comments.
#
# Variables read by tui_start (set them before calling it):
#   TUI_LANG      locale for LANG and LC_ALL (default C.UTF-8)
#   TUI_NO_COLOR  when non-empty, NO_COLOR is set to it
#   TUI_TOKEN     the token (default $BT_TOKEN)
#   TUI_ARGS      extra billtop arguments (word-split)
#   TUI_W, TUI_H  the size (default 80x24)
#   TUI_TZ        the TZ billtop runs in (default UTC)
#   TUI_LIVE_CLOCK  when non-empty, no BILLTOP_NOW: the wall clock

need_tool tmux tmux
need_tool pgrep procps

: "${TUI_TIMEOUT:=20}"
: "${BT_NOW:=2026-11-15T12:00:00Z}"
TUI_SOCK="$T_DIR/tmux.sock"
TUI_CACHE="$T_DIR/cache.db"
TUI_EXIT="$T_DIR/billtop.exit"
TUI_RUNS=0
export BT_NOW
# The terminal type tmux emulates, so Home/End/Shift-Tab arrive as billtop's
# terminfo expects them (xterm-256color's Home/End differ from tmux's).
if [ -z "${TUI_TERM:-}" ]; then
	TUI_TERM=screen-256color
	infocmp tmux-256color >/dev/null 2>&1 && TUI_TERM=tmux-256color
fi

tm() {
	tmux -f /dev/null -S "$TUI_SOCK" "$@"
}

tui_cleanup() {
	tm kill-server >/dev/null 2>&1
	t_cleanup
}
trap tui_cleanup EXIT

# Single-quotes a word for sh -c.
tui_q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# tui_start [BILLTOP ARGS...]: a new 80x24 session running billtop against
# $BT_URL (start_billtopd first) with the cache $TUI_CACHE.  With --demo in
# the arguments no URL or cache is passed.
tui_start() {
	tm kill-server >/dev/null 2>&1
	rm -f "$TUI_EXIT"
	mkdir -p "$T_DIR/config"
	TUI_RUNS=$((TUI_RUNS + 1))
	_tcmd="env"
	[ -z "${TUI_NO_COLOR:-}" ] && _tcmd="$_tcmd -u NO_COLOR"
	_tcmd="$_tcmd TERM=$TUI_TERM TZ=$(tui_q "${TUI_TZ:-UTC}") LANG=$(tui_q "${TUI_LANG:-C.UTF-8}")"
	_tcmd="$_tcmd LC_ALL=$(tui_q "${TUI_LANG:-C.UTF-8}")"
	[ -z "${TUI_LIVE_CLOCK:-}" ] && _tcmd="$_tcmd BILLTOP_NOW=$(tui_q "$BT_NOW")"
	_tcmd="$_tcmd XDG_CONFIG_HOME=$(tui_q "$T_DIR/config")"
	_tcmd="$_tcmd XDG_CACHE_HOME=$(tui_q "$T_DIR/xdgcache") TMPDIR=$(tui_q "$T_DIR")"
	_tcmd="$_tcmd BILLTOP_TOKEN=$(tui_q "${TUI_TOKEN:-$BT_TOKEN}") BILLTOPD=$(tui_q "$BILLTOPD")"
	[ -n "${TUI_NO_COLOR:-}" ] && _tcmd="$_tcmd NO_COLOR=$(tui_q "$TUI_NO_COLOR")"
	[ -n "${TUI_TIMING:-}" ] && _tcmd="$_tcmd BILLTOP_TIMING_LOG=$(tui_q "$TUI_TIMING")"
	_tcmd="$_tcmd $(tui_q "$BILLTOP")"
	case " $* ${TUI_ARGS:-} " in
	*" --demo"*) ;;
	*) _tcmd="$_tcmd --url $(tui_q "$BT_URL") --cache $(tui_q "$TUI_CACHE")" ;;
	esac
	for _a in "$@" ${TUI_ARGS:-}; do
		_tcmd="$_tcmd $(tui_q "$_a")"
	done
	# The exit status lands in a file; the pane stays for a last capture.
	_tcmd="$_tcmd; echo \$? > $(tui_q "$TUI_EXIT"); sleep 3600"
	tm new-session -d -s bt -x "${TUI_W:-80}" -y "${TUI_H:-24}" "$_tcmd"
}

# tui_keys KEY...: tmux key names (Enter, Escape, Tab, BTab, Left, Right, ...)
# or literal characters.
tui_keys() {
	tm send-keys -t bt "$@"
}

# tui_capture [-e]: the screen as text (-e: with escape sequences).
tui_capture() {
	tm capture-pane -p -t bt "$@"
}

tui_show() {
	tui_capture | sed 's/^/#   |/'
}

# tui_wait TEXT: polls until the screen holds TEXT (a fixed string).
tui_wait() {
	_tw=0
	_tl=$((TUI_TIMEOUT * 10))
	while [ $_tw -lt $_tl ]; do
		if tui_capture 2>/dev/null | grep -Fq -- "$1"; then
			return 0
		fi
		sleep 0.1
		_tw=$((_tw + 1))
	done
	echo "# timed out after ${TUI_TIMEOUT}s waiting for: $1"
	tui_show
	return 1
}

# tui_wait_gone TEXT: polls until TEXT is no longer on the screen.
tui_wait_gone() {
	_tw=0
	_tl=$((TUI_TIMEOUT * 10))
	while [ $_tw -lt $_tl ]; do
		if ! tui_capture 2>/dev/null | grep -Fq -- "$1"; then
			return 0
		fi
		sleep 0.1
		_tw=$((_tw + 1))
	done
	echo "# timed out after ${TUI_TIMEOUT}s waiting for this to go: $1"
	tui_show
	return 1
}

# twait DESCRIPTION TEXT: one TAP line for tui_wait TEXT.
twait() {
	if tui_wait "$2"; then ok 0 "$1"; else ok 1 "$1"; fi
}

# tui_resize W H: resizes the window (billtop sees SIGWINCH).
tui_resize() {
	tm resize-window -t bt -x "$1" -y "$2"
}

# tui_alive: 0 while billtop has not exited.
tui_alive() {
	[ ! -s "$TUI_EXIT" ]
}

# tui_wait_exit: polls until billtop exited; prints its status.
tui_wait_exit() {
	_tw=0
	_tl=$((TUI_TIMEOUT * 10))
	while [ $_tw -lt $_tl ]; do
		if [ -s "$TUI_EXIT" ]; then
			cat "$TUI_EXIT"
			return 0
		fi
		sleep 0.1
		_tw=$((_tw + 1))
	done
	echo "timeout"
	return 1
}

# tui_pid: the billtop process in the pane (the pane's shell's child), or "".
tui_pid() {
	_tsh=$(tm list-panes -t bt -F '#{pane_pid}' 2>/dev/null | head -n 1)
	[ -n "$_tsh" ] && pgrep -P "$_tsh" -x billtop 2>/dev/null | head -n 1
}

tui_stop() {
	tui_keys q 2>/dev/null
	tui_wait_exit >/dev/null
	tm kill-server >/dev/null 2>&1
	return 0
}

# tui_fresh_cache: forget the cache (before pointing billtop at another server).
tui_fresh_cache() {
	rm -f "$TUI_CACHE" "$TUI_CACHE-wal" "$TUI_CACHE-shm"
}

# tui_sync: `billtop sync` into $TUI_CACHE (for suites that start from a full cache).
tui_sync() {
	env BILLTOP_TOKEN="${TUI_TOKEN:-$BT_TOKEN}" BILLTOP_NOW="$BT_NOW" XDG_CONFIG_HOME="$T_DIR/config" \
		"$BILLTOP" sync --url "$BT_URL" --cache "$TUI_CACHE" >"$T_DIR/sync.out" 2>&1
}
