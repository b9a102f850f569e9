/* csv.h: RFC 4180 output: CRLF line ends, fields quoted when they hold a
 * comma, a double quote, CR or LF (quotes doubled). */
#ifndef BILLTOP_CSV_H
#define BILLTOP_CSV_H

#include <stdint.h>
#include <stdio.h>

/* One text field; first is 1 for the first field of a record (no comma
 * before it).  Text a spreadsheet would run as a formula (starting with =,
 * +, -, @, TAB or CR) gets a leading single quote, as OWASP advises against
 * CSV injection: every string that came from the server goes through here. */
void csv_field(FILE *out, int first, const char *s);
/* A number billtop formatted itself ("-1830", "-18.30"): written as is. */
void csv_number(FILE *out, int first, const char *s);
void csv_int(FILE *out, int first, int64_t v);
/* Money as the integer amount in minor units ("123450" for 1234.50 USD),
 * beside a currency column; an empty field for M_NONE. */
void csv_money(FILE *out, int first, int64_t minor, const char *currency);
/* Ends the record: "\r\n". */
void csv_end(FILE *out);

#endif
