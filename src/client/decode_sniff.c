/* decode_sniff.c: naming what is wrong with a body jansson would only call
 * "cut off": a NUL byte outside any string, UTF-16 or UTF-32 instead of UTF-8. */
#include <config.h>

#include <string.h>

#include "client/decode_priv.h"
#include "core/i18n.h"

int
decode_sniff(const char *body, size_t len, struct client_err *err)
{
	const unsigned char *b = (const unsigned char *)body;
	const char *nul;

	if (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff))) {
		client_err_set(err, CERR_BAD_DATA,
		               _("the response is UTF-16 (it starts with a byte-order mark); JSON must be UTF-8"));
		return -1;
	}
	if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
		client_err_set(err, CERR_BAD_DATA,
		               _("the response starts with a UTF-8 byte-order mark, which JSON does not allow"));
		return -1;
	}
	nul = memchr(body, '\0', len);
	if (!nul)
		return 0;
	/* JSON text starts with an ASCII character: a zero byte beside it is UTF-16 or -32 */
	if (len >= 4 && ((b[0] && !b[1]) || (!b[0] && b[1]) || (!b[0] && !b[1]))) {
		client_err_set(err, CERR_BAD_DATA,
		               _("the response is UTF-16 or UTF-32 (zero bytes between the characters, "
		                 "no byte-order mark); JSON must be UTF-8"));
		return -1;
	}
	client_err_set(err, CERR_BAD_DATA,
	               _("the response holds a NUL byte at byte %zu, outside any string; "
	                 "it is not JSON text"), (size_t)(nul - body));
	return -1;
}
