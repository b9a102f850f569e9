/* stop_signals.h: SIGINT, SIGTERM and SIGHUP caught by one handler, the way
 * every interruptible part of billtop wants them (the dashboard, `billtop
 * invoice download`, the dashboard's download child). */
#ifndef BILLTOP_STOP_SIGNALS_H
#define BILLTOP_STOP_SIGNALS_H

/* Installs handler (which should only set a flag) for SIGINT, SIGTERM and
 * SIGHUP, without SA_RESTART: a blocking poll(), read() or transfer returns
 * EINTR, so the caller's loop sees the flag at once. */
void catch_stop_signals(void (*handler)(int));

#endif
