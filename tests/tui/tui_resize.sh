#!/bin/sh
# tui_resize.sh: resize at any moment: 80x24 full, 40x12 terse, 10x4 and 1x1
# a "too small" note; never a crash; back to full size afterwards.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

start_billtopd --seed demo=trial || bail "billtopd did not start"
tui_start
twait "80x24: the full Overview" "Last invoice"
twait "80x24: the trial banner" "Trial: 9 days left"
tui_resize 40 12
twait "40x12: the current tab keeps its name" "[1 Overview]"
twait "40x12: the status line is terse" "? help"
unlike "$(tui_capture)" "too small" "40x12 is not too small"
tui_keys 6
twait "40x12: Plans as a list" "Enterprise  contact sales"
tui_resize 10 4
twait "10x4: says it is too small" "need 40x12"
ok "$(tui_alive && echo 0 || echo 1)" "10x4: still running"
tui_resize 1 1
tui_resize 3 30
twait "3x30: the note, broken to fit" "40x"
ok "$(tui_alive && echo 0 || echo 1)" "1x1 and 3x30: still running"
tui_resize 80 24
twait "back at 80x24: the full Plans tab" "←/→: choose a plan   Enter: switch to it"
tui_keys 1
twait "and the Overview" "Last invoice"
tui_resize 132 40
twait "132x40: still fine" "Last invoice"
tui_stop
done_testing
