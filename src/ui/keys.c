/* keys.c: what a key does: dialog first, then the help overlay, then the
 * view, then the global keys (see view.h for the rules views follow). */
#include <config.h>

#include <curses.h>

#include "ui/app.h"
#include "ui/tui.h"

#define KEY_ESC 27

static void
dialog_key(struct app *app, int key)
{
	struct dialog *d = &app->dialog;

	switch (d->kind) {
	case DLG_CONFIRM:
		if (key == 'y' || key == 'Y' || key == '\n' || key == '\r' || key == KEY_ENTER)
			app_run_action(app, &d->act);
		else if (key == 'n' || key == 'N' || key == KEY_ESC || key == 'q')
			d->kind = DLG_NONE;
		else
			return;
		break;
	case DLG_BUSY:
		return;   /* the answer is on its way; nothing to decide */
	case DLG_INFO:
	case DLG_ERROR:
		if (key == '\n' || key == '\r' || key == KEY_ENTER || key == KEY_ESC || key == 'q' || key == ' ')
			d->kind = DLG_NONE;
		else
			return;
		break;
	case DLG_NONE:
		return;
	}
	app->dirty = 1;
}

/* Whether the current view may have a key, loading it first when it is
 * stale.  Keys typed together with a tab switch ("3R", "4/") arrive before
 * any frame loaded the new tab: this is the one place that loads it, so a
 * view's key() always finds its model and never loads itself. */
static int
view_ready(struct app *app)
{
	if (!app->have_snapshot || app->access != ACCESS_OK)
		return 0;
	app_load_view(app, app->cur);
	return !app->load_error[0];
}

void
tui_key(struct app *app, int key)
{
	struct view *v = app_view(app);

	if (key == KEY_RESIZE || key == ERR)
		return;
	if (app->dialog.kind != DLG_NONE) {
		dialog_key(app, key);
		return;
	}
	if (app->help) {
		app->help = 0;
		app->dirty = 1;
		return;
	}
	if (app->notice[0]) {
		app->notice[0] = '\0';
		app->dirty = 1;
	}
	/* The view first, when it has something on screen to act on. */
	if (view_ready(app) && v->ops->key && v->ops->key(v, app, key) == VIEW_HANDLED) {
		v->dirty = 1;
		return;
	}
	switch (key) {
	case 'q':
	case KEY_F(10):
		app->quit = 1;
		break;
	case '?':
	case KEY_F(1):
		app->help = 1;
		break;
	case '\t':
	case KEY_RIGHT:
		app_switch(app, app->cur + 1);
		break;
	case KEY_BTAB:
	case KEY_LEFT:
		app_switch(app, app->cur - 1);
		break;
	case 'r':
	case KEY_F(5):
		app_refresh(app);
		break;
	default:
		if (key >= '1' && key <= '9' && key - '1' < app->nviews)
			app_switch(app, key - '1');
		return;
	}
	app->dirty = 1;
}
