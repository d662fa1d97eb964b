#!/usr/bin/env python3
"""Mutation test of reconcile on the standard nine tables.

For every figure of FA01–FA09 in a fact stream (one document), write a copy
of the document with that one figure changed by DELTA (beyond any rounding
envelope), run reconcile once over all copies, and count the copies where a
warning or error finding names the changed figure among its locators.

usage: mutation.py FACTS [--delta 1.00] [--reconcile PATH] [--show-missed]
prints:  figures N caught M recall P% missed K
exit status 0 when recall >= --target (default 95), else 1."""
import argparse, decimal, json, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("facts")
ap.add_argument("--delta", default="1.00")
ap.add_argument("--reconcile", default="reconcile")
ap.add_argument("--target", type=float, default=95.0)
ap.add_argument("--show-missed", action="store_true")
a = ap.parse_args()

recs = [json.loads(l) for l in open(a.facts, encoding="utf-8") if l.strip()]
header = next(r for r in recs if r["type"] == "document")
body = [r for r in recs if r["type"] in ("fact", "formula")]
std = {"FA0%d" % i for i in range(1, 10)}
targets = [i for i, r in enumerate(body) if r["type"] == "fact" and r.get("kind") == "table"
           and r.get("table_id") in std and r.get("value") is not None]
delta = decimal.Decimal(a.delta)

def mutate(v):
    d = decimal.Decimal(v)
    return str((d + delta).quantize(d if d.as_tuple().exponent < 0 else decimal.Decimal(1)))

# each record serialised once, with a placeholder for the copy's doc id
PH = "\u0000DOC\u0000"
ser = [json.dumps(dict(r, doc=PH), ensure_ascii=False) for r in body]
hdr = json.dumps(dict(header, doc=PH), ensure_ascii=False)
end = json.dumps({"type": "end", "doc": PH, "records": len(body)})
ph = json.dumps(PH)[1:-1]
lines = []
for k, i in enumerate(targets):
    doc = "%s-m%d" % (header["doc"], k)
    copy = [hdr] + ser + [end]
    copy[1 + i] = json.dumps(dict(body[i], doc=PH, value=mutate(body[i]["value"])), ensure_ascii=False)
    lines.append("\n".join(copy).replace(ph, doc))
out = subprocess.run([a.reconcile], input="\n".join(lines) + "\n", capture_output=True, text=True, check=False)
if out.returncode not in (0,):
    sys.stderr.write(out.stderr)
    sys.exit(2)
named = {}
for l in out.stdout.splitlines():
    if '"type":"finding"' not in l:
        continue
    f = json.loads(l)
    if f["severity"] == "info":
        continue
    named.setdefault(f["doc"], []).append(f.get("locators") or [])
caught, missed = 0, []
for k, i in enumerate(targets):
    doc = "%s-m%d" % (header["doc"], k)
    loc = body[i]["locator"]
    if any(loc in locs for locs in named.get(doc, [])):
        caught += 1
    else:
        missed.append(body[i])
n = len(targets)
recall = 100.0 * caught / n if n else 0.0
print("figures %d caught %d recall %.1f%% missed %d" % (n, caught, recall, len(missed)))
if a.show_missed:
    for r in missed:
        print("missed %s %s %s %s %s" % (r.get("table_id"), r.get("code") or "", r.get("item"), r.get("column"), r.get("value")))
sys.exit(0 if recall >= a.target else 1)
