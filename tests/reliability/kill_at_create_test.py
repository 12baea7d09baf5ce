#!/usr/bin/python3
"""A store whose first ingest is killed while the store is being created is
either absent or whole: every later read and ingest works.

Usage: kill_at_create_test.py GEOTL_BINARY [--runs 30] [--seed 3]
Each run starts `geotl ingest` on a new store path and kills it (SIGKILL)
after 5-350 ms, mostly inside store creation; then `geotl export` must
answer (or say there is no store) and a re-run of the ingest must succeed.
Prints "kill at create: N passed, M failed"; exits 1 on any failure.
"""
import argparse, json, os, random, signal, subprocess, sys, tempfile, time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('geotl')
    ap.add_argument('--runs', type=int, default=30)
    ap.add_argument('--seed', type=int, default=3)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix='geotl-kill-create-') as tmp:
        arts = os.path.join(tmp, 'a.ndjson')
        with open(arts, 'w', encoding='utf-8') as f:
            for i in range(50):
                f.write(json.dumps({'id': f'k{i}', 'title': 'Hypothetical report',
                                    'text': f'Berlin – Die Polizei nahm am Montag {i + 2} '
                                            'Demonstranten fest.',
                                    'published': '2016-01-15', 'language': 'de'}) + '\n')
        for k in range(a.runs):
            db = os.path.join(tmp, f'db{k}')
            p = subprocess.Popen([a.geotl, 'ingest', '--db', db, arts],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.005, 0.35))
            p.send_signal(signal.SIGKILL)
            p.wait()
            problems = []
            r = subprocess.run([a.geotl, 'export', '--db', db, '--format', 'ndjson'],
                               capture_output=True, text=True)
            if r.returncode != 0 and 'no store' not in r.stderr:
                problems.append('export: ' + r.stderr.strip()[:200])
            r = subprocess.run([a.geotl, 'ingest', '--db', db, arts], capture_output=True, text=True)
            if r.returncode != 0:
                problems.append('re-ingest: ' + r.stderr.strip()[:200])
            r = subprocess.run([a.geotl, 'check', '--db', db], capture_output=True, text=True)
            if r.returncode != 0:
                problems.append('check: ' + (r.stdout + r.stderr).strip()[:200])
            if problems:
                failed += 1
                print(f'run {k}: FAILED', *problems, sep='\n  ')
            else:
                passed += 1
    print(f'kill at create: {passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
