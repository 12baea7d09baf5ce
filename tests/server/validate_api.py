#!/usr/bin/python3
"""Validates one API response body (a file) against schemas/api-*.schema.json.

  validate_api.py SCHEMA_DIR SCHEMA_FILE BODY_FILE

Resolves $refs between the schemas in SCHEMA_DIR by their $id. Prints the
first error and exits 1 when invalid, 0 when valid. Used by the API tests
(tests/server/api_test.cc); needs Debian's python3-jsonschema.
"""
import json
import os
import sys

from jsonschema import Draft202012Validator, RefResolver


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    schema_dir, schema_file, body_file = sys.argv[1:]
    store = {}
    for name in os.listdir(schema_dir):
        if name.endswith(".schema.json"):
            with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                s = json.load(f)
            store[s.get("$id", name)] = s
    with open(os.path.join(schema_dir, schema_file), encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    resolver = RefResolver(base_uri=schema["$id"], referrer=schema, store=store)
    with open(body_file, encoding="utf-8") as f:
        body = json.load(f)
    errors = sorted(Draft202012Validator(schema, resolver=resolver).iter_errors(body),
                    key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        print(f"{schema_file}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
