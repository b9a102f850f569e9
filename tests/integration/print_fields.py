#!/usr/bin/env python3
"""print_fields.py DOC DIR: the fields of docs/print-json.md against real output.

DIR holds TAB*.json and TAB*.csv files written by `billtop print TAB` (any
suffix after the tab name: variants, options).  Every JSON key must be in
the tab's table with a type that allows its value; every documented key whose
parent object appeared must appear in some output; every CSV header must be
the documented columns in order; every JSON starts with "format_version": 1.
Prints TAP-like "not ok" lines and exits 1 on any mismatch.
"""
import glob
import json
import os
import re
import sys

TABS = ["overview", "credits", "usage", "plans", "invoices", "payment"]


def parse_doc(path):
    """{section: {"fields": {path: set(types)}, "columns": [names]}}."""
    secs, cur, kind = {}, None, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^## (?:print (\w+)|The (forecast) object)\s*$", line)
        if m:
            cur = m.group(1) or m.group(2)
            secs[cur] = {"fields": {}, "columns": []}
            kind = None
            continue
        if cur is None or not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] in ("field", "column"):
            kind = cells[0]
            continue
        if set(cells[0]) <= set("-"):
            continue
        name = cells[0].strip("`")
        if kind == "field":
            secs[cur]["fields"][name] = set(t.strip() for t in cells[1].split(" or "))
        elif kind == "column":
            secs[cur]["columns"].append(name)
    return secs


def jtype(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


class Checker:
    def __init__(self, doc):
        self.doc = doc
        self.bad = 0
        self.said = set()

    def fail(self, msg):
        if msg in self.said:
            return
        self.said.add(msg)
        self.bad += 1
        print("not ok - " + msg)

    def walk(self, sec, fields, seen, parents, v, path, where):
        """Checks v at path (already a documented field or "" for the root)."""
        if isinstance(v, dict):
            parents.add(path)
            for k, x in v.items():
                self.field(sec, fields, seen, parents, x, (path + "." if path else "") + k, where)
        elif isinstance(v, list):
            if v:
                parents.add(path + "[]")
            for x in v:
                if path + "[]" in fields or not isinstance(x, dict):
                    self.field(sec, fields, seen, parents, x, path + "[]", where)
                else:   # an array of objects: its elements' keys are the rows
                    self.walk(sec, fields, seen, parents, x, path + "[]", where)

    def field(self, sec, fields, seen, parents, v, path, where):
        if path not in fields:
            self.fail("%s: field %s is not in docs/print-json.md (print %s)" % (where, path, sec))
            return
        seen.add(path)
        types, t = fields[path], jtype(v)
        if "money" in types and t == "object":
            if set(v) != {"amount", "currency"} or jtype(v["amount"]) != "integer" \
                    or jtype(v["currency"]) != "string":
                self.fail("%s: %s is documented as money but is %s" % (where, path, json.dumps(v)))
            return
        if "forecast" in types and t == "object":
            f = self.doc["forecast"]["fields"]
            fs, fp = self.seen.setdefault("forecast", (set(), set()))
            self.walk("forecast", f, fs, fp, v, "", where + " " + path)
            return
        if t not in types:
            self.fail("%s: %s is %s, documented as %s" % (where, path, t, " or ".join(sorted(types))))
            return
        self.walk(sec, fields, seen, parents, v, path, where)

    def run(self, outdir):
        self.seen = {}
        for sec in TABS:
            if sec not in self.doc:
                self.fail("docs/print-json.md has no section 'print %s'" % sec)
                continue
            fields = self.doc[sec]["fields"]
            seen, parents = self.seen.setdefault(sec, (set(), set()))
            files = sorted(glob.glob(os.path.join(outdir, "*", sec + "*.json")))
            if not files:
                self.fail("no JSON output of print %s to check" % sec)
            for f in files:
                where = os.path.relpath(f, outdir)
                with open(f, encoding="utf-8") as fh:
                    text = fh.read()
                v = json.loads(text)
                if not isinstance(v, dict) or next(iter(v), None) != "format_version" \
                        or v["format_version"] != 1:
                    self.fail("%s: does not start with \"format_version\": 1" % where)
                self.walk(sec, fields, seen, parents, v, "", where)
            for f in sorted(glob.glob(os.path.join(outdir, "*", sec + "*.csv"))):
                where = os.path.relpath(f, outdir)
                with open(f, encoding="utf-8", newline="") as fh:
                    head = fh.readline().rstrip("\r\n").split(",")
                if head != self.doc[sec]["columns"]:
                    self.fail("%s: CSV header %s, docs/print-json.md says %s"
                              % (where, ",".join(head), ",".join(self.doc[sec]["columns"])))
        # A documented field must show up wherever its parent did.
        for sec, (seen, parents) in self.seen.items():
            for path in self.doc[sec]["fields"]:
                parent = path.rsplit(".", 1)[0] if "." in path else ""
                if path.endswith("[]"):
                    continue
                if parent in parents and path not in seen:
                    self.fail("print %s: documented field %s never appears" % (sec, path))
        return self.bad


def main():
    doc = parse_doc(sys.argv[1])
    bad = Checker(doc).run(sys.argv[2])
    n = sum(len(s["fields"]) + len(s["columns"]) for s in doc.values())
    print("# %d documented fields and columns checked, %d mismatches" % (n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
