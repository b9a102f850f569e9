#!/bin/sh
# tests/tui/i18n_tabs.sh: the dashboard under de_DE.UTF-8, against a real
# billtopd: every tab, the help, the dialogs, the banners and the role screen
# are captured at 80x24, and no capture may hold a piece of English that the
# German catalogue translates (see i18n_pieces in tests/integration/i18n_lib.sh).
# Each screen is found by German text first, so a catalogue that does not load
# fails loudly instead of passing on an empty check.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/i18n_lib.sh"
i18n_need de_DE
. "$top_srcdir/tests/tui/lib-tmux.sh"

i18n_catalogs || { ok 1 "the catalogues compile"; done_testing; exit 1; }
i18n_pieces "$top_srcdir/po/de.po" "$T_DIR/pieces"
[ -s "$T_DIR/pieces" ]; ok $? "the German catalogue yields English pieces to look for"
TUI_LANG=de_DE.UTF-8
export TUI_LANG

# shot NAME TEXT: waits for the German TEXT, then checks the capture for English.
shot() {
	if ! tui_wait "$2"; then
		ok 1 "$1: shows '$2'"
		return
	fi
	ok 0 "$1: shows '$2'"
	tui_capture >"$T_DIR/$1.txt"
	if i18n_untranslated "$T_DIR/$1.txt" "$T_DIR/pieces" >"$T_DIR/$1.found"; then
		ok 0 "$1: nothing left in English"
	else
		ok 1 "$1: nothing left in English"
		sed 's/^/#   untranslated: /' "$T_DIR/$1.found"
		sed 's/^/#   |/' "$T_DIR/$1.txt"
	fi
}

# The demo account, active: every tab and its dialogs.
start_billtopd --seed demo
tui_start
shot overview "[1 Übersicht]"
shot overview-body "Letzte Rechnung"
tui_keys '?'
shot help "Tasten: Übersicht"
tui_keys Escape
tui_wait_gone "Tasten: Übersicht" >/dev/null
tui_keys 2
shot credits "Credit-Zuteilungen"
tui_keys p
shot credits-buy "Enter: kaufen"
tui_keys Escape
tui_wait_gone "Enter: kaufen" >/dev/null
tui_keys 3
shot usage "Dieser Zeitraum"
tui_keys Enter
shot usage-agents "nach Agent"
tui_keys Escape
tui_keys 4
shot invoices "Zwischensumme"
tui_keys /
shot invoices-search "Enter: finden"
tui_keys Escape
tui_keys 5
shot payment "Zahlungsmethoden"
tui_keys a
shot payment-add "Zahlungsmethode hinzufügen"
tui_keys Escape
tui_keys 6
shot plans "Ihr aktueller Tarif."
tui_keys Left
shot plans-downgrade "Downgrade auf Starter am"
tui_keys Enter
shot plans-confirm "Downgrade auf Starter?"
tui_keys n
tui_wait_gone "Downgrade auf Starter?" >/dev/null
tui_stop

# The same cache without the network: the offline banner.
TUI_ARGS=--offline tui_start
shot offline "Offline (--offline)"
tui_stop
stop_billtopd

# Banners of the other demo accounts, each from a fresh cache.
for v in "trial:Testphase:" "past-due:Zahlung überfällig" "paused:Läufe sind angehalten"; do
	tui_fresh_cache
	start_billtopd --seed "demo=${v%%:*}"
	tui_start
	shot "banner-${v%%:*}" "${v#*:}"
	tui_stop
	stop_billtopd
done

# A role that may not see billing gets a screen that says so, in German.
tui_fresh_cache
start_billtopd --seed demo --token-role viewer:viewer-token
TUI_TOKEN=viewer-token tui_start
shot role "Ihre Rolle"
tui_stop

done_testing
