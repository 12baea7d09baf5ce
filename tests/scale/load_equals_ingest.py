#!/usr/bin/env python3
"""`geotl load` is a full citizen (docs/scale.md).

The same corpus (the repository's articles, 80 copies under new ids and
publication days: reports merge across copies) stored two ways:
  1. `geotl ingest corpus.ndjson` (article by article);
  2. `geotl extract --articles` on 3 files, then one `geotl load` of the
     three event and article files, onto a store that already holds the
     first copy by ingest (loaded events merge with stored ones).
Both stores must give the same sorted `geotl export --format ndjson`, the
same `geotl stats` and the same latest change-feed record per event id; the
loaded store must pass `geotl check` and keep every article's text (nothing
to re-code). Usage: load_equals_ingest.py GEOTL [--copies N]
"""
import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geotl")
    ap.add_argument("--copies", type=int, default=80)
    args = ap.parse_args()
    g = os.path.abspath(args.geotl)
    tmp = tempfile.mkdtemp(prefix="geotl-load-eq-")
    try:
        recs = corpus.base_records(g, tmp)
        docs = corpus.make_corpus(recs, args.copies)
        first, rest = docs[:len(recs)], docs[len(recs):]
        path = os.path.join(tmp, "corpus.ndjson")
        corpus.write_ndjson(path, docs)
        ingested = os.path.join(tmp, "ingest.db")
        corpus.run([g, "ingest", "--db", ingested, path])

        loaded = os.path.join(tmp, "load.db")
        first_path = os.path.join(tmp, "first.ndjson")
        corpus.write_ndjson(first_path, first)
        corpus.run([g, "ingest", "--db", loaded, first_path])
        evs, arts = [], []
        for i, part in enumerate(corpus.split_files(rest, os.path.join(tmp, "parts"), 3)):
            ev, ar = os.path.join(tmp, "ev%d.ndjson" % i), os.path.join(tmp, "ar%d.ndjson" % i)
            corpus.extract(g, [part], ev, ar)
            evs.append(ev)
            arts.append(ar)
        corpus.run([g, "load", "--db", loaded, "--events"] + evs + ["--articles"] + arts)

        a, b = corpus.digest(g, ingested), corpus.digest(g, loaded)
        bad = corpus.compare(a, b, "ingest", "load")
        check = corpus.subprocess.run([g, "check", "--db", loaded],
                                      stdout=corpus.subprocess.PIPE,
                                      stderr=corpus.subprocess.PIPE)
        if check.returncode != 0:
            bad.append("geotl check of the loaded store: %s" % check.stdout.decode()[:300])
        recode = corpus.subprocess.run([g, "recode", "--db", loaded],
                                       stdout=corpus.subprocess.PIPE,
                                       stderr=corpus.subprocess.PIPE)
        if recode.returncode != 0:
            bad.append("recode of the loaded store: exit %d (articles without text?)"
                       % recode.returncode)
        n_events = len(a["export"])
        multi = sum(1 for l in a["export"] if corpus.json.loads(l)["n_sources"] > 1)
        print("load_equals_ingest: %d articles, %d stored events (%d with several "
              "sources), %d change-feed ids" % (len(docs), n_events, multi,
                                                len(a["changes"])))
        if n_events == 0 or multi == 0:
            bad.append("the corpus merged nothing")
        return corpus.report(bad)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
