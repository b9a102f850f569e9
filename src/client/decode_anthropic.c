/* decode_anthropic.c: Anthropic Admin API pages (cost report, messages usage
 * report, workspaces, the organisation). */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "client/decode_spend.h"
#include "client/model.h"
#include "client/spend_json.h"
#include "core/decimal.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"

static int
envelope(struct dctx *d, const json_t *root, struct spend_page *pg, json_t **data)
{
	memset(pg, 0, sizeof *pg);
	if (d_array(d, root, "data", data) < 0 || sj_bool(d, root, "has_more", &pg->has_more) < 0)
		return -1;
	if (!json_object_get(root, "next_page"))
		return d_fail(d, "next_page", _("missing"));
	if (sj_str(d, root, "next_page", pg->next, sizeof pg->next, D_NULL) < 0)
		return -1;
	if (pg->has_more && !pg->next[0])
		return d_fail(d, "next_page", _("null while has_more is true"));
	pg->buckets = (int)json_array_size(*data);
	return 0;
}

static int
bucket_day(struct dctx *d, const json_t *b, char day[M_DAY])
{
	char s[64], e[64];
	int64_t t, te;
	time_t tt;
	struct tm tm;

	if (sj_str(d, b, "starting_at", s, sizeof s, 0) < 0 ||
	    sj_str(d, b, "ending_at", e, sizeof e, 0) < 0)
		return -1;
	if (time_parse_rfc3339(s, &t) < 0)
		return d_fail(d, "starting_at", _("not an RFC 3339 instant"));
	if (time_parse_rfc3339(e, &te) < 0)
		return d_fail(d, "ending_at", _("not an RFC 3339 instant"));
	if (t % 86400 != 0)
		return d_fail(d, "starting_at", _("not the start of a UTC day (bucket_width 1d)"));
	if (te <= t)
		return d_fail(d, "ending_at", _("not after starting_at"));
	tt = (time_t)t;
	gmtime_r(&tt, &tm);
	strftime(day, M_DAY, "%Y-%m-%d", &tm);
	return 0;
}

/* The daily buckets of this provider's reports (spend_json.h). */
static const struct sj_bucket_format fmt = { envelope, bucket_day };

static int
cost_result(struct dctx *d, const json_t *r, const char *day, const struct spend_sink *s,
            const void *spec)
{
	char code[16], cur[4], amount[128], desc[M_NAME], ws[M_NAME];
	const struct currency *c;
	int64_t micro;

	if (sj_str(d, r, "currency", code, sizeof code, 0) < 0)
		return -1;
	if (spend_currency(code, cur) < 0 || !(c = currency_find(cur)) || c->exponent > 6)
		return d_fail(d, "currency", _("\"%s\" is not a known currency"), code);
	/* a decimal string in minor units (cents): at micro-units, exactly */
	if (sj_str(d, r, "amount", amount, sizeof amount, 0) < 0)
		return -1;
	switch (decimal_scaled(amount, 6 - c->exponent, &micro)) {
	case DECIMAL_OK: break;
	case DECIMAL_ERR_OVERFLOW: return d_fail(d, "amount", _("does not fit in 64 bits"));
	default: return d_fail(d, "amount", _("not a decimal"));
	}
	if (micro < 0)
		return d_fail(d, "amount", _("a negative cost"));
	if (sj_str(d, r, "description", desc, sizeof desc, D_NULL | D_TEXT) < 0 ||
	    sj_str(d, r, "workspace_id", ws, sizeof ws, D_NULL) < 0)
		return -1;
	return s->cost(s->arg, day, desc, ws, micro, cur, d->err);
}

int
an_decode_costs(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, cost_result, NULL);
}

static int
usage_result(struct dctx *d, const json_t *r, const char *day, const struct spend_sink *s,
             const void *spec)
{
	char model[M_NAME], key[M_NAME];
	json_t *cc, *stu;
	int64_t in, h1, m5, rd, out, web = 0;
	const int64_t max = INT64_MAX / 4;
	size_t m;

	if (sj_int(d, r, "uncached_input_tokens", 0, max, 0, &in) < 0 ||
	    d_obj(d, r, "cache_creation", 0, &cc) < 0)
		return -1;
	m = d_push_key(d, "cache_creation");
	if (sj_int(d, cc, "ephemeral_1h_input_tokens", 0, max, 0, &h1) < 0 ||
	    sj_int(d, cc, "ephemeral_5m_input_tokens", 0, max, 0, &m5) < 0)
		return -1;
	d_pop(d, m);
	if (sj_int(d, r, "cache_read_input_tokens", 0, max, 0, &rd) < 0 ||
	    sj_int(d, r, "output_tokens", 0, max, 0, &out) < 0 ||
	    d_obj(d, r, "server_tool_use", D_NULL, &stu) < 0 ||
	    sj_str(d, r, "model", model, sizeof model, D_NULL) < 0 ||
	    sj_str(d, r, "api_key_id", key, sizeof key, D_NULL) < 0)
		return -1;
	if (stu) {
		m = d_push_key(d, "server_tool_use");
		if (sj_int(d, stu, "web_search_requests", 0, max, 0, &web) < 0)
			return -1;
		d_pop(d, m);
	}
	if (s->tokens(s->arg, day, model, key, TOK_INPUT, in, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_CACHE_WRITE, h1 + m5, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_CACHE_READ, rd, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_OUTPUT, out, d->err) < 0 ||
	    s->tokens(s->arg, day, model, key, TOK_WEB_SEARCH, web, d->err) < 0)
		return -1;
	return 0;
}

int
an_decode_usage(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                struct client_err *err)
{
	return sj_buckets(&fmt, root, s, pg, err, usage_result, NULL);
}

/* A list page (workspaces, API keys): data[] of `type`, has_more; the last
 * id is the next after_id. */
static int
id_list(const json_t *root, const struct spend_sink *s, struct spend_page *pg, struct client_err *err,
        const char *type)
{
	struct dctx d;
	json_t *data, *p;
	size_t i, m;
	char id[M_NAME], name[M_NAME];

	dctx_init(&d, NULL, err);
	memset(pg, 0, sizeof *pg);
	if (d_array(&d, root, "data", &data) < 0 || sj_bool(&d, root, "has_more", &pg->has_more) < 0)
		return -1;
	json_array_foreach(data, i, p) {
		m = d_push_key(&d, "data");
		d_push_index(&d, i);
		if (d_is_object(&d, p) < 0 || sj_tag(&d, p, "type", type) < 0 ||
		    sj_str(&d, p, "id", id, sizeof id, 0) < 0 ||
		    sj_str(&d, p, "name", name, sizeof name, D_TEXT) < 0 ||
		    s->name(s->arg, id, name, err) < 0)
			return -1;
		snprintf(pg->next, sizeof pg->next, "%s", id);
		d_pop(&d, m);
	}
	pg->buckets = (int)i;
	if (pg->has_more && !i)
		return d_fail(&d, "has_more", _("true on an empty page"));
	return 0;
}

int
an_decode_workspaces(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                     struct client_err *err)
{
	return id_list(root, s, pg, err, "workspace");
}

int
an_decode_api_keys(const json_t *root, const struct spend_sink *s, struct spend_page *pg,
                   struct client_err *err)
{
	return id_list(root, s, pg, err, "api_key");
}

int
an_decode_org(const json_t *root, char *name, size_t n, struct client_err *err)
{
	struct dctx d;

	dctx_init(&d, NULL, err);
	if (sj_tag(&d, root, "type", "organization") < 0)
		return -1;
	return sj_str(&d, root, "name", name, n, D_TEXT);
}
