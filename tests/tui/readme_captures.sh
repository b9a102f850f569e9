#!/bin/sh
# readme_captures.sh: prints the README's screen captures, the six tabs at
# 80x24 and the German Overview ("== de", under "Languages"), from the code
# as built: billtop in tmux against
# `billtopd --seed demo --now 2026-11-15T12:00:00Z`, each capture indented
# four spaces and preceded by a "== N" line.  Not a test; regenerate with
#
#     top_srcdir=. top_builddir=. sh tests/tui/readme_captures.sh >captures.txt
#
# and paste each block over the one under the README's "N Name" paragraph.
: "${top_srcdir:=.}" "${top_builddir:=.}"
export top_srcdir top_builddir
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

start_billtopd --seed demo >/dev/null || { echo "billtopd did not start" >&2; exit 1; }
tui_sync || { cat "$T_DIR/sync.out" >&2; exit 1; }
tui_start
tui_wait "Acme Robotics" >/dev/null || exit 1
for n in 1 2 3 4 5 6; do
	tui_keys "$n"
	tui_wait "[$n " >/dev/null || exit 1
	# every tab draws from the cache at once; let the frame settle
	sleep 0.5
	echo "== $n"
	tui_capture | sed -e 's/^/    /' -e 's/ *$//'
done
tui_stop
# The Languages section: the Overview in German, from the catalogues of
# this tree (i18n_catalogs compiles them and sets BILLTOP_LOCALEDIR).
. "$top_srcdir/tests/integration/i18n_lib.sh"
i18n_catalogs || { echo "the catalogues do not compile" >&2; exit 1; }
export BILLTOP_LOCALEDIR
TUI_LANG=de_DE.UTF-8 tui_start
tui_wait "Acme Robotics" >/dev/null || exit 1
sleep 0.5
echo "== de"
tui_capture | sed -e 's/^/    /' -e 's/ *$//'
tui_stop
