/* invoice_save.c: resolve the target, stream the PDF into a temp file, commit. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "client/download.h"
#include "client/invoice_save.h"
#include "core/util.h"

int
invoice_save(const struct dl_conn *conn, const char *id, const char *number, const char *out_opt,
             int force, dl_progress_fn cb, void *arg, char *path, size_t pathn, struct client_err *err)
{
	struct download_target t;
	enum download_mode mode;
	char dir[PATH_MAX], base[256], msg[512];

	client_err_clear(err);
	if (download_resolve(number, out_opt, force, dir, sizeof dir, base, sizeof base, &mode,
	                     msg, sizeof msg) != 0) {
		client_err_set(err, CERR_USAGE, "%s", msg);
		return -1;
	}
	if (download_target_open(&t, dir, base, mode) != 0) {
		client_err_set(err, CERR_USAGE, "%s", t.err);
		return -1;
	}
	if (dl_invoice_pdf(conn, id, t.fd, cb, arg, err) != 0) {
		download_target_abort(&t);
		return -1;
	}
	if (download_target_commit(&t) != 0) {
		/* The only commit failure that is the server's: the body is no PDF. */
		client_err_set(err, t.not_pdf ? CERR_BAD_DATA : CERR_USAGE, "%s", t.err);
		return -1;
	}
	str_copy(path, pathn, t.final);
	return 0;
}
