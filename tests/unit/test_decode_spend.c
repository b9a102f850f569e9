/* test_decode_spend.c: the OpenAI and Anthropic decoders replay the
 * hand-written bodies of tests/fixtures/{openai,anthropic} (after the
 * providers' reference examples), refuse the wrong shapes in bad/ with the
 * JSON path that was wrong, and convert amounts a double cannot hold
 * exactly. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "client/decode_spend.h"
#include "client/spend_json.h"
#include "client/model.h"
#include "client/spend_figures.h"
#include "client/cache_write.h"
#include "client/cache_spend.h"

#define MAXR 64

struct got {
	int n;
	char day[MAXR][11], item[MAXR][128], group[MAXR][128], key[MAXR][128];
	int64_t v[MAXR];
};
static struct got g;

static int
cost(void *arg, const char *day, const char *item, const char *group, int64_t micro, const char *cur,
     struct client_err *err)
{
	(void)arg;
	(void)err;
	assert_string_equal(cur, "USD");
	assert_true(g.n < MAXR);
	snprintf(g.day[g.n], 11, "%s", day);
	snprintf(g.item[g.n], 128, "%s", item);
	snprintf(g.group[g.n], 128, "%s", group);
	g.v[g.n++] = micro;
	return 0;
}

static int
tokens(void *arg, const char *day, const char *model, const char *key, const char *kind, int64_t q,
       struct client_err *err)
{
	(void)arg;
	snprintf(g.key[g.n < MAXR ? g.n : 0], 128, "%s", key);
	(void)err;
	assert_true(g.n < MAXR);
	snprintf(g.day[g.n], 11, "%s", day);
	snprintf(g.item[g.n], 128, "%s", model);
	snprintf(g.group[g.n], 128, "%s", kind);
	g.v[g.n++] = q;
	return 0;
}

static int
name(void *arg, const char *id, const char *nm, struct client_err *err)
{
	(void)arg;
	(void)err;
	snprintf(g.item[g.n], 128, "%s", id);
	snprintf(g.group[g.n], 128, "%s", nm);
	g.v[g.n++] = 0;
	return 0;
}

static const struct spend_sink sink = { NULL, cost, tokens, name };

static char *
slurp(const char *rel, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/tests/fixtures/%s", top ? top : ".", rel);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

typedef int (*dec_fn)(const json_t *, const struct spend_sink *, struct spend_page *, struct client_err *);

/* Decodes a body; returns the decoder's result, err filled. */
static int
run_text(const char *body, size_t len, dec_fn fn, struct spend_page *pg, struct client_err *err)
{
	json_t *root;
	int rc;

	memset(&g, 0, sizeof g);
	client_err_clear(err);
	root = spend_parse(body, len, err);
	if (!root)
		return -2;
	rc = fn(root, &sink, pg, err);
	json_decref(root);
	return rc;
}

static int
run(const char *rel, dec_fn fn, struct spend_page *pg, struct client_err *err)
{
	size_t len;
	char *b = slurp(rel, &len);
	int rc = run_text(b, len, fn, pg, err);

	free(b);
	return rc;
}

static void
openai_costs(void **state)
{
	struct spend_page pg;
	struct client_err err;

	(void)state;
	assert_int_equal(run("openai/costs_grouped.json", oa_decode_costs, &pg, &err), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.day[0], "2024-11-01");
	assert_string_equal(g.item[0], "Image models");
	assert_string_equal(g.group[0], "proj_abc");
	/* 0.123456789012345678 dollars: 123456.789... micro, rounded once */
	assert_int_equal(g.v[0], 123457);
	assert_int_equal(g.v[1], 12500000);
	assert_int_equal(pg.has_more, 1);
	assert_string_equal(pg.next, "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=");
	assert_int_equal(pg.buckets, 2);
	assert_int_equal(run("openai/costs.json", oa_decode_costs, &pg, &err), 0);
}

static void
openai_usage_projects(void **state)
{
	struct spend_page pg;
	struct client_err err;
	int i, found = 0;

	(void)state;
	assert_int_equal(run("openai/usage_completions.json", oa_decode_completions, &pg, &err), 0);
	for (i = 0; i < g.n; i++) {
		assert_string_equal(g.item[i], "gpt-4o-mini-2024-07-18");
		if (strcmp(g.group[i], TOK_INPUT) == 0)
			found += g.v[i] == 500;
		if (strcmp(g.group[i], TOK_CACHE_READ) == 0)
			found += g.v[i] == 400;
		if (strcmp(g.group[i], TOK_REQUESTS) == 0)
			found += g.v[i] == 5;
		if (strcmp(g.group[i], TOK_OUTPUT) == 0)
			found += g.v[i] == 500;
	}
	assert_int_equal(found, 4);
	/* usage_other.json holds one result of every kind: the embeddings
	 * decoder takes the first and refuses the moderations result after it */
	assert_int_equal(run("openai/usage_other.json", oa_decode_embeddings, &pg, &err), -1);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.item[0], "text-embedding-ada-002-v2");
	assert_string_equal(g.group[0], TOK_INPUT);
	assert_int_equal(g.v[0], 20);
	assert_string_equal(g.group[1], TOK_REQUESTS);
	assert_int_equal(g.v[1], 2);
	assert_string_equal(err.message, "data[0].results[1].object: expected \"organization.usage.embeddings.result\", "
	                    "not \"organization.usage.moderations.result\"");
	assert_int_equal(run("openai/projects.json", oa_decode_projects, &pg, &err), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.item[0], "proj_abc");
	assert_string_equal(g.group[0], "Project example");
	assert_int_equal(pg.has_more, 0);
}

/* Moderations by model, vector stores and code interpreter sessions (no
 * model, no requests): each its own kind (issue 12). */
static void
openai_usage_tools(void **state)
{
	struct spend_page pg;
	struct client_err err;

	(void)state;
	g.n = 0;
	assert_int_equal(run("openai/usage_moderations.json", oa_decode_moderations, &pg, &err), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.day[0], "2024-11-01");
	assert_string_equal(g.item[0], "omni-moderation-latest");
	assert_string_equal(g.group[0], TOK_MODERATION);
	assert_int_equal(g.v[0], 20);
	assert_string_equal(g.group[1], TOK_REQUESTS);
	assert_int_equal(g.v[1], 2);
	g.n = 0;
	assert_int_equal(run("openai/usage_vector_stores.json", oa_decode_vector_stores, &pg, &err), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.item[0], "");
	assert_string_equal(g.group[0], TOK_VECTOR_BYTES);
	assert_int_equal(g.v[0], 1024);
	g.n = 0;
	assert_int_equal(run("openai/usage_code_interpreter.json", oa_decode_code_interpreter, &pg, &err), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.group[0], TOK_SESSIONS);
	assert_int_equal(g.v[0], 1);
	/* the names of admin keys and project keys; Anthropic's API keys */
	assert_int_equal(run("openai/admin_api_keys.json", oa_decode_api_keys, &pg, &err), 0);
	assert_string_equal(g.item[0], "key_abc");
	assert_string_equal(g.group[0], "Main Admin Key");
	assert_int_equal(run("openai/project_api_keys.json", oa_decode_api_keys, &pg, &err), 0);
	assert_string_equal(g.group[0], "My API Key");
	assert_string_equal(pg.next, "key_abc");
	assert_int_equal(run("openai/projects.json", oa_decode_api_keys, &pg, &err), -1);
	assert_int_equal(run("anthropic/api_keys.json", an_decode_api_keys, &pg, &err), 0);
	assert_string_equal(g.item[0], "apikey_01Rj2N8SVvo6BePZj99NhmiT");
	assert_string_equal(g.group[0], "Developer Key");
	assert_int_equal(pg.has_more, 1);
	assert_string_equal(pg.next, "apikey_01Rj2N8SVvo6BePZj99NhmiT");
	assert_int_equal(run("anthropic/workspaces.json", an_decode_api_keys, &pg, &err), -1);
	/* usage grouped by API key hands the key to the sink */
	assert_int_equal(run("openai/usage_completions.json", oa_decode_completions, &pg, &err), 0);
	assert_string_equal(g.key[0], "key_abc");
	/* a vector stores page is not a code interpreter page */
	assert_int_equal(run("openai/usage_vector_stores.json", oa_decode_code_interpreter, &pg, &err), -1);
	assert_string_equal(err.message, "data[0].results[0].object: expected "
	                    "\"organization.usage.code_interpreter_sessions.result\", "
	                    "not \"organization.usage.vector_stores.result\"");
}

static void
openai_bad(void **state)
{
	struct spend_page pg;
	struct client_err err;

	(void)state;
	assert_int_equal(run("openai/bad/costs_value_string.json", oa_decode_costs, &pg, &err), -1);
	assert_string_equal(err.message, "data[0].results[0].amount.value: not a decimal (a JSON number is expected)");
	assert_int_equal(run("openai/bad/completions_no_requests.json", oa_decode_completions, &pg, &err), -1);
	assert_string_equal(err.message, "data[0].results[0].num_model_requests: missing");
	assert_int_equal(run("openai/bad/page_no_next_page.json", oa_decode_costs, &pg, &err), -1);
	assert_string_equal(err.message, "next_page: missing");
	/* an Anthropic body is foreign to the OpenAI decoder */
	assert_int_equal(run("anthropic/cost_report.json", oa_decode_costs, &pg, &err), -1);
	assert_string_equal(err.message, "object: missing");
	assert_int_equal(run("openai/error_401.json", oa_decode_costs, &pg, &err), -1);
}

static void
anthropic_all(void **state)
{
	struct spend_page pg;
	struct client_err err;
	char org[128];
	size_t len;
	char *b;
	json_t *root;

	(void)state;
	assert_int_equal(run("anthropic/cost_report.json", an_decode_costs, &pg, &err), 0);
	assert_int_equal(g.n, 2);
	/* "123.45" cents is $1.2345: 1234500 micro-dollars */
	assert_int_equal(g.v[0], 1234500);
	assert_string_equal(g.item[0], "Claude Sonnet 4 Usage - Input Tokens");
	assert_string_equal(g.group[0], "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ");
	assert_int_equal(g.v[1], 0);
	assert_string_equal(g.group[1], "");
	assert_int_equal(run("anthropic/usage_messages.json", an_decode_usage, &pg, &err), 0);
	assert_int_equal(pg.has_more, 1);
	assert_string_equal(pg.next, "page_MjAyNS0wOC0wMlQwMDowMDowMFo=");
	assert_string_equal(g.group[1], TOK_CACHE_WRITE);
	assert_int_equal(g.v[1], 1500);
	assert_int_equal(run("anthropic/usage_ungrouped.json", an_decode_usage, &pg, &err), 0);
	assert_int_equal(run("anthropic/workspaces.json", an_decode_workspaces, &pg, &err), 0);
	assert_string_equal(g.group[0], "Workspace Name");
	b = slurp("anthropic/organization.json", &len);
	root = spend_parse(b, len, &err);
	free(b);
	assert_non_null(root);
	assert_int_equal(an_decode_org(root, org, sizeof org, &err), 0);
	assert_string_equal(org, "Organization Name");
	json_decref(root);

	assert_int_equal(run("anthropic/bad/cost_amount_number.json", an_decode_costs, &pg, &err), -1);
	assert_string_equal(err.message, "data[0].results[0].amount: expected string");
	assert_int_equal(run("anthropic/bad/usage_epoch_times.json", an_decode_usage, &pg, &err), -1);
	assert_string_equal(err.message, "data[0].starting_at: expected string");
	assert_int_equal(run("anthropic/bad/usage_flat_cache.json", an_decode_usage, &pg, &err), -1);
	assert_string_equal(err.message, "data[0].results[0].cache_creation: missing");
}

/* Amounts a double cannot hold: the text is converted, not the double. */
static void
exact(void **state)
{
	static const char a[] =
		"{\"object\": \"page\", \"has_more\": false, \"next_page\": null, \"data\": [{\"object\": \"bucket\","
		" \"start_time\": 1793491200, \"end_time\": 1793577600, \"results\": ["
		"{\"object\": \"organization.costs.result\", \"amount\": {\"value\": 0.1000000000000000055511151231257827,"
		" \"currency\": \"usd\"}, \"line_item\": \"a\", \"project_id\": null},"
		"{\"object\": \"organization.costs.result\", \"amount\": {\"value\": 9007199254.740993,"
		" \"currency\": \"usd\"}, \"line_item\": \"b\", \"project_id\": null},"
		"{\"object\": \"organization.costs.result\", \"amount\": {\"value\": 0.0000005,"
		" \"currency\": \"usd\"}, \"line_item\": \"c\", \"project_id\": null},"
		"{\"object\": \"organization.costs.result\", \"amount\": {\"value\": 1.5e-6,"
		" \"currency\": \"usd\"}, \"line_item\": \"d\", \"project_id\": null}]}]}";
	static const char bad[] =
		"{\"object\": \"page\", \"has_more\": false, \"next_page\": null, \"data\": [{\"object\": \"bucket\","
		" \"start_time\": 1793491200, \"end_time\": 1793577600, \"results\": ["
		"{\"object\": \"organization.costs.result\", \"amount\": {\"value\": 92233720368547.75808,"
		" \"currency\": \"usd\"}, \"line_item\": \"a\", \"project_id\": null}]}]}";
	static const char nul[] = "{\"object\": \"p\\u0000ge\"}";
	struct spend_page pg;
	struct client_err err;
	struct spend_row rows[3] = { { "", "a", "a", 1 }, { "", "b", "b", 1 }, { "", "c", "c", 1 } };
	int64_t out[3], total, m;

	(void)state;
	assert_int_equal(run_text(a, strlen(a), oa_decode_costs, &pg, &err), 0);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.day[0], "2026-11-01");
	assert_int_equal(g.v[0], 100000);
	assert_int_equal(g.v[1], INT64_C(9007199254740993));   /* 2^53 + 1 micro-dollars */
	assert_int_equal(g.v[2], 1);                           /* half a micro: away from zero */
	assert_int_equal(g.v[3], 2);
	assert_int_equal(run_text(bad, strlen(bad), oa_decode_costs, &pg, &err), -1);
	assert_string_equal(err.message,
	                    "data[0].results[0].amount.value: 92233720368547.75808 does not fit in 64 bits");
	assert_int_equal(run_text(nul, strlen(nul), oa_decode_costs, &pg, &err), -2);

	/* rounding once, up, and rows that add up to the rounded total */
	assert_int_equal(spend_round(1, "USD", &m), 0);
	assert_int_equal(m, 1);
	assert_int_equal(spend_round(10000, "USD", &m), 0);
	assert_int_equal(m, 1);
	assert_int_equal(spend_round(10001, "USD", &m), 0);
	assert_int_equal(m, 2);
	rows[0].amount = 3333;
	rows[1].amount = 3333;
	rows[2].amount = 3334;     /* each under a cent; the total is one cent */
	assert_int_equal(spend_alloc(rows, 3, "USD", out, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(out[0] + out[1] + out[2], 1);
	assert_int_equal(out[2], 1);               /* the largest remainder */
	/* a whole number of cents stays exactly that: the plan fee is $500.00 */
	rows[0].amount = 500000000;
	rows[1].amount = 25985000 + 4999;          /* $25.98 and a half cent */
	rows[2].amount = 5470000 + 6000;
	assert_int_equal(spend_alloc(rows, 3, "USD", out, &total), 0);
	assert_int_equal(total, 50000 + 2599 + 548);
	assert_int_equal(out[0], 50000);
	assert_int_equal(out[0] + out[1] + out[2], total);
	/* split to a bar already rounded */
	assert_int_equal(spend_split(rows, 3, "USD", 50000 + 2598 + 547 + 1, out, &total), 0);
	assert_int_equal(out[0], 50000);
	assert_int_equal(out[0] + out[1] + out[2], 50000 + 2598 + 547 + 1);
}

/* The figures from a cache: month to date, last month, the projection from
 * forecast_period() and the budget's states. */
static void
figures(void **state)
{
	char dir[] = "/tmp/billtop-spend-XXXXXX", path[300], err[256];
	struct spend_org org = { "openai", "Org", "USD", "2026-10-01", "2026-11-10" };
	struct spend_figures f;
	struct cache *c = NULL;
	char day[11];
	int d;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/c.db", dir);
	assert_int_equal(cache_open(path, &c, NULL), 0);
	assert_int_equal(cache_begin(c, 1000), 0);
	assert_int_equal(cache_spend_put_org(c, &org), 0);
	/* October: $100.000001 on the 1st; November: $10.000001 a day, 1st to 10th */
	assert_int_equal(cache_spend_add_cost(c, "2026-10-01", SPEND_DIM_TOTAL, "", "", 100000001, "USD"), 0);
	for (d = 1; d <= 10; d++) {
		snprintf(day, sizeof day, "2026-11-%02d", d);
		assert_int_equal(cache_spend_add_cost(c, day, SPEND_DIM_TOTAL, "", "", 10000001, "USD"), 0);
	}
	assert_int_equal(cache_commit(c), 0);

	/* 2026-11-11T00:00Z: 10 days done, 20 to go at $10.000001 a day */
	assert_int_equal(spend_figures_load(c, 1794355200, -1, NULL, &f, err, sizeof err), 0);
	assert_int_equal(f.mtd_micro, 100000010);
	assert_int_equal(f.mtd, 10001);                /* $100.00001 rounded up once */
	assert_int_equal(f.last, 10001);
	assert_int_equal(f.fc_err, FORECAST_OK);
	assert_int_equal(f.projected_micro, 300000030);
	assert_int_equal(f.projected, 30001);
	assert_int_equal(f.change, 20000);
	assert_int_equal(f.budget_state, BUDGET_NONE);
	/* budgets: projected over, 80%, 100% */
	assert_int_equal(spend_figures_load(c, 1794355200, 20000, "USD", &f, err, sizeof err), 0);
	assert_int_equal(f.budget_state, BUDGET_PROJECTED_OVER);
	assert_int_equal(f.budget_pct, 50);
	assert_int_equal(spend_figures_load(c, 1794355200, 12000, "USD", &f, err, sizeof err), 0);
	assert_int_equal(f.budget_state, BUDGET_80);
	assert_int_equal(spend_figures_load(c, 1794355200, 10001, "USD", &f, err, sizeof err), 0);
	assert_int_equal(f.budget_state, BUDGET_100);
	assert_true(spend_budget_text(&f, 0, err, sizeof err));
	assert_non_null(strstr(err, "Budget reached"));
	/* a budget in another currency is not compared */
	assert_int_equal(spend_figures_load(c, 1794355200, 100, "EUR", &f, err, sizeof err), 0);
	assert_int_equal(f.budget, -1);
	/* the burn rate counts the days before the data as zeros only when they
	 * were fetched: from a history starting on November 1st, two complete
	 * days give no projection */
	assert_int_equal(spend_figures_load(c, 1793491200 + 2 * 86400, -1, NULL, &f, err, sizeof err), 0);
	assert_int_equal(f.fc_err, FORECAST_OK);
	assert_int_equal(cache_begin(c, 1000), 0);
	snprintf(org.first_day, sizeof org.first_day, "2026-11-01");
	assert_int_equal(cache_spend_put_org(c, &org), 0);
	assert_int_equal(cache_commit(c), 0);
	assert_int_equal(spend_figures_load(c, 1793491200 + 2 * 86400, -1, NULL, &f, err, sizeof err), 0);
	assert_int_equal(f.fc_err, FORECAST_TOO_LITTLE_DATA);
	assert_int_equal(spend_figures_load(c, 1793491200, -1, NULL, &f, err, sizeof err), 0);
	assert_int_equal(f.fc_err, FORECAST_TOO_LITTLE_DATA);
	cache_close(c);
	/* the cache and what SQLite may leave beside it; no shell */
	for (size_t i = 0; i < 3; i++) {
		static const char *const ext[] = { "", "-wal", "-shm" };

		snprintf(path, sizeof path, "%s/c.db%s", dir, ext[i]);
		unlink(path);
	}
	assert_int_equal(rmdir(dir), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(openai_costs),
		cmocka_unit_test(openai_usage_projects),
		cmocka_unit_test(openai_usage_tools),
		cmocka_unit_test(openai_bad),
		cmocka_unit_test(anthropic_all),
		cmocka_unit_test(exact),
		cmocka_unit_test(figures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
