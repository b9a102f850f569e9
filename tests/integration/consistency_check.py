#!/usr/bin/env python3
"""consistency_check.py: the figure checks of tests/integration/consistency.sh.

  cross DIR      overview/usage/credits .json of one account: every figure
                 shown in more than one output is equal, table rows sum to
                 their totals.  Prints "0 description" or "1 description"
                 lines (then "# detail" lines) for the shell's ok().
  plan DIR       usage continued at the projected rate: "POST_AT CREDITS"
                 lines (Unix seconds: one second before each grant event,
                 and before the period end), then "END period_end".
  invoice DIR F  F: GET /v1/invoices after the clock reached the period end;
                 the invoice of that period must bill what DIR's forecast said.
"""
import datetime
import json
import sys


def load(d, name):
    with open("%s/%s.json" % (d, name)) as f:
        return json.load(f)


def ts(s):
    return int(datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
               .replace(tzinfo=datetime.timezone.utc).timestamp())


OUT = []


def check(cond, desc, detail=""):
    OUT.append("%d %s" % (0 if cond else 1, desc))
    if not cond and detail:
        OUT.extend("# " + l for l in str(detail).splitlines())


def same(a, b, desc):
    check(a == b, desc, "got %r\nvs  %r" % (a, b))


def amount(m):
    return None if m is None else m["amount"]


def cross(d):
    ov, us, cr = load(d, "overview"), load(d, "usage"), load(d, "credits")
    pl = load(d, "plans")
    fend = (ov.get("forecast") or {}).get("at_period_end")
    same(amount((pl.get("this_period") or {}).get("projected_total")),
         amount(fend["total"]) if fend and ov["forecast"]["status"] == "ok" else None,
         "the Plans tab's projection = the forecast total (print plans = print overview)")
    proj, per = ov["projection"], us["period"]
    # The figures both outputs had before the one forecast existed.
    if proj.get("status") == "ok":
        same(amount(proj.get("spend")), amount(per.get("projected_spend")),
             "projected spend: print overview = print usage")
        same(proj.get("credits"), per.get("projected"), "projected credits: print overview = print usage")
        same(proj.get("overage_credits"), per.get("projected_overage"),
             "projected overage: print overview = print usage")
    if ov.get("spend"):
        same(amount(ov["spend"]["so_far"]), amount(per.get("spent")), "spend so far: print overview = print usage")
    f = ov.get("forecast")
    check(f is not None and f == us.get("forecast") and f == cr.get("forecast"),
          "one forecast object in print overview, usage and credits")
    if f is None:
        return
    end = f["at_period_end"]
    if end is not None:
        same(amount(proj.get("spend")), amount(end["total"]), "overview projection spend = forecast total")
        same(proj.get("credits"), end["credits"], "overview projection credits = forecast credits")
        same(proj.get("overage_credits"), end["overage_credits"], "overview projected overage = forecast")
        same(amount(per["projected_spend"]), amount(end["total"]), "usage projected spend = forecast total")
        same(per["projected"], end["credits"], "usage projected credits = forecast credits")
        same(per["projected_overage"], end["overage_credits"], "usage projected overage = forecast")
        same(end["covered_credits"] + end["overage_credits"], end["credits"],
             "covered + overage = projected credits")
    if f["so_far"] is not None:
        same(amount(ov["spend"]["so_far"]), amount(f["so_far"]["spend"]), "overview spend so far = forecast")
        same(amount(per["spent"]), amount(f["so_far"]["spend"]), "usage spent = forecast so far")
    tp = f["this_period"]
    if tp is not None:
        same(tp["allocated"], tp["consumed"] + tp["remaining"], "allocated = consumed + remaining")
        same(tp["remaining"], cr["balance"], "this period's remaining = the balance")
    for k in ("balance", "period_allowance", "period_used", "period_overage", "scheduled"):
        same(ov["credits"][k], cr[k], "credits.%s: overview = credits" % k)
    same(per["used"], cr["period_used"], "period used: usage = credits")
    rows = us["rows"]
    same(sum(r["credits"] for r in rows), us["total"]["credits"], "usage rows' credits sum to the total")
    tc = amount(us["total"]["cost"])
    if tc is not None:
        same(sum(amount(r["cost"]) for r in rows), tc, "usage rows' list value sums to the total")


def plan(d):
    ov, cr = load(d, "overview"), load(d, "credits")
    f = ov.get("forecast") or {"at_period_end": {}}
    now, end = ts(ov["now"]), ts(ov["account"]["current_period_end"])
    rate = ov["projection"].get("burn_rate")
    events = set()
    for g in cr["grants"]:
        for k in ("available_from", "expires_at"):
            if g[k] is not None and now < ts(g[k]) < end:
                events.add(ts(g[k]))
    pause = f["at_period_end"] and f["at_period_end"].get("runs_pause_at")
    if pause:
        events = set(e for e in events if e < ts(pause))
        events.add(ts(pause))
    prev, prev_u = now, 0
    for t in sorted(events) + ([] if pause else [end]):
        u = 0
        if rate and f["at_period_end"] is not None and rate["credits"] > 0:
            num, den = rate["credits"] * (t - now), rate["days"] * 86400
            u = -(-num // den)
        if u - prev_u > 0 and t - 1 > now:
            print("%d %d" % (t - 1, u - prev_u))
        prev, prev_u = t, u
    print("END %d" % end)


def invoice(d, path):
    ov = load(d, "overview")
    if "forecast" not in ov:
        # Before the one forecast: the overview's projection is what it promised.
        p = ov["projection"]
        ov["forecast"] = {"at_period_end": None if p.get("status") != "ok" else {
            "spend": {"amount": None}, "tax": {"amount": None}, "total": p["spend"],
            "overage_credits": p["overage_credits"]}}
    with open(path) as fh:
        inv = json.load(fh)["data"]
    start = ov["account"]["current_period_start"]
    end = ov["forecast"]["at_period_end"]
    mine = [i for i in inv if i["period_start"] == start and i["status"] != "draft" and
            any(l["unit"] != "month" or "plan" in l["description"] for l in i["lines"])]
    mine = [i for i in mine if i["period_end"] != i["period_start"]]
    if end is None:
        check(True, "no projection: nothing to compare")
        return
    if not mine:
        check(amount(end["total"]) == 0, "no invoice for the period: the forecast said nothing due",
              "forecast total %r" % end["total"])
        return
    i = mine[0]
    if amount(end["spend"]) is not None:
        same(amount(i["subtotal"]), amount(end["spend"]), "the period's invoice subtotal = forecast spend")
    if amount(end["tax"]) is not None:
        same(amount(i["tax"]), amount(end["tax"]), "the period's invoice tax = forecast tax")
    same(amount(i["total"]) + amount(i["credits_applied"]), amount(end["total"]),
         "the period's invoice total = forecast total")
    over = sum(l["quantity"] for l in i["lines"] if l["unit"] == "credits")
    same(over, end["overage_credits"], "the invoice's overage credits = forecast overage credits")


def main():
    if sys.argv[1] == "cross":
        cross(sys.argv[2])
    elif sys.argv[1] == "plan":
        plan(sys.argv[2])
        return
    elif sys.argv[1] == "invoice":
        invoice(sys.argv[2], sys.argv[3])
    print("\n".join(OUT))


main()
