/* billtopd.c: the reference billing API server: options, database, seed, serve until a signal. */
#include <config.h>

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "server/args.h"
#include "server/db.h"
#include "server/fault.h"
#include "server/http.h"
#include "server/seed.h"
#include "server/srv.h"

/* The temporary database and its WAL companions, removed at exit. */
static void
remove_db_files(const char *path)
{
	char buf[4200];

	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-journal", path);
	unlink(buf);
}

static int
seed(struct db *d, const struct options *o, int64_t now)
{
	char instance[40];
	unsigned char rnd[16];
	int fd, i, rc;

	/* A random instance id keeps ETags of two different databases apart. */
	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, rnd, sizeof rnd) != (ssize_t)sizeof rnd) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	for (i = 0; i < 16; i++)
		snprintf(instance + 2 * i, 3, "%02x", rnd[i]);
	if (db_exec(d, "BEGIN IMMEDIATE") < 0)
		return -1;
	rc = db_meta_set(d, "instance", instance);
	if (rc == 0)
		rc = strcmp(o->seed, "large") == 0 ? seed_large(d, o->scale, now)
		     : strcmp(o->seed, "random") == 0 ? seed_random(d, o->random_seed, &o->spike, now)
		     : seed_demo(d, o->variant, &o->spike, now);
	db_reset_all(d);
	if (rc < 0 || d->failed) {
		db_exec(d, "ROLLBACK");
		return -1;
	}
	if (db_exec(d, "COMMIT") < 0)
		return -1;
	/* The seed is one large transaction: fold it into the database file now. */
	return db_exec(d, "PRAGMA wal_checkpoint(TRUNCATE)");
}

static void
free_srv(struct srv *s)
{
	size_t i;

	for (i = 0; i < s->ntokens; i++) {
		memset(s->tokens[i].value, 0, strlen(s->tokens[i].value));
		free(s->tokens[i].value);
	}
	free(s->tokens);
	for (i = 0; i < s->nfaults; i++)
		free(s->faults[i].prefix);
	free(s->faults);
}

int
main(int argc, char **argv)
{
	struct options o;
	struct srv s;
	struct http_server *h = NULL;
	char tmp_path[4096] = "";
	const char *db_path;
	sigset_t sigs;
	int is_new = 0, port = 0, sig, rc = 1, fd;
	enum args_result ar;

	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
	memset(&s, 0, sizeof s);
	pthread_mutex_init(&s.lock, NULL);
	pthread_mutex_init(&s.fault_lock, NULL);
	ar = args_parse(argc, argv, &o, &s);
	if (ar != ARGS_RUN) {
		free_srv(&s);
		return ar == ARGS_EXIT_OK ? 0 : 2;
	}
	s.fixed_now = o.now;

	/* Signals are taken by sigwait below; every thread inherits the mask. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	db_path = o.db_path;
	if (!db_path) {
		const char *dir = getenv("TMPDIR");

		snprintf(tmp_path, sizeof tmp_path, "%s/billtopd-XXXXXX", dir && *dir ? dir : "/tmp");
		fd = mkstemp(tmp_path);
		if (fd < 0) {
			perror("billtopd: mkstemp");
			goto out;
		}
		close(fd);
		db_path = tmp_path;
	}
	s.db = db_open(db_path, &is_new);
	if (!s.db)
		goto out;
	if (is_new && seed(s.db, &o, srv_now(&s)) < 0) {
		fprintf(stderr, _("billtopd: seeding the database failed\n"));
		goto out;
	}
	h = http_start(&s, o.listen_addr, o.listen_port, &port);
	if (!h)
		goto out;
	if (o.listen_port == 0) {
		printf("%d\n", port);
		fflush(stdout);
	}
	fprintf(stderr, _("billtopd: listening on %s port %d\n"), o.listen_addr, port);
	if (sigwait(&sigs, &sig) != 0)
		goto out;
	fprintf(stderr, _("billtopd: stopping\n"));
	rc = 0;
out:
	http_stop(h);
	db_close(s.db);
	if (tmp_path[0])
		remove_db_files(tmp_path);
	free_srv(&s);
	pthread_mutex_destroy(&s.lock);
	pthread_mutex_destroy(&s.fault_lock);
	return rc;
}
