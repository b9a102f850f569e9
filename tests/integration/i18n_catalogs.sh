#!/bin/sh
# tests/integration/i18n_catalogs.sh: the message catalogues and the list of
# files xgettext reads.  Every po/*.po passes msgfmt --check (c-format: the
# translations keep every directive), has the plural rule of its language, is
# listed in po/LINGUAS (and every listed one exists), and translates every
# message of po/billtop.pot (no untranslated or fuzzy entry is left behind
# after `make update-po`).  Every source file that marks a string with _(),
# N_() or P_() is in po/POTFILES.in, and every listed file exists.
. "$top_srcdir/tests/lib.sh"
need_tool msgfmt gettext
cd "$top_srcdir" || exit 1

langs=$(grep -v '^#' po/LINGUAS | tr -s ' \t' '\n\n' | grep .)
[ -n "$langs" ]; ok $? "po/LINGUAS names at least one language"
for f in po/*.po; do
	ll=$(basename "$f" .po)
	printf '%s\n' "$langs" | grep -qx "$ll"; ok $? "$ll: listed in po/LINGUAS"
done
for ll in $langs; do
	[ -f "po/$ll.po" ]; ok $? "$ll: po/$ll.po exists"
done

for f in po/*.po; do
	ll=$(basename "$f" .po)
	check "$ll: msgfmt --check passes" msgfmt --check -o /dev/null "$f"
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$f" 2>&1)
	unlike "$stats" "fuzzy|untranslated" "$ll: no fuzzy or untranslated message ($stats)"
	# msgcmp: every msgid of the template has a translation here.
	check "$ll: translates every message of po/billtop.pot" msgcmp "$f" po/billtop.pot
	case $ll in
	fr) want='nplurals=2; plural=(n > 1);' ;;
	de|es|en*|it|nl|sv) want='nplurals=2; plural=(n != 1);' ;;
	*) want='' ;;
	esac
	if [ -n "$want" ]; then
		got=$(sed -n 's/^"Plural-Forms: \(.*\)\\n"$/\1/p' "$f")
		is "$got" "$want" "$ll: Plural-Forms is the rule of the language"
	fi
	grep -q '^"Content-Type: text/plain; charset=UTF-8\\n"' "$f"; ok $? "$ll: the catalogue is UTF-8"
	head -n 30 "$f" | grep -qi '^# Glos'; ok $? "$ll: starts with a glossary of billing terms"
done

# POTFILES.in against the sources.
missing=""
for f in $(find src -name '*.[ch]' | sort); do
	# Comments do not count: drop /* ... */ on one line and " * " lines.
	sed -e 's|/\*.*\*/||g' -e '/^[[:space:]]*\*/d' "$f" |
		grep -qE '(^|[^A-Za-z0-9_])(_|N_|P_)\("' || continue
	grep -qx "$f" po/POTFILES.in || missing="$missing $f"
done
is "$missing" "" "every source file with _(\"...\"), N_() or P_() is in po/POTFILES.in"
gone=""
for f in $(grep -v '^#' po/POTFILES.in | grep .); do
	[ -f "$f" ] || gone="$gone $f"
done
is "$gone" "" "every file in po/POTFILES.in exists"
done_testing
