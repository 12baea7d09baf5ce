#!/usr/bin/python3
"""Actor-country recall of the recognisers on the PLOVER gold-standard dev set.

For every record with gold actors (source) or recipients (target), the gold
countries are the first three letters of each gold code, minus the IGO/NGO
placeholders (old CAMEO codes mapped: JAP -> JPN). The recognised countries of
the record are the countries of every span `geotl explain` finds in its text
(actor country, or the place's country for places). Recall = gold (record,
country) pairs found / all gold pairs. Prints a JSON summary; --misses lists
what was missed.

usage: tools/score_actor_recall.py [--geotl BIN] [--devset FILE] [--misses]
                                   [--user-lexicon FILE]
"""
import argparse
import json
import os
import subprocess
import sys

OLD_CODES = {"JAP": "JPN", "ROM": "ROU", "YUG": "SRB", "ZAI": "COD"}
NOT_COUNTRIES = {"IGO", "NGO", "IMG", "MNC", "UAF"}


def gold_countries(rec):
    out = set()
    for key in ("source", "target"):
        val = rec.get(key)
        if not isinstance(val, list):
            continue
        for actor in val:
            code = (actor.get("code") or "").strip("*").upper()[:3]
            code = OLD_CODES.get(code, code)
            if len(code) == 3 and code not in NOT_COUNTRIES:
                out.add(code)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--geotl", default=os.path.join(here, "..", "build", "cli", "geotl"))
    ap.add_argument("--devset", default=os.path.join(
        here, "..", "..", "shared", "devsets", "events", "plover-gsr-dev.jsonl"))
    ap.add_argument("--user-lexicon", action="append", default=[])
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()

    records = []
    with open(args.devset, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text") and gold_countries(rec):
                records.append(rec)
    articles = "".join(
        json.dumps({"id": r["id"], "text": r["text"],
                    "published": r.get("date") or "2000-01-01",
                    "language": r.get("language") or "en"}) + "\n"
        for r in records)
    cmd = [args.geotl, "explain", "--format", "json"]
    for u in args.user_lexicon:
        cmd += ["--user-lexicon", u]
    res = subprocess.run(cmd, input=articles.encode("utf-8"),
                         stdout=subprocess.PIPE, check=True)
    found = {}
    for line in res.stdout.decode("utf-8").splitlines():
        a = json.loads(line)
        countries = set()
        for s in a["spans"]:
            if s.get("country"):
                countries.add(s["country"])
            elif s.get("place") and s["place"].get("country"):
                countries.add(s["place"]["country"])
        found[a["article"]] = countries
    total = hit = extra = 0
    misses = []
    for r in records:
        gold = gold_countries(r)
        got = found.get(r["id"], set())
        total += len(gold)
        hit += len(gold & got)
        extra += len(got - gold)
        for c in sorted(gold - got):
            misses.append({"id": r["id"], "missed": c, "found": sorted(got),
                           "text": r["text"]})
    print(json.dumps({"records": len(records), "gold_countries": total,
                      "recognised": hit,
                      "recall": round(hit / total, 4) if total else None,
                      "other_countries_recognised": extra}))
    if args.misses:
        for m in misses:
            print(json.dumps(m, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
