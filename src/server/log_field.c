/* log_field.c: %XX-escaping of client strings (the path, the method) for the log. */
#include <config.h>

#include <string.h>

#include "server/log_field.h"

/* The byte as it goes into the log: itself, or %XX; returns its length. */
static size_t
log_byte(unsigned char c, char one[3])
{
	static const char hex[] = "0123456789ABCDEF";

	if (c > 0x20 && c < 0x7f && c != '%') {
		one[0] = (char)c;
		return 1;
	}
	one[0] = '%';
	one[1] = hex[c >> 4];
	one[2] = hex[c & 0x0f];
	return 3;
}

void
log_field(const char *s, char *out, size_t n)
{
	const unsigned char *p;
	size_t total = 0, len = 0, k, room;
	char one[3];

	if (n == 0)
		return;
	if (!s)
		s = "";
	for (p = (const unsigned char *)s; *p; p++)
		total += log_byte(*p, one);
	/* Cut: keep room for "..." and the NUL. */
	room = total < n ? total : (n > 4 ? n - 4 : 0);
	for (p = (const unsigned char *)s; *p; p++) {
		k = log_byte(*p, one);
		if (len + k > room)
			break;
		memcpy(out + len, one, k);
		len += k;
	}
	if (total >= n && n >= 4) {
		memcpy(out + len, "...", 3);
		len += 3;
	}
	out[len] = '\0';
}
