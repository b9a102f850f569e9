#!/bin/sh
# tests/integration/install_man.sh: the man pages and the README agree with
# the programs.  Every long option that `billtop --help` or a command's --help
# shows is in billtop(1) and every long option billtop(1) names is in one of
# those --help texts; the same for billtopd(1) and `billtopd --help`.  The exit
# codes of src/cli/cli.h are in billtop(1), in --help and in the README's
# table.  The pages render without a groff warning (and pass mandoc -T lint
# where mandoc is installed).
. "$top_srcdir/tests/lib.sh"
export LC_ALL=C.UTF-8
man1="$top_srcdir/data/billtop.1"
mand="$top_srcdir/data/billtopd.1"

# longopts FILE...: the long options named in FILEs (man sources: \- is -).
longopts() {
	sed 's/\\-/-/g' "$@" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u
}

# agree NAME MAN HELPFILE: both directions, one TAP line each.
agree() {
	longopts "$2" >"$T_DIR/$1.man"
	longopts "$3" >"$T_DIR/$1.help"
	only_help=$(comm -13 "$T_DIR/$1.man" "$T_DIR/$1.help" | tr '\n' ' ')
	only_man=$(comm -23 "$T_DIR/$1.man" "$T_DIR/$1.help" | tr '\n' ' ')
	is "$only_help" "" "$1: every long option of --help is in the man page"
	is "$only_man" "" "$1: every long option of the man page is in --help"
	[ "$(wc -l <"$T_DIR/$1.help")" -ge 5 ]; ok $? "$1: --help names options at all"
}

{
	"$BILLTOP" --help
	for c in sync print check; do "$BILLTOP" $c --help; done
	"$BILLTOP" invoice download --help
} >"$T_DIR/billtop.helps" 2>&1
agree billtop "$man1" "$T_DIR/billtop.helps"
"$BILLTOPD" --help >"$T_DIR/billtopd.helps" 2>&1
agree billtopd "$mand" "$T_DIR/billtopd.helps"

# Every tab's keys: each key of the dashboard's help tables is in billtop(1).
for f in compose view_credits view_usage view_invoices view_payment view_plans; do
	sed -n 's/^[[:space:]]*{ N_("\([^"]*\)"), N_(".*$/\1/p' "$top_srcdir/src/ui/$f.c" >>"$T_DIR/keys"
done
[ "$(wc -l <"$T_DIR/keys")" -ge 20 ]; ok $? "the help tables of the tabs were found"
sed -e 's/\\f[BRIP]//g' -e 's/\\-/-/g' "$man1" >"$T_DIR/man.txt"
missing=""
while IFS= read -r k; do
	for part in $(printf '%s\n' "$k" | sed 's/, arrows//'); do
		grep -qF -- "$part" "$T_DIR/man.txt" || missing="$missing $part"
	done
done <"$T_DIR/keys"
is "$missing" "" "every key of every tab's help is in billtop(1)"

# Exit codes: cli.h is the source; billtop(1), --help and the README follow it.
codes=$(sed -n 's/^[[:space:]]*EXIT_[A-Z_]* = \([0-9]*\).*/\1/p' "$top_srcdir/src/cli/cli.h")
[ -n "$codes" ]; ok $? "exit codes found in cli.h"
sect=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$man1")
readme=$(sed -n '/^Exit codes/,/^[A-Z][a-z]* *[a-z]*$/p' "$top_srcdir/README")
for c in $codes; do
	printf '%s\n' "$sect" | grep -qx "\.B $c"; ok $? "exit code $c is in billtop(1)"
	grep -Eq "^ +$c  [a-z]" "$T_DIR/billtop.helps"; ok $? "exit code $c is in --help"
	printf '%s\n' "$readme" | grep -Eq "^ +$c  [a-z]"; ok $? "exit code $c is in the README"
done
n_man=$(printf '%s\n' "$sect" | grep -c '^\.B [0-9][0-9]*$')
is "$n_man" "$(printf '%s\n' $codes | grep -c .)" "billtop(1) lists no exit code cli.h lacks"

# Rendering.
need_tool groff groff-base
for m in "$man1" "$mand"; do
	out=$(groff -man -Tutf8 -ww -z "$m" 2>&1)
	is "$out" "" "$(basename "$m"): groff renders it without a warning"
	groff -man -Tutf8 -P-cbou "$m" 2>/dev/null | grep -q "EXIT STATUS"; ok $? "$(basename "$m"): has EXIT STATUS"
done
need_tool mandoc mandoc
check "mandoc -T lint finds nothing" mandoc -T lint -W warning "$man1" "$mand"
done_testing
