/* idem.h: Idempotency-Key: a POST's first response is stored and replayed for 24 hours. */
#ifndef BILLTOPD_IDEM_H
#define BILLTOPD_IDEM_H

#include "server/api.h"

/*
 * Looks the request's key up.  0: go on and run the handler; 1: rs already
 * holds the answer (a replay, a 409 for a reused key, a 400 for a bad key);
 * -1: internal error (rs holds the 500).
 */
int idem_begin(struct req *rq, struct resp *rs);

/* Stores rs under the request's key (nothing without a key); 0 or -1. */
int idem_store(struct req *rq, const struct resp *rs);

#endif
