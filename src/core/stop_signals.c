/* stop_signals.c: one handler for the signals that ask billtop to stop. */
#include <config.h>

#include <signal.h>
#include <string.h>

#include "core/stop_signals.h"

void
catch_stop_signals(void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}
