#!/bin/sh
# tui_theme.sh: `theme = dark|light|mono` in the config picks the colour
# scheme (issue 16.4): light differs from dark where dark puts white or cyan
# on blue, mono shows attributes only (as NO_COLOR does), a bad value is a
# configuration error naming the line.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

start_billtopd --seed demo=trial || bail "billtopd did not start"
mkdir -p "$T_DIR/config/billtop"
conf="$T_DIR/config/billtop/config"
# sgr_colours: the colour numbers of every SGR sequence on screen (sorted).
sgr_colours() {
	tui_capture -e | grep -o "$(printf '\033')\[[0-9;]*m" | tr -d '\033[m' | tr ';' '\n' |
		grep -Ev '^([0-9]|2[2-9]|39|49)?$' | sort -u | tr '\n' ' '
}
# the first line (title and tabs) with its escapes
tabline() {
	tui_capture -e | head -n 1
}

: >"$conf"
tui_start
twait "no theme: the Overview opens" "Last invoice"
dark=$(sgr_colours); dark_tabs=$(tabline)
like "$dark" "44" "the default (dark) scheme puts the tabs on blue"
tui_stop

printf 'theme = dark\n' >"$conf"
tui_start
twait "theme = dark: the Overview opens" "Last invoice"
is "$(sgr_colours)" "$dark" "theme = dark is the default"
tui_stop

printf 'theme = light\n' >"$conf"
tui_start
twait "theme = light: the Overview opens" "Last invoice"
light=$(sgr_colours)
like "$light" "4[0-7]|3[0-7]" "theme = light has colours"
ok "$([ "$(tabline)" != "$dark_tabs" ] && echo 0 || echo 1)" "and draws the tab bar otherwise than dark"
ok "$(printf '%s' "$light" | grep -qw 33 && echo 1 || echo 0)" "no yellow text on a light background"
tui_stop

printf 'theme = mono\n' >"$conf"
tui_start
twait "theme = mono: the Overview opens" "Last invoice"
is "$(sgr_colours)" "" "theme = mono: no colour in any escape sequence"
like "$(tui_capture -e)" "$(printf '\033')\[[0-9;]*7[;m]" "reverse video marks the bars, as with NO_COLOR"
tui_stop

printf 'theme = sepia\n' >"$conf"
out=$(XDG_CONFIG_HOME="$T_DIR/config" "$BILLTOP" print overview --cache "$TUI_CACHE" 2>&1); rc=$?
is "$rc" 2 "theme = sepia: a configuration error (2)"
like "$out" "config:1: theme: expected dark, light or mono, not 'sepia'" "naming the line and the choices"
done_testing
