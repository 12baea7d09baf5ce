#!/usr/bin/python3
"""Extraction on a Dask cluster equals ingest (docs/scale.md).

A corpus of a few thousand articles (the repository's articles, copied under
new ids and publication days; corpus.py) in 12 NDJSON files is
  1. ingested article by article (`geotl ingest DIR`), and
  2. extracted by tools/geotl_dask.py on a local Dask cluster of 2 worker
     processes (6 shards) and loaded with `geotl load`; while shard 0 runs,
     its worker process is killed (SIGKILL, through a geotl wrapper that
     stalls that shard's first attempt).
Checks: the tool finishes (the shard is retried on another worker); no
temporary shard output is left; the shards hold every event of a plain
`geotl extract` of the corpus exactly once and one record per article; the
two stores give byte-identical sorted `geotl export --format ndjson`, equal
`geotl stats` (article and event counts) and the same latest change-feed
record per event. Usage: dask_scale_test.py GEOTL [--copies N]
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

TOOL = os.path.join(corpus.ROOT, "tools", "geotl_dask.py")

WRAPPER = """#!/bin/bash
# geotl, except that the first attempt at the shard holding part-000 stalls
# (no child process) until the test kills it and its worker.
case " $* " in *"/part-000.ndjson "*)
  if mkdir "{mark}" 2>/dev/null; then
    echo "$PPID $$" > "{mark}/pids.tmp" && mv "{mark}/pids.tmp" "{mark}/pids"
    mkfifo "{mark}/fifo"; read -t 120 <> "{mark}/fifo"
  fi;;
esac
exec "{geotl}" "$@"
"""


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l for l in f.read().split("\n") if l]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geotl")
    ap.add_argument("--copies", type=int, default=100)
    args = ap.parse_args()
    g = os.path.abspath(args.geotl)
    tmp = tempfile.mkdtemp(prefix="geotl-dask-")
    bad, t0 = [], time.time()
    tool = None
    try:
        docs = corpus.make_corpus(corpus.base_records(g, tmp), args.copies)
        src = os.path.join(tmp, "corpus")
        corpus.split_files(docs, src, 12)
        ref_events = os.path.join(tmp, "ref-events.ndjson")
        corpus.extract(g, [src], ref_events, os.path.join(tmp, "ref-articles.ndjson"))
        ingested = os.path.join(tmp, "ingest.db")
        corpus.run([g, "ingest", "--db", ingested, src])
        t_ingest = time.time()

        mark = os.path.join(tmp, "mark")
        wrapper = os.path.join(tmp, "geotl-wrapper")
        with open(wrapper, "w") as f:
            f.write(WRAPPER.format(mark=mark, geotl=g))
        os.chmod(wrapper, 0o755)
        out, loaded = os.path.join(tmp, "out"), os.path.join(tmp, "dask.db")
        tool = subprocess.Popen(["/usr/bin/python3", TOOL, src, "--out", out,
                                 "--workers", "2", "--shards", "6", "--geotl", wrapper,
                                 "--load", loaded],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        pids = os.path.join(mark, "pids")
        deadline = time.time() + 180
        while not os.path.exists(pids) and time.time() < deadline and tool.poll() is None:
            time.sleep(0.1)
        killed = None
        if os.path.exists(pids):
            worker, wrap = (int(x) for x in open(pids).read().split())
            os.kill(worker, signal.SIGKILL)
            os.kill(wrap, signal.SIGKILL)
            killed = worker
        else:
            bad.append("shard 0 never started")
        stdout, stderr = tool.communicate(timeout=600)
        tool = None
        if killed is None or os.path.exists("/proc/%d" % killed) and \
                "zombie" not in open("/proc/%d/status" % killed).read().lower():
            bad.append("the worker was not killed")
        summary = json.loads(stdout.strip().split("\n")[-1]) if stdout.strip() else {}
        if summary.get("failed_shards") != [] or summary.get("load_exit") != 0:
            bad.append("geotl_dask.py: %s\n%s" % (summary, stderr[-3000:]))
        manifest = json.load(open(os.path.join(out, "manifest.json")))
        shard0 = [r for r in manifest["shard_results"] if r["shard"] == 0]
        if not shard0 or shard0[0]["pid"] == killed:
            bad.append("shard 0 was not run again by another worker")
        left = [n for n in os.listdir(out) if ".tmp-" in n]
        if left:
            bad.append("temporary shard output left: %s" % left)

        shard_events, shard_articles = [], []
        for i in range(manifest["shards"]):
            d = os.path.join(out, "shard-%05d" % i)
            shard_events += read_lines(os.path.join(d, "events.ndjson"))
            shard_articles += read_lines(os.path.join(d, "articles.ndjson"))
        ids = [json.loads(l)["id"] for l in shard_events]
        ref = read_lines(ref_events)
        if len(ids) != len(set(ids)):
            bad.append("doubled events: %d lines, %d ids" % (len(ids), len(set(ids))))
        if sorted(shard_events) != sorted(ref):
            bad.append("shard events differ from geotl extract: %d vs %d"
                       % (len(shard_events), len(ref)))
        art_ids = [json.loads(l)["id"] for l in shard_articles]
        if sorted(art_ids) != sorted(d["id"] for d in docs):
            bad.append("article records: %d for %d articles" % (len(art_ids), len(docs)))

        a, b = corpus.digest(g, ingested), corpus.digest(g, loaded)
        bad += corpus.compare(a, b, "ingest", "dask+load")
        print("dask_scale: %d articles in 12 files, %d coded events, %d stored; ingest %.1f s, "
              "dask extract %.1f s + load %.1f s (worker killed mid-shard); total %.1f s"
              % (len(docs), len(ref), len(a["export"]), t_ingest - t0,
                 summary.get("extract_s", 0), summary.get("load_s", 0), time.time() - t0))
    finally:
        if tool is not None:
            tool.kill()
            tool.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return corpus.report(bad)


if __name__ == "__main__":
    sys.exit(main())
