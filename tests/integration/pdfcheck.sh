# pdfcheck.sh: pdf_check FILE: a structural check of a PDF without external tools:
# the header, %%EOF at the end, startxref pointing at the xref table, and every
# in-use xref entry pointing at "N 0 obj" for its object number.  Prints what
# is wrong and returns 1, or returns 0.
pdf_check() {
	_f=$1
	case "$(head -c 8 "$_f")" in "%PDF-1."[0-7]) ;; *) echo "no %PDF-1.x header"; return 1 ;; esac
	[ "$(tail -c 6 "$_f" | tr -d '\n')" = "%%EOF" ] || { echo "no %%EOF at the end"; return 1; }
	_sx=$(tail -c 40 "$_f" | tr -d '\r' | awk '/^startxref$/ { getline; print; exit }')
	case "$_sx" in '' | *[!0-9]*) echo "no startxref"; return 1 ;; esac
	[ "$(tail -c +$((_sx + 1)) "$_f" | head -c 4)" = "xref" ] ||
		{ echo "startxref $_sx does not point at xref"; return 1; }
	tail -c +$((_sx + 1)) "$_f" | tr -d '\r' | awk 'NR == 2 { first = $1; n = $2 }
		NR > 2 && NR <= 2 + n { print first + NR - 3, $1, $3 }' >"$T_DIR/xref.txt"
	[ -s "$T_DIR/xref.txt" ] || { echo "empty xref table"; return 1; }
	while read -r _num _off _use; do
		[ "$_use" = n ] || continue
		_o=$(echo "$_off" | sed 's/^0*//')
		_at=$(tail -c +$((${_o:-0} + 1)) "$_f" | head -c 20 | head -n 1)
		case "$_at" in
		"$_num 0 obj"*) ;;
		*) echo "object $_num: offset $_off points at '$_at'"; return 1 ;;
		esac
	done <"$T_DIR/xref.txt"
	return 0
}
