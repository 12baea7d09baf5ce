"""Checks of tools/score_articles.py's alignment: an event is matched to a
gold event in any of its source sentences (a merged event has several), one
to one, best agreement first; `is_right` needs type, actor countries and
status."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'tools'))
import score_articles as sa  # noqa: E402


def ev(type_, actors, sources, status='occurred', recipients=()):
    return {'type': type_, 'status': status,
            'actors': [{'country': c} for c in actors],
            'recipients': [{'country': c} for c in recipients],
            'sources': [{'start': a, 'end': b} for a, b in sources]}


def gold(type_, actors, trigger, status='occurred', recipients=()):
    return {'type': type_, 'actors': list(actors), 'recipients': list(recipients),
            'status': status, 'trigger': [trigger, trigger + 4]}


def check(cond, what):
    if not cond:
        print('FAIL:', what)
        sys.exit(1)


# A headline event merged with the body sentence that the gold annotates.
merged = ev('COERCE', ['CUB'], [(0, 50), (51, 200)])
golds = [gold('COERCE', ['CUB/COP'], 120)]
pairs = sa.align([merged], golds)
check(pairs == [(0, 0)], 'event aligned through its second source: %r' % pairs)
check(sa.is_right(merged, golds[0]), 'same type, actor country and status is right')

# One to one: two gold events in a sentence, one prediction: the better one.
preds = [ev('ACCUSE', ['AUT'], [(0, 100)])]
golds = [gold('REQUEST', ['AUT/GOV'], 10), gold('ACCUSE', ['AUT/GOV'], 40)]
check(sa.align(preds, golds) == [(0, 1)], 'best agreement first')

# Outside every source sentence: no pair.
check(sa.align([ev('ACCUSE', ['AUT'], [(0, 30)])], [gold('ACCUSE', ['AUT'], 40)]) == [],
      'no pair outside the sources')

# Wrong status or actor set is not right.
check(not sa.is_right(ev('ACCUSE', ['AUT'], [(0, 9)], status='planned'),
                      gold('ACCUSE', ['AUT'], 1)), 'status must agree')
check(not sa.is_right(ev('ACCUSE', ['AUT', 'DEU'], [(0, 9)]),
                      gold('ACCUSE', ['AUT'], 1)), 'actor set must agree')
print('score_articles: 6 checks passed')
