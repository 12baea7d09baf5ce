"""Corpus and store comparison shared by the load and scale tests.

A corpus is made from the articles in the repository (tests/data/dedup,
tests/data/articles, examples/): `geotl extract --articles` gives their
article records, which are article input objects; copies get new ids, urls
and publishers, so every copy's events are new reports of the same events
and merge with the earlier copies (dedup across articles, shards, files).
"""
import datetime
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCES = [os.path.join(ROOT, p) for p in
           ("tests/data/dedup/articles", "tests/data/articles", "examples")]


def run(cmd, **kw):
    """Runs cmd; raises with its stderr on a non-zero exit."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if p.returncode != 0:
        raise RuntimeError("%s: exit %d\n%s" % (" ".join(cmd), p.returncode,
                                                p.stderr.decode(errors="replace")))
    return p.stdout.decode()


def base_records(geotl, tmp):
    """The article records of the repository's articles, in reader order."""
    path = os.path.join(tmp, "base-articles.ndjson")
    run([geotl, "extract", "--articles", path] + SOURCES)
    with open(path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f if line.strip()]
    for r in recs:
        r.pop("coder", None)
    return recs


def shift_day(day, days):
    d = datetime.date.fromisoformat(day[:10]) + datetime.timedelta(days=days)
    return d.isoformat() + day[10:]


def make_corpus(records, copies):
    """copies x records, each copy under new ids, urls and publishers. Copies
    2k and 2k+1 are published 9k days after the originals, so relative dates
    ("on Tuesday") move with them: those reports merge in pairs of copies,
    reports with absolute dates across all copies."""
    out = []
    for k in range(copies):
        for r in records:
            c = dict(r)
            c["published"] = shift_day(r["published"], 9 * (k // 2))
            c["id"] = "%s~%d" % (r["id"], k)
            if c.get("url"):
                c["url"] = "%s?copy=%d" % (r["url"], k)
            c["source"] = "%s %d" % (r.get("source") or "Outlet", k % 7)
            out.append(c)
    return out


def write_ndjson(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def split_files(records, folder, n):
    """Writes records into n NDJSON files (round robin); returns their paths."""
    os.makedirs(folder, exist_ok=True)
    paths = [os.path.join(folder, "part-%03d.ndjson" % i) for i in range(n)]
    for i, p in enumerate(paths):
        write_ndjson(p, records[i::n])
    return paths


def digest(geotl, db):
    """What a reader of the store sees: sorted export (every status), stats,
    and the change feed's latest record per id (without its sequence)."""
    export = run([geotl, "export", "--db", db, "--format", "ndjson",
                  "--status", "occurred", "--status", "planned",
                  "--status", "hypothetical", "--status", "negated"])
    lines = sorted(l for l in export.split("\n") if l)
    stats = json.loads(run([geotl, "stats", "--db", db, "--format", "json"]))
    latest = {}
    for line in run([geotl, "events", "--db", db, "--changed-since", "0"]).split("\n"):
        if line:
            rec = json.loads(line)
            rec.pop("seq", None)
            latest[rec["id"]] = rec
    return {"export": lines, "stats": stats, "changes": latest}


def compare(a, b, what_a, what_b):
    """Returns a list of differences between two digests (empty = equal)."""
    bad = []
    if a["export"] != b["export"]:
        only_a = set(a["export"]) - set(b["export"])
        only_b = set(b["export"]) - set(a["export"])
        bad.append("export differs: %d lines only in %s, %d only in %s; e.g. %s"
                   % (len(only_a), what_a, len(only_b), what_b,
                      (sorted(only_a) or sorted(only_b))[0][:300]))
    if a["stats"] != b["stats"]:
        bad.append("stats differ: %s %s vs %s %s" % (what_a, a["stats"], what_b, b["stats"]))
    if a["changes"] != b["changes"]:
        ids = set(a["changes"]) ^ set(b["changes"])
        diff = [i for i in set(a["changes"]) & set(b["changes"])
                if a["changes"][i] != b["changes"][i]]
        bad.append("change feed differs: %d ids in one only, %d with another "
                   "latest record" % (len(ids), len(diff)))
    return bad


def extract(geotl, inputs, events_path, articles_path):
    """`geotl extract --articles articles_path inputs > events_path`."""
    with open(events_path, "wb") as out:
        p = subprocess.run([geotl, "extract", "--articles", articles_path] + inputs,
                           stdout=out, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise RuntimeError("geotl extract: exit %d\n%s"
                           % (p.returncode, p.stderr.decode(errors="replace")))


def report(bad):
    """Prints each problem and the closing 'N passed, N failed' line; returns
    the exit code (one check: passed when there is no problem)."""
    for d in bad:
        print("FAIL:", d)
    print("%d passed, %d failed" % (0 if bad else 1, 1 if bad else 0))
    return 1 if bad else 0
