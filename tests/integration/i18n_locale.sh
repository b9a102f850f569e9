#!/bin/sh
# tests/integration/i18n_locale.sh: billtop in German (and French and Spanish
# numbers) outside the dashboard, against a real billtopd: --help of billtop
# and of every command, errors, and `billtop print` of every tab (the same
# rendering as the dashboard's tabs) hold no English the catalogue translates;
# numbers, money and dates follow the locale; and a locale that is not
# installed falls back to C with one note on stderr.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/i18n_lib.sh"
i18n_need de_DE
i18n_catalogs || { ok 1 "the catalogues compile"; done_testing; exit 1; }
i18n_pieces "$top_srcdir/po/de.po" "$T_DIR/pieces"
export BILLTOP_NOW="${BT_NOW:-2026-11-15T12:00:00Z}" XDG_CONFIG_HOME="$T_DIR/config" XDG_CACHE_HOME="$T_DIR/xdgcache"
unset BILLTOP_URL BILLTOP_TOKEN LANGUAGE
mkdir -p "$XDG_CONFIG_HOME"

# german NAME CMD...: runs CMD under de_DE.UTF-8; output in $T_DIR/NAME.out,
# status in $st; one TAP line: no English piece in the output.
german() {
	_n=$1; shift
	LC_ALL=de_DE.UTF-8 "$@" >"$T_DIR/$_n.out" 2>&1
	st=$?
	if i18n_untranslated "$T_DIR/$_n.out" "$T_DIR/pieces" >"$T_DIR/$_n.found"; then
		ok 0 "$_n: nothing left in English"
	else
		ok 1 "$_n: nothing left in English"
		sed 's/^/#   untranslated: /' "$T_DIR/$_n.found"
	fi
}

# --help everywhere.
german help "$BILLTOP" --help
like "$(head -n 1 "$T_DIR/help.out")" '^Aufruf: billtop \[OPTION\]' "--help: German usage line"
grep -q '^Exit-Codes:' "$T_DIR/help.out"; ok $? "--help: German exit codes"
for c in sync print check; do
	german "help-$c" "$BILLTOP" $c --help
	like "$(head -n 1 "$T_DIR/help-$c.out")" '^Aufruf: ' "$c --help: German usage line"
done
german help-invoice "$BILLTOP" invoice download --help
like "$(head -n 1 "$T_DIR/help-invoice.out")" '^Aufruf: billtop invoice' "invoice download --help: German"

# Errors, each with its exit code.
german err-command "$BILLTOP" frobnicate
is "$st" 2 "unknown command: exit 2"
grep -q 'unbekannter Befehl »frobnicate«' "$T_DIR/err-command.out"; ok $? "unknown command: in German"
german err-option "$BILLTOP" print credits --kind sideways
is "$st" 2 "bad option value: exit 2"
grep -q 'muss allowance' "$T_DIR/err-option.out"; ok $? "bad option value: in German"
german err-profile "$BILLTOP" --profile nope sync
is "$st" 2 "unknown profile: exit 2"
grep -q 'unbekanntes Profil »nope«' "$T_DIR/err-profile.out"; ok $? "unknown profile: in German"
german err-net env BILLTOP_TOKEN=t "$BILLTOP" sync --url http://127.0.0.1:1 --cache "$T_DIR/none.db"
is "$st" 4 "unreachable server: exit 4"
grep -q 'nicht erreichbar' "$T_DIR/err-net.out"; ok $? "unreachable server: in German"

# Every tab, printed from a cache synced from billtopd.
start_billtopd --seed demo || { ok 1 "billtopd starts"; done_testing; exit 1; }
BILLTOP_TOKEN=$BT_TOKEN "$BILLTOP" sync -q --url "$BT_URL" --cache "$T_DIR/c.db"; ok $? "sync from billtopd"
for tab in overview credits usage plans invoices payment; do
	german "print-$tab" "$BILLTOP" print $tab --cache "$T_DIR/c.db"
	is "$st" 0 "print $tab: exit 0"
done
german check-de env BILLTOP_TOKEN=$BT_TOKEN "$BILLTOP" check --offline --credits-below 500000 --cache "$T_DIR/c.db"
is "$st" 10 "check: exit 10"
grep -q '^Credits unter 500.000: noch 162.217$' "$T_DIR/check-de.out"; ok $? "check: German, German numbers"

# Numbers, money and dates as the locale writes them; the currency stays the account's.
o="$T_DIR/print-overview.out"
grep -q 'Pro, 500,00 \$ pro Monat' "$o"; ok $? "de: money as 500,00 \$"
grep -q 'noch 162.217 von 450.000' "$o"; ok $? "de: thousands grouped with '.'"
grep -q '01.11.2026 bis 30.11.2026' "$o"; ok $? "de: dates as 01.11.2026"
LC_ALL=de_DE.UTF-8 "$BILLTOP" print invoices --cache "$T_DIR/c.db" --invoice BT-2026-0006 >"$T_DIR/inv.out" 2>&1
grep -q '1.234\|629,48 \$' "$T_DIR/inv.out"; ok $? "de: an invoice's total as 629,48 \$"
LC_ALL=fr_FR.UTF-8 "$BILLTOP" print overview --cache "$T_DIR/c.db" >"$T_DIR/fr.out" 2>&1
grep -q 'Forfait *Pro, 500,00 \$ par mois' "$T_DIR/fr.out"; ok $? "fr: French, money as 500,00 \$"
grep -q '01/11/2026 au 30/11/2026' "$T_DIR/fr.out"; ok $? "fr: dates as 01/11/2026"
if locale -a 2>/dev/null | grep -qi '^es_ES\.utf-\?8$'; then
	LC_ALL=es_ES.UTF-8 "$BILLTOP" print overview --cache "$T_DIR/c.db" >"$T_DIR/es.out" 2>&1
	grep -q 'quedan 162.217 de 450.000' "$T_DIR/es.out"; ok $? "es: Spanish, numbers as 162.217"
fi
LC_ALL=C.UTF-8 "$BILLTOP" print overview --cache "$T_DIR/c.db" >"$T_DIR/c.out" 2>&1
grep -q 'Pro, \$500.00 per month' "$T_DIR/c.out"; ok $? "C: English, money as \$500.00"
stop_billtopd

# A locale that is not installed: C, one note on stderr, exit code untouched.
for how in LANG LC_ALL; do
	env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE "$how=xx_YY.UTF-8" "$BILLTOP" --version >"$T_DIR/v.out" 2>"$T_DIR/v.err"
	is "$?" 0 "$how=xx_YY.UTF-8: --version still exits 0"
	is "$(cat "$T_DIR/v.err")" "billtop: locale 'xx_YY.UTF-8' is not available; using C" "$how=xx_YY.UTF-8: one note on stderr"
	is "$(head -n 1 "$T_DIR/v.out")" "billtop $(sed -n 's/^PACKAGE_VERSION = //p' "$top_builddir/Makefile")" "$how=xx_YY.UTF-8: the output is intact"
done
env -u LC_ALL LANG=de_DE.UTF-8 LC_TIME=xx_YY.UTF-8 "$BILLTOP" frobnicate >"$T_DIR/mix.out" 2>&1
grep -q "^billtop: locale 'xx_YY.UTF-8' is not available; using C$" "$T_DIR/mix.out"; ok $? "LC_TIME=xx_YY: named in the note"
grep -q "unknown command 'frobnicate'" "$T_DIR/mix.out"; ok $? "LC_TIME=xx_YY: everything in C, English"
LC_ALL=C.UTF-8 "$BILLTOP" --version >/dev/null 2>"$T_DIR/ok.err"
is "$(cat "$T_DIR/ok.err")" "" "an installed locale: no note"
done_testing
