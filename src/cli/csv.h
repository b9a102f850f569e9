/* csv.h: RFC 4180 output: CRLF line ends, fields quoted when they hold a
 * comma, a double quote, CR or LF (quotes doubled). */
#ifndef BILLTOP_CSV_H
#define BILLTOP_CSV_H

#include <stdint.h>
#include <stdio.h>

/* One field; first is 1 for the first field of a record (no comma before it). */
void csv_field(FILE *out, int first, const char *s);
void csv_int(FILE *out, int first, int64_t v);
/* Money in MONEY_FMT_PLAIN ("1234.50"); an empty field for M_NONE. */
void csv_money(FILE *out, int first, int64_t minor, const char *currency);
/* Ends the record: "\r\n". */
void csv_end(FILE *out);

#endif
