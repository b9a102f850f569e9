#!/bin/sh
# tls_verify.sh: billtop verifies TLS.  Against `openssl s_server` with a
# throwaway self-signed certificate on 127.0.0.1: `billtop sync` and
# `billtop invoice download` fail as network errors (exit 4) naming
# certificate verification and write nothing; with --insecure the handshake
# succeeds and the failure is about the response (s_server answers HTML),
# and billtop says verification is off.  Plain http:// to a host that is
# not loopback is refused before any connection and before the token is
# resolved (a proxy on loopback, billtopd, would see any request).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

need_tool openssl openssl

# A certificate for 127.0.0.1, valid for a day, never trusted by anything.
if ! openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1 \
	-keyout "$T_DIR/key.pem" -out "$T_DIR/cert.pem" >"$T_DIR/req.log" 2>&1; then
	sed 's/^/# /' "$T_DIR/req.log"
	echo "Bail out! openssl req could not make a certificate"
	exit 1
fi

# Port 0: the kernel picks a free port and s_server prints it ("ACCEPT
# 127.0.0.1:PORT") once it listens, so there is no race for the port.
openssl s_server -accept 127.0.0.1:0 -www -cert "$T_DIR/cert.pem" -key "$T_DIR/key.pem" \
	</dev/null >"$T_DIR/s_server.out" 2>"$T_DIR/s_server.err" &
SPID=$!
T_PIDS="$T_PIDS $SPID"
listening() {
	grep -q '^ACCEPT ' "$T_DIR/s_server.out" 2>/dev/null || ! kill -0 "$SPID" 2>/dev/null
}
wait_for listening
TLS_PORT=$(sed -n 's/^ACCEPT 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$T_DIR/s_server.out")
case "$TLS_PORT" in
[0-9]*) ;;
*)
	sed 's/^/# /' "$T_DIR/s_server.out" "$T_DIR/s_server.err"
	echo "Bail out! openssl s_server did not start"
	exit 1
	;;
esac
TLS_URL="https://127.0.0.1:$TLS_PORT"

# snapshot FILE: "account rows/synced_at rows" of a cache, "none" without one.
snapshot() {
	if [ -f "$1" ]; then
		sqlite3 "$1" "SELECT (SELECT count(*) FROM account) || '/' ||
			(SELECT count(*) FROM meta WHERE key = 'synced_at')"
	else
		echo none
	fi
}
no_snapshot() {
	case "$(snapshot "$1")" in none | 0/0) return 0 ;; *) return 1 ;; esac
}

# run NAME ARGS...: billtop with the test token; RC and OUT (stdout+stderr).
run() {
	_n=$1
	shift
	BILLTOP_TOKEN=tls-test-token "$BILLTOP" "$@" >"$T_DIR/$_n.out" 2>&1
	RC=$?
	OUT=$(cat "$T_DIR/$_n.out")
}

# --- verification on: the self-signed certificate is refused --------------
run verify sync --url "$TLS_URL"
is "$RC" 4 "sync against a self-signed certificate: the network exit code (4)"
like "$OUT" "^account: failed: the TLS certificate of $TLS_URL could not be verified" \
	"the message names certificate verification and the server"
like "$OUT" "--insecure" "and names the way out"
ok "$(no_snapshot "$CACHE" && echo 0 || echo 1)" "no snapshot was written ($(snapshot "$CACHE"))"
unlike "$OUT" "not verified \(--insecure\)" "no insecure warning when verifying"

mkdir -p "$T_DIR/dl"
XDG_DOWNLOAD_DIR="$T_DIR/dl" run dl-verify invoice download inv_000001 --url "$TLS_URL"
is "$RC" 4 "invoice download against it: exit 4 too"
like "$OUT" "TLS certificate of $TLS_URL could not be verified" "and the same reason"
is "$(ls -A "$T_DIR/dl" | wc -l | tr -d ' ')" 0 "nothing is left in the download directory"

# --- --insecure: the handshake succeeds; the answer (HTML) is what fails ---
run insecure sync --url "$TLS_URL" --insecure
is "$RC" 6 "--insecure: the handshake succeeds, the HTML answer is bad data (6)"
like "$OUT" "^account: failed: the response is not valid JSON" "the failure is about the response"
unlike "$OUT" "could not be verified|TLS handshake" "not about TLS"
like "$OUT" "TLS certificates are not verified \(--insecure\)" "the output says TLS verification is off"
ok "$(no_snapshot "$CACHE" && echo 0 || echo 1)" "still no snapshot ($(snapshot "$CACHE"))"

XDG_DOWNLOAD_DIR="$T_DIR/dl" run dl-insecure invoice download inv_000001 --url "$TLS_URL" --insecure
is "$RC" 6 "invoice download --insecure: past TLS, the answer is bad data (6)"
unlike "$OUT" "could not be verified|TLS handshake" "and not a TLS failure"

# --- trusting the certificate through the environment ----------------------
# Debian 12's libcurl reads neither CURL_CA_BUNDLE (the curl tool's
# variable) nor SSL_CERT_FILE (it hands OpenSSL its own CA bundle), and
# billtop has no CA option: a certificate named only there stays untrusted.
CURL_CA_BUNDLE="$T_DIR/cert.pem" SSL_CERT_FILE="$T_DIR/cert.pem" run ca sync --url "$TLS_URL"
like "$OUT" "could not be verified" "a CA named only in CURL_CA_BUNDLE/SSL_CERT_FILE is not trusted"
ok "$(no_snapshot "$CACHE" && echo 0 || echo 1)" "and nothing was stored"
kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null

# --- plain http:// to a host that is not loopback --------------------------
# billtopd stands in as an HTTP proxy on loopback: every request billtop
# made would reach it (and its log), never the host in the URL.
start_billtopd || { echo "Bail out! billtopd did not start"; exit 1; }
PROXY="http://127.0.0.1:$BT_PORT"
mark=$(log_mark)
env -u NO_PROXY http_proxy="$PROXY" BILLTOP_TOKEN=tls-test-token \
	"$BILLTOP" sync --url http://localhost:9 --cache "$T_DIR/probe.db" >"$T_DIR/probe.out" 2>&1
like "$(log_since "$mark")" "^GET http://localhost:9/v1/account " \
	"(the probe works: a request through the proxy shows in its log)"

mkdir -p "$XDG_CONFIG_HOME/billtop"
printf 'token_command = touch %s/token-ran; echo tls-test-token\n' "$T_DIR" \
	>"$XDG_CONFIG_HOME/billtop/config"
mark=$(log_mark)
env -u NO_PROXY http_proxy="$PROXY" "$BILLTOP" sync --url http://192.0.2.7:8080 \
	>"$T_DIR/http.out" 2>&1
is "$?" 2 "sync to http:// on a non-loopback host: usage error (2)"
like "$(cat "$T_DIR/http.out")" "refusing plain http:// to 192.0.2.7" "it says why"
is "$(log_since "$mark" | wc -l | tr -d ' ')" 0 "no request was made"
ok "$([ ! -e "$T_DIR/token-ran" ] && echo 0 || echo 1)" "the token_command did not run"
env -u NO_PROXY http_proxy="$PROXY" XDG_DOWNLOAD_DIR="$T_DIR/dl" \
	"$BILLTOP" invoice download inv_000001 --url http://192.0.2.7:8080 >"$T_DIR/http-dl.out" 2>&1
is "$?" 2 "invoice download to http:// on a non-loopback host: refused too (2)"
like "$(cat "$T_DIR/http-dl.out")" "refusing plain http:// to 192.0.2.7" "with the same reason"
is "$(log_since "$mark" | wc -l | tr -d ' ')" 0 "and no request was made"
ok "$([ ! -e "$T_DIR/token-ran" ] && echo 0 || echo 1)" "nor the token_command run"

done_testing
