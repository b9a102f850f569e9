#!/usr/bin/env python3
"""validate.py SCHEMA DEF [--result DEF] FILE...: checks each JSON FILE against
SCHEMA's $defs/DEF (JSON Schema 2020-12, Debian's python3-jsonschema); with
--result, every data[].results[] item also against that $defs entry.  Exit 0
when all are valid, 1 with one line per error otherwise, 2 when the tool is
missing (a check whose tool is missing fails)."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate.py: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path, root = argv[1], argv[2]
    rest = argv[3:]
    result_def = None
    if rest[:1] == ["--result"]:
        result_def, rest = rest[1], rest[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)

    def validator(name):
        if name not in schema["$defs"]:
            raise SystemExit("validate.py: no $defs/%s in %s" % (name, schema_path))
        return cls(dict(schema, **{"$ref": "#/$defs/" + name}))

    top = validator(root)
    item = validator(result_def) if result_def else None
    bad = 0
    for path in rest:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errs = list(top.iter_errors(doc))
        if item is not None:
            for i, bucket in enumerate(doc.get("data", [])):
                for j, res in enumerate(bucket.get("results", [])):
                    for e in item.iter_errors(res):
                        e.path.extendleft(["data", i, "results", j])
                        errs.append(e)
        for e in errs:
            bad += 1
            print("%s: $.%s: %s" % (path, ".".join(str(p) for p in e.absolute_path), e.message))
    return 1 if bad else 0


sys.exit(main(sys.argv))
