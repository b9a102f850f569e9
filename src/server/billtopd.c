/* billtopd.c: the reference billing API server (placeholder until issue 3). */
#include <config.h>

#include <stdio.h>

int
main(void)
{
	printf("%s %s\n", "billtopd", VERSION);
	return 0;
}
