/* print.h: `billtop print TAB`: a tab's model without curses, for scripts and
 * golden tests.  cmd_print.c parses the shared options (--format, --width,
 * and the common --cache/--profile), opens the cache read-only (never the
 * network), loads the shared data into a headless app, and runs the printer.
 *
 * Adding `billtop print NAME`: write src/cli/print_NAME.c defining
 * `const struct printer print_NAME = { "NAME", formats, longopts, option, run }`
 * and add one line to printers[] in cmd_print.c.
 */
#ifndef BILLTOP_PRINT_H
#define BILLTOP_PRINT_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "cli/cli.h"
#include "core/forecast.h"

struct app;
struct cache;

#define PRINT_HEIGHT 400   /* rows a text print may take; trailing blank rows are cut */

enum print_format { PRINT_TEXT = 1, PRINT_JSON = 2, PRINT_CSV = 4 };

struct print_ctx {
	struct cli_opts *opts;
	struct cache *cache;
	struct app *app;          /* headless: shared data loaded, views ready */
	enum print_format format;
	int width;                /* --width, default 80 */
	int utf8;                 /* the locale is UTF-8 */
	int64_t now;              /* the clock (BILLTOP_NOW for goldens) */
	FILE *out;
	int64_t budget;           /* the profile's budget (minor units), -1: none */
	char budget_currency[4];
};

struct printer {
	const char *name;
	int formats;                       /* PRINT_* it accepts */
	/* Extra long options (values >= 0x200; { NULL } ends), or NULL. */
	const struct option *longopts;
	/* Applies an extra option: 0, or -1 after printing what was wrong. */
	int (*option)(int c, const char *arg);
	/* Prints; returns an enum exit_code. */
	int (*run)(struct print_ctx *ctx);
};

extern const struct printer print_overview;
extern const struct printer print_plans;
extern const struct printer print_usage;
extern const struct printer print_credits;
extern const struct printer print_invoices;
extern const struct printer print_payment;

/* A spend source's overview or usage (print_spend.c); -1 for another tab. */
int print_spend(struct print_ctx *ctx, const char *tab);
/* 1 when the cache (or the configured source) holds a spend source's data. */
struct client;
int print_is_spend(struct client *cl, struct cache *c);

/* Text: banners, then view `id` drawn into a canvas ctx->width wide and as
 * tall as it needs, written with trailing blanks removed.  An exit code. */
int print_view_text(struct print_ctx *ctx, const char *id);

/* JSON helpers: instants as RFC 3339 (null for M_NONE), money as
 * {"amount": N, "currency": "USD"} (null for M_NONE). */
json_t *print_json_time(int64_t t);
json_t *print_json_money(int64_t minor, const char *currency);
/* The period forecast (core/forecast.h) as one object, the same in every
 * printer: {"status", "so_far": {spend, tax, total, overage_cost},
 * "at_period_end": {credits, covered_credits, overage_credits, runs_out,
 * expiring_credits, overage_cost, spend, tax, total},
 * "this_period": {allocated, consumed, remaining}} (null parts unknown). */
json_t *print_json_forecast(enum forecast_err err, int has_so_far, int has_alloc, const struct forecast_out *fc,
                            const char *currency);
/* This period so far against the same days of the previous one (the totals
 * of ui/model_usage.h struct usage_compare): {days, from, to, previous_from,
 * previous_to, credits, previous, delta, change_permille}; null when !ok. */
struct usage_compare;
json_t *print_json_compare(const struct usage_compare *k);
/* The banners of the headless app as [{"kind": ..., "text": ..., "url": ...}]. */
json_t *print_json_banners(struct print_ctx *ctx);
/* The "format_version" at the top of every --format json output. */
#define PRINT_FORMAT_VERSION 1
/* Dumps root (stolen, an object) with "format_version" first to ctx->out, indented, keys in insertion order. */
int print_json_dump(struct print_ctx *ctx, json_t *root);

#endif
