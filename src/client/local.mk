## src/client: net (libcurl), decode (jansson), cache (sqlite3), sync, config.
noinst_LIBRARIES += src/client/libclient.a
src_client_libclient_a_SOURCES =
src_client_libclient_a_CFLAGS = $(AM_CFLAGS) $(CURL_CFLAGS) $(JANSSON_CFLAGS) $(SQLITE_CFLAGS)
# Invoice PDF downloads: safe names, temp file then rename (issue 7).
src_client_libclient_a_SOURCES += src/client/download.c src/client/download.h
# Model enums, client errors, strict JSON decoding (issue 4).
src_client_libclient_a_SOURCES += \
	src/client/model.c src/client/model.h \
	src/client/error.c src/client/error.h \
	src/client/sync_refused.c src/client/sync_refused.h \
	src/client/secret_mask.c src/client/secret_mask.h \
	src/client/decode.c src/client/decode.h src/client/decode_priv.h \
	src/client/decode_items.c src/client/decode_billing.c src/client/decode_sniff.c
# Configuration file, profiles, environment and token_command (issue 4).
src_client_libclient_a_SOURCES += \
	src/client/config.c src/client/config.h src/client/token_command.c
# The SQLite cache: open and migrations, reads for the views, writes for sync (issue 4).
src_client_libclient_a_SOURCES += \
	src/client/cache.c src/client/cache.h src/client/cache_priv.h \
	src/client/cache_schema.c src/client/cache_read.c src/client/cache_invoices.c \
	src/client/cache_usage.c \
	src/client/cache_write.c src/client/cache_write.h
# HTTP to the billing API: libcurl, retries, ETags, idempotent POSTs (issue 4).
src_client_libclient_a_SOURCES += \
	src/client/net.c src/client/net.h src/client/net_url.c
# One refresh: every resource into the cache in one transaction (issue 4).
src_client_libclient_a_SOURCES += src/client/sync.c src/client/sync.h
# The source layer: what a billing system offers, its refresh and typed
# actions; the billtop API's wire format lives in source_billtop*.c (issue 12).
src_client_libclient_a_SOURCES += \
	src/client/source.c src/client/source.h \
	src/client/source_billtop.c src/client/source_billtop.h \
	src/client/source_billtop_page.c src/client/source_billtop_act.c
# client_open: config, profile, cache and net resolved one way for every command.
src_client_libclient_a_SOURCES += src/client/client.c src/client/client.h
# Organisation spend from OpenAI's and Anthropic's admin APIs (issue 12):
# numbers kept as text, decoders, cache rows, the two refreshes.
src_client_libclient_a_SOURCES += \
	src/client/spend_json.c src/client/spend_json.h \
	src/client/decode_spend.h src/client/decode_openai.c src/client/decode_anthropic.c \
	src/client/cache_spend.c src/client/cache_spend.h \
	src/client/source_spend.c src/client/source_spend.h src/client/source_spend_ops.c \
	src/client/source_openai.c src/client/source_anthropic.c \
	src/client/spend_figures.c src/client/spend_figures.h
