// The student's first page is static HTML (src/ui/student/static_home): it lists every built-in pack
// with the app's own hooks before any wasm arrives, costs a first visit ≤ 120 KB gzip, only
// prefetches the play app, marks an unfinished play, and hands over to the app on a click.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { useSite, newPage, waitForStep } from './lib/harness.mjs';

const site = useSite();

/** The home page's packs as shown: id and the texts of the card but its unfinished-play mark, in page
 * order. */
const cards = (page) =>
  page.locator('[data-pack]').evaluateAll((els) => els.map((e) => ({
    id: e.dataset.pack,
    text: [...e.querySelectorAll(':scope > span:not(.badge)')].map((s) => s.textContent),
  })));

test('the first page works before the app: every pack listed, ≤ 120 KB gzip, the app only prefetched', async () => {
  const page = await newPage(site.browser);
  // Hold the app's wasm (the prefetch and any fetch): whatever the page shows now, it shows without it.
  const held = [];
  let release = null;
  await page.route('**/*_bg.wasm', (route) => (release ? route.continue() : held.push(route)));
  const bodies = [];
  page.on('response', async (r) => {
    const headers = await r.allHeaders();
    bodies.push({ url: r.url(), type: r.request().resourceType(), body: await r.body().catch(() => Buffer.alloc(0)), headers });
  });
  await page.goto(site.server.url);
  await page.waitForLoadState('load');

  const shown = await cards(page);
  assert.ok(shown.length >= 13, `every built-in pack is listed: ${shown.length}`);
  assert.equal(await page.locator('#static-home').count(), 1, 'the static page is on screen');
  for (const nav of ['home', 'history', 'crm', 'teacher']) {
    assert.equal(await page.locator(`[data-nav="${nav}"]`).count(), 1, `nav ${nav}`);
  }
  // A first visit marks nothing unfinished.
  assert.equal(await page.locator('[data-pack] .badge').count(), 0);

  // The page's own HTML names none of the app's files: its script prefetches them after the load.
  const html = await (await page.request.get(site.server.url)).text();
  assert.ok(!/kefu-sim-[0-9a-f]+(_bg\.wasm|\.js)/.test(html), 'index.html references no app file');
  // What the page itself loaded (the prefetches are the play app: fetched while the student reads).
  await page.locator('link[rel=prefetch][href$="_bg.wasm"]').waitFor({ state: 'attached' });
  const prefetched = await page.locator('link[rel=prefetch]').evaluateAll((ls) => ls.map((l) => l.href));
  assert.ok(prefetched.some((u) => u.endsWith('_bg.wasm')) && prefetched.some((u) => u.endsWith('.js')), `${prefetched}`);
  const first = bodies.filter((b) => !prefetched.includes(b.url));
  const gzip = first.reduce((n, b) => n + gzipSync(b.body, { level: 9 }).length, 0);
  assert.ok(gzip <= 120_000, `first load ${gzip} B gzip: ${first.map((b) => b.url).join(', ')}`);
  assert.ok(!first.some((b) => b.url.endsWith('.wasm')), 'no wasm before the student asks for the app');

  // The student picks a pack: the app starts (the held wasm is let through) and opens it.
  await page.locator('[data-pack="apple-seller"]').click();
  release = true;
  for (const route of held) await route.continue();
  assert.equal(await waitForStep(page), 'choice');
  assert.equal(await page.locator('#static-home').count(), 0, 'the app replaced the static page');

  // Back home, the app lists exactly what the static page listed.
  await page.locator('[data-nav="home"]').click();
  await page.locator('[data-pack="apple-seller"]').waitFor();
  assert.deepEqual(await cards(page), shown, 'the same packs, in the same order, reading the same');
  assert.deepEqual(page.problems, []);
});

test('an unfinished play is marked on the static page, and a click resumes it', async () => {
  const page = await newPage(site.browser);
  await page.goto(site.server.url);
  await page.locator('[data-pack="jewelry-clerk"]').click();
  assert.equal(await waitForStep(page), 'choice');
  const node = await page.locator('[data-node]').getAttribute('data-node');
  const choice = await page.locator('[data-choice]').first().getAttribute('data-choice');
  await page.locator(`[data-choice="${choice}"]`).click();
  await page.locator('[data-feedback]').waitFor();

  // Back on the first page (a reload of `#/play` would start the app at once).
  await page.goto(site.server.url);
  await page.locator('[data-pack="jewelry-clerk"] .badge').waitFor();
  assert.equal(await page.locator('#static-home').count(), 1, 'still the static page');
  assert.equal(await page.locator('[data-pack] .badge').count(), 1, 'only the pack with a play is marked');
  await page.locator('[data-pack="jewelry-clerk"]').click();
  await page.locator('[data-resume]').click();
  assert.equal(await waitForStep(page), 'choice');
  assert.notEqual(await page.locator('[data-node]').getAttribute('data-node'), null);
  assert.ok(node, 'the play had started');
  assert.deepEqual(page.problems, []);
});

test('a route in the URL or a nav link starts the app at once', async () => {
  const page = await newPage(site.browser);
  await page.goto(`${site.server.url}#/history`);
  await page.locator('[data-nav="history"].active').waitFor();
  assert.equal(await page.locator('#static-home').count(), 0);
  await page.goto(site.server.url);
  await page.locator('#static-home').waitFor();
  await page.locator('[data-nav="history"]').click();
  await page.locator('[data-nav="history"].active').waitFor();
  assert.equal(await page.locator('#static-home').count(), 0);
  assert.deepEqual(page.problems, []);
});
