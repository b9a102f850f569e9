## src/core: money, credits, time, metering, forecasts; shared by both programs.
noinst_LIBRARIES += src/core/libcore.a
src_core_libcore_a_SOURCES = \
	src/core/i18n.h \
	src/core/util.c src/core/util.h \
	src/core/numfmt.c src/core/numfmt.h \
	src/core/money.c src/core/money.h \
	src/core/credits.c src/core/credits.h \
	src/core/timeutil.c src/core/timeutil.h \
	src/core/metering.c src/core/metering.h \
	src/core/forecast.c src/core/forecast.h src/core/forecast_period.c \
	src/core/allocate.c src/core/allocate.h \
	src/core/text.c src/core/text.h \
	src/core/about.c src/core/about.h \
	src/core/anomaly.c src/core/anomaly.h
# One UTF-8 decoder; grapheme clusters and their columns (libutf8proc).
src_core_libcore_a_SOURCES += src/core/utf8.c src/core/utf8.h src/core/grapheme.c src/core/grapheme.h
src_core_libcore_a_CFLAGS = $(AM_CFLAGS) $(UTF8PROC_CFLAGS)
# SIGINT/SIGTERM/SIGHUP to one handler, for the dashboard and downloads.
src_core_libcore_a_SOURCES += src/core/stop_signals.c src/core/stop_signals.h
# The plan advisor (issue 5, the dashboard's Plans tab).
src_core_libcore_a_SOURCES += src/core/advisor.c src/core/advisor.h
# Exact decimal text (JSON numbers, decimal strings) to scaled integers (issue 12).
src_core_libcore_a_SOURCES += src/core/decimal.c src/core/decimal.h
