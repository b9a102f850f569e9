#!/bin/sh
# tests/integration/install_de.sh: `make install DESTDIR=...` from the build
# tree, then the installed billtop with the installed catalogues, in German,
# against the installed billtopd.
#
# How the installed catalogues are found: an installed billtop binds its
# messages to $(localedir) as configured (LOCALEDIR, compiled in).  Under
# DESTDIR they sit at $DESTDIR$(localedir) instead, so the test checks both
# halves: the binary holds exactly $(localedir), and `make install` put
# billtop.mo at $DESTDIR$(localedir)/LL/LC_MESSAGES/; it then runs the binary
# with BILLTOP_LOCALEDIR=$DESTDIR$(localedir), which stands for the path the
# binary would use without DESTDIR.  (A second configure --prefix and build
# would prove the same at the cost of a full build.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/i18n_lib.sh"
i18n_need de_DE
need_tool make make
unset MAKEFLAGS MFLAGS BILLTOP_LOCALEDIR BILLTOP_URL BILLTOP_TOKEN LANGUAGE

# mkvar NAME: a variable of the build tree's Makefile, its $(VAR) and ${VAR}
# expanded from the same Makefile (reading it, not running make on it).
mkvar() {
	_v=$(sed -n "s/^$1 = //p" "$top_builddir/Makefile")
	_i=0
	while printf '%s' "$_v" | grep -q '\$[({]' && [ $_i -lt 20 ]; do
		_n=$(printf '%s' "$_v" | sed -n 's/^[^$]*\$[({]\([A-Za-z_]*\)[)}].*/\1/p')
		_x=$(sed -n "s/^$_n = //p" "$top_builddir/Makefile")
		_v=$(printf '%s' "$_v" | sed "s|\$[({]$_n[)}]|$_x|")
		_i=$((_i + 1))
	done
	printf '%s\n' "$_v"
}
localedir=$(mkvar localedir)
bindir=$(mkvar bindir)
mandir=$(mkvar mandir)
like "$localedir" '^/' "localedir is an absolute path ($localedir)"

inst="$T_DIR/inst"
make -s --no-print-directory -C "$top_builddir" install DESTDIR="$inst" >"$T_DIR/install.log" 2>&1
st=$?
is "$st" 0 "make install DESTDIR=... succeeds"
[ "$st" -eq 0 ] || sed 's/^/# /' "$T_DIR/install.log" | tail -n 20

for f in "$bindir/billtop" "$bindir/billtopd" "$mandir/man1/billtop.1" "$mandir/man1/billtopd.1"; do
	[ -s "$inst$f" ]; ok $? "installed: $f"
done
for ll in $(grep -v '^#' "$top_srcdir/po/LINGUAS"); do
	[ -s "$inst$localedir/$ll/LC_MESSAGES/billtop.mo" ]; ok $? "installed: the $ll catalogue in $localedir"
done
grep -aqF "$localedir" "$inst$bindir/billtop"; ok $? "the installed billtop looks for catalogues in $localedir"

BILLTOP="$inst$bindir/billtop"
BILLTOPD="$inst$bindir/billtopd"
export BILLTOP_NOW="${BT_NOW:-2026-11-15T12:00:00Z}" XDG_CONFIG_HOME="$T_DIR/config"
mkdir -p "$XDG_CONFIG_HOME"
de() {
	env LC_ALL=de_DE.UTF-8 BILLTOP_LOCALEDIR="$inst$localedir" "$@"
}

out=$(de "$BILLTOP" --help 2>&1)
like "$out" '^Aufruf: billtop' "installed billtop --help is German"
like "$out" 'Befehle:' "installed billtop --help: German commands header"
out=$(de "$BILLTOP" frobnicate 2>&1)
like "$out" 'unbekannter Befehl' "installed billtop: errors in German"

start_billtopd --seed demo || { ok 1 "the installed billtopd starts"; done_testing; exit 1; }
ok 0 "the installed billtopd starts"
de env BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync -q --url "$BT_URL" --cache "$T_DIR/c.db" 2>&1
is "$?" 0 "installed billtop sync against the installed billtopd"
de "$BILLTOP" print overview --cache "$T_DIR/c.db" >"$T_DIR/overview.txt" 2>&1
is "$?" 0 "installed billtop print overview"
grep -q '^Tarif  *Pro, 500,00 \$ pro Monat$' "$T_DIR/overview.txt"; ok $? "print overview: German, with German money"
grep -q 'Letzte Rechnung' "$T_DIR/overview.txt"; ok $? "print overview: German labels"
i18n_pieces "$top_srcdir/po/de.po" "$T_DIR/pieces"
i18n_untranslated "$T_DIR/overview.txt" "$T_DIR/pieces" >"$T_DIR/found"; ok $? "print overview: nothing left in English"
sed 's/^/#   untranslated: /' "$T_DIR/found"
stop_billtopd

need_tool groff groff-base
groff -man -Tutf8 -P-cbou "$inst$mandir/man1/billtop.1" 2>/dev/null | grep -q 'BILLTOP(1)'
ok $? "the installed billtop(1) renders"
make -s --no-print-directory -C "$top_builddir" uninstall DESTDIR="$inst" >>"$T_DIR/install.log" 2>&1
left=$(find "$inst" -type f | sed "s|^$inst||" | tr '\n' ' ')
is "$left" "" "make uninstall DESTDIR=... removes every installed file"
done_testing
