/* allocate.c: the largest remainder split (see allocate.h). */
#include <config.h>

#include <stdlib.h>

#include "core/allocate.h"

int
allocate_largest_remainder(int64_t total, const int64_t *weights, int n, int64_t *out)
{
	__int128 sum = 0, given = 0, *rem = NULL;
	int i, k, best, rc = -1;

	if (total < 0 || n < 0 || (n > 0 && (weights == NULL || out == NULL)))
		return -1;
	for (i = 0; i < n; i++) {
		if (weights[i] < 0)
			return -1;
		sum += weights[i];
	}
	if (sum == 0) {
		for (i = 0; i < n; i++)
			out[i] = 0;
		return total == 0 ? 0 : -1;
	}
	if ((rem = malloc((size_t)n * sizeof *rem)) == NULL)
		return -1;
	/* total * w < 2^126: fits; each share <= total. */
	for (i = 0; i < n; i++) {
		__int128 x = (__int128)total * weights[i];

		out[i] = (int64_t)(x / sum);
		rem[i] = x % sum;
		given += out[i];
	}
	for (k = 0; k < total - given; k++) {
		best = -1;
		for (i = 0; i < n; i++)
			if (rem[i] >= 0 && (best < 0 || rem[i] > rem[best]))
				best = i;
		if (best < 0)
			goto out;
		out[best]++;
		rem[best] = -1;
	}
	rc = 0;
out:
	free(rem);
	return rc;
}
