#!/bin/sh
# completion.sh: the bash and zsh completions complete commands, options,
# tab names, --demo variants and the config's profiles, from the program's
# own --help; make install puts them, the docs and config.sample where
# bash-completion, zsh and docdir look (issue 16.6).
. "$top_srcdir/tests/lib.sh"
need_tool bash bash
need_tool zsh zsh
need_tool make make
bcomp="$top_srcdir/data/completion/billtop"
zcomp="$top_srcdir/data/completion/_billtop"
export XDG_CONFIG_HOME="$T_DIR/config"
mkdir -p "$XDG_CONFIG_HOME/billtop"
printf 'url = http://127.0.0.1:1\n[profile staging]\nurl = http://127.0.0.1:2\n[profile local]\n' \
	>"$XDG_CONFIG_HOME/billtop/config"

# bcomp WORD...: what bash completes for the last WORD (one per line, sorted).
bcomp() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _billtop
		printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$bcomp" "$BILLTOP" "$@"
}
# zcomp WORD...: the same in zsh, with compadd replaced by a printer that
# keeps, as compadd does, the matches the word typed so far starts.
zcomp() {
	zsh -fc 'compadd() { local p=""; while [[ $1 == -* ]]; do case $1 in --) shift; break ;; -P) p=$2; shift 2 ;; *) shift ;; esac; done
		local x; for x in "$@"; do [[ $p$x == ${words[CURRENT]}* ]] && print -r -- "$x"; done; }
		words=("$@"); CURRENT=$#; . "$0" | sort' "$zcomp" "$BILLTOP" "$@"
}
help_cmds=$(LC_ALL=C "$BILLTOP" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' | sort)
tabs=$(LC_ALL=C "$BILLTOP" print --help | sed -n 's/.*TAB is one of: //p' | tr ' ' '\n' | grep . | sort)
like "$help_cmds" "^sync$" "--help lists the commands"
is "$(printf '%s\n' "$tabs" | wc -l)" 6 "print --help lists six tabs"

for sh in bash zsh; do
	c=${sh%sh}comp; [ "$sh" = zsh ] && c=zcomp; [ "$sh" = bash ] && c=bcomp
	is "$($c "")" "$help_cmds" "$sh: the commands"
	is "$($c print "")" "$tabs" "$sh: print completes the tab names"
	is "$($c print ov)" "overview" "$sh: print ov -> overview"
	is "$($c --prof)" "--profile" "$sh: --prof -> --profile"
	is "$($c --profile "")" "$(printf 'local\nstaging')" "$sh: --profile completes the config's profiles"
	like "$($c print --f)" "^--format$" "$sh: print's own options"
	is "$($c print --format "")" "$(printf 'csv\njson\ntext')" "$sh: --format's values"
	is "$($c invoice "")" "download" "$sh: invoice download"
done
is "$(bcomp --demo = "")" "$(printf 'active\nanthropic\nexhausted\nopenai\npast-due\npaused\ntrial')" "bash: --demo= completes the variants"
is "$(zcomp --demo=)" "$(printf 'active\nanthropic\nexhausted\nopenai\npast-due\npaused\ntrial')" "zsh: --demo= completes the variants"

# make install: where bash-completion, zsh and docdir look.
inst="$T_DIR/inst"
make -s --no-print-directory -C "$top_builddir" install DESTDIR="$inst" >"$T_DIR/install.log" 2>&1
ok $? "make install DESTDIR=..."
datadir=$(sed -n 's/^datadir = //p' "$top_builddir/Makefile" | sed "s|\${datarootdir}|$(sed -n 's/^datarootdir = //p' "$top_builddir/Makefile")|" | sed "s|\${prefix}|$(sed -n 's/^prefix = //p' "$top_builddir/Makefile")|")
docdir="$datadir/doc/billtop"
check "bash completion installed as completions/billtop" cmp "$bcomp" "$inst$datadir/bash-completion/completions/billtop"
check "zsh completion in vendor-completions" cmp "$zcomp" "$inst$datadir/zsh/vendor-completions/_billtop"
for f in README api.md sources.md config.sample; do
	check "$f installed under docdir" test -s "$inst$docdir/$f"
done
make -s --no-print-directory -C "$top_builddir" uninstall DESTDIR="$inst" >>"$T_DIR/install.log" 2>&1
is "$(find "$inst" -type f | wc -l)" 0 "make uninstall removes them"
done_testing
