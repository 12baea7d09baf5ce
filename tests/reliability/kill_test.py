#!/usr/bin/env python3
"""Crash-consistency test: SIGKILL `geotl ingest` at random moments.

For each kill: reopen the store, `geotl check` must pass, every article the
killed process acknowledged (`--ack` lines on stdout, printed after its write
committed) must be present with all of its events, and no article may be half
present. After the kills a re-run completes the batch; its content digest must
equal that of an uninterrupted run. Prints "kill test: N passed, M failed".

Usage: kill_test.py GEOTL_BINARY [--kills 50] [--articles 3000] [--seed 7]
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

DE = [
    "{a} und {b} vereinbarten am {d}. {m} in {c} eine engere militärische Zusammenarbeit.",
    "Der Außenminister von {a} traf am Montag in {c} seinen Kollegen aus {b}.",
    "{a} kritisierte {b} scharf wegen der Stationierung neuer Raketen.",
    "Bei einem Angriff in {c} wurden mindestens {n} Menschen getötet.",
    "{a} verhängte Sanktionen gegen {b}.",
]
EN = [
    "{a} and {b} signed an agreement on trade in {c} on {m} {d}.",
    "The foreign minister of {a} met his counterpart from {b} in {c} on Monday.",
    "{a} accused {b} of violating the ceasefire.",
    "At least {n} people were killed in an attack in {c}.",
    "{a} imposed sanctions on {b} over the missile tests.",
]
DE_C = ["Russland", "Japan", "China", "Frankreich", "Deutschland", "Polen", "Indien"]
EN_C = ["Russia", "Japan", "China", "France", "Germany", "Poland", "India"]
CITIES = ["Tokio", "Berlin", "Paris", "Moskau", "Warschau", "Peking"]
CITIES_EN = ["Tokyo", "Berlin", "Paris", "Moscow", "Warsaw", "Beijing"]
MONTHS_DE = ["Januar", "März", "Mai", "Juli", "Oktober", "November"]
MONTHS_EN = ["January", "March", "May", "July", "October", "November"]


def make_articles(n, rng):
    out = []
    for i in range(n):
        de = i % 2 == 0
        tpl, cs, ci, ms = (DE, DE_C, CITIES, MONTHS_DE) if de else (EN, EN_C, CITIES_EN, MONTHS_EN)
        sents = []
        for _ in range(rng.randint(2, 6)):
            a, b = rng.sample(cs, 2)
            sents.append(rng.choice(tpl).format(a=a, b=b, c=rng.choice(ci), d=rng.randint(1, 28),
                                                m=rng.choice(ms), n=rng.randint(2, 90)))
        out.append({"id": f"kill-{i:05d}", "title": f"Hypothetical report {i}",
                    "text": " ".join(sents), "language": "de" if de else "en",
                    "published": f"20{10 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "source": f"outlet{i % 7}"})
    return out


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def dump(geotl, db):
    """All events of the store, one JSON per line, sorted (the content digest)."""
    r = run([geotl, "export", "--db", db, "--format", "ndjson", "--status", "occurred",
             "--status", "planned", "--status", "hypothetical", "--status", "negated"])
    if r.returncode != 0:
        raise RuntimeError(f"export failed: {r.stderr}")
    lines = sorted(l for l in r.stdout.splitlines() if l.strip())
    return lines


def events_by_article(lines):
    """Per article, the evidence it contributed: (sentence, start, end)
    of every source that cites it. Stable under dedup: an event id can change
    when a later article reports the same event (merge), its sources stay."""
    per = {}
    for l in lines:
        e = json.loads(l)
        for s in e.get("sources", []):
            per.setdefault(s["article"], set()).add(
                (s["sentence"], s["start"], s["end"]))
    return per


def stats(geotl, db):
    r = run([geotl, "stats", "--db", db, "--format", "json"])
    if r.returncode != 0:
        raise RuntimeError(f"stats failed: {r.stderr}")
    return json.loads(r.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geotl")
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tmp = tempfile.mkdtemp(prefix="geotl-kill-")
    try:
        batch = os.path.join(tmp, "batch.ndjson")
        arts = make_articles(args.articles, rng)
        with open(batch, "w") as f:
            for a in arts:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")

        ref = os.path.join(tmp, "ref.db")
        t0 = time.time()
        p = subprocess.Popen([args.geotl, "ingest", "--ack", "--db", ref, batch],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first_ack = p.stdout.readline()
        startup = time.time() - t0  # store open + coder load: no writes yet
        _, err = p.communicate()
        full_secs = time.time() - t0
        if p.returncode != 0 or not first_ack.startswith("stored\t"):
            print(err, file=sys.stderr)
            print("kill test: 0 passed, 1 failed")
            return 1
        ref_lines = dump(args.geotl, ref)
        ref_digest = hashlib.sha256("\n".join(ref_lines).encode()).hexdigest()
        expected = events_by_article(ref_lines)
        order = {a["id"]: i for i, a in enumerate(arts)}
        with_events = [a["id"] for a in arts if a["id"] in expected]
        print(f"reference: {len(arts)} articles, {len(ref_lines)} events, "
              f"{full_secs:.2f} s uninterrupted ({startup:.2f} s to the first commit), "
              f"digest {ref_digest[:16]}")

        passed = failed = lost = half = inconsistent = mid_write = 0
        generation = 0
        db = None
        acked_before = set()  # acknowledged by earlier runs on the same store
        while passed + failed < args.kills:
            if db is None:
                generation += 1
                db = os.path.join(tmp, f"kill{generation}.db")
                acked_before = set()
                kills_here = 0
            p = subprocess.Popen([args.geotl, "ingest", "--ack", "--db", db, batch],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            # One kill in ten lands during start-up (store open, recovery);
            # the rest anywhere while articles are being written.
            if rng.random() < 0.1:
                delay = rng.uniform(0.01, startup)
            else:
                delay = rng.uniform(startup, max(startup + 0.1, full_secs))
            time.sleep(delay)
            if p.poll() is not None:
                # Finished before the kill: the store is complete; start over.
                p.communicate()
                db = None
                continue
            p.send_signal(signal.SIGKILL)
            out, _ = p.communicate()
            acked_now = [l.split("\t", 1)[1] for l in out.splitlines()
                         if l.startswith("stored\t")]
            if not os.path.exists(db):
                # Killed while the store was being created (beside its
                # place, docs/reliability.md): no store, so nothing may have
                # been acknowledged; the next run creates it afresh.
                kills_here += 1
                if acked_now or acked_before:
                    failed += 1
                    lost += len(acked_now) + len(acked_before)
                    print(f"kill {passed + failed}: FAILED\n  no store after "
                          f"{len(acked_now) + len(acked_before)} acknowledged articles")
                else:
                    passed += 1
                    print(f"kill {passed + failed}: ok after {delay:.2f} s (killed while "
                          f"creating the store: no store, nothing acknowledged)")
                continue
            if acked_now:
                mid_write += 1
            acked = acked_before | set(acked_now)
            acked_before = acked
            problems = []
            c = run([args.geotl, "check", "--db", db])
            if c.returncode != 0:
                inconsistent += 1
                problems.append("check: " + (c.stdout + c.stderr).strip()[:300])
            got = events_by_article(dump(args.geotl, db))
            for aid in acked:
                if got.get(aid, set()) != expected.get(aid, set()):
                    lost += 1
                    problems.append(f"acknowledged {aid}: {sorted(got.get(aid, set()))} "
                                    f"!= {sorted(expected.get(aid, set()))}")
            for aid, ids in got.items():
                if ids != expected.get(aid, set()):
                    half += 1
                    problems.append(f"half article {aid}")
            # Articles are written in batch order: no gap before the last one.
            present = sorted(order[a] for a in got)
            if present:
                gaps = [a for a in with_events[:present[-1] + 1] if a not in got]
                if gaps:
                    problems.append(f"{len(gaps)} articles missing before the last "
                                    f"stored one, e.g. {gaps[0]}")
            # Every acknowledged article is counted; at most one per kill of
            # this store committed without its acknowledgement.
            kills_here += 1
            n_articles = stats(args.geotl, db)["articles"]
            if not len(acked) <= n_articles <= len(acked) + kills_here:
                problems.append(f"stats: {n_articles} articles for {len(acked)} "
                                f"acknowledged after {kills_here} kills")
            if problems:
                failed += 1
                print(f"kill {passed + failed}: FAILED", *problems[:5], sep="\n  ")
            else:
                passed += 1
                print(f"kill {passed + failed}: ok after {delay:.2f} s ({len(acked_now)} "
                      f"acknowledged this run, {len(acked)} on this store, "
                      f"{len(got)} articles present)")
        # Re-run the batch to completion on the last killed store.
        if db is None:
            db = os.path.join(tmp, f"kill{generation}.db")
        r = run([args.geotl, "ingest", "--db", db, batch])
        final_lines = dump(args.geotl, db)
        digest = hashlib.sha256("\n".join(final_lines).encode()).hexdigest()
        same_stats = stats(args.geotl, db) == stats(args.geotl, ref)
        ok_final = r.returncode == 0 and digest == ref_digest and same_stats
        print(f"re-run: exit {r.returncode}, digest {digest[:16]} "
              f"{'==' if digest == ref_digest else '!='} reference, stats "
              f"{'equal' if same_stats else 'differ'}")
        print(f"kills: {passed + failed} ({mid_write} while writing), lost acknowledged "
              f"articles: {lost}, half articles: {half}, check failures: {inconsistent}")
        if not ok_final:
            failed += 1
        print(f"kill test: {passed + (1 if ok_final else 0)} passed, {failed} failed")
        return 0 if failed == 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
