/* sync_progress.c: the progress line of `billtop sync` (see sync_progress.h). */
#include <config.h>

#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/sync_progress.h"
#include "core/credits.h"
#include "core/i18n.h"

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
sync_progress_init(struct sync_progress *p, FILE *out, int quiet)
{
	memset(p, 0, sizeof *p);
	if (!quiet && out && isatty(fileno(out)))
		p->out = out;
	p->started_ms = now_ms();
	p->drawn_ms = -1000;
}

int
sync_progress_cb(void *arg, const char *resource, int pages, int64_t items)
{
	struct sync_progress *p = arg;
	char num[32];
	int64_t t;

	if (!p->out)
		return 0;
	t = now_ms();
	if (resource == p->resource && t - p->drawn_ms < 100)
		return 0;
	p->resource = resource;
	p->drawn_ms = t;
	if (credits_format(num, sizeof num, items) < 0)
		snprintf(num, sizeof num, "%lld", (long long)items);
	/* \r and erase-to-end-of-line: the line is rewritten in place */
	fputs("\r\033[K", p->out);
	fprintf(p->out, P_("Syncing %s: %d page, ", "Syncing %s: %d pages, ", (unsigned long)pages),
	        resource, pages);
	fprintf(p->out, P_("%s item, ", "%s items, ", (unsigned long)items), num);
	fprintf(p->out, _("%lld s"), (long long)((t - p->started_ms) / 1000));
	fflush(p->out);
	p->shown = 1;
	return 0;
}

void
sync_progress_end(struct sync_progress *p)
{
	if (p->out && p->shown) {
		fputs("\r\033[K", p->out);
		fflush(p->out);
	}
	p->shown = 0;
}
