/* http.h: the libmicrohttpd daemon: listening, requests in, responses out, one log line each. */
#ifndef BILLTOPD_HTTP_H
#define BILLTOPD_HTTP_H

#include "server/srv.h"

struct http_server;

/*
 * Listens on addr ("127.0.0.1", "::1", ...) and port (0: any free port) and
 * serves s.  Returns NULL with a message on stderr on failure; *bound_port
 * receives the port actually bound.
 */
struct http_server *http_start(struct srv *s, const char *addr, int port, int *bound_port);
void http_stop(struct http_server *h);

#endif
