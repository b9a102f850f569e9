/* spend_json.c: JSON with numbers kept as text (spend_json.h). */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "client/decode_spend.h"
#include "client/model.h"
#include "client/spend_json.h"
#include "core/decimal.h"
#include "core/i18n.h"

#define MAX_NUMBER 400   /* characters of one number's text */

static int
is_num_char(char ch)
{
	return (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '.' || ch == 'e' || ch == 'E';
}

/* Rewrites numbers as "\u0000TEXT" into a new buffer; NULL with err. */
static char *
rewrite(const char *s, size_t len, size_t *outlen, struct client_err *err)
{
	size_t i, nums = 0, o = 0, k;
	int in_str = 0;
	char *out, num[MAX_NUMBER + 1];
	int64_t dummy;

	for (i = 0; i < len; i++) {
		if (in_str) {
			if (s[i] == '\\' && i + 1 < len) {
				if (s[i + 1] == 'u' && i + 5 < len && memcmp(s + i + 2, "0000", 4) == 0) {
					client_err_set(err, CERR_BAD_DATA,
					               _("the response holds a string with a NUL character (at byte %zu)"), i);
					return NULL;
				}
				i++;
			} else if (s[i] == '"') {
				in_str = 0;
			}
		} else if (s[i] == '"') {
			in_str = 1;
		} else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
			nums++;
			while (i + 1 < len && is_num_char(s[i + 1]))
				i++;
		}
	}
	out = malloc(len + nums * 8 + 1);
	if (!out) {
		client_err_set(err, CERR_BAD_DATA, _("out of memory"));
		return NULL;
	}
	in_str = 0;
	for (i = 0; i < len; i++) {
		if (in_str) {
			if (s[i] == '\\' && i + 1 < len) {
				out[o++] = s[i++];
			} else if (s[i] == '"') {
				in_str = 0;
			}
			out[o++] = s[i];
		} else if (s[i] == '"') {
			in_str = 1;
			out[o++] = s[i];
		} else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
			for (k = 0; i + k < len && is_num_char(s[i + k]); k++)
				;
			if (k > MAX_NUMBER) {
				client_err_set(err, CERR_BAD_DATA,
				               _("the response holds a number of more than %d characters (at byte %zu)"),
				               MAX_NUMBER, i);
				free(out);
				return NULL;
			}
			memcpy(num, s + i, k);
			num[k] = '\0';
			if (decimal_scaled(num, 0, &dummy) == DECIMAL_ERR_SYNTAX) {
				client_err_set(err, CERR_BAD_DATA,
				               _("the response holds a malformed number (at byte %zu)"), i);
				free(out);
				return NULL;
			}
			memcpy(out + o, "\"\\u0000", 7);
			o += 7;
			memcpy(out + o, num, k);
			o += k;
			out[o++] = '"';
			i += k - 1;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

json_t *
spend_parse(const char *body, size_t len, struct client_err *err)
{
	json_error_t je;
	json_t *root;
	size_t n;
	char *t;

	if (!body || len == 0) {
		client_err_set(err, CERR_BAD_DATA, _("the response is empty"));
		return NULL;
	}
	if (decode_sniff(body, len, err) < 0)
		return NULL;
	t = rewrite(body, len, &n, err);
	if (!t)
		return NULL;
	root = json_loadb(t, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
	free(t);
	if (!root) {
		client_err_set(err, CERR_BAD_DATA, _("the response is not valid JSON (line %d, column %d): %s"),
		               je.line, je.column, je.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		client_err_set(err, CERR_BAD_DATA, _("the response is not a JSON object"));
		return NULL;
	}
	return root;
}

const char *
sj_number(const json_t *v)
{
	if (!json_is_string(v) || json_string_length(v) < 2 || json_string_value(v)[0] != '\0')
		return NULL;
	return json_string_value(v) + 1;
}

static int
lookup(struct dctx *d, const json_t *o, const char *key, unsigned flags, const char *expected,
       json_t **v)
{
	*v = json_object_get(o, key);
	if (*v && !json_is_null(*v))
		return 1;
	if (flags & D_NULL)
		return 0;
	if (!*v)
		return d_fail(d, key, _("missing"));
	return d_fail(d, key, _("expected %s, not null"), expected);
}

int
sj_decimal(struct dctx *d, const json_t *o, const char *key, int scale, unsigned flags, int64_t *out)
{
	json_t *v;
	const char *t;
	int r = lookup(d, o, key, flags, _("a number"), &v);

	*out = M_NONE;
	if (r <= 0)
		return r;
	t = sj_number(v);
	if (!t)
		return d_fail(d, key, _("not a decimal (a JSON number is expected)"));
	switch (decimal_scaled(t, scale, out)) {
	case DECIMAL_OK: return 0;
	case DECIMAL_ERR_OVERFLOW: return d_fail(d, key, _("%s does not fit in 64 bits"), t);
	default: return d_fail(d, key, _("not a decimal"));
	}
}

int
sj_int(struct dctx *d, const json_t *o, const char *key, int64_t min, int64_t max, unsigned flags,
       int64_t *out)
{
	json_t *v;
	const char *t, *p;
	int r = lookup(d, o, key, flags, _("an integer"), &v);

	*out = M_NONE;
	if (r <= 0)
		return r;
	t = sj_number(v);
	if (!t)
		return d_fail(d, key, _("expected integer"));
	for (p = t; *p; p++)
		if (!(*p >= '0' && *p <= '9') && !(p == t && *p == '-'))
			return d_fail(d, key, _("expected integer, not %s"), t);
	if (decimal_scaled(t, 0, out) != DECIMAL_OK)
		return d_fail(d, key, _("%s does not fit in 64 bits"), t);
	if (*out < min || *out > max)
		return d_fail(d, key, _("%" PRId64 " is out of range (%" PRId64 " to %" PRId64 ")"),
		              *out, min, max);
	return 0;
}

int
sj_str(struct dctx *d, const json_t *o, const char *key, char *dst, size_t n, unsigned flags)
{
	json_t *v = json_object_get(o, key);

	if (v && sj_number(v)) {
		dst[0] = '\0';
		return d_fail(d, key, (flags & D_NULL) ? _("expected string or null") : _("expected string"));
	}
	return d_str(d, o, key, dst, n, flags);
}

int
sj_bool(struct dctx *d, const json_t *o, const char *key, int *out)
{
	return d_bool(d, o, key, out);
}

int
sj_tag(struct dctx *d, const json_t *o, const char *key, const char *want)
{
	char v[64];

	if (sj_str(d, o, key, v, sizeof v, 0) < 0)
		return -1;
	if (strcmp(v, want) != 0)
		return d_fail(d, key, _("expected \"%s\", not \"%s\""), want, v);
	return 0;
}

int
sj_buckets(const struct sj_bucket_format *fmt, const json_t *root, const struct spend_sink *s,
           struct spend_page *pg, struct client_err *err, sj_result_fn fn, const void *spec)
{
	struct dctx d;
	json_t *data, *b, *results;
	size_t i, j, m1, m2;
	char day[M_DAY];

	dctx_init(&d, NULL, err);
	if (fmt->envelope(&d, root, pg, &data) < 0)
		return -1;
	json_array_foreach(data, i, b) {
		m1 = d_push_key(&d, "data");
		d_push_index(&d, i);
		if (d_is_object(&d, b) < 0 || fmt->day(&d, b, day) < 0 ||
		    d_array(&d, b, "results", &results) < 0)
			return -1;
		json_array_foreach(results, j, b) {
			m2 = d_push_key(&d, "results");
			d_push_index(&d, j);
			if (d_is_object(&d, b) < 0 || fn(&d, b, day, s, spec) < 0)
				return -1;
			d_pop(&d, m2);
		}
		d_pop(&d, m1);
	}
	return 0;
}
