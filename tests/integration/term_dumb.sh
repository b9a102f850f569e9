#!/bin/sh
# term_dumb.sh: on a terminal that cannot move the cursor (TERM=dumb) or
# that terminfo does not know, the dashboard says so in words and exits 1,
# with no escape sequence written: never a half-drawn screen (issue 16.4).
# script(1) gives billtop a real pseudo-terminal.
. "$top_srcdir/tests/lib.sh"
need_tool script bsdutils
export HOME="$T_DIR/home" XDG_CONFIG_HOME="$T_DIR/config" XDG_CACHE_HOME="$T_DIR/cache"
mkdir -p "$HOME"
esc=$(printf '\033')

TERM=dumb script -qec "$BILLTOP --offline; echo rc=\$?" /dev/null >"$T_DIR/dumb.out" 2>&1 </dev/null
out=$(tr -d '\r' <"$T_DIR/dumb.out")
like "$out" "the terminal 'dumb' cannot move the cursor" "TERM=dumb: says why there is no dashboard"
like "$out" "billtop print overview" "and what to use instead"
like "$out" "rc=1" "exit status 1"
ok "$(grep -q "$esc" "$T_DIR/dumb.out" && echo 1 || echo 0)" "not one escape sequence was written"

TERM=no-such-terminal script -qec "$BILLTOP --offline; echo rc=\$?" /dev/null >"$T_DIR/unk.out" 2>&1 </dev/null
out=$(tr -d '\r' <"$T_DIR/unk.out")
like "$out" "the terminal type 'no-such-terminal' is unknown here" "an unknown TERM is named"
like "$out" "rc=1" "exit status 1, from billtop (not curses' own exit)"

TERM= script -qec "$BILLTOP --offline; echo rc=\$?" /dev/null >"$T_DIR/none.out" 2>&1 </dev/null
like "$(tr -d '\r' <"$T_DIR/none.out")" "rc=1" "no TERM at all: the same, no crash"
done_testing
