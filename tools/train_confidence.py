#!/usr/bin/python3
"""Trains the calibrated confidence model (ingest/code/confidence.h) from the
whole-article gold's dev split, one model per language, and writes
lexicons/<lang>/confidence.json.

Every event `geotl explain --format json` codes in the dev articles is one
example: its trace's features, labelled right or not as the article scorer
(tools/score_articles.py) decides. The model is L2-regularised logistic
regression fitted by Newton's method: deterministic, plain Python, no
downloads. Besides the features, each event type gets its own weight
(one-hot, "type_weights": what the features miss, e.g. that stance verbs
are more often wrong). The L2 strength is the one of L2_CHOICES with the
lowest 5-fold cross-validated (by article) log-loss; the script prints
that log-loss and the calibration of the held-out predictions, then fits
on all dev articles. The test split is never read.

  /usr/bin/python3 tools/train_confidence.py [--geotl build/cli/geotl] [--dry-run]

The model is trained on the coder's own output: retrain after changing rules
or lexicons (the features' meaning stays, their distribution moves). Train
with the confidence files removed or not: the features do not depend on them.
"""
import argparse, json, math, os, subprocess, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'gold'))
sys.path.insert(0, HERE)
import common  # noqa: E402
import compile as gold_compile  # noqa: E402  (the 17 types of the gold)
import score_articles as SA  # noqa: E402

FEATURES = ['rule_score', 'actor', 'inherited', 'recipient', 'named_place', 'political_actor',
            'occurred', 'planned', 'report', 'governor', 'verb', 'topic', 'density', 'lead',
            'compound', 'weight', 'fallback']
TYPES = sorted(gold_compile.TYPES)
L2_CHOICES = (1.0, 3.0, 10.0)


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(xs, ys, l2):
    """Weights (bias first) of L2 logistic regression, Newton iterations."""
    n = len(xs[0]) + 1
    w = [0.0] * n
    rows = [[1.0] + x for x in xs]
    for _ in range(50):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for r, y in zip(rows, ys):
            z = sum(wi * ri for wi, ri in zip(w, r))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in range(n):
                grad[i] += (p - y) * r[i]
                for j in range(n):
                    hess[i][j] += p * (1 - p) * r[i] * r[j]
        for i in range(1, n):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def predict(w, x):
    z = w[0] + sum(wi * xi for wi, xi in zip(w[1:], x))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def examples(geotl, meta, arts, gold):
    data = ''.join(json.dumps({k: v for k, v in arts[m['article']].items() if k != 'section'},
                              ensure_ascii=False) + '\n' for m in meta)
    p = subprocess.run([geotl, 'explain', '--format', 'json'], input=data.encode('utf-8'),
                       capture_output=True)
    if p.returncode != 0:
        sys.exit('train_confidence: explain failed: ' + p.stderr.decode('utf-8', 'replace')[-2000:])
    out = defaultdict(list)  # article -> [(features, right)]
    for line in p.stdout.decode('utf-8').splitlines():
        a = json.loads(line)
        preds = a['events']
        golds = gold.get(a['article'], [])
        right = set()
        for pi, gi in SA.align(preds, golds):
            if SA.is_right(preds[pi], golds[gi]):
                right.add(pi)
        for pi, e in enumerate(preds):
            f = e['trace']['features']
            x = [float(f[k]) for k in FEATURES] + [1.0 if e['type'] == t else 0.0 for t in TYPES]
            out[a['article']].append((x, 1.0 if pi in right else 0.0))
    return out


def auc(pairs):
    """Probability that a right event scores above a wrong one (ties half)."""
    pos = sorted(p for p, y in pairs if y)
    neg = sorted(p for p, y in pairs if not y)
    if not pos or not neg:
        return None
    wins, j, k = 0.0, 0, 0
    for p in pos:
        while j < len(neg) and neg[j] < p:
            j += 1
        k = j
        while k < len(neg) and neg[k] == p:
            k += 1
        wins += j + 0.5 * (k - j)
    return round(wins / (len(pos) * len(neg)), 3)


def calibration(pairs):
    rows = []
    for c in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        sel = [y for p, y in pairs if p >= c]
        rows.append({'min_confidence': c, 'events': len(sel),
                     'right': round(sum(sel) / len(sel), 3) if sel else None})
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--geotl', default=os.path.join(common.ROOT, 'build', 'cli', 'geotl'))
    ap.add_argument('--dry-run', action='store_true')
    a = ap.parse_args()
    meta = [json.loads(l) for l in open(os.path.join(common.GOLD_DIR, 'articles.jsonl'), encoding='utf-8')]
    meta = [m for m in meta if m['split'] == 'dev']
    arts = common.load_articles([m['article'] for m in meta])
    gold = defaultdict(list)
    for l in open(os.path.join(common.GOLD_DIR, 'events.jsonl'), encoding='utf-8'):
        g = json.loads(l)
        if g['article'] in arts:
            gold[g['article']].append(g)
    report = {}
    for lang in ('de', 'en'):
        lm = [m for m in meta if m['language'] == lang]
        ex = examples(a.geotl, lm, arts, gold)
        ids = [m['article'] for m in lm]
        best = None
        for l2 in L2_CHOICES:
            held = []
            for k in range(5):
                tr = [e for i, aid in enumerate(ids) if i % 5 != k for e in ex.get(aid, [])]
                te = [e for i, aid in enumerate(ids) if i % 5 == k for e in ex.get(aid, [])]
                w = fit([x for x, _ in tr], [y for _, y in tr], l2)
                held += [(predict(w, x), y) for x, y in te]
            ll = -sum(math.log(max(1e-9, p if y else 1 - p)) for p, y in held) / max(1, len(held))
            if best is None or ll < best[0]:
                best = (ll, l2, held)
        ll, l2, held = best
        allx = [e for aid in ids for e in ex.get(aid, [])]
        w = fit([x for x, _ in allx], [y for _, y in allx], l2)
        base = sum(y for _, y in allx) / max(1, len(allx))
        const = -(base * math.log(base) + (1 - base) * math.log(1 - base)) if 0 < base < 1 else 0.0
        report[lang] = {'events': len(allx), 'right': int(sum(y for _, y in allx)), 'l2': l2,
                        'cv_log_loss': round(ll, 3), 'constant_log_loss': round(const, 3),
                        'cv_auc': auc(held), 'cv_calibration': calibration(held)}
        model = {'kind': 'confidence', 'language': lang,
                 'description': 'Calibrated event confidence: logistic regression over the coder\'s '
                 'features, trained by tools/train_confidence.py on the whole-article gold dev split '
                 '(tests/data/articlegold). Retrain after changing rules or lexicons.',
                 'bias': round(w[0], 4), 'weights': {f: round(v, 4) for f, v in zip(FEATURES, w[1:])},
                 'type_weights': {t: round(v, 4) for t, v in zip(TYPES, w[1 + len(FEATURES):])},
                 'training': report[lang]}
        if not a.dry_run:
            with open(os.path.join(common.ROOT, 'lexicons', lang, 'confidence.json'), 'w', encoding='utf-8') as f:
                json.dump(model, f, ensure_ascii=False, indent=1)
                f.write('\n')
    print(json.dumps(report, indent=1))


if __name__ == '__main__':
    main()
