## src/core: money, credits, time, metering, forecasts; shared by both programs.
noinst_LIBRARIES += src/core/libcore.a
src_core_libcore_a_SOURCES = \
	src/core/i18n.h \
	src/core/util.c src/core/util.h
