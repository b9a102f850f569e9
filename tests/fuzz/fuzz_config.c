/* fuzz_config.c: any configuration file through the parser (profiles,
 * durations, URLs).  Must never crash or leak; token_command never runs
 * (config_load does not run it). */
#include <config.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client/config.h"
#include "fuzz.h"

static char path[512];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct client_err err;
	struct config cfg;
	char *s;
	int fd, secs;

	if (!path[0]) {
		char dir[256];

		snprintf(dir, sizeof dir, "%s/billtop-fuzz-config.XXXXXX",
		         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		if (!mkdtemp(dir))
			abort();
		snprintf(path, sizeof path, "%s/config", dir);
		unsetenv("BILLTOP_URL");
		unsetenv("BILLTOP_TOKEN");
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size || close(fd) < 0)
		abort();
	memset(&cfg, 0, sizeof cfg);
	client_err_clear(&err);
	config_load(path, NULL, &cfg, &err);
	config_free(&cfg);
	memset(&cfg, 0, sizeof cfg);
	config_load(path, "work", &cfg, &err);
	config_free(&cfg);

	s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	config_parse_duration(s, &secs);
	config_profile_name_ok(s);
	free(s);
	return 0;
}
