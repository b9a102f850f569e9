-- cache_v1.sql: a billtop cache at schema version 1, as billtop 0.1 wrote it
-- (before the daily usage rollups).  The migration tests build a cache from
-- this with sqlite3 and check that billtop upgrades it without losing data.
PRAGMA user_version = 1;
BEGIN;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sync_state (resource TEXT PRIMARY KEY, last_success INTEGER, last_attempt INTEGER, last_error TEXT NOT NULL DEFAULT '', etag TEXT NOT NULL DEFAULT '');
CREATE TABLE account (one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL, plan_id TEXT NOT NULL, trial_end INTEGER, period_start INTEGER NOT NULL, period_end INTEGER NOT NULL, next_billing INTEGER, scheduled_plan_id TEXT, scheduled_at INTEGER, runs_paused INTEGER NOT NULL, pause_reason TEXT, payment_update_url TEXT, sales_url TEXT, tax_rate_bp INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE credit_summary (one INTEGER PRIMARY KEY CHECK (one = 1), balance INTEGER NOT NULL, allocated INTEGER NOT NULL, consumed INTEGER NOT NULL, remaining INTEGER NOT NULL, period_allowance INTEGER NOT NULL, period_used INTEGER NOT NULL, period_overage INTEGER NOT NULL, scheduled INTEGER NOT NULL);
CREATE TABLE plans (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, rank INTEGER NOT NULL, price INTEGER, currency TEXT NOT NULL, interval TEXT NOT NULL, included_credits INTEGER, overage_per_1000 INTEGER, rate_limit TEXT, support TEXT, features TEXT NOT NULL, contact_sales INTEGER NOT NULL);
CREATE TABLE grants (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT NOT NULL, description TEXT, amount INTEGER NOT NULL, consumed INTEGER NOT NULL, remaining INTEGER NOT NULL, available_from INTEGER NOT NULL, expires_at INTEGER);
CREATE TABLE ledger (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, at INTEGER NOT NULL, kind TEXT NOT NULL, credits INTEGER NOT NULL, balance_after INTEGER NOT NULL, grant_id TEXT, description TEXT);
CREATE INDEX ledger_by_kind ON ledger (kind, seq);
CREATE TABLE meters (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, unit TEXT NOT NULL, raw_unit TEXT NOT NULL, raw_per_unit INTEGER NOT NULL, increment INTEGER NOT NULL, credits_milli_per_unit INTEGER NOT NULL, line_item TEXT NOT NULL);
CREATE TABLE agents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE usage_daily (day TEXT NOT NULL, meter_id TEXT NOT NULL, agent_id TEXT NOT NULL, records INTEGER NOT NULL, raw INTEGER NOT NULL, billed_raw INTEGER NOT NULL, credits INTEGER NOT NULL, PRIMARY KEY (day, meter_id, agent_id)) WITHOUT ROWID;
CREATE TABLE runs (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, agent_id TEXT NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER, status TEXT NOT NULL, credits_llm INTEGER NOT NULL, credits_tool_calls INTEGER NOT NULL, credits_storage INTEGER NOT NULL, credits_total INTEGER NOT NULL);
CREATE INDEX runs_by_agent ON runs (agent_id, started_at);
CREATE TABLE invoices (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, number TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL, period_start INTEGER NOT NULL, period_end INTEGER NOT NULL, issued_at INTEGER, due_at INTEGER, paid_at INTEGER, subtotal INTEGER NOT NULL, credits_applied INTEGER NOT NULL, tax INTEGER NOT NULL, total INTEGER NOT NULL, amount_paid INTEGER NOT NULL, amount_due INTEGER NOT NULL, hosted_url TEXT);
CREATE INDEX invoices_by_status ON invoices (status, seq);
CREATE TABLE invoice_lines (invoice_id TEXT NOT NULL, n INTEGER NOT NULL, description TEXT NOT NULL, quantity INTEGER NOT NULL, unit TEXT, unit_price INTEGER, unit_price_per INTEGER NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (invoice_id, n)) WITHOUT ROWID;
CREATE TABLE payment_methods (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, brand TEXT, last4 TEXT NOT NULL, exp_month INTEGER, exp_year INTEGER, bank_name TEXT, is_default INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE charges (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, amount INTEGER NOT NULL, currency TEXT NOT NULL, status TEXT NOT NULL, failure_reason TEXT, payment_method_id TEXT, invoice_id TEXT, description TEXT, refunded_amount INTEGER);
INSERT INTO meta VALUES ('synced_at', '1794744000');
INSERT INTO sync_state VALUES ('account', 1794744000, 1794744000, '', '"acct-v1"');
INSERT INTO sync_state VALUES ('usage', 1794744000, 1794744000, '', '"usage-v1"');
INSERT INTO account VALUES (1, 'acct_old', 'Old Cache Ltd', 'owner', 'active', 'USD', 'pro', NULL, 1793491200, 1796083200, 1796083200, NULL, NULL, 0, NULL, 'https://billing.example.com/pay/acct_old', NULL, 800, 1784107800);
INSERT INTO credit_summary VALUES (1, 1000, 2000, 1000, 1000, 2000, 1000, 0, 0);
INSERT INTO meters VALUES (0, 'llm_tokens', 'LLM tokens', 'token', 'token', 1, 1, 2, 'llm');
INSERT INTO meters VALUES (1, 'connection_minutes', 'Connection minutes', 'minute', 'second', 60, 60, 1000, 'tool_calls');
INSERT INTO agents VALUES (0, 'agt_a', 'Agent A');
INSERT INTO agents VALUES (1, 'agt_b', 'Agent B');
INSERT INTO usage_daily VALUES ('2026-11-01', 'llm_tokens', 'agt_a', 3, 1000, 1000, 2);
INSERT INTO usage_daily VALUES ('2026-11-01', 'llm_tokens', 'agt_b', 1, 500, 500, 1);
INSERT INTO usage_daily VALUES ('2026-11-01', 'connection_minutes', 'agt_a', 2, 70, 120, 2);
INSERT INTO usage_daily VALUES ('2026-11-02', 'connection_minutes', 'agt_b', 1, 10, 60, 1);
INSERT INTO invoices VALUES (0, 'inv_1', 'BT-1', 'paid', 'USD', 1790812800, 1793491200, 1793491200, 1794700800, 1793500000, 5000, 0, 400, 5400, 5400, 0, NULL);
INSERT INTO invoice_lines VALUES ('inv_1', 0, 'Pro plan', 1, 'month', 5000, 1, 5000);
COMMIT;
