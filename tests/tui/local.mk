## tests/tui: the dashboard driven in tmux against a real billtopd.
## lib-tmux.sh holds the helpers (a private tmux, send keys, wait for text,
## resize, capture); suites skip when tmux is missing.
EXTRA_DIST += tests/tui/lib-tmux.sh tests/tui/readme_captures.sh
TUI_TESTS += \
	tests/tui/tui_tabs.sh \
	tests/tui/tui_plans.sh \
	tests/tui/tui_errors.sh \
	tests/tui/tui_resize.sh \
	tests/tui/tui_terminal.sh \
	tests/tui/tui_banners.sh \
	tests/tui/tui_demo.sh \
	tests/tui/tui_tz.sh
EXTRA_DIST += \
	tests/tui/tui_tz.sh \
	tests/tui/tui_tabs.sh \
	tests/tui/tui_plans.sh \
	tests/tui/tui_errors.sh \
	tests/tui/tui_resize.sh \
	tests/tui/tui_terminal.sh \
	tests/tui/tui_banners.sh \
	tests/tui/tui_demo.sh
# Invoices and Payment tabs (issue 7).
TUI_TESTS += tests/tui/invoices_list.sh tests/tui/invoices_download.sh tests/tui/payment_default.sh
EXTRA_DIST += tests/tui/invoices_list.sh tests/tui/invoices_download.sh tests/tui/payment_default.sh
# The Usage and Credits tabs (issue 6).
USAGE_TUI_TESTS = tests/tui/usage_drill.sh tests/tui/usage_zero.sh \
	tests/tui/credits_purchase.sh tests/tui/credits_refused.sh
TUI_TESTS += $(USAGE_TUI_TESTS)
# Unusual days on the Usage chart (issue 17, item 3).
TUI_TESTS += tests/tui/usage_anomaly.sh
EXTRA_DIST += tests/tui/usage_anomaly.sh
EXTRA_DIST += $(USAGE_TUI_TESTS)
# Keys typed together with a tab switch reach the new tab (keys.c loads it).
TUI_TESTS += tests/tui/tui_typeahead.sh
EXTRA_DIST += tests/tui/tui_typeahead.sh
# The dashboard in German: every tab, dialog and banner (issue 8).
TUI_TESTS += tests/tui/i18n_tabs.sh
EXTRA_DIST += tests/tui/i18n_tabs.sh
# Large accounts: the Credits tab pages through past grants (a, ], [).
TUI_TESTS += tests/tui/credits_past.sh
EXTRA_DIST += tests/tui/credits_past.sh
# OSC 8 links under the help overlay or a dialog stay hidden.
TUI_TESTS += tests/tui/help_over_link.sh
EXTRA_DIST += tests/tui/help_over_link.sh
# A real mouse click on the tab bar (X10 bytes written into the pane).
TUI_TESTS += tests/tui/tui_mouse.sh tests/tui/tui_habits.sh tests/tui/tui_theme.sh tests/tui/tui_search.sh
EXTRA_DIST += tests/tui/tui_mouse.sh tests/tui/tui_habits.sh tests/tui/tui_theme.sh tests/tui/tui_search.sh

# Hostile and careless servers on screen (issue 18).
TUI_TESTS += tests/tui/tui_hostile.sh
EXTRA_DIST += tests/tui/tui_hostile.sh
# The dashboard on --demo=openai|anthropic (issue 12).
TUI_TESTS += tests/tui/tui_spend.sh
EXTRA_DIST += tests/tui/tui_spend.sh
