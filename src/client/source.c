/* source.c: the table of sources, what they offer, and typed actions on the
 * refresh worker's pipe. */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/source.h"
#include "core/i18n.h"
#include "core/util.h"

static const struct source_ops *const sources[] = {
	&source_billtop,
	&source_openai,
	&source_anthropic,
};

const struct source_ops *
source_find(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < sizeof sources / sizeof sources[0]; i++)
		if (strcmp(sources[i]->name, name) == 0)
			return sources[i];
	return NULL;
}

const struct source_ops *
source_default(void)
{
	return &source_billtop;
}

int
source_offers(const struct source_ops *src, unsigned cap_mask)
{
	return (src->caps & cap_mask) == cap_mask;
}

int
source_can(const struct source_ops *src, enum source_action_kind kind)
{
	return kind > SA_NONE && kind < SA_COUNT && (src->actions & SRC_ACT(kind)) != 0;
}

/* The resources in the order a sentence names them. */
static const char *
cap_words(unsigned bit)
{
	switch (bit) {
	case SRC_CAP_ACCOUNT: return _("account");
	case SRC_CAP_PLANS: return _("plans");
	case SRC_CAP_CREDITS: return _("credits");
	case SRC_CAP_USAGE: return _("usage");
	case SRC_CAP_RUNS: return _("agent runs");
	case SRC_CAP_INVOICES: return _("invoices");
	case SRC_CAP_PAYMENT: return _("payment methods");
	case SRC_CAP_SPEND: return _("spend");
	}
	return "?";
}

int
source_not_offered(const struct source_ops *src, unsigned missing, char *buf, size_t n)
{
	char what[256] = "";
	unsigned bits[8];
	int nb = 0, i;
	size_t k;

	for (i = 0; i < 8; i++)
		if (missing & (1u << i))
			bits[nb++] = 1u << i;
	for (i = 0; i < nb; i++) {
		k = strlen(what);
		snprintf(what + k, sizeof what - k, "%s%s",
		         i == 0 ? "" : i == nb - 1 ? _(" or ") : ", ", cap_words(bits[i]));
	}
	if (src->console_url && src->console_url[0])
		/* TRANSLATORS: "OpenAI's API has no invoices or payment methods: see them at URL" */
		return snprintf(buf, n, _("%s's API has no %s: see them at %s"), src->display, what,
		                src->console_url);
	/* TRANSLATORS: "OpenAI's API has no invoices." */
	return snprintf(buf, n, _("%s's API has no %s."), src->display, what);
}

static const char *const action_names[SA_COUNT] = {
	"", "plan_change", "cancel_scheduled_change", "buy_credits", "default_payment_method",
	"payment_setup", "invoice_pdf"
};

const char *
source_action_name(enum source_action_kind kind)
{
	return kind > SA_NONE && kind < SA_COUNT ? action_names[kind] : "";
}

enum source_action_kind
source_action_parse_name(const char *name)
{
	int i;

	for (i = SA_NONE + 1; i < SA_COUNT; i++)
		if (strcmp(action_names[i], name) == 0)
			return (enum source_action_kind)i;
	return SA_NONE;
}

/* A value that fits one line. */
static int
one_line(const char *s)
{
	return strchr(s, '\n') == NULL && strchr(s, '\r') == NULL;
}

int
source_action_format(const struct source_action *a, char *buf, size_t n)
{
	int k;

	if (a->kind <= SA_NONE || a->kind >= SA_COUNT || a->kind == SA_INVOICE_PDF ||
	    !one_line(a->plan_id) || !one_line(a->payment_method_id))
		return -1;
	k = snprintf(buf, n, "kind=%s\nplan_id=%s\ncredits=%" PRId64 "\npayment_method_id=%s\n",
	             action_names[a->kind], a->plan_id, a->credits, a->payment_method_id);
	return k < 0 || (size_t)k >= n ? -1 : 0;
}

/* Calls fn for every "key=value" line of text.  -1 when fn refuses one. */
static int
each_line(const char *text, int (*fn)(void *arg, const char *key, const char *val), void *arg)
{
	char line[1024], *eq;
	const char *p = text, *nl;
	size_t len;

	while (*p) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (len >= sizeof line)
			return -1;
		memcpy(line, p, len);
		line[len] = '\0';
		p += len + (nl ? 1 : 0);
		if (!line[0])
			continue;
		eq = strchr(line, '=');
		if (!eq)
			return -1;
		*eq = '\0';
		if (fn(arg, line, eq + 1) < 0)
			return -1;
	}
	return 0;
}

static int
parse_int64(const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end)
		return -1;
	*out = (int64_t)v;
	return 0;
}

static int
action_field(void *arg, const char *key, const char *val)
{
	struct source_action *a = arg;

	if (strcmp(key, "kind") == 0) {
		a->kind = source_action_parse_name(val);
		return a->kind == SA_NONE || a->kind == SA_INVOICE_PDF ? -1 : 0;
	}
	if (strcmp(key, "plan_id") == 0)
		return strlen(val) < sizeof a->plan_id ? (str_copy(a->plan_id, sizeof a->plan_id, val), 0) : -1;
	if (strcmp(key, "payment_method_id") == 0)
		return strlen(val) < sizeof a->payment_method_id
		       ? (str_copy(a->payment_method_id, sizeof a->payment_method_id, val), 0) : -1;
	if (strcmp(key, "credits") == 0)
		return parse_int64(val, &a->credits);
	return 0;   /* a newer field: ignored */
}

int
source_action_read(const char *text, struct source_action *a)
{
	memset(a, 0, sizeof *a);
	if (each_line(text, action_field, a) < 0 || a->kind == SA_NONE)
		return -1;
	return 0;
}

int
source_action_result_format(const struct source_action_result *r, char *buf, size_t n)
{
	int k;

	if (!one_line(r->setup.url))
		return -1;
	k = snprintf(buf, n, "replayed=%d\nsetup_url=%s\nsetup_expires_at=%" PRId64 "\n",
	             r->replayed, r->setup.url, r->setup.expires_at);
	return k < 0 || (size_t)k >= n ? -1 : k;
}

static int
result_field(void *arg, const char *key, const char *val)
{
	struct source_action_result *r = arg;
	int64_t v;

	if (strcmp(key, "replayed") == 0) {
		if (parse_int64(val, &v) < 0)
			return -1;
		r->replayed = v != 0;
	} else if (strcmp(key, "setup_url") == 0) {
		if (strlen(val) >= sizeof r->setup.url)
			return -1;
		str_copy(r->setup.url, sizeof r->setup.url, val);
	} else if (strcmp(key, "setup_expires_at") == 0) {
		return parse_int64(val, &r->setup.expires_at);
	}
	return 0;
}

int
source_action_result_read(const char *text, struct source_action_result *r)
{
	memset(r, 0, sizeof *r);
	return each_line(text, result_field, r);
}
