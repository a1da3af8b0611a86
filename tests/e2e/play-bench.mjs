// What a student feels, in headless Chromium on the release dist/ (not a test: nothing is asserted;
// `make bench` prints the tables into docs/benchmarks.md, scripts/bench-browser.sh):
//   1. first load per page: every request a first visit makes until the network is idle, by the
//      gzip -9 size of its body (the test server does not compress, a static host would);
//      `<link rel=prefetch>` requests are listed apart, they are fetched while the student reads;
//   2. nav → first choice painted: from the home page's navigation start, click the apple seller,
//      until the paint after the first `[data-choice]` appeared (median of fresh first visits);
//   3. click → next content painted: every click on a `[data-choice]` (and, apart, `[data-continue]`)
//      over plays of the apple seller, p50/p95.
// Whatever the home page is (the student app, or a static page that prefetches it), the script
// measures what the browser actually requests and shows.
// Usage: node play-bench.mjs [RUNS]   (default 10)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveDir, launch, waitForStep, packModels, answerExercise, bestChoice, DIST, SUBPATH } from './lib/harness.mjs';

const RUNS = Number(process.argv[2] ?? 10);
const PAGES = ['', 'crm/', 'teacher/', 'teacher/packs/', 'lms/', 'lms/scorm/'];
const PACK = 'apple-seller';
/** ms to leave the page alone after a click. */
const SETTLE = 60;

const quantile = (v, q) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const ms = (n) => (n === undefined ? '–' : n.toFixed(1));

/** In every document of a context: the time of the paint after each measured click, and after the
 * first `[data-choice]` appeared. A capture listener on `window` runs before the app's own handlers;
 * it asks for the next animation frame at once (so its frame callback runs before any the app
 * requests), and a message posted from that frame callback runs right after the frame was painted,
 * before any task the app queued after its own frame callback (e.g. a deferred storage write).
 * A MutationObserver notes when the DOM first changed (the app's script time). */
const PROBE = () => {
  const raf = () => new Promise((ok) => requestAnimationFrame(ok));
  const afterPaint = () =>
    raf().then((frame) => new Promise((ok) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok([frame, performance.now()]);
      ch.port2.postMessage(0);
    }));
  window.__clicks = [];
  addEventListener('click', (e) => {
    const el = e.target instanceof Element && e.target.closest('[data-choice], [data-continue]');
    if (!el) return;
    const kind = el.hasAttribute('data-choice') ? 'choice' : 'continue';
    const t0 = performance.now();
    let dom;
    const mo = new MutationObserver(() => {
      dom ??= performance.now();
      mo.disconnect();
    });
    mo.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    afterPaint().then(([frame, paint]) => {
      mo.disconnect();
      window.__clicks.push({ kind, first: !window.__clicks.some((c) => c.kind === kind), script: (dom ?? paint) - t0, paint: paint - t0, frame: paint - frame });
    });
  }, { capture: true });
  // Epoch times (ms), kept in sessionStorage so that they survive a navigation from the home page
  // to the play page if these are two documents.
  const epoch = (t) => performance.timeOrigin + t;
  const mark = (name, value) => sessionStorage.getItem(name) ?? sessionStorage.setItem(name, String(value));
  addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-pack]')) mark('bench-pack-click', epoch(performance.now()));
  }, { capture: true });
  const marks = [['[data-pack]', 'bench-pack-shown'], ['[data-choice]', 'bench-first-choice']];
  const watch = new MutationObserver(() => {
    for (const [selector, name] of marks) {
      if (sessionStorage.getItem(name) || !document.querySelector(selector)) continue;
      sessionStorage.setItem(name, 'pending');
      afterPaint().then(([, paint]) => sessionStorage.setItem(name, String(epoch(paint))));
    }
  });
  watch.observe(document, { subtree: true, childList: true });
};

async function newContext(browser) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(PROBE);
  return context;
}

/** The gzip -9 size of a response body (the served file when the browser kept no body, e.g. a
 * prefetch). */
async function gzipped(response, url) {
  let body;
  try {
    body = await response?.body();
  } catch {
    /* no body kept: read the file */
  }
  if (!body) {
    const path = decodeURIComponent(new URL(url).pathname).slice(SUBPATH.length);
    try {
      body = await readFile(join(DIST, path.endsWith('/') || path === '' ? `${path}index.html` : path));
    } catch {
      return { raw: 0, gz: 0 };
    }
  }
  return { raw: body.length, gz: gzipSync(body, { level: 9 }).length };
}

/** Every request of a first visit of `page` until the network is idle. */
async function firstLoad(browser, base, path) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const requests = [];
  page.on('requestfinished', (r) => requests.push(r));
  await page.goto(new URL(path, base).href, { waitUntil: 'networkidle', timeout: 60_000 });
  const prefetchLinks = new Set(
    await page.evaluate(() => [...document.querySelectorAll('link[rel~="prefetch"]')].map((l) => l.href)),
  );
  const load = { raw: 0, gz: 0, n: 0 };
  const pre = { raw: 0, gz: 0, n: 0, files: [] };
  const seen = new Set();
  for (const r of requests) {
    const headers = await r.allHeaders().catch(() => r.headers());
    const purpose = headers['sec-purpose'] ?? headers.purpose ?? '';
    const isPrefetch = purpose.includes('prefetch') || prefetchLinks.has(r.url());
    const size = await gzipped(await r.response(), r.url());
    const into = isPrefetch ? pre : load;
    into.raw += size.raw;
    into.gz += size.gz;
    into.n += 1;
    if (isPrefetch) {
      pre.files.push(r.url().slice(base.length));
      seen.add(r.url());
    }
  }
  // A prefetch the page asked for but the browser did not report: count it from the file.
  for (const url of prefetchLinks) {
    if (seen.has(url)) continue;
    const size = await gzipped(undefined, url);
    pre.raw += size.raw;
    pre.gz += size.gz;
    pre.n += 1;
    pre.files.push(`${url.slice(base.length)} (not seen on the network)`);
  }
  await context.close();
  return { load, pre };
}

/** Home page → click the pack → the paint after the first choice appeared, in ms from the home
 * page's navigation start. */
async function navToFirstChoice(browser, base) {
  const context = await newContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(base, { waitUntil: 'commit' });
  const start = await page.evaluate(() => performance.timeOrigin);
  await page.locator(`[data-pack="${PACK}"]`).click();
  if ((await waitForStep(page)) !== 'choice') throw new Error('the pack did not open on a choice');
  const read = () => ['bench-pack-shown', 'bench-pack-click', 'bench-first-choice'].map((k) => Number(sessionStorage.getItem(k)));
  await page.waitForFunction(read);
  const [shown, click, choice] = await page.evaluate(read);
  await context.close();
  return { total: choice - start, home: shown - start, open: choice - click };
}

/** One play of the pack to its debrief by clicking (exercises answered, not timed); returns the
 * measured clicks. */
async function timedPlay(browser, base, model) {
  const context = await newContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(base);
  await page.locator(`[data-pack="${PACK}"]`).click();
  // The best choice goes the long way to a good ending: the most steps per play.
  const pick = bestChoice(model);
  for (let guard = 0; guard < 200; guard++) {
    const state = await waitForStep(page);
    if (state === 'debrief') break;
    if (state === 'exercise') {
      await answerExercise(page, model, true);
      continue;
    }
    const ids = await page.locator('[data-choice]').evaluateAll((els) => els.map((e) => e.dataset.choice));
    // After each click, wait in node (not in the page) until it has surely painted: Playwright's
    // next action runs checks in the page (frames, queries) that would land inside the measure.
    await page.locator(`[data-choice="${pick(ids)}"]`).click();
    await sleep(SETTLE);
    await page.locator('[data-continue]').click();
    await sleep(SETTLE);
  }
  const clicks = await page.evaluate(() => window.__clicks);
  await context.close();
  return clicks;
}

/** The same click probe on a page that only appends a word to a paragraph: what any page gets on
 * this machine at this moment. */
async function floorClicks(browser, base) {
  const context = await newContext(browser);
  const page = await context.newPage();
  // Answered by Playwright, never by the server: a new document, so the probe is installed.
  const url = new URL('bench-floor.html', base).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><button data-choice="x" onclick="document.getElementById('o').textContent += ' 好'">go</button><p id="o"></p>`,
    }),
  );
  await page.goto(url);
  for (let i = 0; i < 60; i++) {
    await page.locator('[data-choice]').click();
    await sleep(SETTLE);
  }
  const clicks = await page.evaluate(() => window.__clicks.map((c) => c.paint));
  await context.close();
  return clicks;
}

const model = packModels().get(PACK);
const server = await serveDir();
const browser = await launch();
try {
  const loads = [];
  for (const path of PAGES) loads.push([path, await firstLoad(browser, server.url, path)]);
  const navs = [];
  for (let i = 0; i < RUNS; i++) navs.push(await navToFirstChoice(browser, server.url));
  const clicks = [];
  for (let i = 0; i < RUNS; i++) clicks.push(...(await timedPlay(browser, server.url, model)));
  const floor = await floorClicks(browser, server.url);

  console.log('## Student experience in headless Chromium');
  console.log();
  console.log(`Release dist/ served uncompressed from a sub-path on 127.0.0.1 (tests/e2e/play-bench.mjs), Chromium`);
  console.log(`${browser.version()}, fresh browser context for every visit.`);
  console.log();
  console.log('### First load per page');
  console.log();
  console.log('Every request a first visit makes until the network is idle (no request for 500 ms), sized as');
  console.log('the gzip -9 of its body; `<link rel=prefetch>` requests are counted apart (fetched while the');
  console.log('student reads, not waited for).');
  console.log();
  console.log('| page | requests | raw | first load gzip | prefetched gzip | prefetched |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [path, { load, pre }] of loads) {
    const files = pre.files.length ? pre.files.map((f) => `\`${f}\``).join(', ') : '–';
    console.log(`| /${path} | ${load.n} | ${kb(load.raw)} | **${kb(load.gz)}** | ${pre.n ? kb(pre.gz) : '–'} | ${files} |`);
  }
  console.log();
  console.log('### Apple seller: time to first choice and per click');
  console.log();
  console.log(`nav → first choice: from the home page's navigation start, through Playwright's click on`);
  console.log(`\`[data-pack="${PACK}"]\`, to the paint after the first \`[data-choice]\` appeared (median of ${RUNS}`);
  console.log('first visits). click → next content painted: from a capture-phase click listener (before the');
  console.log("app's handlers) to a message posted from the next animation frame (runs right after that frame");
  console.log(`is painted), over ${RUNS} plays; "script" is the time until the DOM first changed, "frame" the`);
  console.log('frame callback → after paint (style, layout, paint). The time between the page showing the pack and');
  console.log("the click's dispatch is Playwright's (actionability checks); the floor row is what this machine");
  console.log("gives a page that does nothing but change a line of text: the wait for the next frame, under the");
  console.log('load of the moment.');
  console.log();
  console.log('| measure | n | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  const nav = (label, key) =>
    console.log(`| ${label} | ${navs.length} | ${ms(quantile(navs.map((n) => n[key]), 0.5))} | ${ms(quantile(navs.map((n) => n[key]), 0.95))} |`);
  nav('nav → first choice painted', 'total');
  nav('… of which nav → home page shows the pack (painted)', 'home');
  nav("… of which the click's dispatch → first choice painted", 'open');
  console.log(`| floor: click → painted on a one-button page (same probe, same browser) | ${floor.length} | ${ms(quantile(floor, 0.5))} | ${ms(quantile(floor, 0.95))} |`);
  for (const kind of ['choice', 'continue']) {
    const of = clicks.filter((c) => c.kind === kind);
    const row = (label, key) =>
      console.log(`| ${label} | ${of.length} | ${ms(quantile(of.map((c) => c[key]), 0.5))} | ${ms(quantile(of.map((c) => c[key]), 0.95))} |`);
    row(`click \`[data-${kind}]\` → next content painted`, 'paint');
    row(`… of which script until the DOM changed`, 'script');
    row(`… of which frame → after paint`, 'frame');
  }
  // The first click of a page load runs code for the first time (V8 compiles wasm lazily).
  const choices = clicks.filter((c) => c.kind === 'choice');
  for (const [label, of] of [['first', choices.filter((c) => c.first)], ['later', choices.filter((c) => !c.first)]]) {
    const p = (q) => ms(quantile(of.map((c) => c.paint), q));
    console.log(`| … ${label} \`[data-choice]\` click of a page load → painted | ${of.length} | ${p(0.5)} | ${p(0.95)} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
