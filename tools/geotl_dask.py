#!/usr/bin/python3
"""Extraction on a Dask cluster, loaded as one store (docs/scale.md).

The driver lists the input files (it never parses an article), splits them
into shards of whole files, and each Dask worker runs `geotl extract
--articles` on its shard's files: the same reader as `geotl ingest`, so ids
and sidecars mean the same. A shard's events and article records are
written under OUT/shard-NNNNN/ (events.ndjson, articles.ndjson) through a
temporary folder renamed into place when extract has succeeded: a worker
that dies mid-shard leaves only a temporary folder (removed at the end), the
shard is run again elsewhere, and a shard is never written twice. With
--load DB the shards are then stored with one `geotl load`, which merges
reports across shards exactly as `geotl ingest` would.

  geotl_dask.py INPUT… --out DIR [--scheduler tcp://HOST:8786 | --workers N]
                [--shards N] [--retries N] [--geotl PATH] [--load DB]
                [--extract-arg ARG …]

Without --scheduler a LocalCluster of N single-threaded worker processes is
started. Workers must see the geotl binary (same path, or --geotl) and the
input and output paths (a shared file system, or the same copies).
Progress goes to stderr; a summary JSON line to stdout. Exit 0 ok, 1 a shard
failed after its retries (nothing is loaded), 2 usage.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid

ARTICLE_EXT = (".txt", ".json", ".ndjson", ".jsonl")


def list_inputs(paths):
    """Article files in reader order: each path as given, directories walked
    recursively in path order. A .json beside a same-stem .txt is its sidecar
    (read with the .txt), not an input of its own."""
    out = []
    for p in paths:
        if not os.path.isdir(p):
            out.append(p)
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs.sort()
            found += [os.path.join(root, f) for f in files if f.endswith(ARTICLE_EXT)]
        found.sort()
        have = set(found)
        out += [f for f in found
                if not (f.endswith(".json") and f[:-5] + ".txt" in have)]
    return out


def make_shards(files, n):
    """Splits files, in order, into at most n runs of about equal bytes."""
    n = max(1, min(n, len(files)))
    sizes = [max(1, os.path.getsize(f)) if os.path.exists(f) else 1 for f in files]
    total, shards, cur, acc = sum(sizes), [], [], 0
    for f, s in zip(files, sizes):
        cur.append(f)
        acc += s
        if acc >= total * (len(shards) + 1) / n and len(shards) < n - 1:
            shards.append(cur)
            cur = []
    if cur:
        shards.append(cur)
    return shards


def shard_dir(out, i):
    return os.path.join(out, "shard-%05d" % i)


def extract_shard(i, files, out, geotl, extra):
    """Runs on a worker: `geotl extract` of one shard into a temporary
    folder, renamed to OUT/shard-NNNNN when complete. Returns its counts."""
    t0 = time.time()
    final = shard_dir(out, i)
    tmp = "%s.tmp-%s-%d-%s" % (final, socket.gethostname(), os.getpid(),
                               uuid.uuid4().hex[:8])
    os.makedirs(tmp)
    try:
        events = os.path.join(tmp, "events.ndjson")
        articles = os.path.join(tmp, "articles.ndjson")
        with open(events, "wb") as ev:
            p = subprocess.run([geotl, "extract", "--articles", articles] + extra + files,
                               stdout=ev, stderr=subprocess.PIPE)
            ev.flush()
            os.fsync(ev.fileno())
        if p.returncode != 0:
            raise RuntimeError("shard %d: geotl extract exit %d: %s" % (
                i, p.returncode, p.stderr.decode(errors="replace")[-2000:]))
        counts = {}
        for name, path in (("events", events), ("articles", articles)):
            with open(path, "rb") as f:
                counts[name] = sum(1 for line in f if line.strip())
        try:
            os.rename(tmp, final)  # atomic: the shard appears whole or not at all
        except OSError:
            if not os.path.isdir(final):
                raise
            shutil.rmtree(tmp)  # an earlier attempt finished: same content
        return {"shard": i, "files": len(files), "worker": socket.gethostname(),
                "pid": os.getpid(), "seconds": round(time.time() - t0, 3),
                "rejected": p.stderr.decode(errors="replace").strip().split("\n")
                if p.stderr.strip() else [], **counts}
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def log(msg):
    print("geotl_dask: " + msg, file=sys.stderr, flush=True)


def run_cluster(args, shards):
    """Submits every shard and waits; returns (results, failures, seconds
    from the first submission to the last shard, cluster start-up excluded)."""
    from distributed import Client, LocalCluster, as_completed
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
        client.wait_for_workers(args.workers, timeout=300)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        nworkers = len(client.scheduler_info()["workers"])
        log("%d shards on %d workers (%s)" % (len(shards), nworkers,
                                              args.scheduler or "local cluster"))
        run_id = uuid.uuid4().hex[:8]
        t0 = time.time()
        futures = [client.submit(extract_shard, i, files, args.out, args.geotl,
                                 args.extract_arg, key="geotl-shard-%05d-%s" % (i, run_id),
                                 retries=args.retries, pure=False)
                   for i, files in enumerate(shards)]
        results, failures, arts = [], [], 0
        for fut in as_completed(futures):
            try:
                r = fut.result()
            except Exception as e:  # a shard that failed after its retries
                failures.append(str(e))
                log("FAILED %s: %s" % (fut.key, e))
                continue
            results.append(r)
            arts += r["articles"]
            for line in r["rejected"][:5]:
                log("shard %d: %s" % (r["shard"], line))
            log("shard %d done (%d/%d): %d articles, %d events; %.0f articles/s" % (
                r["shard"], len(results), len(shards), r["articles"], r["events"],
                arts / max(1e-9, time.time() - t0)))
        return results, failures, time.time() - t0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="article files or directories")
    ap.add_argument("--out", required=True, help="folder for the shards' output")
    ap.add_argument("--scheduler", help="scheduler address (default: a local cluster)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="local cluster size (default: the cores); with "
                         "--scheduler: wait until this many workers are there")
    ap.add_argument("--shards", type=int, default=0,
                    help="number of shards (default: 4 per worker)")
    ap.add_argument("--retries", type=int, default=2, help="retries of a failed shard")
    ap.add_argument("--geotl", default=shutil.which("geotl") or "geotl",
                    help="the geotl binary as the workers see it")
    ap.add_argument("--extract-arg", action="append", default=[],
                    help="argument passed to geotl extract (repeatable), "
                         "e.g. --extract-arg=--published=2016-01-15")
    ap.add_argument("--load", metavar="DB", help="then geotl load the shards into DB")
    args = ap.parse_args(argv)
    args.out = os.path.abspath(args.out)
    files = [os.path.abspath(f) for f in list_inputs(args.inputs)]
    if not files:
        log("no article files in the inputs")
        return 2
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):  # an earlier run's shards
        if name.startswith("shard-"):
            shutil.rmtree(os.path.join(args.out, name))
    shards = make_shards(files, args.shards or 4 * max(1, args.workers))
    t0 = time.time()
    results, failures, extract_s = run_cluster(args, shards)
    cluster_s = time.time() - t0
    for name in os.listdir(args.out):  # attempts of workers that died
        if ".tmp-" in name:
            shutil.rmtree(os.path.join(args.out, name), ignore_errors=True)
    missing = [i for i in range(len(shards)) if not os.path.isdir(shard_dir(args.out, i))]
    summary = {"files": len(files), "shards": len(shards),
               "articles": sum(r["articles"] for r in results),
               "events": sum(r["events"] for r in results),
               "extract_s": round(extract_s, 3), "cluster_s": round(cluster_s, 3),
               "articles_per_s": round(sum(r["articles"] for r in results) / max(extract_s, 1e-9), 1),
               "failed_shards": sorted(set(range(len(shards))) - {r["shard"] for r in results})}
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump({**summary, "shard_results": sorted(results, key=lambda r: r["shard"]),
                   "shard_files": shards}, f, indent=1)
    if failures or missing:
        log("shards %s failed; nothing loaded" % summary["failed_shards"])
        print(json.dumps(summary))
        return 1
    if args.load:
        t1 = time.time()
        dirs = [shard_dir(args.out, i) for i in range(len(shards))]
        cmd = [args.geotl, "load", "--db", args.load,
               "--events"] + [os.path.join(d, "events.ndjson") for d in dirs] + \
              ["--articles"] + [os.path.join(d, "articles.ndjson") for d in dirs]
        p = subprocess.run(cmd)
        summary["load_s"] = round(time.time() - t1, 3)
        summary["load_exit"] = p.returncode
        if p.returncode not in (0, 3):
            log("geotl load failed (exit %d)" % p.returncode)
            print(json.dumps(summary))
            return 1
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
