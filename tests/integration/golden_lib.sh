# tests/integration/golden_lib.sh: `billtop print` compared with golden text
# files.  Source it after tests/lib.sh; the suite sets GOLDEN (the directory
# of NAME.txt files) and defines bt (billtop on its server and cache).
# BILLTOP_UPDATE_GOLDEN=1 rewrites the goldens from the current output.

# golden NAME LOCALE ARGS...: `bt print ARGS` under LOCALE must equal
# $GOLDEN/NAME.txt; under LOCALE C the output must also be ASCII only.
golden() {
	name=$1 loc=$2
	shift 2
	if ! LC_ALL=$loc bt print "$@" >"$T_DIR/$name.txt" 2>"$T_DIR/$name.err"; then
		ok 1 "$name: billtop print $*"
		sed 's/^/# /' "$T_DIR/$name.err"
		return
	fi
	if [ -n "${BILLTOP_UPDATE_GOLDEN:-}" ]; then
		cp "$T_DIR/$name.txt" "$GOLDEN/$name.txt"
	fi
	if diff -u "$GOLDEN/$name.txt" "$T_DIR/$name.txt" >"$T_DIR/$name.diff" 2>&1; then
		ok 0 "$name"
	else
		ok 1 "$name"
		sed 's/^/# /' "$T_DIR/$name.diff" | head -n 40
	fi
	if [ "$loc" = C ]; then
		# An ASCII print holds no byte outside printable ASCII.
		if LC_ALL=C grep -q '[^ -~]' "$T_DIR/$name.txt"; then
			ok 1 "$name: ASCII only"
		else
			ok 0 "$name: ASCII only"
		fi
	fi
}
