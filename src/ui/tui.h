/* tui.h: the curses side of the dashboard: terminal set-up, the main loop,
 * keys, mouse, resize, and blitting composed frames to the screen. */
#ifndef BILLTOP_TUI_H
#define BILLTOP_TUI_H

struct app;

/* Runs the dashboard until q or a signal (SIGINT, SIGTERM, SIGHUP).
 * The first frame is drawn from the cache before any refresh starts.
 * Returns 0, or -1 when the terminal could not be set up. */
int tui_run(struct app *app);

/* Dispatches one key as the main loop does (dialog, help, view, globals).
 * Exposed so the key logic is testable without a terminal. */
void tui_key(struct app *app, int key);

#endif
