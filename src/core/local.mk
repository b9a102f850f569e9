## src/core: money, credits, time, metering, forecasts; shared by both programs.
noinst_LIBRARIES += src/core/libcore.a
src_core_libcore_a_SOURCES = \
	src/core/i18n.h \
	src/core/util.c src/core/util.h \
	src/core/money.h \
	src/core/credits.h \
	src/core/timeutil.h \
	src/core/metering.h \
	src/core/forecast.h \
	src/core/text.h
