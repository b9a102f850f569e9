/* fuzz_decode.c: any body a server may send, through every decoder and the
 * text functions that later draw what was decoded.  Must never crash, leak,
 * or leave a string the terminal would act on. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "client/decode.h"
#include "client/secret_mask.h"
#include "core/text.h"
#include "fuzz.h"

static int
drop(void *arg, enum list_kind kind, const union list_item *it, struct client_err *err)
{
	(void)arg;
	(void)kind;
	(void)it;
	(void)err;
	return 0;
}

/* A decoded string must be sanitised already: sanitising again changes nothing. */
static void
check_text(const char *s)
{
	char *t;
	char out[64];
	size_t len = strlen(s);

	t = malloc(len + 1);
	if (!t)
		return;
	memcpy(t, s, len + 1);
	if (text_sanitize(t) > len)
		abort();
	(void)text_width(t);
	text_fit(t, 10, out, sizeof out);
	if (strlen(out) >= sizeof out)
		abort();
	free(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	struct client_err err;
	struct page_info info;
	struct account acct;
	struct credit_summary cs;
	struct invoice inv;
	struct payment_method pm;
	struct run run;
	char *text;
	json_t *root;
	int k;

	if (!init) {
		secret_mask_add("fuzz-secret-token");
		init = 1;
	}
	client_err_clear(&err);
	decode_api_error((const char *)data, size, &err);
	check_text(err.message);
	if (strstr(err.message, "fuzz-secret-token"))
		abort();   /* a secret never comes back out */

	client_err_clear(&err);
	root = decode_parse((const char *)data, size, &err);
	check_text(err.message);
	if (root) {
		for (k = LIST_PLANS; k <= LIST_CHARGES; k++) {
			client_err_clear(&err);
			decode_page(root, (enum list_kind)k, "USD", drop, NULL, &info, &err);
			check_text(err.message);
		}
		decode_account(root, &acct, &err);
		decode_credit_summary(root, &cs, &err);
		memset(&inv, 0, sizeof inv);
		if (decode_invoice(root, "USD", &inv, &err) == 0)
			invoice_free(&inv);
		decode_payment_method(root, &pm, &err);
		decode_run(root, &run, &err);
		json_decref(root);
	}

	/* the bytes as a server string: sanitised, measured, cut */
	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	text_sanitize(text);
	for (k = 0; text[k]; k++)
		if ((unsigned char)text[k] < 0x20 || text[k] == 0x7f)
			abort();   /* no control survives the sanitiser */
	check_text(text);
	free(text);
	return 0;
}
