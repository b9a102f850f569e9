#!/usr/bin/env python3
"""emulate_sum.py CMD DIR [ARG]: exact figures over the pages (DIR/*.json, in
name order) that emulate_all saved.  Amounts are read as Decimal, never float.
  openai-cost DIR          total of results[].amount.value (dollars)
  anthropic-cost DIR       total of results[].amount (cents)
  field DIR NAME           integer total of results[].NAME (dotted: a.b)
  buckets DIR KEY          bucket count, then "contiguous" when each bucket
                           starts where the last ended (KEY: start_time or starting_at)
  per-bucket DIR KIND      one line per bucket: its start and total (KIND openai|anthropic)
  keys DIR NAME            the distinct values of results[].NAME, sorted, joined by "|"
  max-decimals DIR         the most decimals an OpenAI amount has in the page text
  cents-up DOLLARS         DOLLARS rounded up to whole cents (an integer)"""
import decimal
import glob
import json
import os
import re
import sys

D = decimal.Decimal


def pages(d):
    for p in sorted(glob.glob(os.path.join(d, "*.json"))):
        with open(p, encoding="utf-8") as f:
            yield p, json.load(f, parse_float=D, parse_int=D)


def results(d):
    for _, doc in pages(d):
        for b in doc["data"]:
            for r in b["results"]:
                yield b, r


def get(r, name):
    for part in name.split("."):
        r = r[part]
    return r


def norm(x):
    x = x.normalize()
    return format(x, "f")


def main(a):
    cmd = a[1]
    if cmd == "cents-up":
        return print(int((D(a[2]) * 100).to_integral_value(rounding=decimal.ROUND_CEILING)))
    d = a[2]
    if cmd == "openai-cost":
        print(norm(sum((r["amount"]["value"] for _, r in results(d)), D(0))))
    elif cmd == "anthropic-cost":
        print(norm(sum((D(r["amount"]) for _, r in results(d)), D(0))))
    elif cmd == "field":
        print(norm(sum((D(get(r, a[3])) for _, r in results(d)), D(0))))
    elif cmd == "keys":
        print("|".join(sorted({str(get(r, a[3])) for _, r in results(d)})))
    elif cmd == "buckets":
        key = a[3]
        end_key = "end_time" if key == "start_time" else "ending_at"
        n, last, ok = 0, None, True
        for _, doc in pages(d):
            for b in doc["data"]:
                if last is not None and b[key] != last:
                    ok = False
                last = b[end_key]
                n += 1
        print(n)
        print("contiguous" if ok else "gap")
    elif cmd == "per-bucket":
        for _, doc in pages(d):
            for b in doc["data"]:
                if a[3] == "openai":
                    t = sum((r["amount"]["value"] for r in b["results"]), D(0))
                    print(b["start_time"], norm(t))
                else:
                    t = sum((D(r["amount"]) for r in b["results"]), D(0))
                    print(b["starting_at"], norm(t))
    elif cmd == "max-decimals":
        m = 0
        for p in sorted(glob.glob(os.path.join(d, "*.json"))):
            with open(p, encoding="utf-8") as f:
                for frac in re.findall(r'"value":-?[0-9]+\.([0-9]+)', f.read()):
                    m = max(m, len(frac))
        print(m)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


sys.exit(main(sys.argv) or 0)
