/* demo.c: billtop --demo: a private billtopd, the dashboard on it, and a
 * supervisor that cleans up however the dashboard ends (see demo.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cli/demo.h"
#include "client/net.h"
#include "core/i18n.h"
#include "ui/app.h"

#ifndef BILLTOP_BINDIR
#define BILLTOP_BINDIR "/usr/local/bin"
#endif

#define PORT_WAIT_MS 15000
#define DIR_MAX 1024         /* the temporary directory's path; files go under it */   /* billtopd seeds a new database before it listens */

static const char *const variants[] = { "active", "trial", "past-due", "exhausted", "paused", "openai",
                                         "anthropic", NULL };

static volatile sig_atomic_t forward_sig;
static volatile pid_t dashboard_pid = -1;

static void
on_signal(int sig)
{
	forward_sig = sig;
	if (dashboard_pid > 0)
		kill(dashboard_pid, sig);
}

int
demo_variant_ok(const char *variant)
{
	int i;

	for (i = 0; variants[i]; i++)
		if (strcmp(variants[i], variant) == 0)
			return 1;
	return 0;
}

/* billtopd: $BILLTOPD, else next to this billtop (the build tree), else the
 * installed one. */
static int
find_billtopd(char *buf, size_t n)
{
	const char *env = getenv("BILLTOPD");
	char self[PATH_MAX];
	ssize_t k;

	if (env && *env && access(env, X_OK) == 0) {
		snprintf(buf, n, "%s", env);
		return 0;
	}
	k = readlink("/proc/self/exe", self, sizeof self - 1);
	if (k > 0) {
		self[k] = '\0';
		snprintf(buf, n, "%s/billtopd", dirname(self));
		if (access(buf, X_OK) == 0)
			return 0;
	}
	snprintf(buf, n, "%s/billtopd", BILLTOP_BINDIR);
	return access(buf, X_OK) == 0 ? 0 : -1;
}

static int
write_token(const char *path, char *token, int n)
{
	int fd;
	size_t len;

	if (n < 33 || net_random_key(token) != 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	len = strlen(token);
	if (write(fd, token, len) != (ssize_t)len || write(fd, "\n", 1) != 1) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* Starts billtopd; returns its pid and the port, or -1. */
static pid_t
start_server(const char *bin, const char *dir, const char *variant, const char *emulate, int *port)
{
	char seed[64], db[PATH_MAX], tok[PATH_MAX], log[PATH_MAX], line[32];
	struct pollfd pfd;
	int out[2], fd, r;
	size_t have = 0;
	pid_t parent = getpid(), pid;
	long deadline;
	struct timespec ts;

	snprintf(seed, sizeof seed, "demo=%s", variant);
	snprintf(db, sizeof db, "%s/server.db", dir);
	snprintf(tok, sizeof tok, "%s/token", dir);
	snprintf(log, sizeof log, "%s/billtopd.log", dir);
	if (pipe2(out, O_CLOEXEC) != 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(out[0]);
		close(out[1]);
		return -1;
	}
	if (pid == 0) {
		/* Dies with the demo; its own process group keeps Ctrl-C away. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent)
			_exit(127);
		setpgid(0, 0);
		fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
		if (fd < 0 || dup2(out[1], 1) < 0 || dup2(fd, 2) < 0)
			_exit(127);
		fd = open("/dev/null", O_RDONLY);
		if (fd < 0 || dup2(fd, 0) < 0)
			_exit(127);
		if (emulate)
			execl(bin, "billtopd", "--seed", seed, "--listen", "127.0.0.1:0", "--db", db,
			      "--token-file", tok, "--emulate", emulate, (char *)NULL);
		else
			execl(bin, "billtopd", "--seed", seed, "--listen", "127.0.0.1:0", "--db", db,
			      "--token-file", tok, (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	deadline = ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + PORT_WAIT_MS;
	*port = 0;
	while (have < sizeof line - 1) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		pfd.fd = out[0];
		pfd.events = POLLIN;
		r = poll(&pfd, 1, (int)(deadline - (ts.tv_sec * 1000 + ts.tv_nsec / 1000000)));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		r = (int)read(out[0], line + have, 1);
		if (r <= 0)
			break;
		if (line[have] == '\n') {
			line[have] = '\0';
			*port = atoi(line);
			break;
		}
		have++;
	}
	close(out[0]);
	if (*port <= 0 || *port > 65535) {
		kill(pid, SIGTERM);
		waitpid(pid, NULL, 0);
		return -1;
	}
	return pid;
}

static void
stop_server(pid_t pid)
{
	int i, status;

	if (pid <= 0)
		return;
	kill(pid, SIGTERM);
	/* Up to 5 s for a clean stop, then no more waiting. */
	for (i = 0; i < 100; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return;
		usleep(50000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		return rmdir(path);
	return unlink(path);
}

/* After a crash curses had no chance to leave: put the terminal back. */
static void
restore_terminal(const struct termios *saved, int have_saved)
{
	static const char reset[] = "\033[?1000l\033[?1002l\033[?1006l\033[?1049l\033[?25h\033[0m\r\n";

	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, saved);
	if (isatty(STDOUT_FILENO) && write(STDOUT_FILENO, reset, sizeof reset - 1) < 0)
		return;
}

int
demo_run(struct cli_opts *opts, const char *variant, int (*run)(struct cli_opts *opts))
{
	char dir[DIR_MAX], bin[PATH_MAX], path[PATH_MAX], url[64], token[64], cache[PATH_MAX];
	const char *tmp = getenv("TMPDIR");
	struct termios saved;
	struct sigaction sa, old_int, old_term, old_hup;
	int have_saved, port = 0, status = 0, rc = EXIT_FAILURE_GENERIC;
	pid_t server = -1, child;
	const char *emulate = NULL;

	if (!demo_variant_ok(variant)) {
		fprintf(stderr, _("billtop: unknown demo '%s': choose active, trial, past-due, exhausted, paused, openai or anthropic\n"),
		        variant);
		return EXIT_USAGE;
	}
	if (find_billtopd(bin, sizeof bin) != 0) {
		fprintf(stderr, "%s\n", _("billtop: --demo needs billtopd, the demo server, next to billtop or installed"));
		return EXIT_FAILURE_GENERIC;
	}
	snprintf(dir, sizeof dir, "%s/billtop-demo.XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, _("billtop: cannot make a temporary directory: %s\n"), strerror(errno));
		return EXIT_FAILURE_GENERIC;
	}
	snprintf(path, sizeof path, "%s/token", dir);
	if (write_token(path, token, sizeof token) != 0) {
		fprintf(stderr, _("billtop: cannot write the demo token: %s\n"), strerror(errno));
		goto out;
	}
	/* --demo=openai|anthropic: the active demo account served in that
	 * provider's shapes (billtopd --emulate), read through that source */
	if (strcmp(variant, "openai") == 0 || strcmp(variant, "anthropic") == 0) {
		emulate = variant;
		variant = "active";
	}
	server = start_server(bin, dir, variant, emulate, &port);
	if (server < 0) {
		fprintf(stderr, _("billtop: the demo server did not start (its log was %s/billtopd.log)\n"), dir);
		goto out;
	}
	snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
	snprintf(cache, sizeof cache, "%s/cache.db", dir);
	have_saved = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;

	child = fork();
	if (child < 0) {
		fprintf(stderr, _("billtop: cannot start the dashboard: %s\n"), strerror(errno));
		goto out;
	}
	if (child == 0) {
		/* The dashboard: the demo server, the demo cache, the demo token
		 * (in the environment, never argv), and no user configuration. */
		opts->url = url;
		opts->cache = cache;
		opts->source = emulate;
		opts->profile = NULL;
		opts->offline = 0;
		setenv("BILLTOP_TOKEN", token, 1);
		setenv("XDG_CONFIG_HOME", dir, 1);
		unsetenv("BILLTOP_URL");
		_exit(run(opts));
	}
	dashboard_pid = child;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	/* Ctrl-C reaches the dashboard from the terminal itself. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, &old_int);
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
	dashboard_pid = -1;
	if (WIFEXITED(status)) {
		rc = WEXITSTATUS(status);
	} else {
		restore_terminal(&saved, have_saved);
		fprintf(stderr, _("billtop: the dashboard stopped on signal %d; the demo server was "
		                  "stopped and its files removed\n"), WTERMSIG(status));
		rc = EXIT_FAILURE_GENERIC;
	}
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGINT, &old_int, NULL);
out:
	stop_server(server);
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	memset(token, 0, sizeof token);
	return rc;
}
