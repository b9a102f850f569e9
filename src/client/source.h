/* source.h: the seam between billtop and a billing system.
 *
 * A source is one API billtop can read: its own (docs/api.md, the billtop
 * source, source_billtop.c) or a vendor's.  It says what it offers (caps: one
 * bit per resource; actions: one bit per typed action), refreshes what it
 * offers into the cache's model inside the one write transaction of
 * sync_run() (sync.h), and carries out typed actions.  Everything about the
 * wire (paths, query parameters, paging, request and error bodies) is in the
 * source's files and nowhere else: net.c moves bytes and statuses, the tabs
 * and `billtop print` read the cache and send struct source_action.
 *
 * A tab whose resource the source does not offer shows source_not_offered()
 * instead of its data; `billtop print` of that tab writes the same sentence
 * on stderr and exits with EXIT_NOT_OFFERED (cli/cli.h); the key bar hides
 * the keys of actions not in `actions`.  See docs/sources.md.
 */
#ifndef BILLTOP_SOURCE_H
#define BILLTOP_SOURCE_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "client/cache.h"
#include "client/error.h"
#include "client/model.h"
#include "client/net.h"

struct sync_opts;
struct sync_report;

/* What a source offers: one bit per resource (caps). */
#define SRC_CAP_ACCOUNT  (1u << 0)   /* the account: plan, period, balance due */
#define SRC_CAP_PLANS    (1u << 1)   /* the plan catalogue */
#define SRC_CAP_CREDITS  (1u << 2)   /* credit balance, grants, ledger */
#define SRC_CAP_USAGE    (1u << 3)   /* usage by day, meter and agent */
#define SRC_CAP_RUNS     (1u << 4)   /* agent runs */
#define SRC_CAP_INVOICES (1u << 5)   /* invoices and their PDFs */
#define SRC_CAP_PAYMENT  (1u << 6)   /* payment methods and charges */
#define SRC_CAP_SPEND    (1u << 7)   /* cost by day (organisation spend sources) */

/* Typed actions.  A tab fills the fields of its kind, never a path or body. */
enum source_action_kind {
	SA_NONE = 0,
	SA_PLAN_CHANGE,          /* plan_id: switch now (upgrade) or at period end (downgrade) */
	SA_PLAN_CANCEL_SCHEDULED,/* cancel the scheduled plan change */
	SA_CREDITS_BUY,          /* credits: buy that many */
	SA_PAYMENT_DEFAULT,      /* payment_method_id: make it the default */
	SA_PAYMENT_SETUP,        /* a link to a page where a payment method is added */
	SA_INVOICE_PDF,          /* invoice (id or number): save its PDF */
	SA_COUNT
};

/* The bit of an action kind in source_ops.actions. */
#define SRC_ACT(kind) (1u << (unsigned)(kind))

struct source_action {
	enum source_action_kind kind;
	char plan_id[M_ID];              /* SA_PLAN_CHANGE */
	int64_t credits;                 /* SA_CREDITS_BUY (> 0) */
	char payment_method_id[M_ID];    /* SA_PAYMENT_DEFAULT */
	/* SA_INVOICE_PDF (run in the process that asks; never serialised) */
	char invoice[256];               /* the invoice's id, or its number */
	char invoice_number[M_NAME];     /* set with the id (a tab knows both from the
	                                  * cache): no lookup, the download at once */
	const char *out_opt;             /* -o FILE|DIR, or NULL: the download directory */
	int force;                       /* with -o FILE: replace it */
	net_progress_fn progress;        /* may be NULL; may cancel */
	void *progress_arg;
	/* called once the invoice is known (id and number), before the download; may be NULL */
	void (*found)(void *arg, const char *id, const char *number);
};

struct source_action_result {
	int replayed;                    /* the server had seen this request already */
	struct setup_link setup;         /* SA_PAYMENT_SETUP: the page, and when it expires */
	char invoice_id[M_ID];           /* SA_INVOICE_PDF: the invoice found */
	char invoice_number[M_NAME];
	char path[PATH_MAX];             /* SA_INVOICE_PDF: where the PDF was saved */
};

struct source_ops {
	const char *name;        /* the config value: "billtop" */
	const char *display;     /* for sentences: "billtop", "OpenAI" */
	const char *console_url; /* where what it lacks is shown, or NULL */
	unsigned caps;           /* SRC_CAP_* */
	unsigned actions;        /* SRC_ACT(kind) bits */
	/*
	 * Fetches what the source offers into c.  Called by sync_run() with the
	 * write transaction open (sync_run owns the lock, BEGIN IMMEDIATE, the
	 * corrupt-cache restart, recording a failure and COMMIT).  Fills
	 * rep->res[0 .. rep->nres) (resource names are static strings) and
	 * reports progress through o->progress.  0, or -1 with rep->err and
	 * rep->failed (the resource it stopped at, its outcome SYNC_FAILED).
	 */
	int (*refresh)(struct net *n, struct cache *c, const struct sync_opts *o,
	               struct sync_report *rep);
	/*
	 * Carries out one action (its kind in `actions`).  0 with r filled, or -1
	 * with err in the same words and categories as a refresh's errors.
	 */
	int (*act)(struct net *n, const struct source_action *a, struct source_action_result *r,
	           struct client_err *err);
};

extern const struct source_ops source_billtop;
extern const struct source_ops source_openai;      /* source_spend_ops.c */
extern const struct source_ops source_anthropic;

/* The source a configuration names ("billtop"), or NULL when unknown. */
const struct source_ops *source_find(const char *name);
/* The default: billtop. */
const struct source_ops *source_default(void);

/* 1 when src offers every resource in cap_mask, and may run action kind. */
int source_offers(const struct source_ops *src, unsigned cap_mask);
int source_can(const struct source_ops *src, enum source_action_kind kind);

/*
 * The sentence for resources a source does not offer, for a tab and for
 * print's stderr: "OpenAI's API has no invoices or payment methods: see them
 * at https://...", or without a console "... has no invoices.".  missing:
 * SRC_CAP_* bits.  The URL is left out when link_off is set; it is the whole
 * of the text after "at " so a caller can wrap it in a hyperlink.  Returns
 * the length written, as snprintf.
 */
int source_not_offered(const struct source_ops *src, unsigned missing, char *buf, size_t n);

/* The action kinds' names on the worker's pipe ("plan_change"), and back. */
const char *source_action_name(enum source_action_kind kind);
enum source_action_kind source_action_parse_name(const char *name);

/* An action (not SA_INVOICE_PDF) as "key=value" lines for the refresh worker,
 * and back.  0, or -1 when a field cannot travel (a newline in an id) or the
 * text is malformed. */
int source_action_format(const struct source_action *a, char *buf, size_t n);
int source_action_read(const char *text, struct source_action *a);
/* The result likewise (setup link, replayed). */
int source_action_result_format(const struct source_action_result *r, char *buf, size_t n);
int source_action_result_read(const char *text, struct source_action_result *r);

#endif
