// geotl dashboard: filters, events with their sources, a chart of counts over
// time and a country table. Uses only the HTTP API of this server (docs/api.md);
// no libraries, no network beyond this origin. All data goes into the page
// through textContent / setAttribute, never as HTML.
'use strict';

const PAGE_SIZE = 50;
const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID',
  'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION',
  'MOBILIZE', 'COERCE', 'ASSAULT', 'STATEMENT'];
// One colour per type, chosen so neighbours in the legend differ.
const COLORS = ['#1b9e77', '#377eb8', '#66a61e', '#a6761d', '#2c7fb8', '#4daf4a',
  '#999999', '#7570b3', '#e6ab02', '#d95f02', '#e7298a', '#984ea3', '#a65628',
  '#ff7f00', '#e41a1c', '#b2182b', '#666666'];
const FILTERS = ['actor', 'region', 'type', 'from', 'to', 'min_confidence'];
const SVG_NS = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);
// minConfidence: the server's default threshold (GET /v1/stats
// meta.defaults), used while the field is empty.
const state = { next: null, shown: 0, stats: null, generation: 0, minConfidence: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === '') continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

class ApiError extends Error {
  constructor(status, message, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter || '';
  }
}

async function api(path, params) {
  const qs = params ? params.toString() : '';
  const res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const err = (body && body.error) || {};
    throw new ApiError(res.status, err.message || `HTTP ${res.status}`, err.parameter);
  }
  return body;
}

// --- filters <-> URL ---------------------------------------------------------

// The filters as typed; for requests (withDefaults) an empty confidence
// field is the server's default threshold, so the dashboard shows what
// briefings show.
function filterParams(withDefaults = true) {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = $(`f-${name}`).value.trim();
    if (v) p.append(name, v);
  }
  if (withDefaults && !p.has('min_confidence') && state.minConfidence !== null) {
    p.append('min_confidence', String(state.minConfidence));
  }
  return p;
}

function readFiltersFromUrl() {
  const q = new URLSearchParams(window.location.search);
  for (const name of [...FILTERS, 'by']) {
    const v = q.get(name);
    if (v !== null) $(`f-${name}`).value = v;
  }
}

function writeFiltersToUrl() {
  const p = filterParams(false);
  const by = $('f-by').value;
  if (by !== 'auto') p.set('by', by);
  const qs = p.toString();
  window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
}

function showError(e) {
  const box = $('error');
  if (!e) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = e.parameter ? `${e.parameter}: ${e.message}` : e.message;
  for (const name of FILTERS) $(`f-${name}`).classList.toggle('bad', name === e.parameter);
}

// --- events -----------------------------------------------------------------

function actorNames(list) {
  return (list || []).map((a) => a.name || a.code || a.text).filter(Boolean).join(', ');
}

function dateText(d) {
  if (!d) return '';
  let s = d.start === d.end ? d.start : `${d.start} – ${d.end}`;
  if (d.granularity && d.granularity !== 'day') s += ` (${d.granularity})`;
  if (d.precision && d.precision !== 'exact') s += ` ~${d.precision}`;
  return s;
}

function placeText(loc) {
  if (!loc) return '';
  const parts = [loc.name];
  if (loc.country && loc.country !== loc.name) parts.push(loc.country);
  return parts.filter(Boolean).join(', ');
}

function sourceItem(s) {
  const who = s.publisher || s.article;
  const link = /^https?:\/\//i.test(s.url || '')
    ? el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, who) : who;
  return el('li', { class: 'source', 'data-article': s.article },
    link, s.published ? ` · ${s.published}` : '',
    s.quote ? el('q', {}, s.quote) : '');
}

function eventItem(e) {
  const who = actorNames(e.actors);
  const whom = actorNames(e.recipients);
  return el('li', { class: 'event', 'data-id': e.id, 'data-type': e.type, 'data-start': e.date && e.date.start },
    el('div', { class: 'event-head' },
      el('time', { class: 'date', datetime: e.date && e.date.start }, dateText(e.date)),
      el('span', { class: `type t-${e.type}` }, e.type),
      e.label ? el('span', { class: 'label' }, e.label) : '',
      e.status && e.status !== 'occurred' ? el('span', { class: 'status' }, e.status) : ''),
    el('div', { class: 'who' }, who || '—', whom ? ` → ${whom}` : ''),
    e.location ? el('div', { class: 'where' }, placeText(e.location)) : '',
    e.summary ? el('p', { class: 'summary' }, e.summary) : '',
    el('ul', { class: 'sources', 'aria-label': 'sources' }, ...(e.sources || []).map(sourceItem)));
}

async function loadEvents(reset, generation) {
  const p = filterParams();
  p.set('limit', String(PAGE_SIZE));
  if (!reset && state.next) p.set('cursor', state.next);
  const body = await api('/v1/events', p);
  if (generation !== state.generation) return;
  const list = $('events');
  if (reset) { list.replaceChildren(); state.shown = 0; }
  for (const e of body.data || []) list.append(eventItem(e));
  state.shown += (body.data || []).length;
  const meta = body.meta || {};
  state.next = meta.next || null;
  $('more').hidden = !state.next;
  $('event-total').textContent = typeof meta.total === 'number'
    ? `${state.shown} of ${meta.total}` : `${state.shown}`;
  if (!state.shown) list.append(el('li', { class: 'empty' }, 'No events match these filters.'));
  if (meta.as_of) {
    const a = meta.as_of;
    $('as-of').textContent = `store at write #${a.sequence !== undefined ? a.sequence : a}` +
      (a.time ? ` (${a.time})` : '');
  }
}

// --- chart --------------------------------------------------------------------

function daysBetween(a, b) {
  return (Date.parse(b) - Date.parse(a)) / 86400000;
}

function chartUnit() {
  const chosen = $('f-by').value;
  if (chosen !== 'auto') return chosen;
  const s = state.stats || {};
  const from = $('f-from').value || s.first_date;
  const to = $('f-to').value || s.last_date;
  if (!from || !to) return 'month';
  const span = daysBetween(from, to);
  if (span > 3 * 366) return 'year';
  if (span > 120) return 'month';
  if (span > 31) return 'week';
  return 'day';
}

function timeKey(t) {
  // Rows carry ISO days; epoch milliseconds are accepted too.
  return typeof t === 'number' ? new Date(t).toISOString().slice(0, 10) : String(t);
}

function drawChart(rows, unit) {
  const box = $('chart');
  box.replaceChildren();
  $('chart-unit').textContent = `per ${unit}`;
  const times = [...new Set(rows.map((r) => timeKey(r.time)))].sort();
  const keys = TYPES.filter((t) => rows.some((r) => r.key === t));
  for (const r of rows) if (!keys.includes(r.key)) keys.push(r.key);
  const stack = new Map(times.map((t) => [t, new Map()]));
  for (const r of rows) stack.get(timeKey(r.time)).set(r.key, (stack.get(timeKey(r.time)).get(r.key) || 0) + r.count);
  const totals = times.map((t) => [...stack.get(t).values()].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  if (!times.length || totals.every((v) => v === 0)) {
    box.append(el('p', { class: 'empty' }, 'Nothing to count.'));
    return;
  }
  const W = 720, H = 240, L = 40, B = 36, T = 10, R = 10;
  const plotW = W - L - R, plotH = H - T - B;
  const bw = plotW / times.length;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'bars',
    'aria-label': `events per ${unit}, ${times[0]} to ${times[times.length - 1]}` });
  // Y axis: 0, half, max.
  for (const v of [0, Math.round(max / 2), max]) {
    const y = T + plotH - (v / max) * plotH;
    root.append(svg('line', { x1: L, x2: W - R, y1: y, y2: y, class: 'grid' }));
    const label = svg('text', { x: L - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' });
    label.textContent = String(v);
    root.append(label);
  }
  const every = Math.max(1, Math.ceil(times.length / 8));
  times.forEach((t, i) => {
    let y = T + plotH;
    const x = L + i * bw;
    for (const k of keys) {
      const c = stack.get(t).get(k) || 0;
      if (!c) continue;
      const h = (c / max) * plotH;
      y -= h;
      const rect = svg('rect', { x: x + bw * 0.1, y, width: Math.max(1, bw * 0.8), height: h,
        fill: COLORS[TYPES.indexOf(k)] || '#888', class: 'bar', 'data-time': t, 'data-key': k,
        'data-count': c });
      const tip = svg('title', {});
      tip.textContent = `${t} ${k}: ${c}`;
      rect.append(tip);
      root.append(rect);
    }
    if (i % every === 0) {
      const label = svg('text', { x: x + bw / 2, y: H - B + 16, class: 'axis', 'text-anchor': 'middle' });
      label.textContent = unit === 'year' ? t.slice(0, 4) : unit === 'month' ? t.slice(0, 7) : t;
      root.append(label);
    }
  });
  box.append(root);
  const legend = el('ul', { class: 'legend' });
  for (const k of keys) {
    const sw = el('span', { class: 'swatch' });
    sw.style.background = COLORS[TYPES.indexOf(k)] || '#888';
    legend.append(el('li', {}, sw, k));
  }
  box.append(legend);
}

async function loadChart(generation) {
  const unit = chartUnit();
  const p = filterParams();
  p.set('by', unit);
  p.set('group', 'type');
  p.set('shape', 'rows');
  const rows = await api('/v1/counts', p);
  if (generation !== state.generation) return;
  drawChart(Array.isArray(rows) ? rows : [], unit);
}

// --- countries ----------------------------------------------------------------

async function loadCountries(generation) {
  const p = filterParams();
  p.set('by', 'year');
  p.set('group', 'country');
  p.set('shape', 'rows');
  const rows = await api('/v1/counts', p);
  if (generation !== state.generation) return;
  const sums = new Map();
  for (const r of Array.isArray(rows) ? rows : []) {
    if (!r.count) continue;
    sums.set(r.key, (sums.get(r.key) || 0) + r.count);
  }
  const sorted = [...sums.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const max = sorted.length ? sorted[0][1] : 1;
  const body = $('country-rows');
  body.replaceChildren();
  for (const [code, n] of sorted) {
    const bar = el('span', { class: 'bar' });
    bar.style.width = `${Math.round((n / max) * 100)}%`;
    body.append(el('tr', { 'data-country': code },
      el('td', {}, code || '(none)'), el('td', { class: 'num' }, n), el('td', { class: 'barcell' }, bar)));
  }
  if (!sorted.length) body.append(el('tr', {}, el('td', { colspan: 3, class: 'empty' }, 'No located events.')));
}

// --- page ---------------------------------------------------------------------

async function loadStats() {
  const body = await api('/v1/stats');
  const s = body.data || body;
  state.stats = s;
  const defaults = (body.meta && body.meta.defaults) || {};
  if (typeof defaults.min_confidence === 'number') {
    state.minConfidence = defaults.min_confidence;
    $('f-min_confidence').placeholder = String(defaults.min_confidence);
  }
  const range = s.first_date ? ` from ${s.first_date} to ${s.last_date}` : '';
  $('stats').textContent = `${s.events} events from ${s.articles} articles${range}`;
}

async function loadRegions() {
  const body = await api('/v1/regions');
  const select = $('f-region');
  for (const r of body.data || []) {
    select.append(el('option', { value: r.code }, `${r.name} (${r.code})`));
  }
}

function fillTypes() {
  const select = $('f-type');
  for (const t of TYPES) select.append(el('option', { value: t }, t));
}

async function refresh() {
  const generation = ++state.generation;
  state.next = null;
  writeFiltersToUrl();
  showError(null);
  document.body.classList.add('loading');
  try {
    await Promise.all([loadEvents(true, generation), loadChart(generation), loadCountries(generation)]);
  } catch (e) {
    if (generation === state.generation) showError(e);
  } finally {
    if (generation === state.generation) {
      document.body.classList.remove('loading');
      document.body.dataset.ready = String(generation);
    }
  }
}

async function suggestActors() {
  const q = $('f-actor').value.trim();
  if (q.length < 2) return;
  try {
    const body = await api('/v1/actors', new URLSearchParams({ q }));
    const list = $('actor-suggestions');
    list.replaceChildren();
    for (const a of (body.data || []).slice(0, 20)) {
      list.append(el('option', { value: a.code || a.country || a.name }, a.name || ''));
    }
  } catch (e) { /* suggestions are optional */ }
}

async function main() {
  fillTypes();
  readFiltersFromUrl();
  $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); refresh(); });
  $('filters').addEventListener('reset', () => { setTimeout(refresh, 0); });
  $('more').addEventListener('click', async () => {
    try { await loadEvents(false, state.generation); } catch (e) { showError(e); }
  });
  let timer = null;
  $('f-actor').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggestActors, 250); });
  try {
    await Promise.all([loadStats(), loadRegions().catch(() => {})]);
    readFiltersFromUrl();  // the region <select> has its options now
  } catch (e) {
    showError(e);
  }
  await refresh();
}

main();
