// The CRM at scale in headless Chromium (not a test: nothing is asserted, `make bench` prints the
// table). Loads the stored workspace that benches/crm.rs generates (10 000 customers, ~16 000 log
// entries; `KEFU_CRM_DUMP=FILE cargo bench --bench crm`) into local storage, then measures on the
// release dist/: opening it (the app's own `data-open-ms`, decode + replay), the page load until the
// list shows, and each keystroke in the search box until the list has been re-rendered.
// Usage: node crm-bench.mjs DUMP.json
import { readFile } from 'node:fs/promises';
import { serveDir, launch, newPage } from './lib/harness.mjs';

const dump = JSON.parse(await readFile(process.argv[2], 'utf8'));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const server = await serveDir();
const browser = await launch();
try {
  const page = await newPage(browser);
  const url = new URL('crm/', server.url).href;
  await page.goto(url);
  await page.locator('[data-crm-nav="list"]').waitFor();
  const units = await page.evaluate((d) => {
    localStorage.clear();
    let n = 0;
    for (const [k, v] of Object.entries(d)) {
      localStorage.setItem(k, v);
      n += k.length + v.length;
    }
    return n;
  }, dump);

  const opens = [];
  const shown = [];
  for (let i = 0; i < 5; i++) {
    await page.goto('about:blank');
    await page.goto(url);
    await page.locator('[data-customer]').first().waitFor({ timeout: 60_000 });
    shown.push(await page.evaluate(() => performance.now()));
    opens.push(Number(await page.locator('main[data-open-ms]').getAttribute('data-open-ms')));
  }
  const total = await page.locator('[data-result-count]').textContent();

  // One keystroke: set the box, fire `input`, and wait for a macrotask: Yew re-renders in
  // microtasks after the event, so the list is up to date when the message arrives.
  const keystroke = (text) =>
    page.evaluate(async (t) => {
      const input = document.querySelector('[data-search]');
      const start = performance.now();
      input.value = t;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((ok) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = ok;
        ch.port2.postMessage(0);
      });
      return [performance.now() - start, document.querySelector('[data-result-count]').textContent];
    }, text);
  const rows = [];
  for (const seq of [['王', '王芳', '王芳 读'], ['1', '13', '138', '138-', '138-0'], ['阅', '阅读']]) {
    for (const t of seq) {
      const times = [];
      let hits;
      for (let i = 0; i < 9; i++) {
        await keystroke(t.slice(0, -1));
        const [ms, h] = await keystroke(t);
        times.push(ms);
        hits = h;
      }
      rows.push([t, hits, median(times)]);
    }
  }
  const [clearMs, clearHits] = await keystroke('');

  console.log('## CRM in headless Chromium');
  console.log();
  console.log(`The same ${total} generated customers as above, stored in local storage (${(units / 1e6).toFixed(2)} M`);
  console.log('UTF-16 units; budget 2.5 M), on the release dist/ (tests/e2e/crm-bench.mjs, medians of 5 reloads and 9 keystrokes).');
  console.log();
  console.log('| measure | ms |');
  console.log('|---|---:|');
  console.log(`| open: decode + replay (the app's \`data-open-ms\`; budget 100) | ${median(opens)} |`);
  console.log(`| page load until the list shows (wasm fetch, compile, open, first render) | ${median(shown).toFixed(0)} |`);
  for (const [t, hits, ms] of rows) {
    console.log(`| keystroke → 「${t}」 (${hits} hits) until the list is re-rendered (budget 16) | ${ms.toFixed(1)} |`);
  }
  console.log(`| clear the box: all ${clearHits} cards | ${clearMs.toFixed(1)} |`);
  if (page.problems.length) console.error('page problems:', page.problems);
} finally {
  await browser.close();
  await server.close();
}
