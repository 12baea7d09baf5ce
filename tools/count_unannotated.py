#!/usr/bin/python3
"""Events geotl emits for the 10kGNAD dev articles that no one annotated,
by section: a precision check on news the gold never saw and no rule was
written from. Sport, culture, web, science, business and panorama articles
hold few political events (docs/annotation.md), so their events are mostly
false; a change that adds events there adds noise.

  /usr/bin/python3 tools/count_unannotated.py [--extract CMD]

Output: one JSON object on stdout: per section the articles, the events
and events per article; "non_politics" sums every section but International
and Inland. The articles of the gold (tests/data/articlegold) are left out.
"""
import argparse, json, os, shlex, subprocess, sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gold'))
import common  # noqa: E402
from score_articles import find_extract  # noqa: E402

POLITICS = ('International', 'Inland')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--extract', help='command printing events NDJSON for articles on stdin')
    a = ap.parse_args()
    cmd = shlex.split(a.extract) if a.extract else find_extract()
    gold = set(json.loads(l)['article']
               for l in open(os.path.join(common.GOLD_DIR, 'articles.jsonl'), encoding='utf-8'))
    arts = []
    with open(common.GNAD, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            if r['id'] not in gold:
                arts.append(r)
    data = ''.join(json.dumps({'id': r['id'], 'text': r['text'], 'language': 'de',
                               'published': common.GERMAN_PUBLISHED,
                               'source': r.get('publisher', 'derStandard')},
                              ensure_ascii=False) + '\n' for r in arts)
    out = subprocess.run(cmd, input=data.encode(), capture_output=True, check=True).stdout.decode()
    per_article = Counter()
    for line in out.splitlines():
        e = json.loads(line)
        per_article[e['sources'][0]['article']] += 1
    by_section = defaultdict(list)
    for r in arts:
        by_section[r['section']].append(per_article[r['id']])
    result = {'command': ' '.join(cmd), 'sections': {}}
    nonpol = []
    for section, counts in sorted(by_section.items()):
        result['sections'][section] = {'articles': len(counts), 'events': sum(counts),
                                       'per_article': round(sum(counts) / len(counts), 3)}
        if section not in POLITICS:
            nonpol += counts
    result['non_politics'] = {'articles': len(nonpol), 'events': sum(nonpol),
                              'per_article': round(sum(nonpol) / len(nonpol), 3) if nonpol else 0.0}
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == '__main__':
    main()
