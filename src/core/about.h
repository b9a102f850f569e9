/* about.h: what --version and the end of --help say, the same for billtop
 * and billtopd (GNU style). */
#ifndef BILLTOP_ABOUT_H
#define BILLTOP_ABOUT_H

#include <stdio.h>

/* "PROGRAM VERSION", the copyright and the licence. */
void about_version(FILE *out, const char *program);

/* "Report bugs to: ADDRESS", the last lines of --help. */
void about_bugs(FILE *out);

#endif
