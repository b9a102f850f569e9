/* tui.c: the main loop: poll() on the terminal and the worker, compose a
 * frame when something changed, and send only the changed cells.
 *
 * Idle means silent: with no key, no worker and no periodic refresh due,
 * poll() waits forever and nothing is written to the terminal.  The spinner
 * (while a worker runs) is the only timer. */
#include <config.h>

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/stop_signals.h"
#include "ui/app.h"
#include "ui/compose.h"
#include "ui/hyperlink.h"
#include "ui/refresh.h"
#include "ui/term_check.h"
#include "ui/theme_curses.h"
#include "ui/tui.h"

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

struct screen {
	struct canvas *prev, *next;
	struct frame frame;
	FILE *timing;   /* BILLTOP_TIMING_LOG: one line per frame (bench/ui.sh) */
};

/* Sends the cells that differ from the last frame; returns how many. */
static int
blit(struct screen *s)
{
	const struct cell *a, *b;
	int x, y, n = 0, full = !s->prev || s->prev->w != s->next->w || s->prev->h != s->next->h;

	for (y = 0; y < s->next->h; y++) {
		for (x = 0; x < s->next->w; x++) {
			b = canvas_at(s->next, x, y);
			if (b->ch[0] == '\0')
				continue;   /* the right half of a wide character */
			if (!full) {
				a = canvas_at(s->prev, x, y);
				/* A wide character's neighbour changing repaints it too. */
				if (cell_equal(a, b) && !(b->wide && !cell_equal(canvas_at(s->prev, x + 1, y),
				                                                  canvas_at(s->next, x + 1, y))))
					continue;
			}
			attrset(theme_attr(b->style));
			mvaddstr(y, x, b->ch);
			n++;
		}
	}
	attrset(A_NORMAL);
	return n;
}

static int
frame(struct app *app, struct screen *s)
{
	struct canvas *t;
	int64_t t0 = app_mono_us(), t1;
	int w, h, n;

	getmaxyx(stdscr, h, w);
	if (w < 1 || h < 1)
		return 0;
	if (!s->next || s->next->w != w || s->next->h != h) {
		canvas_free(s->next);
		s->next = canvas_new(w, h, app->utf8);
		if (!s->next)
			return -1;
	}
	app->now = app_clock();
	app_load_view(app, app->cur);
	hyperlink_reset();
	compose_frame(app, s->next, &s->frame);
	t1 = app_mono_us();
	n = blit(s);
	if (n > 0) {
		wnoutrefresh(stdscr);
		doupdate();
		/* OSC 8 over the URLs the views registered (the text is already there). */
		hyperlink_flush(stdout);
	}
	if (s->timing)
		fprintf(s->timing, "frame view=%s compose_us=%lld total_us=%lld cells=%d\n",
		        app_view(app)->ops->id, (long long)(t1 - t0), (long long)(app_mono_us() - t0), n);
	t = s->prev;
	s->prev = s->next;
	s->next = t;
	app->dirty = 0;
	return 0;
}

/* KEY n times: what a wheel notch or a click on a row stands for. */
static void
keys_n(struct app *app, int key, int n)
{
	while (n-- > 0 && !app->quit)
		tui_key(app, key);
}

#ifndef BUTTON5_PRESSED
#define BUTTON5_PRESSED 0   /* ncurses built with the old mouse ABI: no wheel down */
#endif
#define WHEEL_LINES 3

/* A click on the tab bar opens that tab; a click on a list row selects
 * it (as the arrow keys would: the view does what it does on a move); the
 * wheel moves the selection WHEEL_LINES rows, as in htop. */
static void
mouse_event(struct app *app, struct screen *s)
{
	MEVENT ev;
	int tab, item, sel;

	if (getmouse(&ev) != OK || app->dialog.kind != DLG_NONE)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		keys_n(app, KEY_UP, WHEEL_LINES);
		return;
	}
	if (BUTTON5_PRESSED && (ev.bstate & BUTTON5_PRESSED)) {
		keys_n(app, KEY_DOWN, WHEEL_LINES);
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)))
		return;
	if (ev.y == 0) {
		tab = frame_tab_at(&s->frame, ev.x);
		if (tab >= 0) {
			app->help = 0;
			app_switch(app, tab);
		}
		return;
	}
	if (app->help || !(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	item = canvas_list_item(s->prev, ev.y, &sel);
	if (item < 0 || sel < 0)
		return;
	if (item > sel)
		keys_n(app, KEY_DOWN, item - sel);
	else
		keys_n(app, KEY_UP, sel - item);
}

/* Ctrl-L: the terminal is repainted whole, as after a resize (a line noise
 * or another program's output spoiled it). */
#define KEY_CTRL_L 0x0c

static void
resized(struct app *app, struct screen *s)
{
	/* Everything is sent again: the old frame says nothing about the new size.
	 * clear(), not erase(): a frame being written while the terminal shrank
	 * wrapped on screen where curses cannot see it, so the screen is wiped
	 * and repainted whole rather than patched from what curses believes. */
	canvas_free(s->prev);
	s->prev = NULL;
	clear();
	app->dirty = 1;
	frame(app, s);   /* now, before getch() would refresh the erased window */
}

static void
setup_signals(void)
{
	/* No SA_RESTART: poll() returns EINTR and the loop sees the flag. */
	catch_stop_signals(on_signal);
	signal(SIGPIPE, SIG_IGN);
}

int
tui_run(struct app *app)
{
	struct screen s = { NULL, NULL, { { 0 }, { 0 }, 0, { { 0 } }, 0 }, NULL };
	struct pollfd pfd[2 + VIEW_MAX];
	int jobfd[VIEW_MAX], i;
	const char *tlog = getenv("BILLTOP_TIMING_LOG");
	int nfd, ch, timeout, r;
	int64_t t_start = app_mono_us();

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("billtop: the dashboard needs a terminal; try `billtop print overview`"));
		return -1;
	}
	if (!term_check_usable(stderr))
		return -1;
	if (tlog && *tlog)
		s.timing = fopen(tlog, "a");
	setup_signals();
	set_escdelay(25);
	if (!initscr())
		return -1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED |
	          BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	theme_curses_init(theme_scheme_parse(app->theme));

	/* First frame straight from the cache, before any network. */
	app->dirty = 1;
	frame(app, &s);
	if (s.timing) {
		fprintf(s.timing, "first_frame_us=%lld since_start_us=%lld\n",
		        (long long)(app_mono_us() - t_start),
		        (long long)(app_mono_us() - (app->started_us ? app->started_us : t_start)));
		fflush(s.timing);
	}
	if (!app->offline && !app->refresh_off)
		app_refresh(app);

	while (!app->quit && !got_signal) {
		if (app->dirty || app_view(app)->dirty) {
			frame(app, &s);
			if (s.timing)
				fflush(s.timing);
		}
		nfd = 0;
		pfd[nfd].fd = STDIN_FILENO;
		pfd[nfd++].events = POLLIN;
		if (refresh_fd(app) >= 0) {
			pfd[nfd].fd = refresh_fd(app);
			pfd[nfd++].events = POLLIN;
		}
		/* Views' background jobs (downloads), polled by index. */
		for (i = 0; i < app->nviews; i++) {
			const struct view_ops *ops = app->views[i].ops;

			jobfd[i] = ops->job_fd ? ops->job_fd(&app->views[i]) : -1;
			if (jobfd[i] >= 0) {
				pfd[nfd].fd = jobfd[i];
				pfd[nfd++].events = POLLIN;
			}
		}
		timeout = refresh_timeout_ms(app);
		r = poll(pfd, (nfds_t)nfd, timeout);
		if (r < 0 && errno != EINTR)
			break;
		if (got_signal)
			break;
		if (nfd > 1 && r > 0 && pfd[1].fd == refresh_fd(app) &&
		    (pfd[1].revents & (POLLIN | POLLHUP | POLLERR)))
			refresh_read(app);
		for (i = 0; r > 0 && i < app->nviews; i++) {
			int k;

			for (k = 1; jobfd[i] >= 0 && k < nfd; k++)
				if (pfd[k].fd == jobfd[i] && (pfd[k].revents & (POLLIN | POLLHUP | POLLERR)))
					app->views[i].ops->job_ready(&app->views[i], app);
		}
		/* Keys, and KEY_RESIZE after SIGWINCH interrupted poll(). */
		while ((ch = getch()) != ERR) {
			if (ch == KEY_RESIZE || ch == KEY_CTRL_L)
				resized(app, &s);
			else if (ch == KEY_MOUSE)
				mouse_event(app, &s);
			else
				tui_key(app, ch);
			if (app->quit)
				break;
		}
		refresh_tick(app);
	}
	endwin();
	refresh_free(app);
	canvas_free(s.prev);
	canvas_free(s.next);
	if (s.timing)
		fclose(s.timing);
	return 0;
}
