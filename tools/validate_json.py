#!/usr/bin/python3
"""Validate JSON records against geotl's JSON Schemas (draft 2020-12).

  validate_json.py --schema schemas/event.schema.json FILE|- ...
      every record in the files must be valid: .ndjson/.jsonl (and stdin) are
      one record per line, a .json array is one record per element, any other
      .json is one record.
  validate_json.py --fixtures tests/data [--schemas schemas]
      every record of every .json/.ndjson/.jsonl file under the folder is
      checked against the schema its shape calls for (event, article or
      sidecar, stats); records of other shapes are counted as skipped.

Prints `file:line: message` for each invalid record and a summary on stderr;
exits 0 when all checked records are valid, 1 otherwise, 2 on usage errors.
Needs python3-jsonschema (Debian 12: /usr/bin/python3).
"""
import argparse
import json
import os
import sys

from jsonschema import Draft202012Validator


def load_validator(path):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def records(path):
    """Yields (line, record or exception) for every record of a file."""
    if path == "-":
        data, ndjson = sys.stdin.buffer.read(), True
    else:
        with open(path, "rb") as f:
            data = f.read()
        ndjson = path.endswith((".ndjson", ".jsonl"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        yield 1, e
        return
    if ndjson:
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except ValueError as e:
                    yield n, e
        return
    try:
        doc = json.loads(text)
    except ValueError as e:
        yield getattr(e, "lineno", 1), e
        return
    if isinstance(doc, list):
        for i, rec in enumerate(doc):
            yield f"[{i}]", rec
    else:
        yield 1, doc


def kind_of(rec):
    if not isinstance(rec, dict):
        return None
    if "sources" in rec and "date" in rec:
        return "event"
    if {"articles", "events", "by_type"} <= rec.keys():
        return "stats"
    if "text" in rec or "text_file" in rec or ("published" in rec and "type" not in rec):
        return "article"
    return None


def report(path, line, error):
    where = "/".join(str(p) for p in error.absolute_path) if hasattr(error, "absolute_path") else ""
    msg = getattr(error, "message", str(error))
    print(f"{path}:{line}: {where + ': ' if where else ''}{msg}"[:500])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--schema")
    ap.add_argument("--fixtures")
    ap.add_argument("--schemas", default=os.path.join(os.path.dirname(__file__), "..", "schemas"))
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if bool(args.schema) == bool(args.fixtures):
        ap.error("give exactly one of --schema or --fixtures")

    bad = checked = skipped = 0
    if args.schema:
        if not args.files:
            ap.error("no files")
        v = load_validator(args.schema)
        for path in args.files:
            for line, rec in records(path):
                checked += 1
                if isinstance(rec, Exception):
                    bad += 1
                    report(path, line, rec)
                    continue
                for err in sorted(v.iter_errors(rec), key=str)[:1]:
                    bad += 1
                    report(path, line, err)
    else:
        validators = {k: load_validator(os.path.join(args.schemas, f"{k}.schema.json"))
                      for k in ("event", "article", "stats")}
        for root, dirs, files in os.walk(args.fixtures):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith((".json", ".ndjson", ".jsonl")):
                    continue
                path = os.path.join(root, name)
                for line, rec in records(path):
                    if isinstance(rec, Exception):
                        bad += 1
                        report(path, line, rec)
                        continue
                    kind = kind_of(rec)
                    if kind is None:
                        skipped += 1
                        continue
                    checked += 1
                    for err in sorted(validators[kind].iter_errors(rec), key=str)[:1]:
                        bad += 1
                        report(path, line, f"{kind}: {err.message}")
    print(f"validate_json: {checked} records checked, {bad} invalid, {skipped} skipped",
          file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
