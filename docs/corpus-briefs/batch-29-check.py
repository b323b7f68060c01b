"""Format check for a batch-29 writer's file: python3 check.py FILE FIRST_ID LANG"""
import json, sys
INTENTS = {"latest_invoice","invoice_lookup","payment_history","payment_status","charge_lookup",
 "subscription_status","refund","partial_refund","payment_link","portal_link","cancel",
 "verification_code","not_billing","unclear"}
ALONE = {"not_billing","unclear","verification_code"}
path, first, lang = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seen, bodies, problems = set(), set(), []
lines = [l for l in open(path, encoding="utf-8").read().splitlines() if l.strip()]
for n, line in enumerate(lines, 1):
    try:
        d = json.loads(line)
    except Exception as e:
        problems.append(f"line {n}: not JSON ({e})"); continue
    if set(d) != {"id","lang","intents","subject","body"}: problems.append(f"line {n}: keys {sorted(d)}")
    i = d.get("id","")
    try:
        num = int(i.rsplit("-",1)[1])
    except Exception:
        num = -1
    if not i.startswith(lang+"-") or not first <= num < first+300: problems.append(f"line {n}: id {i!r} outside {lang}-{first}..{first+299}")
    if i in seen: problems.append(f"line {n}: id {i} repeated")
    seen.add(i)
    if d.get("lang") != lang: problems.append(f"line {n}: lang {d.get('lang')!r}")
    ints = d.get("intents") or []
    if not ints or any(x not in INTENTS for x in ints) or len(set(ints)) != len(ints): problems.append(f"line {n}: intents {ints}")
    if len(ints) > 1 and any(x in ALONE for x in ints): problems.append(f"line {n}: {ints} (not_billing/unclear/verification_code stand alone)")
    if not isinstance(d.get("subject"), str) or not isinstance(d.get("body"), str) or not d.get("body","").strip(): problems.append(f"line {n}: subject/body")
    if d.get("body") in bodies: problems.append(f"line {n}: body repeats an earlier line")
    bodies.add(d.get("body"))
print(f"{len(lines)} lines, {len(problems)} problems")
for p in problems[:50]: print(" ", p)
from collections import Counter
c = Counter(x for l in lines for x in json.loads(l).get("intents", [])[:1]) if not problems else {}
print(dict(sorted(c.items())))
