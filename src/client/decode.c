/* decode.c: JSON parsing, the strict field readers, pages and API errors. */
#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/decode.h"
#include "client/decode_priv.h"
#include "client/secret_mask.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/text.h"
#include "core/timeutil.h"
#include "core/util.h"

/* Bytes of an API error message kept (then "..."): a few lines, not a screenful. */
#define API_MESSAGE_MAX 300

json_t *
decode_parse(const char *body, size_t len, struct client_err *err)
{
	json_error_t je;
	json_t *root;

	if (len == 0) {
		client_err_set(err, CERR_BAD_DATA, _("the response is empty"));
		return NULL;
	}
	if (decode_sniff(body, len, err) < 0)
		return NULL;
	root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	if (root)
		return root;
	switch (json_error_code(&je)) {
	case json_error_invalid_utf8:
		client_err_set(err, CERR_BAD_DATA,
		               _("the response is not valid UTF-8 (at byte %d)"), je.position);
		break;
	case json_error_premature_end_of_input:
		client_err_set(err, CERR_BAD_DATA,
		               _("the response ends too early: the JSON is cut off (line %d, column %d)"),
		               je.line, je.column);
		break;
	case json_error_numeric_overflow:
		client_err_set(err, CERR_BAD_DATA,
		               _("the response holds a number too large for 64 bits (line %d, column %d)"),
		               je.line, je.column);
		break;
	case json_error_stack_overflow:
		client_err_set(err, CERR_BAD_DATA, _("the response nests JSON too deeply"));
		break;
	case json_error_duplicate_key:
		client_err_set(err, CERR_BAD_DATA,
		               _("the response repeats a key in one object (line %d, column %d)"),
		               je.line, je.column);
		break;
	case json_error_null_character:
		client_err_set(err, CERR_BAD_DATA,
		               _("the response holds a NUL character in a string (line %d, column %d)"),
		               je.line, je.column);
		break;
	default:
		/* je.text is jansson's English description; it names no secret. */
		client_err_set(err, CERR_BAD_DATA,
		               _("the response is not valid JSON (line %d, column %d): %s"),
		               je.line, je.column, je.text);
		break;
	}
	text_sanitize(err->message);
	return NULL;
}

void
dctx_init(struct dctx *d, const char *currency, struct client_err *err)
{
	d->path[0] = '\0';
	d->plen = 0;
	d->currency = currency;
	d->err = err;
	d->refusable = 0;
}

size_t
d_push_key(struct dctx *d, const char *key)
{
	size_t mark = d->plen;
	int k;

	k = snprintf(d->path + d->plen, sizeof d->path - d->plen, "%s%s",
	             d->plen ? "." : "", key);
	if (k > 0)
		d->plen = (size_t)k + d->plen < sizeof d->path ? d->plen + (size_t)k
		                                               : sizeof d->path - 1;
	return mark;
}

size_t
d_push_index(struct dctx *d, size_t i)
{
	size_t mark = d->plen;
	int k;

	k = snprintf(d->path + d->plen, sizeof d->path - d->plen, "[%zu]", i);
	if (k > 0)
		d->plen = (size_t)k + d->plen < sizeof d->path ? d->plen + (size_t)k
		                                               : sizeof d->path - 1;
	return mark;
}

void
d_pop(struct dctx *d, size_t mark)
{
	d->plen = mark;
	d->path[mark] = '\0';
}

int
d_fail(struct dctx *d, const char *key, const char *fmt, ...)
{
	char msg[384];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (key && d->plen)
		client_err_set(d->err, CERR_BAD_DATA, "%s.%s: %s", d->path, key, msg);
	else if (key)
		client_err_set(d->err, CERR_BAD_DATA, "%s: %s", key, msg);
	else if (d->plen)
		client_err_set(d->err, CERR_BAD_DATA, "%s: %s", d->path, msg);
	else
		client_err_set(d->err, CERR_BAD_DATA, "%s", msg);
	secret_scrub(d->err->message);
	return -1;
}

/* A short, safe rendering of a bad value for an error message. */
static void
quote_value(const char *s, char *out, size_t n)
{
	char tmp[48];

	str_copy(tmp, sizeof tmp, s);   /* cut long values: a message, not a dump */
	secret_scrub(tmp);
	snprintf(out, n, "'%s'%s", tmp, strlen(s) >= sizeof tmp ? "..." : "");
}

int
d_is_object(struct dctx *d, const json_t *v)
{
	if (!json_is_object(v))
		return d_fail(d, NULL, _("expected object"));
	return 0;
}

/* Looks key up; NULL-or-absent handling shared by every reader.  Returns
 * 1 with *v set, 0 when null/absent is allowed and found, -1 on error.
 * expected is untranslated (N_): gettext only runs on the error path, which
 * matters at half a million fields per refresh. */
static int
lookup(struct dctx *d, const json_t *o, const char *key, unsigned flags,
       const char *expected, json_t **v)
{
	*v = json_object_get(o, key);
	if (*v && !json_is_null(*v))
		return 1;
	if (flags & D_NULL)
		return 0;
	if (!*v)
		return d_fail(d, key, _("missing"));
	return d_fail(d, key, _("expected %s, not null"), _(expected));
}

int
d_obj(struct dctx *d, const json_t *o, const char *key, unsigned flags, json_t **out)
{
	json_t *v;
	/* TRANSLATORS: JSON type names (object, array, string, integer, boolean), shown in
	   "expected %s, not null" about a field of the server's answer. */
	int r = lookup(d, o, key, flags, N_("object"), &v);

	*out = NULL;
	if (r <= 0)
		return r;
	if (!json_is_object(v))
		return d_fail(d, key, _("expected object"));
	*out = v;
	return 0;
}

int
d_array(struct dctx *d, const json_t *o, const char *key, json_t **out)
{
	json_t *v;
	int r = lookup(d, o, key, 0, N_("array"), &v);

	*out = NULL;
	if (r < 0)
		return r;
	if (!json_is_array(v))
		return d_fail(d, key, _("expected array"));
	*out = v;
	return 0;
}

void
d_text_cut(char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max)
		return;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	s[max] = '\0';
}

/*
 * An identifier (an id, a number, a code): opaque, so stored exactly as sent
 * and sanitised only where it is drawn (the canvas does).  Refused, naming
 * the JSON path, when it cannot be stored exactly: too long, a NUL inside,
 * or a secret of ours inside (the cache never holds the token).
 */
static int
d_ident(struct dctx *d, const char *key, const char *s, size_t len, char *dst, size_t n,
        unsigned flags)
{
	/* wrong for this item alone: a page refuses it and keeps the others */
	d->refusable = 1;
	if (len >= n)
		return d_fail(d, key, _("longer than %zu bytes"), n - 1);
	if (strlen(s) != len)
		return d_fail(d, key, _("holds a NUL character"));
	if (secret_mask_found(s))
		return d_fail(d, key, _("holds the token"));
	d->refusable = 0;
	memcpy(dst, s, len + 1);
	if (flags & D_LABEL)
		text_sanitize(dst);
	if (dst[0] == '\0' && !(flags & (D_EMPTY | D_NULL)))
		return d_fail(d, key, _("must not be empty"));
	return 0;
}

int
d_str(struct dctx *d, const json_t *o, const char *key, char *dst, size_t n, unsigned flags)
{
	char stack[1024];
	char *tmp = stack;
	json_t *v;
	size_t len;
	int r = lookup(d, o, key, flags, N_("string"), &v);

	dst[0] = '\0';
	if (r <= 0)
		return r;
	if (!json_is_string(v))
		return d_fail(d, key, (flags & D_NULL) ? _("expected string or null")
		                                       : _("expected string"));
	len = json_string_length(v);
	if (!(flags & D_TEXT))
		return d_ident(d, key, json_string_value(v), len, dst, n, flags);
	if (len >= sizeof stack) {
		tmp = malloc(len + 1);
		if (!tmp)
			return d_fail(d, key, _("out of memory"));
	}
	memcpy(tmp, json_string_value(v), len + 1);
	secret_scrub(tmp);
	d_text_cut(tmp, n - 1);
	str_copy(dst, n, tmp);
	if (tmp != stack)
		free(tmp);
	if (!dst[0] && !(flags & (D_EMPTY | D_NULL | D_TEXT)))
		return d_fail(d, key, _("must not be empty"));
	return 0;
}

/* %XX-escapes spaces, C0, DEL and C1 (U+0080-U+009F) in the URL s (n bytes
 * of room).  0, or -1 when it would not fit. */
static int
url_escape_controls(char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char out[2048];
	size_t o = 0, i;
	unsigned char c;

	for (i = 0; s[i]; i++) {
		c = (unsigned char)s[i];
		if (c > 0x20 && c != 0x7f && !(c == 0xc2 && (unsigned char)s[i + 1] >= 0x80 &&
		                               (unsigned char)s[i + 1] <= 0x9f) &&
		    !(c >= 0x80 && c <= 0x9f && i > 0 && (unsigned char)s[i - 1] == 0xc2)) {
			if (o + 1 >= sizeof out)
				return -1;
			out[o++] = (char)c;
			continue;
		}
		if (o + 3 >= sizeof out)
			return -1;
		out[o++] = '%';
		out[o++] = hex[c >> 4];
		out[o++] = hex[c & 15];
	}
	out[o] = '\0';
	return str_copy(s, n, out) < 0 ? -1 : 0;
}

int
d_url(struct dctx *d, const json_t *o, const char *key, char *dst, size_t n, unsigned flags)
{
	char q[64];

	if (d_str(d, o, key, dst, n, flags & D_NULL) < 0)
		return -1;
	if (!dst[0])
		return 0;
	/* written into an OSC 8 sequence: a space or control is %XX-escaped, the
	 * same URL to a browser, never a byte that ends the sequence */
	if (url_escape_controls(dst, n) < 0) {
		dst[0] = '\0';
		return d_fail(d, key, _("longer than %zu bytes"), n - 1);
	}
	/* a link that ends up in an OSC 8 hyperlink: no file:, javascript: or the like */
	if (strncmp(dst, "https://", 8) != 0 && strncmp(dst, "http://", 7) != 0) {
		quote_value(dst, q, sizeof q);
		dst[0] = '\0';
		return d_fail(d, key, _("%s is not an http(s) URL"), q);
	}
	return 0;
}

int
d_int(struct dctx *d, const json_t *o, const char *key, int64_t min, int64_t max,
      unsigned flags, int64_t *out)
{
	json_t *v;
	json_int_t x;
	int r = lookup(d, o, key, flags, N_("integer"), &v);

	if (r <= 0) {
		*out = M_NONE;
		return r;
	}
	if (!json_is_integer(v))
		return d_fail(d, key, (flags & D_NULL) ? _("expected integer or null")
		                                       : _("expected integer"));
	x = json_integer_value(v);
	if (x < min || x > max)
		return d_fail(d, key, _("%" PRId64 " is out of range (%" PRId64 " to %" PRId64 ")"),
		              (int64_t)x, min, max);
	*out = (int64_t)x;
	return 0;
}

int
d_bool(struct dctx *d, const json_t *o, const char *key, int *out)
{
	json_t *v;
	int r = lookup(d, o, key, 0, N_("boolean"), &v);

	if (r < 0)
		return r;
	if (!json_is_boolean(v))
		return d_fail(d, key, _("expected boolean"));
	*out = json_is_true(v);
	return 0;
}

int
d_time(struct dctx *d, const json_t *o, const char *key, unsigned flags, int64_t *out)
{
	json_t *v;
	int r = lookup(d, o, key, flags, N_("string"), &v);
	char q[64];

	*out = M_NONE;
	if (r <= 0)
		return r;
	if (!json_is_string(v))
		return d_fail(d, key, (flags & D_NULL) ? _("expected RFC 3339 time or null")
		                                       : _("expected RFC 3339 time"));
	if (time_parse_rfc3339(json_string_value(v), out) < 0) {
		quote_value(json_string_value(v), q, sizeof q);
		return d_fail(d, key, _("%s is not an RFC 3339 time"), q);
	}
	return 0;
}

int
d_day(struct dctx *d, const json_t *o, const char *key, char *dst, size_t n)
{
	json_t *v;
	const char *s;
	char buf[32], q[64];
	int64_t t;
	int r = lookup(d, o, key, 0, N_("string"), &v), i;

	if (r < 0)
		return r;
	if (!json_is_string(v))
		return d_fail(d, key, _("expected string"));
	s = json_string_value(v);
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			break;
	}
	snprintf(buf, sizeof buf, "%.10sT00:00:00Z", s);
	if (i < 10 || s[10] != '\0' || n < 11 || time_parse_rfc3339(buf, &t) < 0) {
		quote_value(s, q, sizeof q);
		return d_fail(d, key, _("%s is not a YYYY-MM-DD day"), q);
	}
	str_copy(dst, n, s);
	return 0;
}

int
d_enum(struct dctx *d, const json_t *o, const char *key, int (*parse)(const char *),
       unsigned flags, int null_value, int *out)
{
	json_t *v;
	int r = lookup(d, o, key, flags, N_("string"), &v), x;
	char q[64];

	if (r <= 0) {
		*out = null_value;
		return r;
	}
	if (!json_is_string(v))
		return d_fail(d, key, (flags & D_NULL) ? _("expected string or null")
		                                       : _("expected string"));
	x = parse(json_string_value(v));
	if (x < 0 || !json_string_value(v)[0]) {
		quote_value(json_string_value(v), q, sizeof q);
		return d_fail(d, key, _("unknown value %s"), q);
	}
	*out = x;
	return 0;
}

int
d_money(struct dctx *d, const json_t *o, const char *key, int64_t min, unsigned flags,
        int64_t *amount)
{
	json_t *m;
	char cur[8], q[64];
	size_t mark;
	int64_t a;

	*amount = M_NONE;
	if (d_obj(d, o, key, flags, &m) < 0)
		return -1;
	if (!m)
		return 0;
	mark = d_push_key(d, key);
	if (d_int(d, m, "amount", min, INT64_MAX, 0, &a) < 0 ||
	    d_str(d, m, "currency", cur, sizeof cur, 0) < 0)
		goto fail;
	if (!currency_find(cur)) {
		quote_value(cur, q, sizeof q);
		d_fail(d, "currency", _("unknown currency %s"), q);
		goto fail;
	}
	if (d->currency && strcmp(cur, d->currency) != 0) {
		d_fail(d, "currency", _("'%s' differs from the account currency '%s'"),
		       cur, d->currency);
		goto fail;
	}
	d_pop(d, mark);
	*amount = a;
	return 0;
fail:
	d_pop(d, mark);
	return -1;
}

static int
dec_any(struct dctx *d, enum list_kind kind, const json_t *o, union list_item *it)
{
	switch (kind) {
	case LIST_PLANS: return dec_plan(d, o, &it->plan);
	case LIST_GRANTS: return dec_grant(d, o, &it->grant);
	case LIST_LEDGER: return dec_ledger(d, o, &it->ledger);
	case LIST_METERS: return dec_meter(d, o, &it->meter);
	case LIST_AGENTS: return dec_agent(d, o, &it->agent);
	case LIST_USAGE: return dec_usage(d, o, &it->usage);
	case LIST_RUNS: return dec_run(d, o, &it->run);
	case LIST_INVOICES: return dec_invoice(d, o, &it->invoice);
	case LIST_PAYMENT_METHODS: return dec_payment_method(d, o, &it->pm);
	case LIST_CHARGES: return dec_charge(d, o, &it->charge);
	}
	return d_fail(d, NULL, "unknown list kind");
}

/*
 * Leaves item i of a page out (d->err says why): counts it and keeps the
 * first reason, naming the item by index and id.  -1 (the error stays) when
 * the page cannot go on without it: its id is the cursor to the next page
 * and does not fit one.
 */
static int
refuse_item(struct dctx *d, const json_t *item, size_t i, int is_cursor, struct page_info *info)
{
	const char *id = json_string_value(json_object_get(item, "id"));
	const char *why = d->err->message;
	char q[64] = "", where[32], tmp[1024];
	size_t wl;

	if (is_cursor && (!id || str_copy(info->last_id, sizeof info->last_id, id) < 0))
		return -1;
	if (info->refused++ == 0) {
		/* "data[3] (id 'inv_7'): number: longer than 127 bytes" */
		wl = (size_t)snprintf(where, sizeof where, "data[%zu]", i);
		if (strncmp(why, where, wl) == 0 && why[wl] == '.')
			why += wl + 1;
		if (id)
			quote_value(id, q, sizeof q);
		if (q[0])
			snprintf(tmp, sizeof tmp, "%s (id %s): %s", where, q, why);
		else
			snprintf(tmp, sizeof tmp, "%s: %s", where, why);
		/* cut rather than fail: the start names the item */
		d_text_cut(tmp, sizeof info->refused_msg - 1);
		memcpy(info->refused_msg, tmp, strlen(tmp) + 1);
	}
	/* the page goes on: the error was this item's alone */
	client_err_clear(d->err);
	return 0;
}

int
decode_page(const json_t *root, enum list_kind kind, const char *currency,
            decode_item_fn fn, void *arg, struct page_info *info, struct client_err *err)
{
	struct dctx d;
	json_t *data, *item, *id;
	char obj[16];
	union list_item *it;
	size_t i, mark;
	int rc = -1;

	memset(info, 0, sizeof *info);
	dctx_init(&d, currency, err);
	if (d_is_object(&d, root) < 0 ||
	    d_str(&d, root, "object", obj, sizeof obj, 0) < 0)
		return -1;
	if (strcmp(obj, "list") != 0)
		return d_fail(&d, "object", _("expected \"list\""));
	if (d_bool(&d, root, "has_more", &info->has_more) < 0 ||
	    d_array(&d, root, "data", &data) < 0)
		return -1;
	it = malloc(sizeof *it);   /* the union is a few KiB: keep it off the stack */
	if (!it) {
		client_err_set(err, CERR_BAD_DATA, _("out of memory"));
		return -1;
	}
	json_array_foreach(data, i, item) {
		mark = d_push_key(&d, "data");
		d_push_index(&d, i);
		memset(it, 0, sizeof *it);
		d.refusable = 0;
		if (d_is_object(&d, item) < 0 || dec_any(&d, kind, item, it) < 0) {
			if (kind == LIST_INVOICES)
				invoice_free(&it->invoice);
			d_pop(&d, mark);
			/* one odd item must not hide every other figure (docs/api.md) */
			if (!d.refusable || refuse_item(&d, item, i, i + 1 == json_array_size(data) &&
			                                info->has_more, info) < 0) {
				rc = -1;
				goto out;
			}
			continue;
		}
		d_pop(&d, mark);
		/* starting_after takes the id exactly as sent */
		id = json_object_get(item, "id");
		str_copy(info->last_id, sizeof info->last_id, json_string_value(id));
		info->items++;
		rc = fn(arg, kind, it, err);
		if (kind == LIST_INVOICES)
			invoice_free(&it->invoice);
		if (rc < 0)
			goto out;
	}
	rc = 0;
out:
	free(it);
	return rc;
}

int
decode_api_error(const char *body, size_t len, struct client_err *err)
{
	json_error_t je;
	json_t *root, *e, *v;
	int rc = -1;

	err->code[0] = err->role[0] = '\0';
	root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return -1;
	e = json_object_get(root, "error");
	if (!json_is_object(e))
		goto out;
	v = json_object_get(e, "code");
	if (!json_is_string(v))
		goto out;
	str_copy(err->code, sizeof err->code, json_string_value(v));
	secret_scrub(err->code);
	v = json_object_get(e, "message");
	if (json_is_string(v)) {
		str_copy(err->message, sizeof err->message, json_string_value(v));
		secret_scrub(err->message);
		/* a server's prose is shown bounded, never a screenful */
		if (strlen(err->message) > API_MESSAGE_MAX) {
			d_text_cut(err->message, API_MESSAGE_MAX);
			strcat(err->message, "...");
		}
	}
	v = json_object_get(e, "role");
	if (json_is_string(v)) {
		str_copy(err->role, sizeof err->role, json_string_value(v));
		secret_scrub(err->role);
	}
	rc = 0;
out:
	json_decref(root);
	return rc;
}
