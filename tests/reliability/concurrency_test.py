#!/usr/bin/env python3
"""Concurrency test: `geotl serve` answers queries while articles stream in.

One writer POSTs the batch to /v1/articles in small requests; reader threads
query /v1/events, /v1/counts and /v1/stats meanwhile; `geotl load` bulk-loads
the same batch's events into a second store at the same time, and the CLI
reads the served store beside the server. Every response must be
self-consistent:
  - each event a filtered query returns matches the filter (its index entry
    points at an event that has that actor / type / date);
  - a page holding every match has exactly meta.total events;
  - responses of the same write sequence agree: events total = sum of the
    counts for the same filter, all-status events total = stats events;
  - as_of.sequence never goes back for one client; no 5xx.
At the end `geotl check` passes on both stores, and the served store's
content digest equals that of a sequential `geotl ingest` of the same batch.
Prints "concurrency test: N responses checked, M problems".

Usage: concurrency_test.py GEOTL_BINARY [--articles 1200] [--per-post 3] [--seed 11]
"""
import argparse
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kill_test import make_articles, dump  # noqa: E402

import random  # noqa: E402

ALL_STATUS = "status=occurred&status=planned&status=hypothetical&status=negated"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(port, method, path, body=None, token=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, {"raw": raw[:200].decode("utf-8", "replace")}


class Checker:
    def __init__(self):
        self.lock = threading.Lock()
        self.problems = []
        self.responses = 0
        # (kind, sequence) -> value, to compare answers of the same snapshot
        self.by_seq = {}
        self.same_seq_pairs = 0

    def problem(self, msg):
        with self.lock:
            self.problems.append(msg)

    def record(self, kind, seq, value):
        with self.lock:
            self.responses += 1
            self.by_seq.setdefault((kind, seq), set()).add(value)

    def compare(self, a, b, what):
        """Values of kinds a and b recorded for the same sequence must agree."""
        with self.lock:
            for (kind, seq), vals in self.by_seq.items():
                if kind != a:
                    continue
                if len(vals) != 1:
                    self.problems.append(f"{a} at sequence {seq}: different answers {vals}")
                other = self.by_seq.get((b, seq))
                if other is None:
                    continue
                self.same_seq_pairs += 1
                if vals != other:
                    self.problems.append(f"{what} at sequence {seq}: {vals} != {other}")


def involves(e, code):
    """The actor filter: the country itself or anyone of it (RUSGOV, RUSMIL)."""
    return any(a.get("code", "").startswith(code) or a.get("country") == code
               for a in e.get("actors", []) + e.get("recipients", []))


def reader(port, stop, ck, rng):
    last_seq = -1
    queries = [
        ("actor", "/v1/events?actor=RUS&from=2010&to=2019&limit=1000", lambda e: involves(e, "RUS")),
        ("type", "/v1/events?type=CONSULT&limit=1000", lambda e: e["type"] == "CONSULT"),
        ("year", "/v1/events?from=2013&to=2013&limit=1000",
         lambda e: e["date"]["start"] <= "2013-12-31" and e["date"]["end"] >= "2013-01-01"),
        ("all", f"/v1/events?{ALL_STATUS}&limit=1", None),
    ]
    while not stop.is_set():
        kind, path, pred = rng.choice(queries + [("counts", None, None), ("stats", None, None)])
        if kind == "counts":
            st, j = http(port, "GET", "/v1/counts?by=year&actor=RUS&from=2010&to=2019")
        elif kind == "stats":
            st, j = http(port, "GET", "/v1/stats")
        else:
            st, j = http(port, "GET", path)
        if st != 200:
            ck.problem(f"{kind}: HTTP {st} {json.dumps(j)[:200]}")
            continue
        as_of = j["meta"]["as_of"]
        seq = as_of["sequence"] if as_of else 0
        if seq < last_seq:
            ck.problem(f"{kind}: as_of.sequence went back {last_seq} -> {seq}")
        last_seq = seq
        if kind == "counts":
            ck.record("counts_rus", seq, j["meta"]["total"])
        elif kind == "stats":
            ck.record("stats_events", seq, j["data"]["events"])
        else:
            data, meta = j["data"], j["meta"]
            if pred:
                for e in data:
                    if not pred(e):
                        ck.problem(f"{kind}: event {e['id']} does not match the query")
                if meta["total"] <= 1000 and (len(data) != meta["total"] or meta["next"]):
                    ck.problem(f"{kind}: {len(data)} events on the only page, total "
                               f"{meta['total']}, next {meta['next']}")
            ck.record({"actor": "events_rus", "all": "events_all"}.get(kind, kind), seq,
                      meta["total"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geotl")
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--per-post", type=int, default=3)
    ap.add_argument("--readers", type=int, default=3)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    geotl = os.path.abspath(args.geotl)
    rng = random.Random(args.seed)
    tmp = tempfile.mkdtemp(prefix="geotl-conc-")
    server = None
    try:
        arts = make_articles(args.articles, rng)
        # Counts in the query window only: keep every article inside 2010-2019.
        batch = os.path.join(tmp, "batch.ndjson")
        with open(batch, "w") as f:
            for a in arts:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")

        # Reference: the same batch ingested sequentially.
        ref = os.path.join(tmp, "ref.db")
        r = subprocess.run([geotl, "ingest", "--db", ref, batch], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            return 1
        ref_lines = dump(geotl, ref)
        # Events for `geotl load` (the bulk path), coded by `geotl extract`.
        events_file = os.path.join(tmp, "events.ndjson")
        with open(batch) as fin, open(events_file, "w") as fout:
            subprocess.run([geotl, "extract"], stdin=fin, stdout=fout, check=True)

        token = "conc-" + str(os.getpid())
        tok = os.path.join(tmp, "token")
        with open(tok, "w") as f:
            f.write(token + "\n")
        os.chmod(tok, 0o600)
        served = os.path.join(tmp, "served.db")
        port = free_port()
        server = subprocess.Popen([geotl, "serve", "--db", served, "--port", str(port),
                                   "--token-file", tok], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True)
        for _ in range(300):
            try:
                if http(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            print("server did not start", file=sys.stderr)
            return 1

        ck = Checker()
        stop = threading.Event()
        readers = [threading.Thread(target=reader, args=(port, stop, ck, random.Random(i)))
                   for i in range(args.readers)]
        for t in readers:
            t.start()
        loaded = os.path.join(tmp, "loaded.db")
        load = subprocess.Popen([geotl, "load", "--db", loaded, "--events", events_file],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        cli_reads = cli_fail = 0
        t0 = time.time()
        posted = 0
        lines = open(batch, encoding="utf-8").read().splitlines()
        for i in range(0, len(lines), args.per_post):
            body = "\n".join(lines[i:i + args.per_post]).encode()
            st, j = http(port, "POST", "/v1/articles", body, token)
            if st != 201:
                ck.problem(f"POST {i}: HTTP {st} {json.dumps(j)[:200]}")
                continue
            posted += len(j["data"]["articles"])
            if (i // args.per_post) % 10 == 0:
                # `geotl check` on the live store: one snapshot, consistent.
                c = subprocess.run([geotl, "check", "--db", served],
                                   capture_output=True, text=True)
                cli_reads += 1
                if c.returncode != 0:
                    ck.problem(f"geotl check beside the server: "
                               f"{(c.stdout + c.stderr).strip()[:200]}")
                # The CLI reads the store beside the live server.
                c = subprocess.run([geotl, "events", "--db", served, "--actor", "RUS",
                                    "--format", "ndjson", "--limit", "1000"],
                                   capture_output=True, text=True)
                cli_reads += 1
                if c.returncode != 0:
                    cli_fail += 1
                    ck.problem(f"geotl events beside the server: {c.stderr.strip()[:200]}")
                else:
                    for l in c.stdout.splitlines():
                        if l.strip() and not involves(json.loads(l), "RUS"):
                            ck.problem("geotl events beside the server: non-matching event")
        post_secs = time.time() - t0
        out, err = load.communicate()
        stop.set()
        for t in readers:
            t.join()
        ck.compare("events_rus", "counts_rus", "events total vs counts sum (actor=RUS)")
        ck.compare("events_all", "stats_events", "all-status events total vs stats")
        ck.compare("counts_rus", "events_rus", "counts sum vs events total (actor=RUS)")
        if load.returncode != 0:
            ck.problem(f"geotl load: exit {load.returncode}: {err.strip()[:300]}")

        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        if server.returncode != 0:
            ck.problem(f"geotl serve exit {server.returncode}: {server.stderr.read()[:300]}")
        server = None
        for db in (served, loaded):
            c = subprocess.run([geotl, "check", "--db", db], capture_output=True, text=True)
            if c.returncode != 0:
                ck.problem(f"check {os.path.basename(db)}: {(c.stdout + c.stderr).strip()[:300]}")
        final = dump(geotl, served)
        same = final == ref_lines
        if not same:
            ck.problem(f"served store differs from a sequential ingest: {len(final)} vs "
                       f"{len(ref_lines)} events")
        digest = hashlib.sha256("\n".join(final).encode()).hexdigest()
        print(f"posted {posted} articles in {post_secs:.1f} s while {args.readers} readers "
              f"queried; geotl load ran beside; {cli_reads} CLI reads beside the server")
        print(f"final digest {digest[:16]} {'==' if same else '!='} sequential ingest; "
              f"{ck.same_seq_pairs} same-sequence comparisons")
        for p in ck.problems[:20]:
            print("  " + p)
        print(f"concurrency test: {ck.responses} responses checked, {len(ck.problems)} problems")
        return 0 if not ck.problems and posted == len(arts) else 1
    finally:
        if server is not None:
            server.kill()
            server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
