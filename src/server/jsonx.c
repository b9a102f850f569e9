/* jsonx.c: small jansson helpers for the API's value shapes (money, instants, nullables). */
#include <config.h>

#include <string.h>

#include "core/timeutil.h"
#include "server/jsonx.h"

json_t *
jx_money(int64_t amount, const char *currency)
{
	json_t *o = json_object();

	if (!o)
		return NULL;
	if (json_object_set_new(o, "amount", json_integer(amount)) < 0 ||
	    json_object_set_new(o, "currency", json_string(currency)) < 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *
jx_time(int64_t epoch)
{
	char buf[32];

	if (time_format_rfc3339(epoch, buf, sizeof buf) < 0)
		return json_null();
	return json_string(buf);
}

json_t *
jx_col_time(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return json_null();
	return jx_time(sqlite3_column_int64(st, i));
}

json_t *
jx_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *s;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return json_null();
	s = sqlite3_column_text(st, i);
	return json_string(s ? (const char *)s : "");
}

json_t *
jx_col_int(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return json_null();
	return json_integer(sqlite3_column_int64(st, i));
}

json_t *
jx_col_money(sqlite3_stmt *st, int i, const char *currency)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return json_null();
	return jx_money(sqlite3_column_int64(st, i), currency);
}

int
jx_url_segment(char *out, size_t n, const char *base, const char *id)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o, blen = strlen(base);
	const unsigned char *p;

	if (blen >= n)
		return -1;
	memcpy(out, base, blen);
	o = blen;
	for (p = (const unsigned char *)id; *p; p++) {
		int plain = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		            *p == '-' || *p == '_' || *p == '~';

		if (o + (plain ? 1 : 3) >= n)
			return -1;
		if (plain) {
			out[o++] = (char)*p;
		} else {
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	out[o] = '\0';
	return 0;
}
