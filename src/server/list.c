/* list.c: the list envelope, limit/starting_after and ETags shared by every endpoint. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/timeutil.h"
#include "core/util.h"
#include "server/list.h"

uint64_t
fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

int
list_params(struct req *rq, struct resp *rs, struct list_params *lp)
{
	const char *v = req_query(rq, "limit");
	char *end;
	long long n;

	lp->limit = 100;
	lp->after = req_query(rq, "starting_after");
	if (v) {
		errno = 0;
		n = strtoll(v, &end, 10);
		if (!*v || *end || errno || n < 1 || n > 1000 || *v == '+' || *v == ' ') {
			resp_error(rs, 400, "invalid_parameter",
			           "limit must be an integer from 1 to 1000, not '%.40s'.", v);
			return -1;
		}
		lp->limit = n;
	}
	if (lp->after && !*lp->after) {
		resp_error(rs, 400, "invalid_parameter", "starting_after must not be empty.");
		return -1;
	}
	return 0;
}

void
list_unknown_after(struct resp *rs, const char *after)
{
	resp_error(rs, 400, "invalid_parameter", "starting_after: no item has the id '%.80s'.", after);
}

int
list_cursor(struct req *rq, struct resp *rs, const char *sql, const char *after, int64_t *keys, int n)
{
	sqlite3_stmt *st = db_stmt(rq->db, sql);
	int r, i;

	if (!st) {
		resp_internal(rs);
		return -1;
	}
	db_bind_text(st, 1, after);
	r = db_row(rq->db, st);
	for (i = 0; r == 1 && i < n; i++)
		keys[i] = sqlite3_column_int64(st, i);
	sqlite3_reset(st);
	if (r < 0)
		resp_internal(rs);
	else if (r == 0)
		list_unknown_after(rs, after);
	return r;
}

void
list_answer(struct req *rq, struct resp *rs, sqlite3_stmt *st, int64_t limit, list_row_fn row)
{
	json_t *env = NULL, *data = NULL, *item;
	int64_t n = 0;
	int more = 0, r;

	if (!st) {
		resp_internal(rs);
		return;
	}
	data = json_array();
	if (!data)
		goto fail;
	while ((r = db_row(rq->db, st)) == 1) {
		if (n == limit) {
			more = 1;
			break;
		}
		item = row(rq, st);
		if (!item || json_array_append_new(data, item) < 0)
			goto fail;
		n++;
	}
	if (r < 0)
		goto fail;
	sqlite3_reset(st);
	env = json_pack("{s:s, s:o, s:b}", "object", "list", "data", data, "has_more", more);
	data = NULL;
	resp_json(rs, 200, env);
	return;
fail:
	sqlite3_reset(st);
	json_decref(data);
	resp_internal(rs);
}

void
etag_from(struct req *rq, struct resp *rs, const char *what)
{
	char *instance = db_meta_get(rq->db, "instance");
	uint64_t h = FNV1A_INIT;

	if (instance)
		h = fnv1a(h, instance, strlen(instance));
	h = fnv1a(h, "|", 1);
	h = fnv1a(h, what, strlen(what));
	free(instance);
	snprintf(rs->etag, sizeof rs->etag, "\"%016llx\"", (unsigned long long)h);
}

void
etag_versions(struct req *rq, struct resp *rs, const char *what, ...)
{
	char buf[1024];
	struct strbuf sb;
	const char *name;
	va_list ap;
	char num[32];

	strbuf_init(&sb, buf, sizeof buf);
	strbuf_add(&sb, what);
	va_start(ap, what);
	while ((name = va_arg(ap, const char *)) != NULL) {
		snprintf(num, sizeof num, "|%lld", (long long)db_version(rq->db, name));
		strbuf_add(&sb, name);
		strbuf_add(&sb, num);
	}
	va_end(ap);
	strbuf_finish(&sb);
	etag_from(rq, rs, buf);
}

int
day_parse(const char *s, int64_t *epoch)
{
	char buf[32];

	if (strlen(s) != 10)
		return -1;
	snprintf(buf, sizeof buf, "%sT00:00:00Z", s);
	return time_parse_rfc3339(buf, epoch);
}
