/* invoice_dl.h: the Invoices tab's `d`: the PDF saved by a forked child, so
 * the screen keeps answering keys while it downloads.
 *
 * The child uses no curses and no SQLite (neither may cross a fork): it
 * has the source save the PDF (SA_INVOICE_PDF: temp file, never overwriting) and
 * writes one line per progress step to a pipe the main loop polls:
 *
 *     "p DONE TOTAL\n"   bytes so far and expected (-1 unknown)
 *     "ok PATH\n"        saved
 *     "err MESSAGE\n"    failed; nothing was left behind
 *
 * Freeing a running job sends SIGTERM: the child removes its temp file.
 */
#ifndef BILLTOP_INVOICE_DL_H
#define BILLTOP_INVOICE_DL_H

#include <stddef.h>
#include <stdint.h>

struct app;
struct dl_job;

/* Starts saving invoice (id, number) to the download directory; name gets
 * the file name it will have (before any -1 suffix).  0, or -1 with err. */
int invoice_dl_start(struct app *app, const char *id, const char *number, struct dl_job **out,
                     char *name, size_t namen, char *err, size_t errn);
/* The pipe to poll. */
int invoice_dl_fd(const struct dl_job *j);
/* Reads what the child wrote: progress into done/total; *finished set when
 * it is over, with *ok and msg (the saved path, or what went wrong). */
void invoice_dl_read(struct dl_job *j, int64_t *done, int64_t *total, int *finished, int *ok,
                     char *msg, size_t n);
/* Stops a running child (SIGTERM, reaped) and frees the job; NULL is fine. */
void invoice_dl_free(struct dl_job *j);

#endif
