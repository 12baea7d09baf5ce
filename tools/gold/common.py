"""Shared by the article-gold tools: where the texts are, how they are read
(exactly the text geotl receives), and the sentence split shown to
annotators. The committed gold holds byte offsets into these texts, never the
texts themselves."""
import glob, html, json, os, re

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
SHARED = os.path.normpath(os.path.join(ROOT, '..', 'shared', 'devsets'))
GOLD_DIR = os.path.join(ROOT, 'tests', 'data', 'articlegold')
GNAD = os.path.join(SHARED, 'news', '10kgnad-dev.ndjson')
TBAQ = os.path.join(SHARED, 'temporal', 'tbaq-cleaned')
# German articles have no known publication day; the scorer gives them this
# one (dates are scored on English articles only).
GERMAN_PUBLISHED = '2016-01-15'


def tbaq_text(path):
    raw = open(path, encoding='utf-8').read()
    m = re.search(r'<TEXT>(.*?)</TEXT>', raw, re.S)
    body = m.group(1) if m else raw
    return html.unescape(re.sub(r'<[^>]+>', '', body))


def tbaq_dct(path):
    raw = open(path, encoding='utf-8').read(20000)
    m = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([0-9-]{10})', raw)
    return m.group(1) if m else None


def tbaq_docs():
    """{article id: path} for every TBAQ-cleaned document, sorted."""
    out = {}
    for sub in ('AQUAINT', 'TimeBank'):
        for p in sorted(glob.glob(os.path.join(TBAQ, sub, '*.tml'))):
            out['tbaq-' + os.path.basename(p)[:-4]] = p
    return out


# TBAQ file-name prefixes name the publisher (what a user's sidecar would
# give as `source`); AP wires and the unnamed ea/ed broadcasts have none
# with a country.
TBAQ_PUBLISHERS = {'ABC': 'ABC News', 'CNN': 'CNN', 'NYT': 'New York Times', 'PRI': 'PRI',
                   'VOA': 'VOA', 'WSJ': 'Wall Street Journal', 'wsj': 'Wall Street Journal',
                   'XIE': 'Xinhua', 'SJMN': 'San Jose Mercury News', 'APW': 'AP', 'AP': 'AP'}


def tbaq_publisher(article_id):
    m = re.match(r'tbaq-([A-Za-z]+)', article_id)
    return TBAQ_PUBLISHERS.get(m.group(1), '') if m else ''


def load_meta():
    """{article id: its record of articles.jsonl} (language, section, split,
    politics)."""
    with open(os.path.join(GOLD_DIR, 'articles.jsonl'), encoding='utf-8') as f:
        return {m['article']: m for m in map(json.loads, f)}


def load_articles(ids=None):
    """{id: {id, text, published, language, section?, source}} for the gold
    sources; `ids` restricts the set."""
    want = set(ids) if ids is not None else None
    out = {}
    with open(GNAD, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            if want is not None and r['id'] not in want:
                continue
            out[r['id']] = {'id': r['id'], 'text': r['text'], 'language': 'de',
                            'published': GERMAN_PUBLISHED,
                            'section': r['section'], 'source': r.get('publisher', 'derStandard')}
    for aid, p in tbaq_docs().items():
        if want is not None and aid not in want:
            continue
        out[aid] = {'id': aid, 'text': tbaq_text(p), 'language': 'en',
                    'published': tbaq_dct(p), 'source': tbaq_publisher(aid)}
    return out


_ABBREV = re.compile(r'(?:\b(?:[A-Z]|Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Corp|Inc|Co|Ltd|No|vs|etc|bzw|z\.B|u\.a|ca|Nr|Abs|Art|Mio|Mrd|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Okt|Dez)\.)$')


def split_sentences(text):
    """[(start, end)] character spans: a break after . ! ? (and closing
    quotes) followed by whitespace and an upper-case letter, digit or quote,
    not after common abbreviations or a day number ("3. März"); and at blank
    lines."""
    spans, start = [], 0
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        brk = None
        if c in '.!?':
            j = i + 1
            while j < n and text[j] in '"\'»«“”’)':
                j += 1
            k = j
            while k < n and text[k] in ' \t\r\n':
                k += 1
            if k > j and k < n and (text[k].isupper() or text[k] in '"„“»«\'' or text[k].isdigit()):
                head = text[start:i + 1]
                if c == '.' and (_ABBREV.search(head) or re.search(r'(?:^|\s)\d{1,2}\.$', head)):
                    brk = None
                else:
                    brk = (j, k)
        elif c == '\n' and i + 1 < n and text[i + 1] == '\n':
            brk = (i, i + 2)
        if brk:
            if text[start:brk[0]].strip():
                spans.append((start, brk[0]))
            start = brk[1]
            i = brk[1]
            continue
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    # trim whitespace
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def byte_offset(text, char_index):
    return len(text[:char_index].encode('utf-8'))
