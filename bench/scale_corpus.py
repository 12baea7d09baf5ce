#!/usr/bin/python3
"""Corpus for bench/scale.sh: the 486 German dev news articles
(../shared/devsets/news/10kgnad-dev.ndjson, publication day unknown: one is
set) and the 256 English TBAQ documents (TimeML TEXT with tags stripped, DCT
as publication day), repeated under new ids and publishers until N articles,
each copy published 9 days after the one before (so reports of the same
event merge within a pair of copies, as in tests/scale/corpus.py), written
as FILES NDJSON files (round robin). Development data: read at bench time
only, never copied into the project.
Usage: scale_corpus.py OUT_DIR [--articles N] [--files F] [--shared DIR]
"""
import argparse
import datetime
import glob
import html
import json
import os
import re


def tbaq_docs(root):
    for path in sorted(glob.glob(os.path.join(root, "**", "*.tml"), recursive=True)):
        raw = open(path, encoding="utf-8").read()
        dct = re.search(r'functionInDocument="CREATION_TIME">[^<]*</TIMEX3>', raw)
        val = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
        text = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if not (dct and val and text):
            continue
        body = html.unescape(re.sub(r"<[^>]+>", "", text.group(1))).strip()
        yield {"id": "tbaq-" + os.path.basename(path)[:-4], "text": body,
               "published": val.group(1), "source": "TBAQ", "language": "en"}


def gnad_docs(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                yield {"id": "gnad-%s" % r["id"], "text": r["text"],
                       "published": "2016-01-15", "source": "Der Standard",
                       "language": "de"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--files", type=int, default=80)
    ap.add_argument("--shared", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    a = ap.parse_args()
    base = list(gnad_docs(os.path.join(a.shared, "devsets/news/10kgnad-dev.ndjson")))
    base += list(tbaq_docs(os.path.join(a.shared, "devsets/temporal/tbaq-cleaned")))
    os.makedirs(a.out, exist_ok=True)
    outs = [open(os.path.join(a.out, "part-%04d.ndjson" % i), "w", encoding="utf-8")
            for i in range(a.files)]
    for n in range(a.articles):
        k, r = divmod(n, len(base))
        d = dict(base[r])
        d["id"] = "%s~%d" % (d["id"], k)
        d["source"] = "%s %d" % (d["source"], k % 7)
        day = datetime.date.fromisoformat(d["published"]) + datetime.timedelta(days=9 * (k // 2))
        d["published"] = day.isoformat()
        outs[n % a.files].write(json.dumps(d, ensure_ascii=False) + "\n")
    for f in outs:
        f.close()
    print(json.dumps({"articles": a.articles, "distinct": len(base), "files": a.files}))


if __name__ == "__main__":
    main()
