#!/usr/bin/python3
"""Turns the place annotators' settled files (sentence number, surface,
occurrence; docs/annotation.md, "Place gold") into the committed place gold:
byte offsets into the article text and the expected resolution, no text.

  /usr/bin/python3 tools/gold/compile_places.py --check FILE...   # validate
  /usr/bin/python3 tools/gold/compile_places.py FILE...           # write
        tests/data/geo/place_gold.jsonl
A line of the gold: {"article", "start", "end" (UTF-8 bytes), "expected"
("id:<geonameid>" | "admin1:<CC>.<code>" | "admin2:<CC>.<a1>.<a2>" |
"country:<ISO3>" | "none"), "small"}. Every problem is printed as
FILE:LINE: message; nothing is written when there is one."""
import argparse, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common

OUT = os.path.join(common.ROOT, 'tests', 'data', 'geo', 'place_gold.jsonl')
EXPECTED = re.compile(r'^(id:\d+|admin1:[A-Z]{2}\.\w+|admin2:[A-Z]{2}\.\w+\.\w+|country:[A-Z]{3}|none)$')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('files', nargs='+')
    ap.add_argument('--check', action='store_true')
    a = ap.parse_args()
    meta = common.load_meta()
    rows, problems = [], []
    for path in a.files:
        for n, line in enumerate(open(path, encoding='utf-8'), 1):
            if not line.strip():
                continue
            where = f'{path}:{n}'
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f'{where}: not JSON ({e})')
                continue
            m = meta.get(r.get('article'))
            if m is None:
                problems.append(f'{where}: unknown article {r.get("article")!r}')
                continue
            if m['split'] != 'dev':
                problems.append(f'{where}: {r["article"]} is a test-split article')
                continue
            if not EXPECTED.match(str(r.get('expected', ''))):
                problems.append(f'{where}: bad expected {r.get("expected")!r}')
                continue
            rows.append((where, r))
    texts = common.load_articles({r['article'] for _, r in rows})
    out, seen = [], set()
    for where, r in rows:
        text = texts[r['article']]['text']
        spans = common.split_sentences(text)
        k = r.get('sentence')
        if not isinstance(k, int) or not 0 <= k < len(spans):
            problems.append(f'{where}: no sentence {k!r}')
            continue
        s, e = spans[k]
        sentence = text[s:e].replace('\n', ' ')
        surface, nth = r.get('surface', ''), r.get('nth', 0)
        at = -1
        for _ in range(nth + 1):
            at = sentence.find(surface, at + 1)
            if at < 0:
                break
        if not surface or at < 0:
            problems.append(f'{where}: {surface!r} (occurrence {nth}) not in sentence {k}')
            continue
        start, end = s + at, s + at + len(surface)
        key = (r['article'], start, end)
        if key in seen:
            problems.append(f'{where}: mention annotated twice')
            continue
        seen.add(key)
        out.append({'article': r['article'], 'start': common.byte_offset(text, start),
                    'end': common.byte_offset(text, end), 'expected': r['expected'],
                    'small': bool(r.get('small'))})
    for p in problems:
        print(p)
    if problems:
        return 1
    out.sort(key=lambda x: (x['article'], x['start']))
    print(f'{len(out)} mentions ({sum(x["small"] for x in out)} small) in '
          f'{len({x["article"] for x in out})} articles')
    if not a.check:
        with open(OUT, 'w', encoding='utf-8') as f:
            for x in out:
                f.write(json.dumps(x, ensure_ascii=False) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
