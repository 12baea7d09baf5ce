#!/usr/bin/python3
"""Turns annotators' files (sentence numbers and trigger words, see
docs/annotation.md) into the committed gold: byte offsets into the article
text and the fields, no text.

  /usr/bin/python3 tools/gold/compile.py --check FILE...   # validate only
  /usr/bin/python3 tools/gold/compile.py FILE...           # validate, write
        tests/data/articlegold/events.jsonl and politics into articles.jsonl
  /usr/bin/python3 tools/gold/compile.py --merge FILE...   # the same for the
        articles of FILE... only; every other article keeps its committed
        events and politics flag (a later draw, select_articles.py round 2)
Every problem is printed as FILE:LINE: message; nothing is written when
there is one."""
import argparse, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common

TYPES = {'STATEMENT', 'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID',
         'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE',
         'SANCTION', 'COERCE', 'ASSAULT'}
STATUS = {'occurred', 'planned', 'hypothetical', 'negated'}
PRECISION = {'city', 'admin2', 'admin1', 'country', 'region'}
CODE = re.compile(r'^[A-Z][A-Z0-9]{1,7}(/[A-Z]{3})?$')
DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')


def check_date(d):
    if d is None:
        return True
    if isinstance(d, str):
        return bool(DATE.match(d))
    return (isinstance(d, list) and len(d) == 2 and all(isinstance(x, str) and DATE.match(x) for x in d))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('files', nargs='+')
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--merge', action='store_true')
    a = ap.parse_args()
    meta = common.load_meta()
    arts = common.load_articles(list(meta))
    spans = {k: common.split_sentences(v['text']) for k, v in arts.items()}
    errors, events, politics = [], [], {}
    for path in a.files:
        for ln, line in enumerate(open(path, encoding='utf-8'), 1):
            line = line.strip()
            if not line:
                continue
            where = f'{path}:{ln}'
            try:
                r = json.loads(line)
            except ValueError as e:
                errors.append(f'{where}: not JSON ({e})')
                continue
            aid = r.get('article')
            if aid not in meta:
                errors.append(f'{where}: unknown article {aid!r}')
                continue
            if 'politics' in r and 'type' not in r:
                politics[aid] = bool(r['politics'])
                continue
            sents = spans[aid]
            s = r.get('s')
            if not isinstance(s, int) or not 0 <= s < len(sents):
                errors.append(f'{where}: sentence {s!r} not in 0..{len(sents) - 1}')
                continue
            text = arts[aid]['text']
            cs, ce = sents[s]
            sent = text[cs:ce].replace('\n', ' ')
            trig = r.get('trigger') or ''
            k = sent.find(trig) if trig else -1
            if k < 0:
                errors.append(f'{where}: trigger {trig!r} not in sentence {s} of {aid}')
                continue
            bad = []
            if r.get('type') not in TYPES:
                bad.append(f"type {r.get('type')!r}")
            if r.get('status') not in STATUS:
                bad.append(f"status {r.get('status')!r}")
            for role in ('actors', 'recipients'):
                v = r.get(role)
                if not isinstance(v, list) or not all(isinstance(c, str) and CODE.match(c) for c in v):
                    bad.append(f'{role} {v!r}')
            if not check_date(r.get('date')):
                bad.append(f"date {r.get('date')!r}")
            if meta[aid]['language'] == 'de' and r.get('date') is not None:
                bad.append('German articles take date null')
            p = r.get('place')
            if p is not None and not (isinstance(p, dict) and isinstance(p.get('name'), str)
                                      and isinstance(p.get('country'), str) and len(p['country']) == 3
                                      and p.get('precision') in PRECISION):
                bad.append(f'place {p!r}')
            if bad:
                errors.append(f'{where}: ' + ', '.join(bad))
                continue
            ts = cs + k
            events.append({'article': aid,
                           'start': common.byte_offset(text, cs), 'end': common.byte_offset(text, ce),
                           'trigger': [common.byte_offset(text, ts), common.byte_offset(text, ts + len(trig))],
                           'type': r['type'], 'actors': r['actors'], 'recipients': r['recipients'],
                           'status': r['status'], 'date': r.get('date'), 'place': p})
    for e in errors:
        print(e)
    if errors:
        sys.exit(1)
    print(json.dumps({'events': len(events), 'articles_with_politics_flag': len(politics)}))
    if a.check:
        return
    covered = set(politics)
    if a.merge:
        stray = sorted({e['article'] for e in events} - covered)
        if stray:
            print(f'{len(stray)} articles have events but no politics line, e.g. {stray[:3]}')
            sys.exit(1)
        with open(os.path.join(common.GOLD_DIR, 'events.jsonl'), encoding='utf-8') as f:
            events += [e for e in map(json.loads, f) if e['article'] not in covered]
        for aid, m in meta.items():
            if aid not in covered and 'politics' in m:
                politics[aid] = m['politics']
        covered = set(politics)
    missing = [k for k in meta if k not in covered]
    if missing:
        print(f'{len(missing)} gold articles have no politics line, e.g. {missing[:3]}')
        sys.exit(1)
    events.sort(key=lambda e: (e['article'], e['start'], e['trigger'][0]))
    with open(os.path.join(common.GOLD_DIR, 'events.jsonl'), 'w', encoding='utf-8') as f:
        for e in events:
            f.write(json.dumps(e, ensure_ascii=False) + '\n')
    with open(os.path.join(common.GOLD_DIR, 'articles.jsonl'), 'w', encoding='utf-8') as f:
        for aid, m in meta.items():
            m['politics'] = politics[aid]
            f.write(json.dumps(m, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
