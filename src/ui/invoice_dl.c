/* invoice_dl.c: a PDF download in a forked child, reporting through a pipe.
 * The child opens its own net handle (net.h): the same token, TLS, retry
 * and URL rules as the dashboard's refreshes. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "client/download.h"
#include "client/source.h"
#include "client/net.h"
#include "core/i18n.h"
#include "core/stop_signals.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/invoice_dl.h"

struct dl_job {
	pid_t pid;
	int fd;
	char buf[PATH_MAX + 64];
	size_t len;
};

static volatile sig_atomic_t child_stop;

static void
on_stop(int sig)
{
	(void)sig;
	child_stop = 1;
}

struct child_progress {
	int fd;
	int64_t last;
};

static void
child_line(int fd, const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		s += k;
		n -= (size_t)k;
	}
}

static int
child_progress(void *arg, int64_t done, int64_t total)
{
	struct child_progress *p = arg;
	char line[64];

	if (child_stop)
		return 1;
	/* A line per 16 kB (and the last one) is plenty for a progress bar. */
	if (done > 0 && (done - p->last >= 16384 || done == total)) {
		snprintf(line, sizeof line, "p %lld %lld\n", (long long)done, (long long)total);
		child_line(p->fd, line);
		p->last = done;
	}
	return 0;
}

static void
child_main(struct app *app, const char *id, const char *number, int fd)
{
	struct net_opts no;
	struct net *n = NULL;
	struct child_progress prog = { fd, 0 };
	struct client_err err;
	struct source_action a;
	struct source_action_result res;
	char line[PATH_MAX + 600];

	catch_stop_signals(on_stop);
	memset(&no, 0, sizeof no);
	no.base_url = app->url;
	no.token = app->token;
	no.insecure = app->insecure;
	no.allow_http = app->allow_http;
	memset(&a, 0, sizeof a);
	a.kind = SA_INVOICE_PDF;
	str_copy(a.invoice, sizeof a.invoice, id);
	str_copy(a.invoice_number, sizeof a.invoice_number, number);
	a.progress = child_progress;
	a.progress_arg = &prog;
	if (net_open(&no, &n, &err) == 0 && app->source->act(n, &a, &res, &err) == 0)
		snprintf(line, sizeof line, "ok %s\n", res.path);
	else
		snprintf(line, sizeof line, "err %s\n", err.kind == CERR_CANCELED
		         ? _("The download was stopped; nothing was saved.") : err.message);
	net_close(n);
	child_line(fd, line);
}

int
invoice_dl_start(struct app *app, const char *id, const char *number, struct dl_job **out,
                 char *name, size_t namen, char *err, size_t errn)
{
	struct dl_job *j;
	int p[2];

	*out = NULL;
	if (app->token == NULL || app->url[0] == '\0') {
		snprintf(err, errn, "%s", _("No server or token is configured, so the PDF cannot be fetched."));
		return -1;
	}
	if (download_file_name(number, name, namen) != 0)
		str_copy(name, namen, "invoice.pdf");
	j = calloc(1, sizeof *j);
	if (j == NULL || pipe(p) != 0) {
		snprintf(err, errn, _("Cannot start the download: %s"), strerror(errno));
		free(j);
		return -1;
	}
	fflush(NULL);
	j->pid = fork();
	if (j->pid < 0) {
		snprintf(err, errn, _("Cannot start the download: %s"), strerror(errno));
		close(p[0]);
		close(p[1]);
		free(j);
		return -1;
	}
	if (j->pid == 0) {
		close(p[0]);
		child_main(app, id, number, p[1]);
		/* No exit(): curses and SQLite atexit work belongs to the parent. */
		_exit(0);
	}
	close(p[1]);
	j->fd = p[0];
	fcntl(j->fd, F_SETFL, fcntl(j->fd, F_GETFL) | O_NONBLOCK);
	fcntl(j->fd, F_SETFD, FD_CLOEXEC);
	*out = j;
	return 0;
}

int
invoice_dl_fd(const struct dl_job *j)
{
	return j != NULL ? j->fd : -1;
}

void
invoice_dl_read(struct dl_job *j, int64_t *done, int64_t *total, int *finished, int *ok, char *msg, size_t n)
{
	char *nl;
	ssize_t k;

	*finished = 0;
	for (;;) {
		k = read(j->fd, j->buf + j->len, sizeof j->buf - 1 - j->len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		j->len += (size_t)k;
		j->buf[j->len] = '\0';
		while ((nl = strchr(j->buf, '\n')) != NULL) {
			long long d, t;

			*nl = '\0';
			if (j->buf[0] == 'p' && sscanf(j->buf, "p %lld %lld", &d, &t) == 2) {
				*done = d;
				*total = t;
			} else if (strncmp(j->buf, "ok ", 3) == 0) {
				*finished = 1;
				*ok = 1;
				snprintf(msg, n, _("Saved %s"), j->buf + 3);
			} else if (strncmp(j->buf, "err ", 4) == 0) {
				*finished = 1;
				*ok = 0;
				snprintf(msg, n, _("Not saved: %s"), j->buf + 4);
			}
			j->len -= (size_t)(nl + 1 - j->buf);
			memmove(j->buf, nl + 1, j->len + 1);
		}
		if (j->len >= sizeof j->buf - 1)
			j->len = 0;   /* a line longer than any we write: drop it */
	}
	/* The pipe closed without a verdict: the child died. */
	if (k == 0 && !*finished) {
		*finished = 1;
		*ok = 0;
		snprintf(msg, n, "%s", _("Not saved: the download stopped unexpectedly."));
	}
}

void
invoice_dl_free(struct dl_job *j)
{
	int st;

	if (j == NULL)
		return;
	if (j->pid > 0) {
		if (waitpid(j->pid, &st, WNOHANG) == 0) {
			kill(j->pid, SIGTERM);
			while (waitpid(j->pid, &st, 0) < 0 && errno == EINTR)
				;
		}
	}
	if (j->fd >= 0)
		close(j->fd);
	free(j);
}
