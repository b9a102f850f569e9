## src/ui: the curses dashboard: tui loop, widgets, one file per tab.
noinst_LIBRARIES += src/ui/libui.a
src_ui_libui_a_SOURCES =
src_ui_libui_a_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS) $(SQLITE_CFLAGS)
