/* error.c: building client errors and mapping them to exit codes. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "client/error.h"
#include "client/secret_mask.h"
#include "core/i18n.h"
#include "core/util.h"

void
client_err_clear(struct client_err *e)
{
	memset(e, 0, sizeof *e);
}

void
client_err_set(struct client_err *e, enum client_err_kind kind, const char *fmt, ...)
{
	va_list ap;

	e->kind = kind;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	/* the one door every error message passes: a server's words included */
	secret_mask(e->message);
}

void
client_err_prefix(struct client_err *e, const char *prefix)
{
	char tmp[sizeof e->message];
	struct strbuf sb;

	/* cut rather than fail: a long message still says what happened */
	strbuf_init(&sb, tmp, sizeof tmp);
	strbuf_add(&sb, prefix);
	strbuf_add(&sb, ": ");
	strbuf_add(&sb, e->message);
	if (strbuf_finish(&sb) < 0)
		return;
	str_copy(e->message, sizeof e->message, tmp);
	secret_mask(e->message);
}

int
client_err_exit_code(const struct client_err *e)
{
	switch (e->kind) {
	case CERR_NONE: return EXIT_OK;
	case CERR_USAGE: return EXIT_USAGE;
	case CERR_AUTH:
	case CERR_FORBIDDEN: return EXIT_AUTH;
	case CERR_NETWORK: return EXIT_NETWORK;
	case CERR_SERVER: return EXIT_SERVER;
	case CERR_CLIENT:
		/* the server does not know what the user named (an invoice, a
		 * plan) or will not take that value (an amount): a usage error */
		if (e->http_status == 404 || e->http_status == 422)
			return EXIT_USAGE;
		return EXIT_SERVER;
	case CERR_BAD_DATA: return EXIT_BAD_DATA;
	case CERR_CACHE: return EXIT_CACHE;
	case CERR_CANCELED: return EXIT_FAILURE_GENERIC;
	}
	return EXIT_FAILURE_GENERIC;
}

const char *
client_err_kind_str(enum client_err_kind kind)
{
	switch (kind) {
	case CERR_NONE: return _("no error");
	case CERR_USAGE: return _("configuration");
	case CERR_AUTH: return _("authentication");
	case CERR_FORBIDDEN: return _("permission");
	case CERR_NETWORK: return _("network");
	case CERR_SERVER: return _("server");
	case CERR_CLIENT: return _("request refused");
	case CERR_BAD_DATA: return _("bad data");
	case CERR_CACHE: return _("cache");
	case CERR_CANCELED: return _("canceled");
	}
	return _("unknown");
}
