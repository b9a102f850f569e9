/* idem.c: Idempotency-Key: a POST's first response is stored and replayed for 24 hours. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/idem.h"
#include "server/list.h"

#define IDEM_TTL (24 * 3600)

static int
key_valid(const char *k)
{
	size_t n = strlen(k), i;

	if (n < 1 || n > 255)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)k[i] < 0x20 || (unsigned char)k[i] > 0x7e)
			return 0;
	return 1;
}

int
idem_begin(struct req *rq, struct resp *rs)
{
	const char *key = req_header(rq, "Idempotency-Key");
	sqlite3_stmt *st;
	uint64_t h = FNV1A_INIT;
	int r;

	if (!key)
		return 0;
	if (!key_valid(key)) {
		resp_error(rs, 400, "bad_request",
		           "Idempotency-Key must be 1 to 255 printable ASCII characters.");
		return 1;
	}
	h = fnv1a(h, rq->method, strlen(rq->method));
	h = fnv1a(h, "\n", 1);
	h = fnv1a(h, rq->path, strlen(rq->path));
	h = fnv1a(h, "\n", 1);
	h = fnv1a(h, rq->body, rq->body_len);
	snprintf(rq->idem_fp, sizeof rq->idem_fp, "%016llx", (unsigned long long)h);
	rq->idem_key = key;

	st = db_stmt(rq->db, "DELETE FROM idempotency WHERE created_at <= ?1");
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, rq->now - IDEM_TTL);
	if (db_done(rq->db, st) < 0)
		goto fail;
	st = db_stmt(rq->db, "SELECT fingerprint, status, body FROM idempotency WHERE key = ?1");
	if (!st)
		goto fail;
	db_bind_text(st, 1, key);
	r = db_row(rq->db, st);
	if (r < 0)
		goto fail;
	if (r == 0) {
		sqlite3_reset(st);
		return 0;
	}
	if (strcmp((const char *)sqlite3_column_text(st, 0), rq->idem_fp) != 0) {
		sqlite3_reset(st);
		rq->idem_key = NULL;
		resp_error(rs, 409, "idempotency_key_reused",
		           "This Idempotency-Key was already used with a different request.");
		return 1;
	}
	rs->status = sqlite3_column_int(st, 1);
	rs->len = (size_t)sqlite3_column_bytes(st, 2);
	rs->body = malloc(rs->len + 1);
	if (!rs->body) {
		sqlite3_reset(st);
		goto fail;
	}
	memcpy(rs->body, sqlite3_column_blob(st, 2), rs->len);
	rs->body[rs->len] = '\0';
	sqlite3_reset(st);
	rs->ctype = "application/json; charset=utf-8";
	rs->replayed = 1;
	rq->idem_key = NULL;
	return 1;
fail:
	rq->idem_key = NULL;
	resp_internal(rs);
	return -1;
}

int
idem_store(struct req *rq, const struct resp *rs)
{
	sqlite3_stmt *st;

	if (!rq->idem_key)
		return 0;
	st = db_stmt(rq->db, "INSERT OR REPLACE INTO idempotency(key, fingerprint, status, body, created_at)"
	                     " VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!st)
		return -1;
	db_bind_text(st, 1, rq->idem_key);
	db_bind_text(st, 2, rq->idem_fp);
	sqlite3_bind_int(st, 3, rs->status);
	sqlite3_bind_blob(st, 4, rs->body ? rs->body : "", (int)rs->len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, rq->now);
	return db_done(rq->db, st);
}
