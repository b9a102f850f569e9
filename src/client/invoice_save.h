/* invoice_save.h: one invoice's PDF fetched and saved safely (download.h),
 * shared by `billtop invoice download` and the Invoices tab's `d`. */
#ifndef BILLTOP_INVOICE_SAVE_H
#define BILLTOP_INVOICE_SAVE_H

#include <stddef.h>

#include "client/download_http.h"
#include "client/error.h"

/*
 * Saves invoice (id, number) where download_resolve() says for out_opt and
 * force (out_opt NULL: the download directory, a safe name from the number,
 * never overwriting).  cb sees the progress and may cancel.  On success the
 * saved file's path is in path.  On any failure nothing is left under the
 * final name and the temporary file is gone.  0, or -1 with err: CERR_USAGE
 * (the file exists, cannot be written), CERR_BAD_DATA (not a PDF), or what
 * the transfer failed with (CERR_CANCELED when cb asked to stop).
 */
int invoice_save(const struct dl_conn *conn, const char *id, const char *number, const char *out_opt,
                 int force, dl_progress_fn cb, void *arg, char *path, size_t pathn,
                 struct client_err *err);

#endif
