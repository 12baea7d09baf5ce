#!/usr/bin/python3
"""Writes annotators' work files outside the repository: the gold articles
split into numbered sentences, in batches.

  /usr/bin/python3 tools/gold/workfiles.py OUT_DIR --batches de:4,en:2
  /usr/bin/python3 tools/gold/workfiles.py OUT_DIR --batches de:2,en:1 --split dev
                   (the place gold: dev split only)
  /usr/bin/python3 tools/gold/workfiles.py OUT_DIR --batches de:3,en:3 --round 2
                   (only the articles a later draw added)
Each batch is OUT_DIR/<lang><k>.txt. The numbering is common.split_sentences,
which compile.py uses again to turn sentence numbers into byte offsets."""
import argparse, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--batches', default='de:4,en:2')
    ap.add_argument('--split', default='', help='only the articles of this split')
    ap.add_argument('--round', type=int, default=0, help='only the articles of this draw')
    a = ap.parse_args()
    meta = [json.loads(l) for l in open(os.path.join(common.GOLD_DIR, 'articles.jsonl'))]
    if a.split:
        meta = [m for m in meta if m['split'] == a.split]
    if a.round:
        meta = [m for m in meta if m.get('round', 1) == a.round]
    arts = common.load_articles([m['article'] for m in meta])
    os.makedirs(a.out, exist_ok=True)
    for spec in a.batches.split(','):
        lang, k = spec.split(':')
        ids = [m for m in meta if m['language'] == lang]
        k = int(k)
        for b in range(k):
            part = ids[b::k]
            with open(os.path.join(a.out, f'{lang}{b + 1}.txt'), 'w', encoding='utf-8') as f:
                for m in part:
                    art = arts[m['article']]
                    head = f"=== ARTICLE {art['id']} | language {lang}"
                    if lang == 'de':
                        head += f" | section {m['section']} | publisher Der Standard (Vienna, AUT)"
                    else:
                        head += f" | published {art['published']}"
                    f.write(head + ' ===\n')
                    for n, (s, e) in enumerate(common.split_sentences(art['text'])):
                        f.write(f'[{n}] ' + art['text'][s:e].replace('\n', ' ') + '\n')
                    f.write('\n')
            print(lang, b + 1, len(part))


if __name__ == '__main__':
    main()
