// geotl dashboard: filters, events with their sources, a chart of counts over
// time, a map of events by place and a country table. Uses only the HTTP API
// of this server (docs/api.md) and the map's country shapes it serves
// (/countries-110m.json: Natural Earth TopoJSON, decoded here); no libraries,
// no network beyond this origin. All data goes into the page through
// textContent / setAttribute, never as HTML.
'use strict';

const PAGE_SIZE = 50;
const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID',
  'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION',
  'MOBILIZE', 'COERCE', 'ASSAULT', 'STATEMENT'];
// One colour per type, chosen so neighbours in the legend differ.
const COLORS = ['#1b9e77', '#377eb8', '#66a61e', '#a6761d', '#2c7fb8', '#4daf4a',
  '#999999', '#7570b3', '#e6ab02', '#d95f02', '#e7298a', '#984ea3', '#a65628',
  '#ff7f00', '#e41a1c', '#b2182b', '#666666'];
const FILTERS = ['actor', 'region', 'place', 'type', 'from', 'to', 'min_confidence'];
const SVG_NS = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);
// minConfidence: the server's default threshold (GET /v1/stats
// meta.defaults), used while the field is empty.
// placeLabel: the name of the place filter's place (the filter itself is a
// GeoNames id or a name); refocus: the place to focus after the map redraws
// (chosen with the keyboard).
const state = { next: null, shown: 0, stats: null, generation: 0, minConfidence: null,
  placeLabel: null, refocus: null, world: null };

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

// --- map ----------------------------------------------------------------------

// Equirectangular, two units per degree, latitudes 84 to -58 (no Antarctica).
const MAP_W = 720;
const MAP_TOP = 84;
const MAP_BOTTOM = -58;
const MAP_H = (MAP_TOP - MAP_BOTTOM) * (MAP_W / 360);
const MAX_PLACES = 500;

function project(lon, lat) {
  return [(lon + 180) * (MAP_W / 360), (MAP_TOP - lat) * (MAP_W / 360)];
}

// TopoJSON: arcs are delta-encoded integer positions under `transform`; a
// ring lists arc indices, ~i for arc i reversed, each arc starting where the
// one before it ended.
function topoArcs(topo) {
  const tf = topo.transform;
  return (topo.arcs || []).map((arc) => {
    if (!tf) return arc;
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
    });
  });
}

function ringPoints(ring, arcs) {
  const points = [];
  for (const i of ring) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    arc.forEach((p, k) => { if (k > 0 || !points.length) points.push(p); });
  }
  return points;
}

// A ring that crosses the antimeridian (Fiji, Russia's Chukotka) jumps from
// +180 to -180: unwrapped, its longitudes run on past ±180 (drawn again 360
// degrees over, the frame clipping both); a ring around a pole (Antarctica)
// is closed along that pole.
function unwrapRing(points) {
  const out = [];
  let shift = 0;
  for (const [lon, lat] of points) {
    if (out.length) {
      const step = lon + shift - out[out.length - 1][0];
      if (step > 180) shift -= 360; else if (step < -180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  if (shift !== 0 && out.length) {
    const pole = out.reduce((sum, p) => sum + p[1], 0) < 0 ? -90 : 90;
    out.push([out[out.length - 1][0], pole], [out[0][0], pole]);
  }
  return out;
}

function pathOf(xy) {
  return xy.map(([x, y], k) => `${k ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('') + 'Z';
}

// A country's SVG path, and the centroid of its largest ring (where a place
// known only as the whole country stands).
function countryShape(g, arcs) {
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  let d = '';
  let best = { area: 0, center: null };
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const lonlat = unwrapRing(ringPoints(ring, arcs));
      if (lonlat.length < 3) continue;
      const lons = lonlat.map((p) => p[0]);
      for (const offset of [0, 360, -360]) {
        if (offset === 0 || (offset > 0 ? Math.min(...lons) < -180 : Math.max(...lons) > 180)) {
          d += pathOf(lonlat.map(([lon, lat]) => project(lon + offset, lat)));
        }
      }
      const xy = lonlat.map(([lon, lat]) => project(lon, lat));
      let area = 0;
      let cx = 0;
      let cy = 0;
      xy.forEach(([x, y], k) => {
        const [x2, y2] = xy[(k + 1) % xy.length];
        const a = x * y2 - x2 * y;
        area += a;
        cx += (x + x2) * a;
        cy += (y + y2) * a;
      });
      if (Math.abs(area) > best.area) {
        cx /= 3 * area;
        if (cx > MAP_W) cx -= MAP_W; else if (cx < 0) cx += MAP_W;
        best = { area: Math.abs(area), center: [cx, cy / (3 * area)] };
      }
    }
  }
  return { d, center: best.center };
}

// The countries as {name, d, center} once per page; [] when this server was
// built without the map (404).
function worldShapes() {
  if (!state.world) {
    state.world = fetch('/countries-110m.json')
      .then((res) => (res.ok ? res.json() : null))
      .then((topo) => {
        const countries = topo && topo.objects && topo.objects.countries;
        if (!countries) return [];
        const arcs = topoArcs(topo);
        return (countries.geometries || []).map((g) =>
          ({ name: (g.properties && g.properties.name) || '', ...countryShape(g, arcs) }))
          .filter((c) => c.d);
      })
      .catch(() => []);
  }
  return state.world;
}

// The place filter's value for a row: its GeoNames id, else its name.
function placeValue(r) {
  return r.geonames_id !== null && r.geonames_id !== undefined ? String(r.geonames_id) : r.name;
}

function placeLabel(r) {
  return r.country && r.country !== r.name ? `${r.name}, ${r.country}` : r.name;
}

function showPlaceFilter() {
  const v = $('f-place').value;
  $('place-filter').hidden = !v;
  $('place-name').textContent = v ? (state.placeLabel || v) : '';
}

function selectPlace(value, label, byKeyboard) {
  $('f-place').value = value;
  state.placeLabel = label;
  state.refocus = byKeyboard ? value : null;
  refresh();
}

function clearPlace() {
  $('f-place').value = '';
  state.placeLabel = null;
  state.refocus = null;
}

// Where a row's circle stands: its coordinates, else (a place that is a whole
// country) the centre of the country's shape of the same name; null: nowhere.
function placePoint(r, centers) {
  if (typeof r.lat === 'number' && typeof r.lon === 'number') {
    return r.lat <= MAP_TOP && r.lat >= MAP_BOTTOM ? project(r.lon, r.lat) : null;
  }
  if (r.precision !== 'country' || !r.name) return null;
  return centers.get(r.name.toLowerCase()) || null;
}

function drawMap(shapes, rows) {
  const box = $('map');
  box.replaceChildren();
  const selected = $('f-place').value;
  const centers = new Map(shapes.filter((s) => s.center).map((s) => [s.name.toLowerCase(), s.center]));
  const located = rows.filter((r) => placeValue(r) && placePoint(r, centers)).slice(0, MAX_PLACES);
  const root = svg('svg', { viewBox: `0 0 ${MAP_W} ${MAP_H.toFixed(0)}`, role: 'group',
    'aria-label': `map of events by place: ${located.length} places`, class: 'world' });
  const land = svg('g', { class: 'countries', 'aria-hidden': 'true' });
  for (const s of shapes) {
    land.append(svg('path', { d: s.d, class: 'country', 'fill-rule': 'evenodd', 'data-name': s.name }));
  }
  root.append(land);
  const max = Math.max(1, ...located.map((r) => r.count));
  const dots = svg('g', { class: 'places' });
  let refocus = null;
  // Largest first, so that smaller places stay on top and clickable.
  for (const r of located) {
    const value = placeValue(r);
    const label = placeLabel(r);
    const [cx, cy] = placePoint(r, centers);
    const isSelected = value === selected ||
      (selected && r.name && r.name.toLowerCase() === selected.toLowerCase());
    if (isSelected && !state.placeLabel) state.placeLabel = label;
    const noun = r.count === 1 ? 'event' : 'events';
    const c = svg('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1),
      r: (2 + 7 * Math.sqrt(r.count / max)).toFixed(1),
      class: isSelected ? 'place selected' : 'place', tabindex: 0, role: 'button',
      'aria-label': `${label}: ${r.count} ${noun}`, 'aria-pressed': isSelected ? 'true' : 'false',
      'data-place': value, 'data-name': r.name, 'data-count': r.count });
    const tip = svg('title', {});
    tip.textContent = `${label}: ${r.count} ${noun}`;
    c.append(tip);
    c.addEventListener('click', () => selectPlace(value, label, false));
    c.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        selectPlace(value, label, true);
      }
    });
    if (state.refocus === value) refocus = c;
    dots.append(c);
  }
  root.append(dots);
  box.append(root);
  if (!shapes.length) box.append(el('p', { class: 'empty' }, 'No country shapes in this build.'));
  if (!located.length) box.append(el('p', { class: 'empty' }, 'No located events.'));
  showPlaceFilter();
  if (refocus) refocus.focus();
  state.refocus = null;
}

// The map shows every place of the other filters: the place filter only
// marks its place.
async function loadMap(generation) {
  const p = filterParams();
  p.delete('place');
  p.set('by', 'place');
  const [shapes, body] = await Promise.all([worldShapes(), api('/v1/counts', p)]);
  if (generation !== state.generation) return;
  drawMap(shapes, Array.isArray(body.data) ? body.data : []);
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
  showPlaceFilter();
  document.body.classList.add('loading');
  try {
    await Promise.all([loadEvents(true, generation), loadChart(generation), loadCountries(generation),
      loadMap(generation)]);
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
  $('filters').addEventListener('reset', () => { clearPlace(); setTimeout(refresh, 0); });
  $('place-clear').addEventListener('click', () => { clearPlace(); refresh(); });
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
