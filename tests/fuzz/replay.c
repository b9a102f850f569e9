/* replay.c: runs a fuzz harness over every file of its corpus, as a TAP
 * test for `make check` (no clang, no libFuzzer needed).  The corpus is
 * FUZZ_CORPUS, or the directory given as the argument. */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, k;

	if (!f)
		return -1;
	for (;;) {
		if (len == cap) {
			unsigned char *nb = realloc(buf, cap = cap ? 2 * cap : 4096);

			if (!nb) {
				free(buf);
				fclose(f);
				return -1;
			}
			buf = nb;
		}
		k = fread(buf + len, 1, cap - len, f);
		if (k == 0)
			break;
		len += k;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : FUZZ_CORPUS;
	char *names[4096], path[4096];
	int n = 0, i, failed = 0;
	struct dirent *e;
	DIR *dir;

	dir = opendir(corpus);
	if (!dir) {
		printf("1..1\nnot ok 1 - the corpus %s can be read\n", corpus);
		return 1;
	}
	while ((e = readdir(dir)) != NULL && n < 4096)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(dir);
	qsort(names, (size_t)n, sizeof names[0], cmp);
	printf("1..%d\n", n);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", corpus, names[i]);
		fflush(stdout);
		/* a crash or a sanitizer report ends the program: the plan is not met */
		if (replay_file(path) < 0) {
			printf("not ok %d - %s can be read\n", i + 1, names[i]);
			failed = 1;
		} else {
			printf("ok %d - %s\n", i + 1, names[i]);
		}
		free(names[i]);
	}
	return failed;
}
