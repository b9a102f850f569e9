/* pdf.h: an invoice as a one-page PDF (libharu, DejaVu Sans embedded). */
#ifndef BILLTOPD_PDF_H
#define BILLTOPD_PDF_H

#include <stddef.h>

#include <jansson.h>

/*
 * Renders an invoice object (as GET /v1/invoices/{id} answers it) for the
 * account called account_name.  *out is malloc'd.  0 or -1.
 */
int pdf_invoice(const json_t *invoice, const char *account_name, char **out, size_t *len);

#endif
