#!/usr/bin/python3
"""Whole-article scorer: every event geotl emits for the gold articles
against every gold event (tests/data/articlegold, docs/annotation.md).

  /usr/bin/python3 tools/score_articles.py [--split dev|test|all] [--lang de|en|all]
        [--round N] [--extract CMD] [--min-confidence C] [--errors] [--calibration]

Each gold article goes through `geotl extract` (German articles dated
common.GERMAN_PUBLISHED, English ones by their DCT). A predicted event and a
gold event are *aligned* when the gold trigger lies inside the predicted
event's source sentence; alignment is one-to-one, best agreement first
(type, then actor countries, status, recipients). A predicted event is
*right* when its aligned gold event has the same type, the same set of actor
countries and the same status. precision = right / emitted; recall = gold
events with a right prediction / gold events. Field rates are over aligned
pairs: type, actors, recipients (country sets), status, place (country, and
name unless the gold place is a country), date (English only: same start and
end; a gold date of null wants the publication day or an unresolved date).
False events per non-politics article: emitted events not right, averaged
over articles whose gold `politics` is false.

Output: one JSON object on stdout. --errors prints the dev split's right,
wrong, false and missed events on stderr (field "kind") (refused for the test split: it is scored only to
report). --round N scores only the articles of one draw
(tools/gold/select_articles.py; 1 = the first, 2 = the articles added later,
never read while the rules before them were written). --calibration adds, per confidence threshold, the share of right
events among events at or above it.
"""
import argparse, calendar, glob, json, os, shlex, subprocess, sys, unicodedata
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gold'))
import common  # noqa: E402

ALIAS = {'SUN': 'RUS', 'USR': 'RUS'}


def find_extract():
    if os.environ.get('GEOTL_EXTRACT'):
        return shlex.split(os.environ['GEOTL_EXTRACT'])
    bins = [b for b in glob.glob(os.path.join(common.ROOT, 'build*', 'cli', 'geotl')) if os.access(b, os.X_OK)]
    if not bins:
        sys.exit('score_articles: no build*/cli/geotl; build geotl or pass --extract')
    return [max(bins, key=os.path.getmtime), 'extract']


def country(code):
    c = (code or '').split('/')[0].upper()
    return ALIAS.get(c, c)


def pred_countries(actors):
    return frozenset(country(a.get('country')) for a in actors or [] if a.get('country'))


def gold_countries(codes):
    return frozenset(country(c) for c in codes)


def gold_range(d, published):
    if d is None:
        return None
    if isinstance(d, list):
        a, b = gold_range(d[0], published), gold_range(d[1], published)
        return (a[0], b[1])
    if len(d) == 10:
        return (d, d)
    if len(d) == 7:
        y, m = int(d[:4]), int(d[5:])
        return (d + '-01', f'{d}-{calendar.monthrange(y, m)[1]:02d}')
    return (d + '-01-01', d + '-12-31')


def fold(s):
    s = unicodedata.normalize('NFKD', s or '')
    return ''.join(c for c in s if not unicodedata.combining(c)).lower().strip()


def place_right(pred, gold):
    loc = pred.get('location')
    if gold is None:
        return loc is None or not loc.get('text')
    if not loc or country(loc.get('country')) != country(gold['country']):
        return False
    if gold['precision'] in ('country', 'region'):
        return loc.get('precision') in ('country', 'region')
    names = {fold(loc.get('name')), fold(loc.get('text')), fold(loc.get('admin1'))}
    return fold(gold['name']) in names


def date_right(pred, gold, published):
    d = pred.get('date') or {}
    want = gold_range(gold['date'], published)
    if want is None:
        return d.get('precision') == 'unresolved' or (d.get('start') == published and d.get('end') == published)
    return (d.get('start'), d.get('end')) == want


def agreement(p, g):
    return ((p['type'] == g['type']) * 8 + (pred_countries(p.get('actors')) == gold_countries(g['actors'])) * 4 +
            (p.get('status') == g['status']) * 2 +
            (pred_countries(p.get('recipients')) == gold_countries(g['recipients'])))


def is_right(p, g):
    return (p['type'] == g['type'] and pred_countries(p.get('actors')) == gold_countries(g['actors'])
            and p.get('status') == g['status'])


def align(preds, golds):
    """One-to-one pairs (pi, gi), best agreement first."""
    cands = []
    for pi, p in enumerate(preds):
        # Any of the event's source sentences (a merged event has several).
        for gi, g in enumerate(golds):
            if any(src['start'] <= g['trigger'][0] < src['end'] for src in p['sources']):
                cands.append((-agreement(p, g), pi, gi))
    cands.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, pi, gi in cands:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return pairs


def prf(right, emitted, matched, gold):
    p = right / emitted if emitted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def score(meta, arts, gold_by_article, preds_by_article, lang, errors_out=None):
    ids = [m['article'] for m in meta if lang in ('all', m['language'])]
    emitted = right = matched = n_gold = 0
    fields = Counter()
    n_aligned = n_aligned_en = 0
    nonpol_articles = nonpol_false = 0
    per_type = defaultdict(Counter)
    conf_rows = []
    for aid in ids:
        m = next(x for x in meta if x['article'] == aid)
        preds = preds_by_article.get(aid, [])
        golds = gold_by_article.get(aid, [])
        pairs = align(preds, golds)
        right_p = set()
        for pi, gi in pairs:
            p, g = preds[pi], golds[gi]
            n_aligned += 1
            fields['type'] += p['type'] == g['type']
            fields['actors'] += pred_countries(p.get('actors')) == gold_countries(g['actors'])
            fields['recipients'] += pred_countries(p.get('recipients')) == gold_countries(g['recipients'])
            fields['status'] += p.get('status') == g['status']
            fields['place'] += place_right(p, g['place'])
            if m['language'] == 'en':
                n_aligned_en += 1
                fields['date'] += date_right(p, g, arts[aid]['published'])
            if is_right(p, g):
                right_p.add(pi)
        emitted += len(preds)
        right += len(right_p)
        matched += len(right_p)
        n_gold += len(golds)
        for g in golds:
            per_type[g['type']]['gold'] += 1
        for pi, p in enumerate(preds):
            per_type[p['type']]['emitted'] += 1
            per_type[p['type']]['right'] += pi in right_p
            conf_rows.append((p.get('confidence', 0.0), pi in right_p))
        if not m.get('politics', True):
            nonpol_articles += 1
            nonpol_false += len(preds) - len(right_p)
        if errors_out is not None:
            gi_right = {gi for pi, gi in pairs if pi in right_p}
            pair_of = dict(pairs)
            text = arts[aid]['text'].encode('utf-8')
            for pi, p in enumerate(preds):
                src = p['sources'][0]
                g = golds[pair_of[pi]] if pi in pair_of else None
                kind = 'right' if pi in right_p else 'wrong' if g else 'false'
                errors_out.append({'kind': kind, 'article': aid,
                                   'sentence': text[src['start']:src['end']].decode('utf-8', 'replace'),
                                   'pred': {'type': p['type'], 'actors': sorted(pred_countries(p.get('actors'))),
                                            'recipients': sorted(pred_countries(p.get('recipients'))),
                                            'status': p.get('status'), 'conf': p.get('confidence'),
                                            'label': p.get('label')},
                                   'gold': g and {k: g[k] for k in ('type', 'actors', 'recipients', 'status')}})
            for gi, g in enumerate(golds):
                if gi in gi_right or gi in {x for _, x in pairs}:
                    continue
                errors_out.append({'kind': 'missed', 'article': aid,
                                   'sentence': text[g['start']:g['end']].decode('utf-8', 'replace'),
                                   'trigger': text[g['trigger'][0]:g['trigger'][1]].decode('utf-8', 'replace'),
                                   'gold': {k: g[k] for k in ('type', 'actors', 'recipients', 'status')}})
    p, r, f = prf(right, emitted, matched, n_gold)
    out = {'articles': len(ids), 'gold_events': n_gold, 'emitted': emitted, 'right': right,
           'precision': p, 'recall': r, 'f1': f, 'aligned': n_aligned,
           'field_rates': {k: round(fields[k] / n_aligned, 3) if n_aligned else 0.0
                           for k in ('type', 'actors', 'recipients', 'status', 'place')},
           'nonpolitics_articles': nonpol_articles,
           'false_events_per_nonpolitics_article': round(nonpol_false / nonpol_articles, 3) if nonpol_articles else 0.0,
           'per_type': {t: dict(c) for t, c in sorted(per_type.items())}}
    if n_aligned_en:
        out['field_rates']['date'] = round(fields['date'] / n_aligned_en, 3)
    out['_conf'] = conf_rows
    return out


def calibration(rows):
    table = []
    for c in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]:
        sel = [ok for conf, ok in rows if conf >= c]
        table.append({'min_confidence': c, 'events': len(sel),
                      'right': round(sum(sel) / len(sel), 3) if sel else None})
    return table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--split', default='dev', choices=['dev', 'test', 'all'])
    ap.add_argument('--lang', default='all', choices=['de', 'en', 'all'])
    ap.add_argument('--round', type=int, default=0, help='only the articles of this draw')
    ap.add_argument('--extract')
    ap.add_argument('--min-confidence', type=float, default=None)
    ap.add_argument('--errors', action='store_true')
    ap.add_argument('--calibration', action='store_true')
    a = ap.parse_args()
    if a.errors and a.split != 'dev':
        sys.exit('score_articles: --errors is for the dev split only (the test split is never read)')
    meta = [json.loads(l) for l in open(os.path.join(common.GOLD_DIR, 'articles.jsonl'), encoding='utf-8')]
    meta = [m for m in meta if a.split == 'all' or m['split'] == a.split]
    if a.round:
        meta = [m for m in meta if m.get('round', 1) == a.round]
    arts = common.load_articles([m['article'] for m in meta])
    gold = defaultdict(list)
    with open(os.path.join(common.GOLD_DIR, 'events.jsonl'), encoding='utf-8') as f:
        for l in f:
            g = json.loads(l)
            if g['article'] in arts:
                gold[g['article']].append(g)
    cmd = shlex.split(a.extract) if a.extract else find_extract()
    if a.min_confidence is not None:
        # Filtered here, so any extract command can be scored at any
        # threshold (geotl extract --min-confidence 0 prints every event).
        cmd += ['--min-confidence', '0']
    data = ''.join(json.dumps({k: v for k, v in arts[m['article']].items() if k != 'section'},
                              ensure_ascii=False) + '\n' for m in meta)
    proc = subprocess.run(cmd, input=data.encode('utf-8'), capture_output=True)
    if proc.returncode != 0:
        sys.exit('score_articles: extract failed: ' + proc.stderr.decode('utf-8', 'replace')[-2000:])
    preds = defaultdict(list)
    for line in proc.stdout.decode('utf-8').splitlines():
        if line.strip():
            e = json.loads(line)
            if a.min_confidence is not None and e.get('confidence', 0.0) < a.min_confidence:
                continue
            preds[e['sources'][0]['article']].append(e)
    result = {'split': a.split, **({'round': a.round} if a.round else {}), 'command': ' '.join(cmd)}
    errs = [] if a.errors else None
    for lang in (['de', 'en'] if a.lang == 'all' else [a.lang]):
        s = score(meta, arts, gold, preds, lang, errs)
        rows = s.pop('_conf')
        if a.calibration:
            s['calibration'] = calibration(rows)
        result[lang] = s
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if errs is not None:
        for e in errs:
            print(json.dumps(e, ensure_ascii=False), file=sys.stderr)


if __name__ == '__main__':
    main()
