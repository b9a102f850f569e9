# tests/integration/i18n_lib.sh: helpers for the translation suites.
# Source it after tests/lib.sh:  . "$top_srcdir/tests/integration/i18n_lib.sh"
#
# i18n_need LL_CC       skips the suite unless the locale LL_CC.UTF-8 is
#                       installed (./bootstrap generates de_DE, fr_FR, es_ES)
#                       and msgfmt is there to build the catalogues.
# i18n_catalogs         compiles every po/*.po of the source tree into
#                       $T_DIR/locale/LL/LC_MESSAGES/billtop.mo and exports
#                       BILLTOP_LOCALEDIR so billtop reads them (an installed
#                       billtop reads $(localedir); install_de.sh covers that).
# i18n_pieces PO OUT    writes to OUT the pieces of the catalogue's msgids that
#                       must not reach a screen in that language: each msgid
#                       (and msgid_plural) split at newlines and printf
#                       directives, pieces of 12 characters or more with a
#                       letter, minus any piece that also occurs in one of the
#                       catalogue's msgstr (identical in the translation, so
#                       showing it is right) or in billtopd's seed and engine
#                       sources (the vendor's own text, sent as data).
#                       Untranslated and fuzzy entries count: their English
#                       would show.
# i18n_untranslated FILE PIECES   prints the pieces found in FILE; 0 if none.

i18n_need() {
	locale -a 2>/dev/null | grep -qi "^$1\.utf-\?8$" ||
		bail "the $1.UTF-8 locale is not installed (./bootstrap generates it)"
	command -v msgfmt >/dev/null 2>&1 ||
		bail "msgfmt is missing (Debian package gettext)"
}

i18n_catalogs() {
	for _po in "$top_srcdir"/po/*.po; do
		_ll=$(basename "$_po" .po)
		mkdir -p "$T_DIR/locale/$_ll/LC_MESSAGES"
		msgfmt -o "$T_DIR/locale/$_ll/LC_MESSAGES/billtop.mo" "$_po" || return 1
	done
	BILLTOP_LOCALEDIR="$T_DIR/locale"
	export BILLTOP_LOCALEDIR
}

i18n_pieces() {
	LC_ALL=C.UTF-8 awk '
	function body(s) {
		sub(/^[^"]*"/, "", s)
		sub(/"[ \t\r]*$/, "", s)
		return s
	}
	function flush() {
		if (key != "") {
			ids[++n] = id
			if (pl != "")
				ids[++n] = pl
			strs = strs "\001" str
		}
		key = ""; id = ""; pl = ""; str = ""; fuzzy = 0
	}
	/^[ \t]*$/ { flush(); next }
	/^#~/ { next }
	/^#/ { next }
	/^msgid_plural / { key = "pl"; pl = body($0); next }
	/^msgid / { flush(); key = "id"; id = body($0); next }
	/^msgstr/ { key = "str"; str = str "\001" body($0); next }
	/^"/ {
		if (key == "id") id = id body($0)
		else if (key == "pl") pl = pl body($0)
		else if (key == "str") str = str body($0)
		next
	}
	END {
		flush()
		gsub(/\\"/, "\"", strs)
		for (i = 1; i <= n; i++) {
			s = ids[i]
			if (s == "")
				continue
			gsub(/\\n/, "\001", s)
			gsub(/\\"/, "\"", s)
			gsub(/%(<PRI[A-Za-z0-9]+>|[-+ #0-9.*$]*(hh|h|ll|l|L|j|z|t)?[diouxXcspn%])/, "\001", s)
			k = split(s, part, "\001")
			for (j = 1; j <= k; j++) {
				p = part[j]
				sub(/^[ \t]+/, "", p)
				sub(/[ \t]+$/, "", p)
				if (length(p) < 12 || p !~ /[A-Za-z]/ || (p in seen))
					continue
				seen[p] = 1
				if (index(strs, p) == 0)
					print p
			}
		}
	}' "$1" >"$2.all"
	# billtopd's own data (plan, grant and ledger descriptions) is the vendor's
	# text, never translated: a piece that occurs there may show as it is.
	cat "$top_srcdir"/src/server/seed*.c "$top_srcdir"/src/server/engine*.c >"$2.server" 2>/dev/null
	LC_ALL=C.UTF-8 awk 'NR == FNR { srv = srv "\n" $0; next } index(srv, $0) == 0' \
		"$2.server" "$2.all" >"$2"
	rm -f "$2.all" "$2.server"
}

i18n_untranslated() {
	grep -o -F -f "$2" "$1" | sort -u
	! grep -q -F -f "$2" "$1"
}
