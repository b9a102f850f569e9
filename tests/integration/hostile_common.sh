# hostile_common.sh: a billtopd whose invoices carry hostile ids (sourced
# after tests/lib.sh and sync_common.sh).  The demo seed's paid invoices are
# renamed in the server's database, charges following, and billtopd started
# again on it: ids a careless server could send, each a path-segment game.

# The ids, in the order of the server's invoice seq 1..6 (NL is a newline,
# RLO U+202E the right-to-left override).
NL='
'
RLO=$(printf '\342\200\256')
HOSTILE_IDS="..|.|a b|%2F|inv${NL}1|inv_${RLO}0001"

# hostile_seed: renames invoices 1..6 of $BT_DB and restarts billtopd on it.
hostile_seed() {
	stop_billtopd
	_i=1
	_old_ifs=$IFS
	IFS='|'
	for _id in $HOSTILE_IDS; do
		IFS=$_old_ifs
		_q=$(printf '%s' "$_id" | sed "s/'/''/g")
		sqlite3 "$BT_DB" "UPDATE charges SET invoice_id = '$_q' WHERE invoice_id =
			(SELECT id FROM invoices WHERE seq = $_i);
			UPDATE purchases SET invoice_id = '$_q' WHERE invoice_id =
			(SELECT id FROM invoices WHERE seq = $_i);
			UPDATE invoices SET id = '$_q' WHERE seq = $_i;" || return 1
		_i=$((_i + 1))
		IFS='|'
	done
	IFS=$_old_ifs
	# names a careless server sends: a bidi mark, a C1 CSI with parameters
	sqlite3 "$BT_DB" "UPDATE plans SET name = 'Pro$(printf '\342\200\217') $(printf '\302\233')31mplan'
		WHERE id = 'pro'" || return 1
	_db=$BT_DB
	start_billtopd --db "$_db" "$@"
	BT_DB=$_db
}
