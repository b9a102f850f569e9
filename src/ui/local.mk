## src/ui: the curses dashboard: tui loop, widgets, one file per tab.
## See src/ui/README for how the pieces fit and how to add a tab.
noinst_LIBRARIES += src/ui/libui.a
src_ui_libui_a_SOURCES = \
	src/ui/canvas.c src/ui/canvas.h \
	src/ui/chart.c src/ui/chart.h \
	src/ui/glyphs.c src/ui/glyphs.h \
	src/ui/theme.c src/ui/theme.h \
	src/ui/theme_curses.c src/ui/theme_curses.h \
	src/ui/widgets.c src/ui/widgets.h
src_ui_libui_a_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS) $(SQLITE_CFLAGS)
# Invoices and Payment tabs (issue 7): QR codes for hosted pages, OSC 8 links.
src_ui_libui_a_SOURCES += src/ui/qr.c src/ui/qr.h
# Overview and Usage of the openai and anthropic sources (issue 12).
src_ui_libui_a_SOURCES += src/ui/view_spend.c src/ui/view_spend.h
src_ui_libui_a_CFLAGS += $(QRENCODE_CFLAGS)
# Usage and Credits view models, data separate from drawing (issue 6).
src_ui_libui_a_SOURCES += \
	src/ui/model_common.c src/ui/model_common.h src/ui/model_common_load.c \
	src/ui/model_usage.c src/ui/model_usage.h src/ui/model_usage_load.c src/ui/model_usage_anomaly.c src/ui/model_usage_compare.c src/ui/model_usage_change.c \
	src/ui/model_credits.c src/ui/model_credits.h src/ui/model_credits_load.c
src_ui_libui_a_SOURCES += src/ui/hyperlink.c src/ui/hyperlink.h
# What the source offers: the not-offered screen, key hints by action (issue 12).
src_ui_libui_a_SOURCES += src/ui/offered.c src/ui/offered.h
# The dashboard (issue 5): app state, frame composition, tui loop, worker,
# banners, and the tabs (view_*.c; see src/ui/README to add one).
src_ui_libui_a_SOURCES += \
	src/ui/app.c src/ui/app.h src/ui/view.h src/ui/views.c \
	src/ui/banner.c src/ui/banner.h \
	src/ui/compose.c src/ui/compose.h \
	src/ui/keys.c src/ui/tui.c src/ui/tui.h src/ui/term_check.c src/ui/term_check.h \
	src/ui/refresh.c src/ui/refresh.h \
	src/ui/labels.c src/ui/labels.h \
	src/ui/overview.h src/ui/overview_load.c \
	src/ui/plans.h src/ui/plans_load.c src/ui/plans_draw.c \
	src/ui/view_overview.c src/ui/view_credits.c src/ui/view_usage.c \
	src/ui/view_invoices.c src/ui/view_payment.c src/ui/view_plans.c
EXTRA_DIST += src/ui/README
src_ui_libui_a_SOURCES += \
	src/ui/model_invoices.c src/ui/model_invoices.h src/ui/model_invoices_load.c \
	src/ui/model_payment.c src/ui/model_payment.h src/ui/model_payment_load.c
# The Usage and Credits tabs: state, drawing, purchase dialog (issue 6).
src_ui_libui_a_SOURCES += \
	src/ui/columns.c src/ui/columns.h src/ui/figures.c src/ui/figures.h \
	src/ui/view_usage.h src/ui/usage_state.c src/ui/usage_draw.c src/ui/usage_draw.h src/ui/usage_draw_drill.c \
	src/ui/view_credits.h src/ui/credits_state.c src/ui/credits_draw.c \
	src/ui/dialog_purchase.c src/ui/dialog_purchase.h
src_ui_libui_a_SOURCES += src/ui/view_payment_draw.c src/ui/view_payment.h
src_ui_libui_a_SOURCES += src/ui/view_invoices_draw.c src/ui/view_invoices.h src/ui/invoice_dl.c src/ui/invoice_dl.h
