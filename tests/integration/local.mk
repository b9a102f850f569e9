## tests/integration: shell suites against a real billtopd on 127.0.0.1.

INTEGRATION_TESTS += tests/integration/invoice_download.sh tests/integration/invoice_download_interrupted.sh
EXTRA_DIST += tests/integration/invoice_download.sh tests/integration/invoice_download_interrupted.sh

# The billtopd contract (docs/api.md), one suite per area.
API_TESTS = tests/integration/api_auth.sh tests/integration/api_account.sh tests/integration/api_credits.sh tests/integration/api_usage.sh tests/integration/api_invoices.sh tests/integration/invoices_numbers.sh tests/integration/api_payment.sh tests/integration/api_pagination.sh tests/integration/api_faults.sh tests/integration/api_cli.sh
INTEGRATION_TESTS += $(API_TESTS)
EXTRA_DIST += $(API_TESTS) tests/integration/api_common.sh tests/integration/pdfcheck.sh

# Usage and Credits: billtop print usage|credits and billtop check (issue 6).
USAGE_TESTS = tests/integration/print_usage_golden.sh
INTEGRATION_TESTS += $(USAGE_TESTS)
EXTRA_DIST += $(USAGE_TESTS) tests/integration/usage_lib.sh tests/golden/usage
USAGE_TESTS += tests/integration/check_thresholds.sh tests/integration/print_usage_formats.sh
# Issue 11: one figure everywhere, and the projection billtopd then invoices.
USAGE_TESTS += tests/integration/consistency.sh
EXTRA_DIST += tests/integration/consistency_check.py
# docs/print-json.md lists every JSON field and CSV column print writes.
USAGE_TESTS += tests/integration/print_fields.sh
# Issue 17: unusual days (billtopd --spike), anomaly_factor.
USAGE_TESTS += tests/integration/print_usage_anomaly.sh
# Billing days are UTC days: no TZ moves a date; a period is written one way.
USAGE_TESTS += tests/integration/print_tz.sh
EXTRA_DIST += tests/integration/print_fields.py

# billtop sync and the cache (issue 4): basics, every fault on every resource,
# kill -9 mid-refresh, concurrent refreshes, migrations, secrets and config.
SYNC_TESTS = tests/integration/sync_basic.sh tests/integration/sync_faults_500.sh \
	tests/integration/sync_faults_503.sh tests/integration/sync_faults_drop.sh \
	tests/integration/sync_faults_body.sh tests/integration/sync_kill.sh \
	tests/integration/sync_concurrent.sh tests/integration/sync_security.sh \
	tests/integration/cache_migrate.sh
INTEGRATION_TESTS += $(SYNC_TESTS)
EXTRA_DIST += $(SYNC_TESTS) tests/integration/sync_common.sh
# billtop print invoices|payment (issue 7).
INTEGRATION_TESTS += tests/integration/print_invoices_golden.sh
EXTRA_DIST += tests/integration/print_invoices_golden.sh tests/golden/invoices
# golden(): billtop print against golden text, for the print_*_golden suites.
EXTRA_DIST += tests/integration/golden_lib.sh
# client/net.c against billtopd: ETags, keep-alive, retries, categories, POSTs.
check_PROGRAMS += tests/integration/net_test
tests_integration_net_test_CFLAGS = $(cmocka_cflags) $(JANSSON_CFLAGS) $(CURL_CFLAGS)
tests_integration_net_test_LDADD = src/client/libclient.a $(core_test_ldadd) $(CURL_LIBS) $(JANSSON_LIBS)
INTEGRATION_TESTS += tests/integration/net_test
# TLS: a self-signed certificate refused (exit 4), --insecure, http:// refused.
INTEGRATION_TESTS += tests/integration/tls_verify.sh
EXTRA_DIST += tests/integration/tls_verify.sh
# Translations, man pages and `make install` (issue 8).
I18N_TESTS = tests/integration/i18n_catalogs.sh tests/integration/i18n_locale.sh \
	tests/integration/install_man.sh tests/integration/install_de.sh
INTEGRATION_TESTS += $(I18N_TESTS)
EXTRA_DIST += $(I18N_TESTS) tests/integration/i18n_lib.sh
# billtopd logs the User-Agent: billtop/VERSION on every request, sanitised.
INTEGRATION_TESTS += tests/integration/user_agent.sh
EXTRA_DIST += tests/integration/user_agent.sh

# Hostile and careless servers (issue 18): ids, secrets, locks, long fields.
HOSTILE_TESTS = tests/integration/hostile_ids.sh tests/integration/hostile_secrets.sh \
	tests/integration/hostile_first_sync.sh tests/integration/hostile_long_fields.sh
INTEGRATION_TESTS += $(HOSTILE_TESTS)
EXTRA_DIST += $(HOSTILE_TESTS) tests/integration/hostile_common.sh

# billtopd --emulate openai|anthropic (issue 12): contract suites against the
# providers' published shapes (tests/schemas, validated with python3-jsonschema)
# and the hand-written reference bodies in tests/fixtures.
EMULATE_TESTS = tests/integration/emulate_openai.sh tests/integration/emulate_anthropic.sh \
	tests/integration/emulate_schemas.sh
INTEGRATION_TESTS += $(EMULATE_TESTS)
EXTRA_DIST += $(EMULATE_TESTS) tests/integration/emulate_common.sh tests/integration/emulate_sum.py \
	tests/schemas tests/fixtures

# Issue 16: every program the suites run comes with ./bootstrap.
INTEGRATION_TESTS += tests/integration/tools_audit.sh
EXTRA_DIST += tests/integration/tools_audit.sh tests/integration/tools_audit.py
INTEGRATION_TESTS += tests/integration/completion.sh tests/integration/sync_progress.sh tests/integration/term_dumb.sh tests/integration/pdf_utf8.sh
EXTRA_DIST += tests/integration/completion.sh tests/integration/sync_progress.sh tests/integration/term_dumb.sh tests/integration/pdf_utf8.sh
# The openai and anthropic sources end to end against billtopd --emulate (issue 12).
SPEND_TESTS = tests/integration/spend_sync.sh
INTEGRATION_TESTS += $(SPEND_TESTS)
EXTRA_DIST += $(SPEND_TESTS) tests/golden/spend
