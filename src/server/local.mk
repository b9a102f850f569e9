## src/server: billtopd, the reference billing API server.
bin_PROGRAMS += src/billtopd
src_billtopd_SOURCES = \
	src/server/billtopd.c \
	src/server/srv.h src/server/srv.c \
	src/server/args.h src/server/args.c \
	src/server/db.h src/server/db.c \
	src/server/state.h src/server/state.c \
	src/server/http.h src/server/http.c \
	src/server/log_field.h src/server/log_field.c \
	src/server/router.c src/server/api.h \
	src/server/idem.h src/server/idem.c \
	src/server/list.h src/server/list.c \
	src/server/jsonx.h src/server/jsonx.c \
	src/server/fault.h src/server/fault.c \
	src/server/pdf.h src/server/pdf.c \
	src/server/emulate.h src/server/emulate.c \
	src/server/emulate_text.h src/server/emulate_text.c \
	src/server/emulate_openai.c \
	src/server/emulate_anthropic.c \
	src/server/api_account.c \
	src/server/api_credits.c \
	src/server/api_usage.c \
	src/server/api_invoices.c \
	src/server/api_payment.c \
	src/server/engine.h \
	src/server/engine_sum.c \
	src/server/engine_credits.c \
	src/server/engine_billing.c \
	src/server/engine_roll.c \
	src/server/engine_actions.c \
	src/server/seed.h \
	src/server/seed_common.h src/server/seed_common.c \
	src/server/seed_demo.c \
	src/server/seed_large.c \
	src/server/seed_random.c
src_billtopd_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS) $(JANSSON_CFLAGS) $(SQLITE_CFLAGS) -pthread
src_billtopd_LDADD = src/core/libcore.a $(UTF8PROC_LIBS) $(MHD_LIBS) $(JANSSON_LIBS) $(SQLITE_LIBS) $(HPDF_LIBS) $(LIBINTL) -lpthread
