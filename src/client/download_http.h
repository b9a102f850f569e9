/* download_http.h: streaming GETs for invoice PDFs, and the small JSON GETs
 * that find an invoice by id or number.
 *
 * A stopgap until the shared net layer has a streaming GET: the same rules
 * (Bearer token, TLS verified unless insecure, proxy from the environment,
 * connect and low-speed timeouts, retries of network errors, 429 and 5xx
 * honouring Retry-After, at most DL_ATTEMPTS tries) in one small file, with
 * the signature net_download() is meant to have.
 */
#ifndef BILLTOP_DOWNLOAD_HTTP_H
#define BILLTOP_DOWNLOAD_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "client/error.h"
#include "client/model.h"

#define DL_ATTEMPTS 3

struct dl_conn {
	const char *base_url;   /* "https://billing.example.com" (no trailing '/') */
	const char *token;
	int insecure;           /* TLS verification off */
};

/* Called as bytes arrive: done so far and the total (-1 when unknown).
 * Returning non-zero cancels the transfer (CERR_CANCELED). */
typedef int (*dl_progress_fn)(void *arg, int64_t done, int64_t total);

/* GET base_url + path, the body written to fd from offset 0 (truncated
 * first, again before each retry).  Only a 200 body reaches fd; an error
 * answer sets err from the API's error object.  0, or -1 with err. */
int dl_get_to_fd(const struct dl_conn *conn, const char *path, int fd, dl_progress_fn cb, void *arg,
                 struct client_err *err);

/* Finds an invoice by id, else by number (paging through the list), into out
 * (invoice_free() it).  0; -1 with err (CERR_CLIENT, code "not_found", when
 * neither matches). */
int dl_find_invoice(const struct dl_conn *conn, const char *id_or_number, struct invoice *out,
                    struct client_err *err);

/* GET /v1/invoices/{id}/pdf into fd (id escaped for the path). */
int dl_invoice_pdf(const struct dl_conn *conn, const char *invoice_id, int fd, dl_progress_fn cb,
                   void *arg, struct client_err *err);

#endif
