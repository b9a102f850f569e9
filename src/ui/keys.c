/* keys.c: what a key does: dialog first, then the help overlay, then the
 * view, then the global keys (see view.h for the rules views follow). */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/util.h"
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

/* n/N and Enter of the `/` prompt: the view's find() with the last query. */
static void
run_find(struct app *app, struct view *v, int dir, int from_sel)
{
	char msg[256];
	int r;

	if (!app->last_query[0]) {
		str_copy(app->notice, sizeof app->notice, _("Type / and some text to search this list."));
		return;
	}
	msg[0] = '\0';
	r = v->ops->find(v, app, app->last_query, dir, from_sel, msg, sizeof msg);
	if (r == 0 && !msg[0])
		snprintf(app->notice, sizeof app->notice, _("Nothing matches \"%s\"."), app->last_query);
	else
		str_copy(app->notice, sizeof app->notice, msg);
	v->dirty = 1;
}

/* Every key is the prompt's while it is open. */
static void
search_prompt_key(struct app *app, struct view *v, int key)
{
	size_t len = strlen(app->query);

	app->dirty = 1;
	switch (key) {
	case KEY_ESC:
		app->searching = 0;
		return;
	case '\n': case '\r': case KEY_ENTER:
		app->searching = 0;
		str_copy(app->last_query, sizeof app->last_query, app->query);
		run_find(app, v, 1, 1);
		return;
	case KEY_BACKSPACE: case 127: case 8:
		/* a whole UTF-8 character */
		while (len > 0 && ((unsigned char)app->query[len - 1] & 0xC0) == 0x80)
			app->query[--len] = '\0';
		if (len > 0)
			app->query[len - 1] = '\0';
		return;
	default:
		if (key >= 0x20 && key <= 0xff && key != 0x7f && len + 1 < sizeof app->query) {
			app->query[len] = (char)key;
			app->query[len + 1] = '\0';
		}
		return;
	}
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
	if (app->searching) {
		search_prompt_key(app, v, key);
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
	case '/':
	case 'n':
	case 'N':
		if (!view_ready(app) || !v->ops->find)
			return;
		if (key == '/') {
			app->searching = 1;
			app->query[0] = '\0';
		} else {
			run_find(app, v, key == 'n' ? 1 : -1, 0);
		}
		break;
	default:
		if (key >= '1' && key <= '9' && key - '1' < app->nviews)
			app_switch(app, key - '1');
		return;
	}
	app->dirty = 1;
}
