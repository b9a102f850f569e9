## tests/unit: cmocka suites, one program per module.

check_PROGRAMS += tests/unit/test_money
tests_unit_test_money_CFLAGS = $(cmocka_cflags)
tests_unit_test_money_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_money

check_PROGRAMS += tests/unit/test_download
tests_unit_test_download_CFLAGS = $(cmocka_cflags)
tests_unit_test_download_LDADD = src/client/libclient.a $(core_test_ldadd) $(CURL_LIBS) $(JANSSON_LIBS) $(SQLITE_LIBS)
UNIT_TESTS += tests/unit/test_download

check_PROGRAMS += tests/unit/test_credits
tests_unit_test_credits_CFLAGS = $(cmocka_cflags)
tests_unit_test_credits_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_credits

check_PROGRAMS += tests/unit/test_time
tests_unit_test_time_CFLAGS = $(cmocka_cflags)
tests_unit_test_time_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_time

check_PROGRAMS += tests/unit/test_canvas
tests_unit_test_canvas_CFLAGS = $(cmocka_cflags) $(NCURSES_CFLAGS)
tests_unit_test_canvas_LDADD = src/ui/libui.a $(core_test_ldadd) $(NCURSES_LIBS)
UNIT_TESTS += tests/unit/test_canvas

check_PROGRAMS += tests/unit/test_qr
tests_unit_test_qr_CFLAGS = $(cmocka_cflags) $(QRENCODE_CFLAGS)
tests_unit_test_qr_LDADD = src/ui/libui.a $(core_test_ldadd) $(NCURSES_LIBS) $(QRENCODE_LIBS)
UNIT_TESTS += tests/unit/test_qr

# Strict decoding of every API resource, against the fixtures in tests/unit/json/.
check_PROGRAMS += tests/unit/test_decode
tests_unit_test_decode_CFLAGS = $(cmocka_cflags) $(JANSSON_CFLAGS)
tests_unit_test_decode_LDADD = src/client/libclient.a $(core_test_ldadd) $(JANSSON_LIBS)
UNIT_TESTS += tests/unit/test_decode
EXTRA_DIST += tests/unit/json/account.json tests/unit/json/agents.json \
	tests/unit/json/charges.json tests/unit/json/credits.json \
	tests/unit/json/error_403.json tests/unit/json/grants.json \
	tests/unit/json/invoices.json tests/unit/json/ledger.json \
	tests/unit/json/meters.json tests/unit/json/payment_methods.json \
	tests/unit/json/plans.json tests/unit/json/purchase.json \
	tests/unit/json/runs.json tests/unit/json/usage.json

check_PROGRAMS += tests/unit/test_hyperlink
tests_unit_test_hyperlink_CFLAGS = $(cmocka_cflags) $(NCURSES_CFLAGS)
tests_unit_test_hyperlink_LDADD = src/ui/libui.a $(core_test_ldadd) $(NCURSES_LIBS)
UNIT_TESTS += tests/unit/test_hyperlink

check_PROGRAMS += tests/unit/test_chart
tests_unit_test_chart_CFLAGS = $(cmocka_cflags) $(NCURSES_CFLAGS)
tests_unit_test_chart_LDADD = src/ui/libui.a $(core_test_ldadd) $(NCURSES_LIBS)
UNIT_TESTS += tests/unit/test_chart
## The whole directory, so a new golden cannot be left out of the tarball.
EXTRA_DIST += tests/golden/chart

check_PROGRAMS += tests/unit/test_metering
tests_unit_test_metering_CFLAGS = $(cmocka_cflags)
tests_unit_test_metering_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_metering

check_PROGRAMS += tests/unit/test_anomaly
tests_unit_test_anomaly_CFLAGS = $(cmocka_cflags)
tests_unit_test_anomaly_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_anomaly

check_PROGRAMS += tests/unit/test_forecast
tests_unit_test_forecast_CFLAGS = $(cmocka_cflags)
tests_unit_test_forecast_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_forecast

check_PROGRAMS += tests/unit/test_forecast_period
tests_unit_test_forecast_period_CFLAGS = $(cmocka_cflags)
tests_unit_test_forecast_period_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_forecast_period

check_PROGRAMS += tests/unit/test_text
tests_unit_test_text_CFLAGS = $(cmocka_cflags)
tests_unit_test_text_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_text

check_PROGRAMS += tests/unit/test_model_usage
tests_unit_test_model_usage_CFLAGS = $(cmocka_cflags)
tests_unit_test_model_usage_LDADD = src/ui/libui.a src/client/libclient.a $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_model_usage

check_PROGRAMS += tests/unit/test_model_credits
tests_unit_test_model_credits_CFLAGS = $(cmocka_cflags)
tests_unit_test_model_credits_LDADD = src/ui/libui.a src/client/libclient.a $(core_test_ldadd) \
	$(NCURSES_LIBS) $(SQLITE_LIBS) $(JANSSON_LIBS) $(CURL_LIBS) $(QRENCODE_LIBS)
UNIT_TESTS += tests/unit/test_model_credits

# The configuration file, profiles, environment overrides and token_command.
check_PROGRAMS += tests/unit/test_config
tests_unit_test_config_CFLAGS = $(cmocka_cflags)
tests_unit_test_config_LDADD = src/client/libclient.a $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_config

check_PROGRAMS += tests/unit/test_advisor
tests_unit_test_advisor_CFLAGS = $(cmocka_cflags)
tests_unit_test_advisor_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_advisor

check_PROGRAMS += tests/unit/test_model_invoices tests/unit/test_model_payment
tests_unit_test_model_invoices_CFLAGS = $(cmocka_cflags)
# (the cache of 1,000 invoices: SQLite; the view's download code: curl)
tests_unit_test_model_invoices_LDADD = src/ui/libui.a src/client/libclient.a $(core_test_ldadd) \
	$(NCURSES_LIBS) $(SQLITE_LIBS) $(JANSSON_LIBS) $(CURL_LIBS) $(QRENCODE_LIBS)
tests_unit_test_model_payment_CFLAGS = $(cmocka_cflags)
tests_unit_test_model_payment_LDADD = src/ui/libui.a src/client/libclient.a $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_model_invoices tests/unit/test_model_payment

# The SQLite cache: modes, migrations (from tests/integration/cache_v1.sql),
# refusing a newer schema, corrupt-file recovery, writes and every read.
check_PROGRAMS += tests/unit/test_cache
tests_unit_test_cache_CFLAGS = $(cmocka_cflags) $(SQLITE_CFLAGS)
tests_unit_test_cache_LDADD = src/client/libclient.a $(core_test_ldadd) $(SQLITE_LIBS)
UNIT_TESTS += tests/unit/test_cache
EXTRA_DIST += tests/integration/cache_v1.sql

check_PROGRAMS += tests/unit/test_compose
tests_unit_test_compose_CFLAGS = $(cmocka_cflags) $(NCURSES_CFLAGS)
tests_unit_test_compose_LDADD = src/ui/libui.a src/client/libclient.a $(core_test_ldadd) \
	$(NCURSES_LIBS) $(SQLITE_LIBS) $(JANSSON_LIBS) $(CURL_LIBS) $(QRENCODE_LIBS)
UNIT_TESTS += tests/unit/test_compose

# The source layer: caps and actions drive tabs, print's exit code and key hints (issue 12).
check_PROGRAMS += tests/unit/test_source_caps
tests_unit_test_source_caps_CFLAGS = $(cmocka_cflags) $(NCURSES_CFLAGS)
tests_unit_test_source_caps_LDADD = src/ui/libui.a src/client/libclient.a $(core_test_ldadd) \
	$(NCURSES_LIBS) $(SQLITE_LIBS) $(JANSSON_LIBS) $(CURL_LIBS) $(QRENCODE_LIBS)
UNIT_TESTS += tests/unit/test_source_caps

check_PROGRAMS += tests/unit/test_check
tests_unit_test_check_SOURCES = tests/unit/test_check.c src/cli/check.c src/cli/check.h
tests_unit_test_check_CFLAGS = $(cmocka_cflags)
tests_unit_test_check_LDADD = src/ui/libui.a src/client/libclient.a $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_check

# billtopd --emulate: exact decimal text (no double) and page cursors.
check_PROGRAMS += tests/unit/test_emulate_text
tests_unit_test_emulate_text_SOURCES = tests/unit/test_emulate_text.c src/server/emulate_text.c
tests_unit_test_emulate_text_CFLAGS = $(cmocka_cflags) $(JANSSON_CFLAGS)
tests_unit_test_emulate_text_LDADD = $(core_test_ldadd) $(JANSSON_LIBS)
UNIT_TESTS += tests/unit/test_emulate_text

# decimal_scaled: JSON number text to integer units, exactly (issue 12).
check_PROGRAMS += tests/unit/test_decimal
tests_unit_test_decimal_CFLAGS = $(cmocka_cflags)
tests_unit_test_decimal_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_decimal

# The OpenAI and Anthropic decoders on the hand-written fixtures of
# tests/fixtures/*/ and amounts a double cannot hold (issue 12).
check_PROGRAMS += tests/unit/test_decode_spend
tests_unit_test_decode_spend_CFLAGS = $(cmocka_cflags) $(JANSSON_CFLAGS)
tests_unit_test_decode_spend_LDADD = src/client/libclient.a $(core_test_ldadd) $(JANSSON_LIBS) $(SQLITE_LIBS)
UNIT_TESTS += tests/unit/test_decode_spend
