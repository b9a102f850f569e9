#!/bin/sh
# invoice_download.sh: `billtop invoice download` against a real billtopd:
# the saved file is byte for byte the server's PDF, a second download never
# overwrites the first (-1, -2), -o FILE is exact and needs --force to
# replace, and the download directory falls back as documented.
. "$top_srcdir/tests/lib.sh"

start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }

export BILLTOP_URL="$BT_URL" BILLTOP_TOKEN="$BT_TOKEN"
export HOME="$T_DIR/home" XDG_CONFIG_HOME="$T_DIR/config" XDG_CACHE_HOME="$T_DIR/cache"
mkdir -p "$HOME" "$T_DIR/dl"
export XDG_DOWNLOAD_DIR="$T_DIR/dl"

api() { curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL$1"; }

# An invoice that is not the draft, and the server's own copy of its PDF.
id=$(api '/v1/invoices?status=paid' | jq -r '.data[0].id')
num=$(api "/v1/invoices/$id" | jq -r '.number')
like "$id" '.' "the demo account has a paid invoice"
api "/v1/invoices/$id/pdf" >"$T_DIR/server.pdf"
check "curl fetched the server's PDF" test -s "$T_DIR/server.pdf"

out=$("$BILLTOP" invoice download "$num" 2>"$T_DIR/err"); rc=$?
is "$rc" 0 "download by number exits 0"
is "$out" "$T_DIR/dl/$num.pdf" "it prints the path: the number as the file name"
check "the file is byte for byte the server's PDF" cmp "$T_DIR/server.pdf" "$T_DIR/dl/$num.pdf"
is "$(stat -c %a "$T_DIR/dl/$num.pdf")" 600 "the file is private (0600)"
is "$(cat "$T_DIR/err")" "" "no progress on a stderr that is not a terminal"

out=$("$BILLTOP" invoice download "$id"); rc=$?
is "$rc" 0 "download by id exits 0"
is "$out" "$T_DIR/dl/$num-1.pdf" "a second download gets -1 instead of overwriting"
check "the second copy is the server's PDF too" cmp "$T_DIR/server.pdf" "$T_DIR/dl/$num-1.pdf"
out=$("$BILLTOP" invoice download "$num")
is "$out" "$T_DIR/dl/$num-2.pdf" "a third gets -2"
check "the first file is unchanged" cmp "$T_DIR/server.pdf" "$T_DIR/dl/$num.pdf"
is "$(ls -A "$T_DIR/dl" | grep -c '^\.')" 0 "no temporary file is left behind"

# -o FILE: exact, refuses an existing file, --force replaces it.
out=$("$BILLTOP" invoice download "$num" -o "$T_DIR/mine.pdf"); rc=$?
is "$rc" 0 "-o FILE exits 0"
is "$out" "$T_DIR/mine.pdf" "-o FILE saves exactly there"
check "-o FILE holds the PDF" cmp "$T_DIR/server.pdf" "$T_DIR/mine.pdf"
echo keep >"$T_DIR/taken.pdf"
err=$("$BILLTOP" invoice download "$num" -o "$T_DIR/taken.pdf" 2>&1); rc=$?
is "$rc" 2 "-o onto an existing file is refused (exit 2)"
like "$err" "already exists.*--force" "the refusal says how to replace it"
is "$(cat "$T_DIR/taken.pdf")" keep "the existing file is untouched"
"$BILLTOP" invoice download "$num" -o "$T_DIR/taken.pdf" --force >/dev/null; rc=$?
is "$rc" 0 "--force replaces it"
check "the replaced file is the PDF" cmp "$T_DIR/server.pdf" "$T_DIR/taken.pdf"
"$BILLTOP" invoice download "$num" --force >/dev/null 2>&1; rc=$?
is "$rc" 2 "--force without -o FILE is a usage error"

# -o DIR: into that directory, still never overwriting.
mkdir "$T_DIR/into"
out=$("$BILLTOP" invoice download "$num" -o "$T_DIR/into")
is "$out" "$T_DIR/into/$num.pdf" "-o DIR saves into DIR under the safe name"

# Fallbacks: ~/Downloads, then billtop's cache folder, never the current
# directory (issue 16.3).
unset XDG_DOWNLOAD_DIR
mkdir "$HOME/Downloads"
out=$("$BILLTOP" invoice download "$num")
is "$out" "$HOME/Downloads/$num.pdf" "without XDG_DOWNLOAD_DIR: ~/Downloads"
rm -f "$HOME/Downloads/$num.pdf"; rmdir "$HOME/Downloads"
mkdir "$T_DIR/cwd"
out=$(cd "$T_DIR/cwd" && "$BILLTOP" invoice download "$num")
is "$out" "$XDG_CACHE_HOME/billtop/$num.pdf" "without ~/Downloads: the cache folder, full path printed"
check "the cache folder holds it" cmp "$T_DIR/server.pdf" "$XDG_CACHE_HOME/billtop/$num.pdf"
is "$(ls -A "$T_DIR/cwd")" "" "nothing is saved in the current directory"
export XDG_DOWNLOAD_DIR="$T_DIR/missing"
err=$("$BILLTOP" invoice download "$num" 2>&1); rc=$?
is "$rc" 2 "a XDG_DOWNLOAD_DIR that does not exist is an error"
like "$err" "missing" "the error names it"
export XDG_DOWNLOAD_DIR="$T_DIR/dl"

# Unknown invoices and refused tokens.
err=$("$BILLTOP" invoice download "BT-NOPE-0000" 2>&1); rc=$?
is "$rc" 2 "an unknown invoice is a usage error (exit 2), not a server error"
like "$err" "no invoice has the id or number 'BT-NOPE-0000'" "and names what was asked for"
err=$(BILLTOP_TOKEN=wrong "$BILLTOP" invoice download "$num" 2>&1); rc=$?
is "$rc" 3 "a refused token exits 3"
is "$(ls "$T_DIR/dl" | wc -l)" 3 "failed downloads left no file"

done_testing
