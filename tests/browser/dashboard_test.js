// Browser test of the geotl dashboard: ingests examples/ into a fresh store,
// starts `geotl serve` on a free loopback port, opens the dashboard in
// Debian's headless Chromium (through playwright-core), checks what it shows
// against the API, applies a filter, checks the events shown, and saves a
// screenshot to docs/dashboard.png; then the map: country shapes and one
// circle per place of /v1/counts?by=place, a click and an Enter on a circle
// filtering the events to its place (screenshot docs/dashboard-map.png), and
// the place filter cleared.
//
//   GEOTL_BINARY=build/cli/geotl node tests/browser/dashboard_test.js
'use strict';

const { chromium } = require('playwright-core');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert/strict');

const ROOT = path.resolve(__dirname, '..', '..');
const BINARY = process.env.GEOTL_BINARY || path.join(ROOT, 'build', 'cli', 'geotl');
const SCREENSHOT = process.env.GEOTL_SCREENSHOT || path.join(ROOT, 'docs', 'dashboard.png');
const MAP_SCREENSHOT = process.env.GEOTL_MAP_SCREENSHOT || path.join(ROOT, 'docs', 'dashboard-map.png');

function startServer(db, tmp) {
  return new Promise((resolve, reject) => {
    const child = spawn(BINARY, ['serve', '--db', db, '--port', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const timer = setTimeout(() => reject(new Error(`geotl serve did not start: ${err}`)), 30000);
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const m = /127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve({ child, port: Number(m[1]) }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`geotl serve exited ${code}: ${err}`)); });
  });
}

async function api(port, target) {
  const res = await fetch(`http://127.0.0.1:${port}${target}`);
  assert.equal(res.status, 200, `${target}: HTTP ${res.status}`);
  return res.json();
}

async function shownEvents(page) {
  return page.$$eval('#events li.event', (items) => items.map((li) => ({
    id: li.dataset.id,
    type: li.dataset.type,
    start: li.dataset.start,
    sources: li.querySelectorAll('.sources li').length,
  })));
}

async function waitReady(page, after) {
  await page.waitForFunction((n) => Number(document.body.dataset.ready || 0) > n, after,
    { timeout: 20000 });
  return page.evaluate(() => Number(document.body.dataset.ready));
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'geotl-browser-'));
  const db = path.join(tmp, 'db');
  let server = null;
  let context = null;
  try {
    try {
      execFileSync(BINARY, ['ingest', '--db', db, path.join(ROOT, 'examples')], { stdio: 'pipe' });
    } catch (e) {
      if (e.status !== 3) throw e;  // 3: done, some input rejected
    }
    server = await startServer(db, tmp);
    const base = `http://127.0.0.1:${server.port}`;
    const all = await api(server.port, '/v1/events?limit=1000');
    assert.ok(all.data.length >= 3, 'examples/ should give several events');

    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    const page = context.pages()[0] || await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // The dashboard works offline: it asks nothing of any other origin.
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`foreign request: ${r.url()}`);
    });

    await page.goto(`${base}/`);
    let gen = await waitReady(page, 0);

    // Unfiltered: the first page of events, in date order, each with its sources.
    let shown = await shownEvents(page);
    const firstPage = all.data.slice(0, 50);
    assert.deepEqual(shown.map((e) => e.id), firstPage.map((e) => e.id));
    for (const e of shown) assert.ok(e.sources >= 1, `event ${e.id} shows no source`);
    const starts = shown.map((e) => e.start);
    assert.deepEqual(starts, [...starts].sort(), 'events are not in date order');
    const stats = await api(server.port, '/v1/stats');
    assert.match(await page.textContent('#stats'), new RegExp(`${stats.data.events} events`));
    assert.ok(await page.locator('#chart svg rect.bar').count() > 0, 'chart has no bars');
    assert.ok(await page.locator('#country-rows tr[data-country]').count() > 0, 'no country rows');
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });

    // Filter by the most frequent type and check exactly its events are shown.
    const byType = new Map();
    for (const e of all.data) byType.set(e.type, (byType.get(e.type) || 0) + 1);
    const type = [...byType.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    await page.selectOption('#f-type', type);
    await page.click('button[type=submit]');
    gen = await waitReady(page, gen);
    shown = await shownEvents(page);
    const expected = await api(server.port, `/v1/events?type=${type}&limit=50`);
    assert.ok(shown.length > 0, `no ${type} events shown`);
    assert.deepEqual(shown.map((e) => e.id), expected.data.map((e) => e.id));
    for (const e of shown) assert.equal(e.type, type);
    assert.ok(shown.length < all.data.length || byType.size === 1, 'the filter changed nothing');
    assert.match(page.url(), new RegExp(`type=${type}`));

    // A date range that holds nothing: the list says so.
    await page.selectOption('#f-type', '');
    await page.fill('#f-from', '1990-01-01');
    await page.fill('#f-to', '1990-12-31');
    await page.click('button[type=submit]');
    gen = await waitReady(page, gen);
    assert.equal((await shownEvents(page)).length, 0);
    assert.equal(await page.locator('#events li.empty').count(), 1);

    // A bad actor name shows the API's error, naming the parameter (or no events).
    await page.fill('#f-from', '');
    await page.fill('#f-to', '');
    await page.fill('#f-actor', 'Russland');
    await page.click('button[type=submit]');
    gen = await waitReady(page, gen);
    const rus = await api(server.port, '/v1/events?actor=Russland&limit=50');
    assert.deepEqual((await shownEvents(page)).map((e) => e.id), rus.data.map((e) => e.id));

    // Minimum confidence: empty means the server's default (its placeholder);
    // a value shows exactly the events of /v1/events?min_confidence=.
    assert.equal(await page.getAttribute('#f-min_confidence', 'placeholder'),
      String(stats.meta.defaults.min_confidence));
    const levels = [...new Set(all.data.map((e) => e.confidence))].sort((a, b) => a - b);
    const threshold = levels[Math.min(1, levels.length - 1)];
    await page.fill('#f-actor', '');
    await page.fill('#f-min_confidence', String(threshold));
    await page.click('button[type=submit]');
    gen = await waitReady(page, gen);
    const confident = await api(server.port, `/v1/events?min_confidence=${threshold}&limit=50`);
    assert.deepEqual((await shownEvents(page)).map((e) => e.id), confident.data.map((e) => e.id));
    assert.match(page.url(), /min_confidence=/);

    // The map: every country shape of the built-in TopoJSON, and a circle for
    // every place of /v1/counts?by=place that has coordinates, with its count.
    await page.fill('#f-min_confidence', '');
    await page.click('button[type=reset]');
    gen = await waitReady(page, gen);
    assert.deepEqual((await shownEvents(page)).map((e) => e.id), firstPage.map((e) => e.id));
    const topo = await api(server.port, '/countries-110m.json');
    assert.equal(await page.locator('#map svg path.country').count(),
      topo.objects.countries.geometries.length);
    assert.match(await page.getAttribute('#map svg', 'aria-label'), /^map of events by place/);
    const places = (await api(server.port, '/v1/counts?by=place')).data;
    const circles = await page.$$eval('#map circle.place', (cs) => cs.map((c) => ({
      place: c.dataset.place, name: c.dataset.name, count: Number(c.dataset.count),
      label: c.getAttribute('aria-label'), tabindex: c.getAttribute('tabindex'),
      role: c.getAttribute('role'), title: c.querySelector('title').textContent,
    })));
    const value = (r) => (r.geonames_id !== null ? String(r.geonames_id) : r.name);
    const located = places.filter((r) => r.lat !== null && r.lon !== null);
    assert.ok(located.length > 0, 'no place with coordinates in examples/');
    for (const r of located) {
      const c = circles.find((x) => x.place === value(r));
      assert.ok(c, `no circle for ${r.name}`);
      assert.equal(c.count, r.count);
      assert.match(c.title, new RegExp(`^${r.name}.*: ${r.count} events?$`));
      assert.equal(c.label, c.title);
      assert.equal(c.tabindex, '0');
      assert.equal(c.role, 'button');
    }
    // Circles only for places (a whole country stands at its shape's centre).
    for (const c of circles) assert.ok(places.some((r) => value(r) === c.place), c.place);

    // Clicking a circle (the last drawn: on top of any other) filters the
    // events to its place, shows the filter and marks the circle.
    const clicked = circles[circles.length - 1];
    await page.click(`#map circle.place[data-place="${clicked.place}"]`);
    gen = await waitReady(page, gen);
    const atPlace = await api(server.port, `/v1/events?place=${encodeURIComponent(clicked.place)}&limit=50`);
    shown = await shownEvents(page);
    assert.ok(shown.length > 0, `no events shown for ${clicked.name}`);
    assert.deepEqual(shown.map((e) => e.id), atPlace.data.map((e) => e.id));
    for (const e of atPlace.data) {
      assert.ok(String(e.location.geonames_id) === clicked.place || e.location.name === clicked.place,
        `${e.id} is not at ${clicked.name}`);
    }
    assert.ok(shown.length < all.data.length, 'the place filter changed nothing');
    assert.match(page.url(), new RegExp(`place=${encodeURIComponent(clicked.place)}`));
    assert.ok(await page.isVisible('#place-filter'));
    assert.match(await page.textContent('#place-name'), new RegExp(`^${clicked.name}`));
    const selected = page.locator('#map circle.place.selected');
    assert.equal(await selected.count(), 1);
    assert.equal(await selected.getAttribute('data-place'), clicked.place);
    assert.equal(await selected.getAttribute('aria-pressed'), 'true');
    await page.screenshot({ path: MAP_SCREENSHOT, fullPage: true });

    // The keyboard: Enter on another focused circle selects its place, and
    // the focus stays on it after the map is drawn again.
    const other = circles.find((c) => c.place !== clicked.place);
    await page.focus(`#map circle.place[data-place="${other.place}"]`);
    await page.keyboard.press('Enter');
    gen = await waitReady(page, gen);
    const atOther = await api(server.port, `/v1/events?place=${encodeURIComponent(other.place)}&limit=50`);
    assert.deepEqual((await shownEvents(page)).map((e) => e.id), atOther.data.map((e) => e.id));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.place), other.place);

    // Clearing the place filter shows every event again.
    await page.click('#place-clear');
    gen = await waitReady(page, gen);
    assert.deepEqual((await shownEvents(page)).map((e) => e.id), firstPage.map((e) => e.id));
    assert.ok(!(await page.isVisible('#place-filter')));
    assert.doesNotMatch(page.url(), /place=/);

    assert.deepEqual(problems, []);
    console.log(JSON.stringify({
      ok: true, events: all.data.length, filtered_type: type, shown_for_type: expected.data.length,
      russland: rus.data.length, screenshot: path.relative(ROOT, SCREENSHOT),
      map: { countries: topo.objects.countries.geometries.length, circles: circles.length,
        clicked: clicked.name, shown_for_place: atPlace.data.length },
      map_screenshot: path.relative(ROOT, MAP_SCREENSHOT),
    }));
  } finally {
    if (context) await context.close();
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`dashboard test FAILED: ${e.stack || e}`);
  process.exit(1);
});
