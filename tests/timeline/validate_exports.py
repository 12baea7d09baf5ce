#!/usr/bin/python3
"""Validates geotl exports with independent parsers (run by export_test.cc).

usage: validate_exports.py geojson|timelinejs|csv|es-bulk FILE [EXPECTED_ROWS [CSV_ROWS_JSON]]

- geojson: JSON Schema (jsonschema, Draft 7) of RFC 7946 FeatureCollection of
  Points, plus the RFC's rules a schema cannot say (longitude/latitude ranges,
  no "crs", position order lon,lat).
- timelinejs: the TimelineJS 3 JSON format (title slide, events with
  start_date.year required, month 1-12, day valid for the month, end_date not
  before start_date, text.headline/text strings, unique ids).
- csv: Python's csv module reads it back: header, one row per event, every
  row as wide as the header; formula-looking cells neutralised.
- es-bulk: action/document line pairs, each line JSON, final newline.
Prints "ok N" or the problems; exit 0 only when valid.
"""
import calendar
import csv
import io
import json
import sys

import jsonschema

PARSED = []

POSITION = {"type": "array", "minItems": 2, "maxItems": 3,
            "items": {"type": "number"}}
GEOJSON_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "geometry": {"type": "object", "required": ["type", "coordinates"],
                             "properties": {"type": {"const": "Point"},
                                            "coordinates": POSITION}},
                "properties": {"type": ["object", "null"]},
            }}},
        "bbox": {"type": "array"},
    },
}

DATE = {"type": "object", "required": ["year"],
        "properties": {"year": {"type": "integer"},
                       "month": {"type": "integer", "minimum": 1, "maximum": 12},
                       "day": {"type": "integer", "minimum": 1, "maximum": 31},
                       "display_date": {"type": "string"}},
        "additionalProperties": False}
TEXT = {"type": "object", "properties": {"headline": {"type": "string"},
                                         "text": {"type": "string"}},
        "additionalProperties": False}
TIMELINE_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object", "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": TEXT}},
        "events": {"type": "array", "items": {
            "type": "object", "required": ["start_date", "text"],
            "properties": {"start_date": DATE, "end_date": DATE, "text": TEXT,
                           "unique_id": {"type": "string"},
                           "group": {"type": "string"},
                           "display_date": {"type": "string"}},
            "additionalProperties": False}},
    },
}


def schema_errors(doc, schema):
    v = jsonschema.Draft7Validator(schema)
    return [f"{list(e.path)}: {e.message}" for e in v.iter_errors(doc)]


def check_geojson(text):
    doc = json.loads(text)
    errs = schema_errors(doc, GEOJSON_SCHEMA)
    if "crs" in doc:
        errs.append("RFC 7946 removed 'crs'")
    for i, f in enumerate(doc.get("features", [])):
        c = f.get("geometry", {}).get("coordinates", [0, 0])
        if not (-180 <= c[0] <= 180 and -90 <= c[1] <= 90):
            errs.append(f"feature {i}: position out of range {c}")
    return errs, len(doc.get("features", []))


def as_tuple(d):
    return (d["year"], d.get("month", 1), d.get("day", 1))


def check_timelinejs(text):
    doc = json.loads(text)
    errs = schema_errors(doc, TIMELINE_SCHEMA)
    ids = set()
    for i, e in enumerate(doc.get("events", [])):
        for k in ("start_date", "end_date"):
            d = e.get(k)
            if d and "day" in d:
                if "month" not in d:
                    errs.append(f"event {i} {k}: day without month")
                elif d["day"] > calendar.monthrange(d["year"], d["month"])[1]:
                    errs.append(f"event {i} {k}: no such day {d}")
        if "end_date" in e and as_tuple(e["end_date"]) < as_tuple(e["start_date"]):
            errs.append(f"event {i}: end_date before start_date")
        uid = e.get("unique_id")
        if uid in ids:
            errs.append(f"event {i}: duplicate unique_id {uid}")
        ids.add(uid)
    return errs, len(doc.get("events", []))


def check_csv(text):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    global PARSED
    PARSED = rows
    errs = []
    if not rows:
        return ["empty"], 0
    head = rows[0]
    for k in ("id", "latitude", "longitude", "date_start", "type"):
        if k not in head:
            errs.append(f"missing column {k}")
    for i, r in enumerate(rows[1:], 1):
        if len(r) != len(head):
            errs.append(f"row {i}: {len(r)} cells, header has {len(head)}")
        for j, cell in enumerate(r):
            if cell[:1] in ("=", "+", "@", "\t", "\r") or (
                    cell[:1] == "-" and head[j] not in ("latitude", "longitude")):
                errs.append(f"row {i} {head[j]}: formula-looking cell {cell!r}")
        if r and head.index("latitude") < len(r) and r[head.index("latitude")]:
            float(r[head.index("latitude")])
            float(r[head.index("longitude")])
    return errs, len(rows) - 1


def check_es_bulk(text):
    errs = []
    if text and not text.endswith("\n"):
        errs.append("no final newline")
    lines = text.split("\n")[:-1]
    i = n = 0
    while i < len(lines):
        action = json.loads(lines[i])
        (verb, meta), = action.items()
        if verb not in ("index", "delete") or "_id" not in meta or "_index" not in meta:
            errs.append(f"line {i}: bad action {action}")
        if verb == "index":
            doc = json.loads(lines[i + 1])
            if doc.get("id") != meta["_id"]:
                errs.append(f"line {i + 1}: id differs from _id")
            i += 2
        else:
            i += 1
        n += 1
    return errs, n


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    text = open(path, encoding="utf-8", newline="").read()
    errs, n = {"geojson": check_geojson, "timelinejs": check_timelinejs,
               "csv": check_csv, "es-bulk": check_es_bulk}[fmt](text)
    if len(sys.argv) > 3 and n != int(sys.argv[3]):
        errs.append(f"{n} records, expected {sys.argv[3]}")
    if fmt == "csv" and len(sys.argv) > 4:  # the parsed rows, for round trips
        json.dump(PARSED, open(sys.argv[4], "w", encoding="utf-8"), ensure_ascii=False)
    if errs:
        print("\n".join(errs))
        return 1
    print("ok", n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
