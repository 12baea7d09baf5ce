#!/usr/bin/python3
"""TempEval-3 style scorer for `geotl dates` on the flattened gold TIMEX TSVs.

For every document named in <corpus>/gold_timex.tsv the script rebuilds the
tag-stripped TEXT element, runs `geotl dates --dct DCT --lang L` on it (stdin),
converts the byte offsets of the output to character offsets and compares them
with the gold: strict extent F1 (same span), relaxed extent F1 (overlap), type
and value accuracy over relaxed matches, value F1 = relaxed F1 x value accuracy.

  /usr/bin/python3 tools/score_timex.py --geotl build/geotl tbaq krauts wikiwarsde
  /usr/bin/python3 tools/score_timex.py --geotl build/geotl --suites   # phrase suites
Options: --errors N prints N mismatches per corpus (TSV on stderr: FP/FN/VAL,
document, text, values, sentence); --json prints one JSON object. value_p and
value_r count matches with the right value over system and gold expressions.
"""
import argparse, csv, glob, html, json, os, re, subprocess, sys
from collections import defaultdict

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..',
                      'shared', 'devsets', 'temporal')
CORPORA = {  # name: (folder, language, document globs)
    'tbaq': ('tbaq-cleaned', 'en', ['AQUAINT/*.tml', 'TimeBank/*.tml']),
    'krauts': ('krauts-dolomiten42', 'de', ['KRAUTS_Dolomiten-42/*.tml']),
    'wikiwarsde': ('wikiwarsde', 'de', ['WikiWarsDE_20110412/keyinline/*.xml']),
}
csv.field_size_limit(1 << 30)


def text_element(path):
    raw = open(path, encoding='utf-8').read()
    m = re.search(r'<TEXT>(.*?)</TEXT>', raw, re.S)
    body = m.group(1) if m else raw
    return html.unescape(re.sub(r'<[^>]+>', '', body))


def file_dct(path):
    raw = open(path, encoding='utf-8').read(20000)
    m = (re.search(r'<DCT>\s*<TIMEX3[^>]*value="([0-9-]{10})', raw) or
         re.search(r'<DATETIME>\s*<TIMEX2[^>]*val="([0-9-]{10})', raw))
    return m.group(1) if m else None


def read_gold(corpus_dir, globs):
    # Every document of the corpus counts, also those without gold TIMEX
    # (their system output is false positives).
    docs = defaultdict(list)
    dcts = {}
    for g in globs:
        for path in glob.glob(os.path.join(corpus_dir, g)):
            doc = os.path.relpath(path, corpus_dir)
            d = file_dct(path)
            if d:
                docs[doc]
                dcts[doc] = d
    with open(os.path.join(corpus_dir, 'gold_timex.tsv'), encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            docs[row['doc']].append(row)
            dcts[row['doc']] = row['dct'][:10]
    return docs, dcts


def run_dates(geotl, text, dct, lang):
    p = subprocess.run([geotl, 'dates', '--dct', dct, '--lang', lang],
                       input=text.encode('utf-8'), capture_output=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode('utf-8', 'replace'))
        raise SystemExit('geotl dates failed')
    data = text.encode('utf-8')
    out = []
    for line in p.stdout.decode('utf-8').splitlines():
        if not line.strip():
            continue
        t = json.loads(line)
        # byte offsets -> character offsets
        t['cs'] = len(data[:t['start']].decode('utf-8'))
        t['ce'] = len(data[:t['end']].decode('utf-8'))
        out.append(t)
    return out


def f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score_corpus(geotl, name, show_errors):
    sub, lang, globs = CORPORA[name]
    cdir = os.path.join(SHARED, sub)
    docs, dcts = read_gold(cdir, globs)
    n_gold = n_sys = strict = rel_g = rel_s = type_ok = val_ok = matched = 0
    bad_offsets = 0
    errors = []
    for doc in sorted(docs):
        path = os.path.join(cdir, doc)
        text = text_element(path)
        gold = [g for g in docs[doc] if g['start'].isdigit()]
        for g in gold:
            if text[int(g['start']):int(g['end'])] != g['text']:
                bad_offsets += 1
        sysx = run_dates(geotl, text, dcts[doc], lang)
        n_gold += len(gold)
        n_sys += len(sysx)
        gspans = [(int(g['start']), int(g['end'])) for g in gold]
        for s in sysx:
            if any(s['cs'] < ge and gs < s['ce'] for gs, ge in gspans):
                rel_s += 1
            else:
                errors.append(('FP', doc, s['text'], s['value'], ''))
        for g, (gs, ge) in zip(gold, gspans):
            over = [s for s in sysx if s['cs'] < ge and gs < s['ce']]
            if not over:
                errors.append(('FN', doc, g['text'], g['value'], g['sentence'][:160]))
                continue
            rel_g += 1
            ex = [s for s in over if s['cs'] == gs and s['ce'] == ge]
            if ex:
                strict += 1
            s = ex[0] if ex else over[0]
            matched += 1
            if s['type'] == g['type'] or not g['type']:
                type_ok += 1
            if s['value'] == g['value']:
                val_ok += 1
            else:
                errors.append(('VAL', doc, g['text'] + ' | ' + s['text'],
                               'gold=%s sys=%s dct=%s' % (g['value'], s['value'], dcts[doc]),
                               g['sentence'][:160]))
    sp = strict / n_sys if n_sys else 0
    sr = strict / n_gold if n_gold else 0
    rp = rel_s / n_sys if n_sys else 0
    rr = rel_g / n_gold if n_gold else 0
    res = {
        'corpus': name, 'documents': len(docs), 'gold': n_gold, 'system': n_sys,
        'strict_p': sp, 'strict_r': sr, 'strict_f1': f1(sp, sr),
        'relaxed_p': rp, 'relaxed_r': rr, 'relaxed_f1': f1(rp, rr),
        'type_accuracy': type_ok / matched if matched else 0,
        'value_accuracy': val_ok / matched if matched else 0,
    }
    res['value_f1'] = res['relaxed_f1'] * res['value_accuracy']
    # Value precision/recall: matches with the right value over system / gold
    # expressions (value F1 above is TempEval-3's relaxed F1 x accuracy).
    res['value_p'] = val_ok / n_sys if n_sys else 0
    res['value_r'] = val_ok / n_gold if n_gold else 0
    res['type_f1'] = res['relaxed_f1'] * res['type_accuracy']
    if bad_offsets:
        res['gold_offset_mismatches'] = bad_offsets
    return res, errors[:show_errors] if show_errors else []


def ms_suite(geotl, lang_name, lang):
    path = os.path.join(SHARED, 'ms-recognizers-specs', lang_name + '_DateTimeModel.tsv')
    found = value_ok = total = 0
    with open(path, encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            if not row['start'].isdigit() or not row['reference_datetime']:
                continue
            total += 1
            dct = row['reference_datetime'][:10]
            sysx = run_dates(geotl, row['input'], dct, lang)
            s0, e0 = int(row['start']), int(row['end']) + 1
            over = [s for s in sysx if s['cs'] < e0 and s0 < s['ce']]
            if over:
                found += 1
                if any(s['value'] == row['timex'] for s in over):
                    value_ok += 1
    return {'suite': 'ms-' + lang, 'phrases': total, 'found': found,
            'value_match': value_ok}


def duckling_suite(geotl, lang_code, lang):
    path = os.path.join(SHARED, 'duckling-corpus', lang_code + '_examples.tsv')
    found = day_ok = day_total = total = 0
    with open(path, encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            if row['kind'] != 'datetime':
                continue
            total += 1
            sysx = run_dates(geotl, row['phrase'], '2013-02-12', lang)
            if sysx:
                found += 1
            if row['grain'] in ('Day', 'Month', 'Year') and not row['value_end_or_direction']:
                day_total += 1
                want = row['value_start'][:10]
                if any(s.get('from') == want for s in sysx):
                    day_ok += 1
    return {'suite': 'duckling-' + lang, 'phrases': total, 'found': found,
            'day_month_year_phrases': day_total, 'start_day_match': day_ok}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpora', nargs='*', default=['tbaq', 'krauts', 'wikiwarsde'])
    ap.add_argument('--geotl', default='build/geotl')
    ap.add_argument('--errors', type=int, default=0)
    ap.add_argument('--suites', action='store_true')
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    results = []
    for c in a.corpora:
        res, errs = score_corpus(a.geotl, c, a.errors)
        results.append(res)
        for e in errs:
            print('\t'.join(e), file=sys.stderr)
    if a.suites:
        results.append(ms_suite(a.geotl, 'English', 'en'))
        results.append(ms_suite(a.geotl, 'German', 'de'))
        results.append(duckling_suite(a.geotl, 'EN', 'en'))
        results.append(duckling_suite(a.geotl, 'DE', 'de'))
    if a.json:
        print(json.dumps(results, indent=1))
        return
    for r in results:
        print('  '.join('%s=%s' % (k, ('%.3f' % v) if isinstance(v, float) else v)
                        for k, v in r.items()))


if __name__ == '__main__':
    main()
