#!/usr/bin/env python3
"""A `geotl load` killed mid-load (SIGKILL) leaves a store that `geotl check`
accepts, and loading the same input again completes it to the store
`geotl ingest` gives (docs/scale.md).

The repository's articles copied N times (tests/scale/corpus.py: reports
merge across copies) are ingested once (the reference) and extracted into
two event and article files. Fresh stores are then loaded
with small batches (`--batch 20`), each killed once its write-ahead log
holds a random 5-95 % of what an uninterrupted load (also checked against
the reference) appended to it. After every kill `geotl check` must
pass and the store must hold no more articles than the input; then a
second load of the same files on the killed store must give the same
sorted export, stats and latest change-feed record per id as ingest. Most
kills must land mid-load. Usage:
load_interrupted_test.py GEOTL [--copies N] [--kills N] [--seed S]
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def wal_bytes(db):
    """Bytes in the store's write-ahead log files (0 when there is none)."""
    try:
        return sum(os.path.getsize(os.path.join(db, f)) for f in os.listdir(db)
                   if f.endswith(".log"))
    except OSError:
        return 0


def articles_in(g, db):
    if not os.path.exists(db):
        return 0
    return json.loads(corpus.run([g, "stats", "--db", db, "--format", "json"]))["articles"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geotl")
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    g = os.path.abspath(args.geotl)
    rng = random.Random(args.seed)
    tmp = tempfile.mkdtemp(prefix="geotl-load-kill-")
    bad = []
    try:
        recs = corpus.base_records(g, tmp)
        docs = corpus.make_corpus(recs, args.copies)
        path = os.path.join(tmp, "corpus.ndjson")
        corpus.write_ndjson(path, docs)
        ingested = os.path.join(tmp, "ingest.db")
        corpus.run([g, "ingest", "--db", ingested, path])
        want = corpus.digest(g, ingested)

        evs, arts = [], []
        for i, part in enumerate(corpus.split_files(docs, os.path.join(tmp, "parts"), 2)):
            ev, ar = os.path.join(tmp, "ev%d.ndjson" % i), os.path.join(tmp, "ar%d.ndjson" % i)
            corpus.extract(g, [part], ev, ar)
            evs.append(ev)
            arts.append(ar)
        load = lambda db: [g, "load", "--batch", "20", "--db", db,
                           "--events"] + evs + ["--articles"] + arts

        # An uninterrupted load, watching how far its log grows: each batch
        # is one atomic write appended to it.
        whole = os.path.join(tmp, "whole.db")
        t0 = time.time()
        p = subprocess.Popen(load(whole), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        most = 0
        while p.poll() is None:
            most = max(most, wal_bytes(whole))
            time.sleep(0.001)
        took = time.time() - t0
        if p.returncode != 0:
            bad.append("uninterrupted load: exit %d" % p.returncode)
        bad += corpus.compare(want, corpus.digest(g, whole), "ingest", "uninterrupted load")

        mid = 0
        for k in range(args.kills):
            db = os.path.join(tmp, "killed%d.db" % k)
            p = subprocess.Popen(load(db), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            # Once its log holds 5-95 % of what an uninterrupted load wrote.
            target = rng.uniform(0.05, 0.95) * most
            while p.poll() is None and wal_bytes(db) < target:
                time.sleep(0.001)
            running = p.poll() is None
            p.send_signal(signal.SIGKILL)
            p.wait()
            n = articles_in(g, db)
            if running and 0 < n < len(docs):
                mid += 1
            if n > len(docs):
                bad.append("kill %d: %d articles stored, %d in the input" % (k, n, len(docs)))
            check = subprocess.run([g, "check", "--db", db], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
            if check.returncode != 0:
                bad.append("kill %d: geotl check: %s" % (k, check.stdout.decode()[:300]))
            corpus.run(load(db))
            bad += corpus.compare(want, corpus.digest(g, db), "ingest",
                                  "load after kill %d (%d articles stored)" % (k, n))
        if mid < args.kills // 2:
            bad.append("only %d of %d kills landed mid-load (uninterrupted load took "
                       "%.2f s, %d log bytes)" % (mid, args.kills, took, most))
        print("load_interrupted: %d articles, %d stored events, %d kills (%d mid-load), "
              "uninterrupted load %.2f s" % (len(docs), len(want["export"]), args.kills,
                                             mid, took))
        return corpus.report(bad)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
