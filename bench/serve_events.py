#!/usr/bin/python3
"""Synthetic events NDJSON for bench/serve.sh (not test data: benchmark load).

  serve_events.py --template EVENT.json --events N [--seed S] > events.ndjson

Each record is the template event (a real `geotl events --format ndjson` line,
so the shape is exactly the store's) with a new id, type, date in 2000-2024,
actors, recipient and location drawn from fixed lists (Zipf-like weights), so
the actor, type, region and country queries of bench/serve.lua all match.
"""
import argparse
import copy
import datetime
import json
import random
import sys

TYPES = [("CONSULT", "04", "verbal_cooperation", "meeting"),
         ("AGREE", "03", "verbal_cooperation", "agreement"),
         ("COOPERATE", "06", "material_cooperation", "military cooperation"),
         ("MOBILIZE", "15", "material_conflict", "deployment"),
         ("ASSAULT", "19", "material_conflict", "attack"),
         ("STATEMENT", "01", "verbal_cooperation", "statement"),
         ("SANCTION", "16", "verbal_conflict", "sanction"),
         ("PROTEST", "14", "material_conflict", "protest"),
         ("ACCUSE", "11", "verbal_conflict", "criticism"),
         ("THREATEN", "13", "verbal_conflict", "threat"),
         ("AID", "07", "material_cooperation", "aid"),
         ("REQUEST", "02", "verbal_cooperation", "request")]
# alpha-3, English name, capital, lat, lon, M49 regions (innermost first)
PLACES = [("RUS", "Russia", "Moscow", 55.75, 37.62, ["151", "150"]),
          ("USA", "United States", "Washington", 38.9, -77.04, ["021", "019"]),
          ("CHN", "China", "Beijing", 39.9, 116.4, ["030", "142"]),
          ("DEU", "Germany", "Berlin", 52.52, 13.4, ["155", "150"]),
          ("FRA", "France", "Paris", 48.85, 2.35, ["155", "150"]),
          ("GBR", "United Kingdom", "London", 51.5, -0.13, ["154", "150"]),
          ("JPN", "Japan", "Tokyo", 35.69, 139.69, ["030", "142"]),
          ("UKR", "Ukraine", "Kyiv", 50.45, 30.52, ["151", "150"]),
          ("IND", "India", "New Delhi", 28.61, 77.21, ["034", "142"]),
          ("BRA", "Brazil", "Brasilia", -15.78, -47.93, ["005", "419", "019"]),
          ("TUR", "Türkiye", "Ankara", 39.93, 32.86, ["145", "142"]),
          ("IRN", "Iran", "Tehran", 35.69, 51.39, ["034", "142"]),
          ("ISR", "Israel", "Jerusalem", 31.77, 35.21, ["145", "142"]),
          ("POL", "Poland", "Warsaw", 52.23, 21.01, ["151", "150"]),
          ("KEN", "Kenya", "Nairobi", -1.29, 36.82, ["014", "202", "002"]),
          ("NGA", "Nigeria", "Abuja", 9.07, 7.4, ["011", "202", "002"]),
          ("ZAF", "South Africa", "Pretoria", -25.75, 28.19, ["018", "202", "002"]),
          ("AUS", "Australia", "Canberra", -35.28, 149.13, ["053", "009"]),
          ("CAN", "Canada", "Ottawa", 45.42, -75.7, ["021", "019"]),
          ("MEX", "Mexico", "Mexico City", 19.43, -99.13, ["013", "419", "019"])]


def actor(p):
    return {"text": p[1], "name": p[1], "code": p[0], "country": p[0], "sector": "",
            "kind": "country"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--template", required=True)
    ap.add_argument("--events", type=int, required=True)
    ap.add_argument("--seed", type=int, default=8)
    a = ap.parse_args()
    with open(a.template, encoding="utf-8") as f:
        template = json.loads(f.readline())
    rng = random.Random(a.seed)
    weights = [1.0 / (i + 1) for i in range(len(PLACES))]
    first = datetime.date(2000, 1, 1).toordinal()
    span = datetime.date(2024, 12, 31).toordinal() - first + 1
    out = sys.stdout
    for i in range(a.events):
        e = copy.deepcopy(template)
        t = TYPES[rng.randrange(len(TYPES))]
        p1, p2 = rng.choices(PLACES, weights, k=2)
        if p1 is p2:
            p2 = PLACES[(PLACES.index(p1) + 1) % len(PLACES)]
        where = p1 if rng.random() < 0.5 else p2
        day = datetime.date.fromordinal(first + rng.randrange(span)).isoformat()
        e["id"] = "e-bench-%09d" % i
        e["type"], e["cameo"], e["quad"], e["label"] = t
        e["mode"] = ""
        e["status"] = "occurred"
        e["date"] = {"start": day, "end": day, "granularity": "day", "precision": "exact",
                     "text": ""}
        e["actors"] = [actor(p1)]
        e["recipients"] = [actor(p2)]
        e["location"] = {"text": where[2], "name": where[2], "country": where[0],
                         "admin1": "", "lat": where[3], "lon": where[4],
                         "precision": "city", "regions": where[5]}
        e["summary"] = "%s and %s: %s in %s" % (p1[1], p2[1], t[3], where[2])
        src = dict(e["sources"][0])
        src["article"] = "a-bench-%09d" % (i // 3)
        src["published"] = day
        e["sources"] = [src]
        e["first_reported"] = day
        e.pop("merged_into", None)
        out.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
