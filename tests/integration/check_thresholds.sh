#!/bin/sh
# check_thresholds.sh: `billtop check` exit codes and reasons against a real
# billtopd: fine (0, silent), crossed (10, one line each), bad input (2),
# and a refresh that fails (its own code, nothing judged) or --offline.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/usage_lib.sh"

start_billtopd --seed demo || { echo "Bail out! billtopd did not start"; exit 1; }

# run NAME ARGS...: bt ARGS, keeping stdout, stderr and the exit code.
run() {
	name=$1
	shift
	bt "$@" >"$T_DIR/$name.out" 2>"$T_DIR/$name.err"
	echo $? >"$T_DIR/$name.rc"
}
rc() { cat "$T_DIR/$1.rc"; }
out() { cat "$T_DIR/$1.out"; }
err() { cat "$T_DIR/$1.err"; }

# The server's truth: balance, and the burn of the 7 complete days before "now".
balance=$(api /v1/credits | jq -r .balance)
burn7=$(api "/v1/usage/daily?from=2026-11-08&to=2026-11-14&limit=1000" | jq '[.data[].credits] | add')
days=$((balance * 7 / burn7))
runout_day=$(date -u -d "@$(( $(date -u -d 2026-11-15T12:00:00Z +%s) + balance * 7 * 86400 / burn7 ))" +%Y-%m-%d)

# Usage errors, before anything is fetched.
run none check
is "$(rc none)" 2 "no threshold: usage error"
like "$(err none)" "give at least one threshold" "and it says what is missing"
run badn check --credits-below 5k
is "$(rc badn)" 2 "--credits-below 5k: usage error"
like "$(err badn)" "--credits-below needs a whole number, not '5k'" "naming the option and the value"
run badamt check --spend-above 12.345
is "$(rc badamt)" 2 "--spend-above 12.345 (three decimals in USD): usage error"
like "$(err badamt)" "--spend-above '12.345' is not an amount in USD" "naming the amount and the currency"
run negamt check --spend-above -5
is "$(rc negamt)" 2 "a negative amount is refused"
is "$(out badamt)" "" "nothing on stdout for a usage error"

# Fine: exit 0, silent.
run fine check --credits-below 1000 --days-left-below 1 --spend-above 100000
is "$(rc fine)" 0 "nothing crossed: exit 0"
is "$(out fine)" "" "and silent"

# Each threshold, with its one-line reason.
run credits check --credits-below 500000
is "$(rc credits)" 10 "credits below: EXIT_THRESHOLD"
is "$(out credits)" "credits below 500,000: $(group "$balance") left" "credits reason names limit and balance"
run exact check --credits-below "$balance"
is "$(rc exact)" 0 "exactly the limit is not below it"

run days check --days-left-below $((days + 1))
is "$(rc days)" 10 "days left below: EXIT_THRESHOLD"
is "$(out days)" "days left below $((days + 1)): the credits run out on $runout_day ($days days left)" \
	"days reason: the run-out date at the 7-day burn rate"
run days2 check --days-left-below "$days"
is "$(rc days2)" 0 "$days days left is not below $days"

run spend check --spend-above 499.99
is "$(rc spend)" 10 "spend above: EXIT_THRESHOLD"
is "$(out spend)" 'spend above $499.99: $500.00 so far this period' "spend reason: plan price, no overage yet"
run spend2 check --spend-above 500
is "$(rc spend2)" 0 "spend of exactly the amount is not above it"

run all check --credits-below 500000 --days-left-below 400 --spend-above 1
is "$(rc all)" 10 "three crossed: EXIT_THRESHOLD"
is "$(out all | wc -l)" 3 "one line per crossed threshold"

# A refresh that fails judges nothing: auth (3), bad data (6), network (4).
BILLTOP_TOKEN=wrong-token run auth check --credits-below 500000
is "$(rc auth)" 3 "a refused token: exit 3, not a verdict"
is "$(out auth)" "" "nothing judged on stdout"
like "$(err auth)" "could not refresh the cache, so nothing was checked" "and it says so"
stop_billtopd
run down check --credits-below 500000
is "$(rc down)" 4 "server unreachable: exit 4"
is "$(out down)" "" "nothing judged"
run offline --offline check --credits-below 500000
is "$(rc offline)" 10 "--offline judges the cache as it is"
is "$(out offline)" "credits below 500,000: $(group "$balance") left" "with the cached balance"

start_billtopd --seed demo --fault /v1/account=malformed || { echo "Bail out!"; exit 1; }
run bad check --credits-below 5
is "$(rc bad)" 6 "the server sends malformed data: exit 6"
stop_billtopd

# A trial ends before the credits: days left names the trial.
start_billtopd --seed demo=trial || { echo "Bail out!"; exit 1; }
rm -f "$CACHE"
run trial check --days-left-below 10
is "$(rc trial)" 10 "trialing: days left crossed"
is "$(out trial)" "days left below 10: the trial ends on 2026-11-24 (9 days left)" "the trial is named"
stop_billtopd

# The Free plan with its credits used up.
start_billtopd --seed demo=exhausted || { echo "Bail out!"; exit 1; }
rm -f "$CACHE"
run empty check --credits-below 1 --days-left-below 1
is "$(rc empty)" 10 "exhausted: crossed"
is "$(out empty)" "credits below 1: 0 left
days left below 1: the credits have run out" "both reasons, in order"
stop_billtopd

done_testing
