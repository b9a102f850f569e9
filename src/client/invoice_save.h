/* invoice_save.h: finding an invoice by id or number, and saving its PDF
 * safely (download.h), shared by `billtop invoice download` and the Invoices
 * tab's `d`.  Both go through net.h, so a download follows the same auth,
 * TLS, retry, body-cap and URL rules as every other request. */
#ifndef BILLTOP_INVOICE_SAVE_H
#define BILLTOP_INVOICE_SAVE_H

#include <stddef.h>

#include "client/error.h"
#include "client/model.h"
#include "client/net.h"

/* Finds an invoice by id, else by number (paging through the list), into out
 * (invoice_free() it).  0; -1 with err (CERR_CLIENT, code "not_found", when
 * neither matches). */
int invoice_find(struct net *n, const char *id_or_number, struct invoice *out,
                 struct client_err *err);

/*
 * Saves invoice (id, number) where download_resolve() says for out_opt and
 * force (out_opt NULL: the download directory, a safe name from the number,
 * never overwriting).  cb sees the progress and may cancel.  On success the
 * saved file's path is in path.  On any failure nothing is left under the
 * final name and the temporary file is gone.  0, or -1 with err: CERR_USAGE
 * (the file exists, cannot be written), CERR_BAD_DATA (not a PDF), or what
 * the transfer failed with (CERR_CANCELED when cb asked to stop).
 */
int invoice_save(struct net *n, const char *id, const char *number, const char *out_opt,
                 int force, net_progress_fn cb, void *arg, char *path, size_t pathn,
                 struct client_err *err);

#endif
