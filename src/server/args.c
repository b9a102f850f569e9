/* args.c: billtopd's command line. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/about.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "server/args.h"
#include "server/emulate.h"
#include "server/fault.h"
#include "server/seed.h"

static void
usage(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]...\n"), "billtopd");
	fputs(_("The reference billing API server for billtop (see docs/api.md).\n\n"), out);
	fputs(_("Options:\n"
	        "      --listen ADDR:PORT      listen on ADDR:PORT (default 127.0.0.1:8080); port 0\n"
	        "                              picks a free port and prints it alone on the first\n"
	        "                              line of stdout once connections are accepted;\n"
	        "                              IPv6 as [::1]:PORT; only loopback unless you name\n"
	        "                              another address\n"
	        "      --db FILE               keep the server's state in FILE (created 0600);\n"
	        "                              default: a temporary file removed at exit\n"
	        "      --token TOKEN           the owner's bearer token\n"
	        "      --token-file FILE       read the owner's token from the first line of FILE\n"
	        "      --token-role ROLE:TOKEN add a token with ROLE (owner, admin, billing_reader,\n"
	        "                              member, viewer); repeatable\n"
	        "      --seed demo[=VARIANT]   seed a new database with the demo account; VARIANT:\n"
	        "                              active (default), trial, past-due, exhausted, paused\n"
	        "      --seed large --scale N  seed N days of usage for 30 meters and 50 agents\n"
	        "                              (default N: 365)\n"
	        "      --seed random=N         seed an account drawn from the number N: currency\n"
	        "                              (USD, EUR, JPY, KWD, GBP), plan, state, usage,\n"
	        "                              purchases, promotions, tax (written to stderr)\n"
	        "      --spike METER:DAY:FACTOR\n"
	        "                              the demo or random seed draws FACTOR times METER's\n"
	        "                              usage on DAY (YYYY-MM-DD, UTC): a known anomaly\n"
	        "      --now RFC3339           fix the clock at this instant (tests)\n"
	        "      --emulate PROVIDER      serve the account through PROVIDER's admin API\n"
	        "                              instead of docs/api.md: openai (costs, usage,\n"
	        "                              projects; Bearer key) or anthropic (cost and usage\n"
	        "                              reports, workspaces; x-api-key); see docs/sources.md\n"
	        "      --fault PATH=KIND[:ARG][*N]\n"
	        "                              inject a failure on requests whose path starts with\n"
	        "                              PATH ('*': every path), for the first N of them\n"
	        "                              (default: all); KIND: delay:MS, 500, 503,\n"
	        "                              429:SECONDS, drop, malformed, wrongtype, escape,\n"
	        "                              huge; repeatable\n"
	        "  -h, --help                  show this help and exit\n"
	        "  -V, --version               show the version and exit\n\n"), out);
	fputs(_("Seeding happens only when the database is new.  One line per request goes to\n"
	        "stderr (method, path, status, bytes, milliseconds); tokens are never logged.\n"
	        "SIGTERM and SIGINT stop the server cleanly.\n\n"), out);
	fputs(_("Exit codes:\n"
	        "   0  stopped cleanly\n"
	        "   1  could not start or serve (database, port)\n"
	        "   2  bad command line\n\n"), out);
	about_bugs(out);
}

static int
add_token(struct srv *s, enum role role, const char *value)
{
	struct token *t;

	if (!*value) {
		fprintf(stderr, _("billtopd: a token must not be empty\n"));
		return -1;
	}
	t = realloc(s->tokens, (s->ntokens + 1) * sizeof *t);
	if (!t)
		return -1;
	s->tokens = t;
	t[s->ntokens].value = strdup(value);
	t[s->ntokens].role = role;
	if (!t[s->ntokens].value)
		return -1;
	s->ntokens++;
	return 0;
}

static int
read_token_file(struct srv *s, const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");
	size_t n;
	int rc;

	if (!f) {
		fprintf(stderr, _("billtopd: cannot read %s: %s\n"), path, strerror(errno));
		return -1;
	}
	if (!fgets(line, sizeof line, f))
		line[0] = '\0';
	fclose(f);
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	if (!n) {
		fprintf(stderr, _("billtopd: %s: the first line holds no token\n"), path);
		return -1;
	}
	rc = add_token(s, ROLE_OWNER, line);
	memset(line, 0, sizeof line);
	return rc;
}

/* ADDR:PORT, [V6]:PORT or localhost:PORT into numeric address and port. */
static int
parse_listen(const char *arg, struct options *o)
{
	const char *colon, *host, *end;
	char *e;
	size_t hn;
	long port;

	if (arg[0] == '[') {
		end = strchr(arg, ']');
		if (!end || end[1] != ':')
			return -1;
		host = arg + 1;
		hn = (size_t)(end - host);
		colon = end + 1;
	} else {
		colon = strrchr(arg, ':');
		if (!colon)
			return -1;
		host = arg;
		hn = (size_t)(colon - arg);
	}
	if (hn == 0 || hn >= sizeof o->listen_addr)
		return -1;
	errno = 0;
	port = strtol(colon + 1, &e, 10);
	if (!colon[1] || *e || errno || port < 0 || port > 65535)
		return -1;
	memcpy(o->listen_addr, host, hn);
	o->listen_addr[hn] = '\0';
	if (strcmp(o->listen_addr, "localhost") == 0)
		str_copy(o->listen_addr, sizeof o->listen_addr, "127.0.0.1");
	o->listen_port = (int)port;
	return 0;
}

enum args_result
args_parse(int argc, char **argv, struct options *o, struct srv *s)
{
	enum { OPT_LISTEN = 0x100, OPT_DB, OPT_TOKEN, OPT_TOKEN_FILE, OPT_TOKEN_ROLE, OPT_SEED,
	       OPT_SCALE, OPT_NOW, OPT_FAULT, OPT_EMULATE, OPT_SPIKE };
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, OPT_LISTEN },
		{ "db", required_argument, NULL, OPT_DB },
		{ "token", required_argument, NULL, OPT_TOKEN },
		{ "token-file", required_argument, NULL, OPT_TOKEN_FILE },
		{ "token-role", required_argument, NULL, OPT_TOKEN_ROLE },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "scale", required_argument, NULL, OPT_SCALE },
		{ "spike", required_argument, NULL, OPT_SPIKE },
		{ "now", required_argument, NULL, OPT_NOW },
		{ "fault", required_argument, NULL, OPT_FAULT },
		{ "emulate", required_argument, NULL, OPT_EMULATE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static char seed_buf[64];
	char *rs_end = NULL;
	const char *colon;
	struct fault *f;
	char role[32], *e;
	int c, scale_set = 0;

	memset(o, 0, sizeof *o);
	str_copy(o->listen_addr, sizeof o->listen_addr, "127.0.0.1");
	o->listen_port = 8080;
	o->seed = "demo";
	o->variant = "active";
	o->scale = 365;
	o->now = -1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_LISTEN:
			if (parse_listen(optarg, o) < 0) {
				fprintf(stderr, _("billtopd: bad --listen '%s': expected ADDR:PORT\n"), optarg);
				return ARGS_EXIT_USAGE;
			}
			break;
		case OPT_DB:
			o->db_path = optarg;
			break;
		case OPT_TOKEN:
			if (add_token(s, ROLE_OWNER, optarg) < 0)
				return ARGS_EXIT_USAGE;
			break;
		case OPT_TOKEN_FILE:
			if (read_token_file(s, optarg) < 0)
				return ARGS_EXIT_USAGE;
			break;
		case OPT_TOKEN_ROLE:
			colon = strchr(optarg, ':');
			/* The value holds a token: no message repeats any of it. */
			if (!colon || (size_t)(colon - optarg) >= sizeof role) {
				fprintf(stderr, _("billtopd: bad --token-role value: expected ROLE:TOKEN "
				                  "(the value is not shown, it holds a token)\n"));
				return ARGS_EXIT_USAGE;
			}
			memcpy(role, optarg, (size_t)(colon - optarg));
			role[colon - optarg] = '\0';
			if (role_parse(role) == ROLE_NONE) {
				fprintf(stderr, _("billtopd: bad --token-role value: the part before ':' is not a "
				                  "role (owner, admin, billing_reader, member, viewer)\n"));
				return ARGS_EXIT_USAGE;
			}
			if (add_token(s, role_parse(role), colon + 1) < 0)
				return ARGS_EXIT_USAGE;
			break;
		case OPT_SEED:
			str_copy(seed_buf, sizeof seed_buf, optarg);
			e = strchr(seed_buf, '=');
			if (e)
				*e++ = '\0';
			if (strcmp(seed_buf, "demo") == 0 && (!e || seed_variant_valid(e))) {
				o->seed = "demo";
				o->variant = e ? e : "active";
			} else if (strcmp(seed_buf, "large") == 0 && !e) {
				o->seed = "large";
			} else if (strcmp(seed_buf, "random") == 0 && e && *e >= '0' && *e <= '9' &&
			           (errno = 0, o->random_seed = strtoull(e, &rs_end, 10), !*rs_end && !errno)) {
				o->seed = "random";
			} else {
				fprintf(stderr, _("billtopd: bad --seed '%s': expected demo[=active|trial|past-due|"
				                  "exhausted|paused], large or random=N\n"), optarg);
				return ARGS_EXIT_USAGE;
			}
			break;
		case OPT_SCALE:
			errno = 0;
			o->scale = strtol(optarg, &e, 10);
			if (!*optarg || *e || errno || o->scale < 1 || o->scale > 3660) {
				fprintf(stderr, _("billtopd: bad --scale '%s': expected 1 to 3660 days\n"), optarg);
				return ARGS_EXIT_USAGE;
			}
			scale_set = 1;
			break;
		case OPT_SPIKE:
			if (seed_spike_parse(optarg, &o->spike) < 0) {
				fprintf(stderr, _("billtopd: bad --spike '%s': expected METER:YYYY-MM-DD:FACTOR "
				                  "(FACTOR 2 to 1000)\n"), optarg);
				return ARGS_EXIT_USAGE;
			}
			break;
		case OPT_NOW:
			if (time_parse_rfc3339(optarg, &o->now) < 0 || o->now < 0) {
				fprintf(stderr, _("billtopd: bad --now '%s': expected an RFC 3339 instant such as "
				                  "2026-11-15T12:00:00Z\n"), optarg);
				return ARGS_EXIT_USAGE;
			}
			break;
		case OPT_FAULT:
			f = realloc(s->faults, (s->nfaults + 1) * sizeof *f);
			if (!f)
				return ARGS_EXIT_USAGE;
			s->faults = f;
			if (fault_parse(optarg, &s->faults[s->nfaults]) < 0)
				return ARGS_EXIT_USAGE;
			s->nfaults++;
			break;
		case OPT_EMULATE:
			s->emulate = (int)emu_parse(optarg);
			if (s->emulate == EMU_NONE) {
				fprintf(stderr, _("billtopd: bad --emulate '%s': expected openai or anthropic\n"), optarg);
				return ARGS_EXIT_USAGE;
			}
			break;
		case 'h':
			usage(stdout);
			return ARGS_EXIT_OK;
		case 'V':
			about_version(stdout, "billtopd");
			return ARGS_EXIT_OK;
		case ':':
			fprintf(stderr, _("billtopd: option '%s' needs a value\n"), argv[optind - 1]);
			fprintf(stderr, _("Try 'billtopd --help' for more information.\n"));
			return ARGS_EXIT_USAGE;
		default:
			/* Only the option's name: "--tokn=SECRET" must not print the secret. */
			fprintf(stderr, _("billtopd: unknown option '%.*s'\n"),
			        (int)strcspn(argv[optind - 1], "="), argv[optind - 1]);
			fprintf(stderr, _("Try 'billtopd --help' for more information.\n"));
			return ARGS_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		/* Not shown: a stray word is often half of a token ("--token Bearer abc"). */
		fprintf(stderr, _("billtopd: unexpected argument %d on the command line (not shown: it may "
		                  "be part of a token)\n"), optind);
		return ARGS_EXIT_USAGE;
	}
	if (o->spike.meter[0] && strcmp(o->seed, "large") == 0) {
		fprintf(stderr, _("billtopd: --spike goes with --seed demo or random\n"));
		return ARGS_EXIT_USAGE;
	}
	if (scale_set && strcmp(o->seed, "large") != 0) {
		fprintf(stderr, _("billtopd: --scale goes with --seed large\n"));
		return ARGS_EXIT_USAGE;
	}
	if (s->ntokens == 0) {
		fprintf(stderr, _("billtopd: give a token with --token, --token-file or --token-role\n"));
		return ARGS_EXIT_USAGE;
	}
	return ARGS_RUN;
}
