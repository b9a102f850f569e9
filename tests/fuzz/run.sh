#!/bin/sh
# tests/fuzz/run.sh [SECONDS]: builds each harness with clang's libFuzzer
# (and ASan + UBSan) and fuzzes it for SECONDS (default 10) from a copy of its
# corpus.  Exit 0 when no harness found a crash; a crash leaves its input in
# the work directory printed at the end.  Needs clang (./bootstrap installs it).
set -eu
cd "$(dirname "$0")/../.."
top=$(pwd)
secs=${1:-10}
command -v clang >/dev/null 2>&1 || { echo "run.sh: clang is not installed (Debian package clang)" >&2; exit 1; }
[ -f config.h ] || { echo "run.sh: run ./configure first (config.h is needed)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/billtop-fuzz.XXXXXX")
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I$top -I$top/src -I$top/tests/fuzz"
core="src/core/util.c src/core/numfmt.c src/core/money.c src/core/credits.c src/core/timeutil.c
	src/core/text.c src/core/utf8.c src/core/grapheme.c"
client="src/client/model.c src/client/error.c src/client/secret_mask.c"
decode="src/client/decode.c src/client/decode_items.c src/client/decode_billing.c src/client/decode_sniff.c"
config="src/client/config.c src/client/token_command.c"
# shellcheck disable=SC2086
clang $flags -o "$work/fuzz_decode" tests/fuzz/fuzz_decode.c $decode $client $core \
	$(pkg-config --cflags --libs jansson libutf8proc)
# shellcheck disable=SC2086
clang $flags -o "$work/fuzz_config" tests/fuzz/fuzz_config.c $config $client $core \
	$(pkg-config --libs libutf8proc)
status=0
for h in decode config; do
	mkdir -p "$work/corpus_$h"
	cp tests/fuzz/corpus/$h/* "$work/corpus_$h/"
	echo "== fuzz_$h for ${secs}s"
	if ! (cd "$work" && ./fuzz_$h -max_total_time="$secs" -max_len=65536 -rss_limit_mb=1024 \
	      -print_final_stats=1 "corpus_$h" 2>"$work/fuzz_$h.log"); then
		status=1
		tail -n 40 "$work/fuzz_$h.log"
	fi
	grep -E '^stat::number_of_executed_units' "$work/fuzz_$h.log" || true
done
[ $status -eq 0 ] && rm -rf "$work" || echo "run.sh: crash inputs are in $work"
exit $status
