## src/server: billtopd, the reference billing API server.
bin_PROGRAMS += src/billtopd
src_billtopd_SOURCES = src/server/billtopd.c
src_billtopd_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS) $(JANSSON_CFLAGS) $(SQLITE_CFLAGS)
src_billtopd_LDADD = src/core/libcore.a $(MHD_LIBS) $(JANSSON_LIBS) $(SQLITE_LIBS) $(LIBINTL)
