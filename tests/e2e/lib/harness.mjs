// Shared e2e harness: serves the built dist/ under a sub-path (as a school's static host would, e.g.
// https://host/kefu/) on 127.0.0.1, launches Debian's headless Chromium through playwright-core, and
// records every page error, console error and failed or 4xx/5xx request so a test can assert there
// were none. Nothing here downloads a browser.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));
export const SUBPATH = '/kefu/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.toml': 'text/plain; charset=utf-8',
};

/** Serves `root` at `prefix` (and nothing else) on an ephemeral 127.0.0.1 port. */
export async function serveDir(root = DIST, prefix = SUBPATH) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with the flags that work as root on a machine with no internet. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page whose problems are collected in `page.problems`. */
export async function newPage(browser) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => page.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return page;
}

/** Saves a screenshot under tests/e2e/artifacts/ (kept out of git) for a human to look at. */
export async function snapshot(page, name) {
  const dir = fileURLToPath(new URL('../artifacts/', import.meta.url));
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Clicks through a dialogue: `pick(ids)` chooses among the offered choice ids; stops at the
 * debrief or at an exercise. Returns the choice ids clicked, in order. */
export async function playDialogue(page, pick, maxSteps = 80) {
  const clicked = [];
  for (let i = 0; i < maxSteps; i++) {
    const state = await waitForStep(page);
    if (state !== 'choice') return clicked;
    const ids = await page.locator('[data-choice]').evaluateAll((els) => els.map((e) => e.dataset.choice));
    const id = pick(ids);
    await page.locator(`[data-choice="${id}"]`).click();
    clicked.push(id);
    await page.locator('[data-feedback]').waitFor();
    await page.locator('[data-continue]').click();
  }
  throw new Error(`no debrief after ${maxSteps} steps`);
}

/** Waits until the page shows a choice, an exercise or the debrief, and says which. */
export async function waitForStep(page) {
  const any = page.locator('[data-choice], [data-activity], [data-debrief]').first();
  await any.waitFor();
  if (await page.locator('[data-debrief]').count()) return 'debrief';
  if (await page.locator('[data-activity]').count()) return 'exercise';
  return 'choice';
}
