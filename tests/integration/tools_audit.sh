#!/bin/sh
# tools_audit.sh: every program a suite runs is installed by ./bootstrap (or
# is in every Debian root), so the README's test command passes on a bare
# Debian 12 (issue 16.1).  Most of the TAP comes from tools_audit.py.
. "$top_srcdir/tests/lib.sh"
need_tool python3 python3
need_tool dpkg dpkg
need_tool apt-cache apt
audit="$top_srcdir/tests/integration/tools_audit.py"

# The audit itself: a bootstrap without procps must fail it, naming ps.
sed 's/ procps / /' "$top_srcdir/bootstrap" >"$T_DIR/bootstrap"
if grep -q ' procps ' "$T_DIR/bootstrap" || ! grep -q ' procps ' "$top_srcdir/bootstrap"; then
	ok 1 "bootstrap lists procps (for the audit's own check)"
else
	python3 "$audit" "$top_srcdir" "$T_DIR/bootstrap" >"$T_DIR/audit.out" 2>&1
	ok "$([ $? -ne 0 ] && echo 0 || echo 1)" "a bootstrap without procps fails the audit"
	like "$(grep '^not ok' "$T_DIR/audit.out")" "not ok [0-9]+ - ps \(.*\): package procps" "and names ps and its package"
fi

# The real one: renumbered after the checks above.
python3 "$audit" "$top_srcdir" >"$T_DIR/audit.out" 2>&1
rc=$?
grep -E '^(ok|not ok) ' "$T_DIR/audit.out" | while IFS= read -r l; do
	case "$l" in
	"ok "*) echo "ok $((T_NUM + 1)) - ${l#ok * - }" ;;
	*) echo "not ok $((T_NUM + 1)) - ${l#not ok * - }" ;;
	esac
	T_NUM=$((T_NUM + 1))
done
n=$(grep -cE '^(ok|not ok) ' "$T_DIR/audit.out")
T_NUM=$((T_NUM + n))
T_FAILED=$((T_FAILED + $(grep -c '^not ok ' "$T_DIR/audit.out")))
ok "$rc" "the audit of every suite passes"
done_testing
