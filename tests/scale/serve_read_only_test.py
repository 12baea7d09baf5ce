#!/usr/bin/python3
"""`geotl checkpoint` + `geotl serve --read-only` (docs/scale.md).

A store of the repository's articles is copied with `geotl checkpoint`; two
servers serve the copy read-only at once (no write lock) while the primary
stays writable (an ingest into it succeeds meanwhile). Both copies answer
/v1/stats exactly as `geotl stats --format json` of the primary before that
ingest; POST and DELETE answer 405; `--read-only` with `--token-file` is a
usage error (exit 2). Usage: serve_read_only_test.py GEOTL
"""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def start(g, db):
    p = subprocess.Popen([g, "serve", "--read-only", "--db", db, "--port", "0"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = p.stderr.readline()
    m = re.search(r"http://[^:]+:(\d+)/", line)
    if not m:
        p.kill()
        raise RuntimeError("serve did not start: " + line + p.stderr.read())
    return p, int(m.group(1))


def request(port, method, path, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body=body, headers={"Authorization": "Bearer x"})
    r = c.getresponse()
    return r.status, r.read().decode()


def main():
    g = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="geotl-ro-")
    bad, servers = [], []
    try:
        primary, copy = os.path.join(tmp, "primary.db"), os.path.join(tmp, "copy.db")
        corpus.run([g, "ingest", "--db", primary, corpus.SOURCES[0], corpus.SOURCES[2]])
        corpus.run([g, "checkpoint", "--db", primary, copy])
        want = json.loads(corpus.run([g, "stats", "--db", primary, "--format", "json"]))
        servers = [start(g, copy), start(g, copy)]
        corpus.run([g, "ingest", "--db", primary, corpus.SOURCES[1]])
        for p, port in servers:
            st, body = request(port, "GET", "/v1/stats")
            got = json.loads(body)["data"] if st == 200 else None
            if got is None or any(got.get(k) != v for k, v in want.items()):
                bad.append("/v1/stats of the copy: %d %s, want %s" % (st, body[:200], want))
            st, body = request(port, "POST", "/v1/articles",
                            json.dumps({"id": "x", "text": "Test.", "published": "2020-01-01"}))
            if st != 405:
                bad.append("POST on a read-only copy: %d %s" % (st, body[:200]))
            st, body = request(port, "DELETE", "/v1/articles/x")
            if st != 405:
                bad.append("DELETE on a read-only copy: %d %s" % (st, body[:200]))
        tok = os.path.join(tmp, "token")
        with open(tok, "w") as f:
            f.write("secret\n")
        os.chmod(tok, 0o600)
        rc = subprocess.run([g, "serve", "--read-only", "--db", copy, "--token-file", tok],
                            capture_output=True).returncode
        if rc != 2:
            bad.append("--read-only with --token-file: exit %d, want 2" % rc)
    finally:
        for p, _ in servers:
            p.terminate()
            p.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    return corpus.report(bad)


if __name__ == "__main__":
    sys.exit(main())
