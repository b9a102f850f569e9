/* refresh.c: starting the worker, reading its records, applying its results. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/util.h"
#include "ui/app.h"
#include "client/config.h"
#include "ui/refresh.h"

#define RECORD_MAX (1 << 20)   /* a record larger than this is dropped */

struct result {
	int seen, ok, status, net;
	char code[64];
	char role[32];
	char message[512];
};

struct refresher {
	pid_t pid;
	int fd;                    /* worker's stdout, non-blocking */
	char *buf;                 /* unparsed bytes */
	size_t len, cap;
	int has_action;
	struct action act;
	struct result action_res, sync_res;
	struct source_action_result result;   /* the action's result */
	int has_pending;           /* an action confirmed while a refresh ran */
	struct action pending;
	struct timespec spin_at;   /* when the spinner last moved */
};

static struct refresher *
rf_get(struct app *app)
{
	if (!app->rf) {
		app->rf = calloc(1, sizeof *app->rf);
		if (app->rf) {
			app->rf->pid = -1;
			app->rf->fd = -1;
		}
	}
	return app->rf;
}

/* Writes all of buf to fd (a pipe the worker reads).  0 or -1. */
static int
write_all(int fd, const char *buf, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
job_send(int fd, const struct app *app, const struct action *act)
{
	char fields[1024] = "";

	if (act && source_action_format(&act->sa, fields, sizeof fields) != 0)
		return -1;
	if (write_all(fd, app->token ? app->token : "", app->token ? strlen(app->token) : 0) != 0 ||
	    write_all(fd, "\n", 1) != 0 || write_all(fd, act ? "1\n" : "0\n", 2) != 0 ||
	    write_all(fd, fields, strlen(fields)) != 0)
		return -1;
	return 0;
}

int
refresh_start(struct app *app, const struct action *act)
{
	struct refresher *rf = rf_get(app);
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, devnull;
	char exe[1024];
	const char *argv[16];
	int argc = 0;
	ssize_t k;
	pid_t pid;

	if (!rf) {
		snprintf(app->last_error, sizeof app->last_error, "%s", _("out of memory"));
		return -1;
	}
	if (rf->pid > 0) {
		/* An action waits for the running refresh, then goes; a refresh
		 * asked for meanwhile is that running one. */
		if (act) {
			rf->pending = *act;
			rf->has_pending = 1;
		}
		return 0;
	}
	k = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (k <= 0) {
		snprintf(app->last_error, sizeof app->last_error, "%s", _("cannot find the billtop program to refresh with"));
		return -1;
	}
	exe[k] = '\0';
	argv[argc++] = PACKAGE;
	if (app->url[0]) {
		argv[argc++] = "--url";
		argv[argc++] = app->url;
	}
	if (app->cache_path[0]) {
		argv[argc++] = "--cache";
		argv[argc++] = app->cache_path;
	}
	if (app->profile) {
		argv[argc++] = "--profile";
		argv[argc++] = app->profile;
	}
	if (app->insecure)
		argv[argc++] = "--insecure";
	if (app->source != source_default()) {
		argv[argc++] = "--source";
		argv[argc++] = app->source->name;
	}
	argv[argc] = NULL;

	if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0)
		goto fail;
	pid = fork();
	if (pid < 0)
		goto fail;
	if (pid == 0) {
		/* The worker: stdin the job, stdout the records, stderr nowhere
		 * (the screen belongs to curses); it dies with the dashboard. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		devnull = open("/dev/null", O_WRONLY);
		if (dup2(in[0], 0) < 0 || dup2(out[1], 1) < 0 || devnull < 0 || dup2(devnull, 2) < 0)
			_exit(127);
		signal(SIGINT, SIG_IGN);   /* Ctrl-C is for the dashboard */
		setenv("BILLTOP_WORKER", "1", 1);
		execv(exe, (char *const *)argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	in[0] = out[1] = -1;
	rf->pid = pid;
	rf->fd = out[0];
	fcntl(rf->fd, F_SETFL, fcntl(rf->fd, F_GETFL) | O_NONBLOCK);
	rf->len = 0;
	memset(&rf->action_res, 0, sizeof rf->action_res);
	memset(&rf->sync_res, 0, sizeof rf->sync_res);
	memset(&rf->result, 0, sizeof rf->result);
	rf->has_action = act != NULL;
	if (act)
		rf->act = *act;
	/* The job is a few hundred bytes: it fits the pipe, so this never blocks. */
	signal(SIGPIPE, SIG_IGN);
	if (job_send(in[1], app, act) != 0) {
		close(in[1]);
		in[1] = -1;
		refresh_free(app);
		snprintf(app->last_error, sizeof app->last_error, "%s", _("could not hand the job to the worker"));
		return -1;
	}
	close(in[1]);
	app->refreshing = 1;
	app->notice[0] = '\0';
	rf->spin_at.tv_sec = 0;
	app->dirty = 1;
	return 0;
fail:
	snprintf(app->last_error, sizeof app->last_error, _("cannot start a refresh: %s"), strerror(errno));
	if (in[0] >= 0) close(in[0]);
	if (in[1] >= 0) close(in[1]);
	if (out[0] >= 0) close(out[0]);
	if (out[1] >= 0) close(out[1]);
	return -1;
}

int
refresh_fd(const struct app *app)
{
	return app->rf && app->rf->pid > 0 ? app->rf->fd : -1;
}

static void
result_parse(struct result *r, const char *p, size_t len)
{
	char line[700];
	size_t i = 0, k;

	memset(r, 0, sizeof *r);
	r->seen = 1;
	while (i < len) {
		k = 0;
		while (i < len && p[i] != '\n') {
			if (k < sizeof line - 1)
				line[k++] = p[i];
			i++;
		}
		i++;
		line[k] = '\0';
		if (strncmp(line, "ok=", 3) == 0)
			r->ok = atoi(line + 3);
		else if (strncmp(line, "status=", 7) == 0)
			r->status = atoi(line + 7);
		else if (strncmp(line, "net=", 4) == 0)
			r->net = atoi(line + 4);
		else if (strncmp(line, "code=", 5) == 0)
			str_copy(r->code, sizeof r->code, line + 5);
		else if (strncmp(line, "role=", 5) == 0)
			str_copy(r->role, sizeof r->role, line + 5);
		else if (strncmp(line, "message=", 8) == 0)
			str_copy(r->message, sizeof r->message, line + 8);
	}
}

/* Parses every complete record in the buffer. */
static void
parse_records(struct app *app, struct refresher *rf)
{
	char *nl, *end;
	unsigned long len;
	size_t head;

	for (;;) {
		nl = memchr(rf->buf, '\n', rf->len);
		if (!nl)
			return;
		head = (size_t)(nl - rf->buf) + 1;
		end = memchr(rf->buf, ' ', head);
		if (!end)
			goto junk;
		len = strtoul(end + 1, NULL, 10);
		if (len > RECORD_MAX)
			goto junk;
		if (rf->len < head + len)
			return;
		*end = '\0';
		if (strcmp(rf->buf, "action") == 0) {
			result_parse(&rf->action_res, rf->buf + head, len);
		} else if (strcmp(rf->buf, "sync") == 0) {
			result_parse(&rf->sync_res, rf->buf + head, len);
		} else if (strcmp(rf->buf, "result") == 0) {
			char *text = malloc(len + 1);

			memset(&rf->result, 0, sizeof rf->result);
			if (text) {
				memcpy(text, rf->buf + head, len);
				text[len] = '\0';
				if (source_action_result_read(text, &rf->result) != 0)
					memset(&rf->result, 0, sizeof rf->result);
				free(text);
			}
		}
		/* progress records only keep the spinner going */
		memmove(rf->buf, rf->buf + head + len, rf->len - head - len);
		rf->len -= head + len;
		app->dirty = 1;
	}
junk:
	rf->len = 0;   /* not a worker record: drop it */
}

/* The error of a result in plain words. */
static void
result_words(const struct result *r, char *buf, size_t n)
{
	const char *s = app_error_sentence(r->code);

	if (s)
		snprintf(buf, n, "%s", s);
	else if (r->message[0])
		snprintf(buf, n, "%s", r->message);
	else
		snprintf(buf, n, "%s", _("The worker stopped without saying why."));
}

static void
finish(struct app *app, struct refresher *rf)
{
	struct dialog *d = &app->dialog;
	char words[600], done[512];
	int status;

	while (waitpid(rf->pid, &status, 0) < 0 && errno == EINTR)
		;
	close(rf->fd);
	rf->fd = -1;
	rf->pid = -1;
	app->refreshing = 0;
	app->now = app_clock();
	if (app->refresh_every > 0)
		app->next_refresh = app->now + app->refresh_every;

	if (rf->sync_res.seen) {
		app->net_failed = rf->sync_res.net;
		if (rf->sync_res.ok) {
			app->last_error[0] = '\0';
			app->access = ACCESS_OK;
			app->role[0] = '\0';
		} else {
			result_words(&rf->sync_res, app->last_error, sizeof app->last_error);
			if (strcmp(rf->sync_res.code, "billing_forbidden") == 0) {
				app->access = ACCESS_FORBIDDEN;
				str_copy(app->role, sizeof app->role, rf->sync_res.role);
			}
		}
	} else if (!rf->has_action || rf->action_res.ok) {
		snprintf(app->last_error, sizeof app->last_error, "%s", _("the refresh stopped unexpectedly"));
	}
	/* The cache may have changed in any case: read it again. */
	app_reload(app);

	if (!rf->has_action) {
		if (rf->has_pending) {
			rf->has_pending = 0;
			if (refresh_start(app, &rf->pending) != 0) {
				d->kind = DLG_ERROR;
				snprintf(d->title, sizeof d->title, "%s", _("Not sent"));
				snprintf(d->body, sizeof d->body, "%s", app->last_error);
			}
		}
		return;
	}
	if (!rf->action_res.seen || !rf->action_res.ok) {
		if (rf->action_res.seen)
			result_words(&rf->action_res, words, sizeof words);
		else
			snprintf(words, sizeof words, "%s", _("The request could not be sent."));
		d->kind = DLG_ERROR;
		snprintf(d->title, sizeof d->title, "%s", _("The server said no"));
		if (rf->action_res.net) {
			snprintf(d->title, sizeof d->title, "%s", _("Not sent"));
		}
		snprintf(d->body, sizeof d->body, "%s", words);
		return;
	}
	str_copy(done, sizeof done, rf->act.done);
	if (rf->act.on_success)
		rf->act.on_success(app, rf->act.view, &rf->result, done, (int)sizeof done);
	d->kind = DLG_INFO;
	snprintf(d->title, sizeof d->title, "%s", _("Done"));
	if (rf->sync_res.seen && !rf->sync_res.ok)
		snprintf(d->body, sizeof d->body, _("%s\n\nThe screen could not be refreshed: %s"),
		         done, app->last_error);
	else
		snprintf(d->body, sizeof d->body, "%s", done);
}

void
refresh_read(struct app *app)
{
	struct refresher *rf = app->rf;
	ssize_t r;
	char *nb;

	if (!rf || rf->pid <= 0)
		return;
	for (;;) {
		if (rf->cap - rf->len < 4096) {
			if (rf->cap > 2 * RECORD_MAX) {
				rf->len = 0;   /* runaway output: drop it */
			} else {
				nb = realloc(rf->buf, rf->cap + 65536);
				if (!nb)
					break;
				rf->buf = nb;
				rf->cap += 65536;
			}
		}
		r = read(rf->fd, rf->buf + rf->len, rf->cap - rf->len);
		if (r > 0) {
			rf->len += (size_t)r;
			parse_records(app, rf);
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		break;   /* EOF or an error: the worker is done */
	}
	finish(app, rf);
}

int
refresh_timeout_ms(const struct app *app)
{
	int64_t ms;

	if (app->refreshing)
		return REFRESH_SPIN_MS;
	if (app->offline || app->refresh_off || app->next_refresh == M_NONE)
		return -1;
	ms = (app->next_refresh - app_clock()) * 1000;
	if (ms < 0)
		ms = 0;
	if (ms > 3600 * 1000)
		ms = 3600 * 1000;
	return (int)ms;
}

void
refresh_tick(struct app *app)
{
	struct refresher *rf = app->rf;
	int64_t now;

	if (app->refreshing && rf) {
		now = app_mono_us() / 1000;
		if (now - ((int64_t)rf->spin_at.tv_sec * 1000 + rf->spin_at.tv_nsec / 1000000) >= REFRESH_SPIN_MS) {
			app->spin++;
			rf->spin_at.tv_sec = (time_t)(now / 1000);
			rf->spin_at.tv_nsec = (long)(now % 1000) * 1000000;
			app->dirty = 1;
		}
		return;
	}
	if (!app->offline && !app->refresh_off && !app->headless && app->next_refresh != M_NONE &&
	    app_clock() >= app->next_refresh && app->dialog.kind == DLG_NONE)
		app_refresh(app);
}

void
refresh_free(struct app *app)
{
	struct refresher *rf = app->rf;
	int status;

	if (!rf)
		return;
	if (rf->pid > 0) {
		kill(rf->pid, SIGTERM);
		while (waitpid(rf->pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	if (rf->fd >= 0)
		close(rf->fd);
	free(rf->buf);
	free(rf);
	app->rf = NULL;
	app->refreshing = 0;
}

/* ---- the worker's side ---- */

static int
read_line(FILE *f, char *buf, size_t n)
{
	size_t k;

	if (!fgets(buf, (int)n, f))
		return -1;
	k = strlen(buf);
	if (k > 0 && buf[k - 1] == '\n')
		buf[--k] = '\0';
	else if (!feof(f))
		return -1;   /* longer than the field */
	return 0;
}

int
worker_job_read(FILE *f, struct worker_job *job)
{
	char flag[8], fields[2048];
	size_t n;

	memset(job, 0, sizeof *job);
	if (read_line(f, job->token, sizeof job->token) != 0 ||
	    read_line(f, flag, sizeof flag) != 0)
		return -1;
	job->has_action = strcmp(flag, "1") == 0;
	if (!job->has_action)
		return 0;
	n = fread(fields, 1, sizeof fields - 1, f);
	if (n == sizeof fields - 1 && !feof(f))
		return -1;
	fields[n] = '\0';
	return source_action_read(fields, &job->act);
}

int
worker_record(FILE *f, const char *type, const char *payload, size_t len)
{
	if (fprintf(f, "%s %zu\n", type, len) < 0 || (len && fwrite(payload, 1, len, f) != len) ||
	    fflush(f) != 0)
		return -1;
	return 0;
}

/* Copies s without newlines (they end a key=value line). */
static void
one_line(char *dst, size_t n, const char *s)
{
	size_t i;

	str_copy(dst, n, s ? s : "");
	for (i = 0; dst[i]; i++)
		if (dst[i] == '\n' || dst[i] == '\r')
			dst[i] = ' ';
}

int
worker_result_format(char *buf, size_t n, int ok, int status, int net,
                     const char *code, const char *role, const char *message)
{
	char c[64], r[32], m[512];
	int k;

	one_line(c, sizeof c, code);
	one_line(r, sizeof r, role);
	one_line(m, sizeof m, message);
	k = snprintf(buf, n, "ok=%d\nstatus=%d\nnet=%d\ncode=%s\nrole=%s\nmessage=%s\n",
	             ok, status, net, c, r, m);
	return k < 0 || (size_t)k >= n ? -1 : k;
}
