/* sync_progress.h: the progress line of `billtop sync` on a terminal
 * (resource, pages, items, elapsed), rewritten in place on stderr. */
#ifndef BILLTOP_SYNC_PROGRESS_H
#define BILLTOP_SYNC_PROGRESS_H

#include <stdint.h>
#include <stdio.h>

struct sync_progress {
	FILE *out;            /* stderr, or NULL: nothing is shown */
	int64_t started_ms;   /* CLOCK_MONOTONIC */
	int64_t drawn_ms;     /* the last time the line was written */
	const char *resource; /* the one on the line (static strings) */
	int shown;            /* a line is on screen and must be cleared */
};

/* out is used only when it is a terminal and quiet is 0. */
void sync_progress_init(struct sync_progress *p, FILE *out, int quiet);

/* sync_opts.progress: rewrites the line at most ten times a second (and
 * always when the resource changes).  Never cancels: returns 0. */
int sync_progress_cb(void *arg, const char *resource, int pages, int64_t items);

/* Clears the line, so what follows starts on a clean one. */
void sync_progress_end(struct sync_progress *p);

#endif
