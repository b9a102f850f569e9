/* token_command.c: getting the token from a command (a password manager)
 * rather than from the file: /bin/sh -c, first line of stdout, with a timeout. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "client/config.h"
#include "core/i18n.h"

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The child: stdin /dev/null, stdout the pipe, stderr inherited (the user
 * sees a password manager's complaints), its own process group so a timeout
 * can kill everything it started. */
static void
child(int wfd, const char *cmd)
{
	int null = open("/dev/null", O_RDONLY);

	setpgid(0, 0);
	if (null >= 0 && null != 0) {
		dup2(null, 0);
		close(null);
	}
	if (wfd != 1) {
		dup2(wfd, 1);
		close(wfd);
	}
	signal(SIGPIPE, SIG_DFL);
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

/* Waits for pid until deadline; kills its group past it.  Returns the wait
 * status, or -1 after a timeout. */
static int
reap(pid_t pid, int64_t deadline)
{
	int status;
	pid_t r;

	for (;;) {
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR)
			return -2;
		if (now_ms() >= deadline) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			return -1;
		}
		poll(NULL, 0, 10);
	}
}

static int
run_command(struct config *cfg, struct client_err *err)
{
	char buf[8192];
	size_t len = 0;
	int fds[2], status, rc = -1, timed_out = 0;
	int64_t deadline = now_ms() + (int64_t)cfg->token_timeout * 1000;
	struct pollfd pfd;
	ssize_t k;
	pid_t pid;
	char *nl;

	if (pipe2(fds, O_CLOEXEC) < 0) {
		client_err_set(err, CERR_AUTH, _("token_command: cannot create a pipe: %s"),
		               strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		client_err_set(err, CERR_AUTH, _("token_command: cannot start: %s"), strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0)
		child(fds[1], cfg->token_command);
	close(fds[1]);
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	for (;;) {
		int64_t left = deadline - now_ms();

		if (left <= 0) {
			timed_out = 1;
			break;
		}
		if (poll(&pfd, 1, (int)(left > 1000 ? 1000 : left)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if (len < sizeof buf - 1)
			k = read(fds[0], buf + len, sizeof buf - 1 - len);
		else {
			char sink[512];   /* keep draining: the rest is not ours to keep */

			k = read(fds[0], sink, sizeof sink);
			explicit_bzero(sink, sizeof sink);
		}
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		if (len < sizeof buf - 1)
			len += (size_t)k;
	}
	close(fds[0]);
	buf[len] = '\0';
	status = reap(pid, timed_out ? now_ms() : deadline);
	if (timed_out || status == -1) {
		client_err_set(err, CERR_AUTH, _("token_command did not finish within %d seconds"),
		               cfg->token_timeout);
		goto out;
	}
	if (status < 0) {
		client_err_set(err, CERR_AUTH, _("token_command: cannot wait for it: %s"),
		               strerror(errno));
		goto out;
	}
	if (WIFSIGNALED(status)) {
		client_err_set(err, CERR_AUTH, _("token_command was killed by signal %d"),
		               WTERMSIG(status));
		goto out;
	}
	if (WEXITSTATUS(status) != 0) {
		client_err_set(err, CERR_AUTH, _("token_command failed (exit status %d)"),
		               WEXITSTATUS(status));
		goto out;
	}
	nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
	len = strlen(buf);
	while (len > 0 && (buf[len - 1] == '\r' || buf[len - 1] == ' ' || buf[len - 1] == '\t'))
		buf[--len] = '\0';
	if (len == 0) {
		client_err_set(err, CERR_AUTH, _("token_command printed no token on its first line"));
		goto out;
	}
	if (config_set_token(cfg, buf) < 0) {
		client_err_set(err, CERR_AUTH, _("out of memory"));
		goto out;
	}
	rc = 0;
out:
	explicit_bzero(buf, sizeof buf);
	return rc;
}

int
config_resolve_token(struct config *cfg, struct client_err *err)
{
	if (cfg->token && cfg->token[0])
		return 0;
	if (!cfg->token_command[0]) {
		client_err_set(err, CERR_AUTH,
		               _("no token: set token or token_command in %s, or BILLTOP_TOKEN"),
		               cfg->path);
		return -1;
	}
	return run_command(cfg, err);
}
