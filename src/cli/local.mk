## src/cli and src/billtop.c: the billtop program and its subcommands.
bin_PROGRAMS += src/billtop
src_billtop_SOURCES = src/billtop.c \
	src/cli/cli.h src/cli/common.c \
	src/cli/cmd_dashboard.c
src_billtop_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS) $(CURL_CFLAGS) $(JANSSON_CFLAGS) $(SQLITE_CFLAGS)
src_billtop_LDADD = src/ui/libui.a src/client/libclient.a src/core/libcore.a $(UTF8PROC_LIBS) \
	$(NCURSES_LIBS) $(CURL_LIBS) $(JANSSON_LIBS) $(SQLITE_LIBS) $(QRENCODE_LIBS) $(LIBINTL)
# `billtop invoice download` (issue 7).
src_billtop_SOURCES += src/cli/cmd_invoice.c
# The dashboard, --demo and `billtop print` (issue 5).
src_billtop_SOURCES += src/cli/demo.c src/cli/demo.h src/cli/dashboard.h \
	src/cli/cmd_print.c src/cli/print.h src/cli/print_overview.c src/cli/print_plans.c
src_billtop_CPPFLAGS = $(AM_CPPFLAGS) -DBILLTOP_BINDIR=\"$(bindir)\"
# `billtop check` (issue 6).
src_billtop_SOURCES += src/cli/cmd_check.c src/cli/check.c src/cli/check.h
# `billtop print usage|credits` (issue 6).
src_billtop_SOURCES += src/cli/csv.c src/cli/csv.h src/cli/print_usage.c src/cli/print_credits.c
# `billtop sync` (issue 4).
src_billtop_SOURCES += src/cli/cmd_sync.c src/cli/sync_progress.c src/cli/sync_progress.h
# `billtop print invoices|payment` (issue 7).
src_billtop_SOURCES += src/cli/print_invoices.c src/cli/print_payment.c
# `billtop print overview|usage` for the openai and anthropic sources (issue 12).
src_billtop_SOURCES += src/cli/print_spend.c
