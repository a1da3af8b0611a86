// Shared e2e harness: serves the built dist/ under a sub-path (as a school's static host would, e.g.
// https://host/kefu/) on 127.0.0.1, launches Debian's headless Chromium through playwright-core, and
// records every page error, console error and failed or 4xx/5xx request so a test can assert there
// were none. Nothing here downloads a browser.
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
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
      // Last-Modified as every static host sends it: without a validator Chromium does not reuse a
      // `<link rel=prefetch>`ed file (the home page prefetches the play app) and fetches it twice.
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'last-modified': (await stat(file)).mtime.toUTCString(),
      });
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

/** The built site served and a browser, for every test of the calling file (started before the first,
 * closed after the last): `const site = useSite();` then `site.server.url`, `site.browser`. */
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await serveDir();
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** `packcheck --json [--model]` on one pack file or folder: the report (and the compiled model) the
 * UI must agree with. */
export function packcheckJson(file, model = false) {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const args = ['run', '--quiet', '--locked', '-p', 'kefu-cli', '--bin', 'packcheck', '--', '--json', ...(model ? ['--model'] : []), file];
  const run = spawnSync('cargo', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`packcheck failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** A fresh page whose problems are collected in `page.problems`. */
export async function newPage(browser) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  // Anything the pages' Content-Security-Policy blocks is a problem (scripts/csp.mjs), in every
  // document of the context, frames included.
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
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

/** Clicks through a dialogue: `pick(ids)` (maybe async) chooses among the offered choice ids; stops at the
 * debrief or at an exercise. Returns the choice ids clicked, in order. */
export async function playDialogue(page, pick, maxSteps = 80) {
  const clicked = [];
  for (let i = 0; i < maxSteps; i++) {
    const state = await waitForStep(page);
    if (state !== 'choice') return clicked;
    const ids = await page.locator('[data-choice]').evaluateAll((els) => els.map((e) => e.dataset.choice));
    const id = await pick(ids); // a picker may be async (e.g. read the page first)
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

/** Every valid built-in pack as the checker compiled it (`packcheck --json --model`), by id: the
 * tests take the right answers from the packs themselves, never from a copy in the test. */
export function packModels(dir = 'scenarios') {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '-p', 'kefu-cli', '--bin', 'packcheck', '--', '--json', '--model', dir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`packcheck failed: ${run.stderr}`);
  const models = new Map();
  for (const f of JSON.parse(run.stdout).files) if (f.pack) models.set(f.pack.meta.id, f.pack);
  return models;
}

/** A `Decimal` of the model (fixed point, 6 places) as a student would type it. */
const decimal = (d) => String(d / 1e6);
const total = (score) => score.reduce((a, s) => a + s.delta, 0);

/** Answers the exercise on screen by clicking, all right (`right`) or all wrong, submits it and
 * moves on. Returns the graded items as `{ id: ok }`. */
export async function answerExercise(page, pack, right = true, hints = {}) {
  const root = page.locator('[data-activity]');
  const kind = await root.getAttribute('data-activity');
  const id = await root.getAttribute('data-node');
  const activity = pack.activities.find((a) => a.id === id);
  const body = activity.body[kind];
  const shown = async () => root.locator('[data-item]').evaluateAll((els) => els.map((e) => e.dataset.item));
  if (kind === 'order') {
    const target = body.items.map((i) => i.id);
    if (right) {
      for (let i = 0; i < target.length; i++) {
        for (let j = (await shown()).indexOf(target[i]); j > i; j--) {
          await root.locator(`[data-item="${target[i]}"] [data-move="up"]`).click();
        }
      }
      assert.deepEqual(await shown(), target, 'the order was put right by clicking');
    }
  } else if (kind === 'classify') {
    for (const item of await shown()) {
      const want = body.items.find((i) => i.id === item).category;
      const pick = right ? want : body.categories.find((c) => c.id !== want).id;
      await root.locator(`[data-item="${item}"] select`).selectOption(pick);
    }
  } else if (kind === 'calc') {
    for (const step of body.steps) {
      const value = right ? decimal(step.answer) : decimal(step.answer + step.tolerance + 7e6);
      await root.locator(`[data-step="${step.id}"] input`).fill(value);
    }
  } else if (kind === 'plan') {
    for (const field of body.fields) {
      const f = root.locator(`[data-field="${field.id}"]`);
      if (field.input === 'text') {
        await f.locator('textarea').fill('学生填写的计划内容:'.padEnd(Math.max(field.min_chars, 12), '。'));
        continue;
      }
      const by = [...field.options].sort((a, b) => total(b.score) - total(a.score));
      const picks =
        field.input === 'one'
          ? [right ? by[0] : by[by.length - 1]]
          : field.options.filter((o) => (right ? total(o.score) > 0 : total(o.score) < 0));
      for (const o of picks) await f.locator(`[data-option="${o.id}"]`).check();
    }
  } else if (kind === 'crm') {
    await fillCard(root, body, right, hints);
  } else {
    throw new Error(`unknown exercise kind ${kind}`);
  }
  await root.locator('[data-submit]').click();
  await page.locator('[data-feedback]').waitFor();
  const graded = Object.fromEntries(
    await page.locator('[data-feedback] [data-result-item]').evaluateAll((els) =>
      els.map((e) => [e.dataset.resultItem, e.dataset.ok === 'true']),
    ),
  );
  await page.locator('[data-continue]').click();
  return graded;
}

/** Plays the open pack to its debrief: dialogue choices by `pick`, exercises answered (right unless
 * `right` is false; `hints` as for `fillCard`). Returns the dialogue choices clicked and the graded
 * exercises, in order. */
export async function playToEnd(page, pack, pick, right = true, hints = {}) {
  const choices = [];
  const exercises = [];
  for (let guard = 0; guard < 40; guard++) {
    choices.push(...(await playDialogue(page, pick)));
    const step = await waitForStep(page);
    if (step === 'debrief') return { choices, exercises };
    const kind = await page.locator('[data-activity]').getAttribute('data-activity');
    exercises.push({ kind, graded: await answerExercise(page, pack, right, hints) });
  }
  throw new Error('no debrief after 40 activities');
}

/** Picks the least-taken offered choice, so a play never circles forever. */
export function leastTaken() {
  const taken = new Map();
  return (ids) => {
    const id = ids.reduce((a, b) => ((taken.get(b) ?? 0) < (taken.get(a) ?? 0) ? b : a));
    taken.set(id, (taken.get(id) ?? 0) + 1);
    return id;
  };
}

/** The debrief's numbers: `{ id: { score, max } }`. */
export async function debriefScores(page) {
  const dims = await page.locator('[data-debrief] [data-dimension]').evaluateAll((els) =>
    els.map((e) => [e.dataset.dimension, { score: Number(e.dataset.score), max: Number(e.dataset.max) }]),
  );
  return Object.fromEntries(dims);
}

/** The MAN letters `[M, A, N]` (true = present) that a card's checks ask for, when the pack says
 * them outright (`man_class`, or a fixed `man` code); `null` when they depend on the seed. */
export function manWanted(body) {
  for (const c of body.checks) {
    if (c.test.man_class) {
      const cls = c.test.man_class.class;
      if (cls === 'prospect') return [true, true, true];
      if (cls === 'non_customer') return [false, false, false];
    }
    if (c.test.man) return [...c.test.man.man.replaceAll('+', '')].map((ch) => ch === ch.toUpperCase());
  }
  return null;
}

/** Fills a `crm` card form by clicking. `hints` maps a card field key to the text the right answer
 * is (an option's text) when it depends on the play's draw — e.g. the need the debrief's
 * `data-fact` showed; without a hint the option a `field` check of the pack asks for is taken, or
 * else the first option. `right = false` picks another
 * option and the opposite MAN answers. */
export async function fillCard(root, body, right, hints = {}) {
  for (const field of body.fields) {
    const f = root.locator(`[data-field="${field.field}"]`);
    if (field.field === 'man') {
      const want = manWanted(body) ?? [true, true, true];
      for (const [i, letter] of ['M', 'A', 'N'].entries()) {
        const yes = right ? want[i] : !want[i];
        await f.locator(`[data-man="${letter}"] [data-present="${yes}"]`).check();
      }
      continue;
    }
    const options = await f.locator('[data-option]').evaluateAll((els) =>
      els.map((e) => e.closest('label').textContent.trim()),
    );
    if (options.length === 0) {
      await f.locator('input').fill(hints[field.field] ?? '学生填写的客户名称');
      continue;
    }
    let index = 0;
    if (hints[field.field] !== undefined) {
      index = options.indexOf(hints[field.field]);
      assert.ok(index >= 0, `the hint for ${field.field} is one of the options: ${options.join(' | ')}`);
    } else {
      // The pack's own check says which option is right when it does not depend on the draw.
      const equals = body.checks.find((c) => c.test.field?.field === field.field)?.test.field.equals;
      if (equals !== undefined && options.includes(equals)) index = options.indexOf(equals);
    }
    if (!right) index = (index + 1) % options.length;
    await f.locator(`[data-option="${index}"]`).check();
  }
}

/** A picker that takes the offered choice with the highest total score (the model's, never a copy
 * in the test): the play goes the long way to a good ending, so mid-play steps exist. */
export function bestChoice(model) {
  const total = new Map();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.id === 'string' && Array.isArray(v.score) && Array.isArray(v.goto)) {
        total.set(v.id, v.score.reduce((t, s) => t + s.delta, 0));
      }
      Object.values(v).forEach(walk);
    }
  };
  walk(model.activities);
  return (ids) => ids.reduce((a, b) => ((total.get(b) ?? 0) > (total.get(a) ?? 0) ? b : a));
}

/** Takes one dialogue step by clicking (the choice `pick` picks among those offered); returns its id. */
export async function step(page, pick) {
  assert.equal(await waitForStep(page), 'choice');
  const ids = await page.locator('[data-choice]').evaluateAll((els) => els.map((e) => e.dataset.choice));
  const id = pick(ids);
  await page.locator(`[data-choice="${id}"]`).click();
  await page.locator('[data-feedback]').waitFor();
  await page.locator('[data-continue]').click();
  return id;
}
