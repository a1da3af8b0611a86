// SCORM 1.2 run: the package written by the `scorm` CLI from the release dist/ is unzipped and
// served beside a host page that plays the LMS — it provides `window.API` with scorm-again's
// Scorm12API and opens the manifest's launch URL in a frame, as Moodle or Chamilo would. The student
// plays 卖苹果的三个商贩 by clicking inside the frame; the test leaves mid-play (the frame is closed, so
// the SCO must commit and LMSFinish) and relaunches it like an LMS with the stored cmi values:
// the play resumes from cmi.suspend_data at the same step. At the end LMSGetValue gives the
// debrief's score as cmi.core.score.raw and passed/failed by the pack's pass mark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, copyFile, writeFile, readFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  serveDir, launch, newPage, snapshot, waitForStep, packModels, playToEnd, bestChoice, step,
} from './lib/harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACK = 'apple-seller';

let dir;
let server;
let browser;
let models;
let launchHref;
before(async () => {
  models = packModels();
  dir = await mkdtemp(join(tmpdir(), 'kefu-scorm-'));
  const zip = join(dir, 'package.zip');
  const build = spawnSync(
    'cargo',
    ['run', '--release', '--locked', '--quiet', '-p', 'kefu-cli', '--bin', 'scorm', '--', '--pack', PACK, 'dist/', zip],
    { cwd: ROOT, encoding: 'utf8', timeout: 900_000 },
  );
  assert.equal(build.status, 0, `scorm CLI: ${build.stderr}`);
  const site = join(dir, 'site');
  const unzip = spawnSync('python3', ['-m', 'zipfile', '-e', zip, site], { encoding: 'utf8' });
  assert.equal(unzip.status, 0, unzip.stderr);
  // The SCO's launch URL, as the LMS reads it from the manifest.
  const manifest = await readFile(join(site, 'imsmanifest.xml'), 'utf8');
  launchHref = manifest.match(/adlcp:scormtype="sco" href="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.match(launchHref, new RegExp(`pack=${PACK}`));
  // The "LMS": a host page with scorm-again, outside the package, same origin.
  await mkdir(join(site, 'lms-host'));
  await copyFile(fileURLToPath(new URL('./node_modules/scorm-again/dist/scorm12.js', import.meta.url)), join(site, 'lms-host', 'scorm12.js'));
  await writeFile(join(site, 'lms-host', 'host.html'), HOST);
  server = await serveDir(site, '/course/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// `launchSco(href, stored)` starts an attempt with a fresh API (an LMS gives each launch its own),
// preloaded with what the LMS stored from the previous one; `calls` logs every API call.
const HOST = `<!doctype html>
<html><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,"><script src="scorm12.js"></script></head>
<body>
<iframe id="sco" style="width: 1100px; height: 900px"></iframe>
<script>
  window.calls = [];
  window.launchSco = (href, stored) => {
    const api = new Scorm12API({ autocommit: false, logLevel: 5 });
    if (stored) api.loadFromJSON(stored);
    for (const name of ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']) {
      api.on(name, (key, value) => window.calls.push([name, key ?? '', value ?? '']));
    }
    window.API = api;
    document.getElementById('sco').src = href;
  };
  window.closeSco = () => { document.getElementById('sco').src = 'about:blank'; };
</script>
</body></html>`;

test('a SCORM package reports score and status and resumes from suspend_data', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}lms-host/host.html`);
  const model = models.get(PACK);
  const pick = bestChoice(model);
  await page.evaluate((href) => window.launchSco(`../${href}`), launchHref);
  const sco = page.frameLocator('#sco');
  assert.equal(await waitForStep(sco), 'choice');
  assert.equal(await sco.locator('[data-nav]').count(), 0, 'single-pack mode: no navigation away');
  const clicked = [await step(sco, pick), await step(sco, pick)];
  const before = await sco.locator('[data-node]').getAttribute('data-node');

  // Each step was committed with resume data and status incomplete.
  const mid = await page.evaluate(() => ({
    status: window.API.LMSGetValue('cmi.core.lesson_status'),
    suspend: window.API.LMSGetValue('cmi.suspend_data'),
    commits: window.calls.filter(([n]) => n === 'LMSCommit').length,
  }));
  assert.equal(mid.status, 'incomplete');
  assert.ok(mid.suspend.length > 0 && mid.suspend.length <= 4096, mid.suspend);
  assert.ok(mid.commits >= 3, `committed at launch and after each step: ${mid.commits}`);

  // The student leaves: the SCO sets its values a last time and finishes the attempt.
  await page.evaluate(() => window.closeSco());
  await page.waitForFunction(() => window.calls.some(([n]) => n === 'LMSFinish'));
  const stored = await page.evaluate(() => ({
    suspend_data: window.API.cmi.suspend_data,
    core: { lesson_status: window.API.cmi.core.lesson_status, entry: 'resume' },
  }));
  // cmi.core.exit is write-only: read what was written from the log of calls.
  const exits = await page.evaluate(() => window.calls.filter(([n, k]) => n === 'LMSSetValue' && k === 'cmi.core.exit'));
  assert.equal(exits.at(-1)[2], 'suspend', 'an unfinished attempt is suspended');
  assert.equal(stored.suspend_data, mid.suspend, 'the last commit kept the same play');

  // Relaunch with what the LMS kept: the play goes on at the same step, without asking.
  await page.evaluate(({ href, stored }) => window.launchSco(`../${href}`, stored), { href: launchHref, stored });
  assert.equal(await waitForStep(sco), 'choice');
  assert.equal(await sco.locator('[data-node]').getAttribute('data-node'), before, 'resumed at the same step');
  assert.equal(await sco.locator('[data-resume]').count(), 0);
  const got = await page.evaluate(() => window.calls.filter(([n, k]) => n === 'LMSGetValue' && k === 'cmi.suspend_data').length);
  assert.ok(got >= 2, 'the relaunch read cmi.suspend_data');

  const { choices: rest } = await playToEnd(sco, model, pick);
  clicked.push(...rest);
  assert.equal(await waitForStep(sco), 'debrief');
  const reviewed = await sco.locator('[data-review]').evaluateAll((els) => els.map((e) => e.dataset.review));
  assert.deepEqual(reviewed, clicked, 'the debrief covers the choices from before and after the relaunch');
  const percent = Number(await sco.locator('[data-debrief] [data-percent]').getAttribute('data-percent'));
  const passMark = model.grades.map((g) => g.min).sort((a, b) => a - b)[1];
  await snapshot(page, 'scorm-debrief');

  const end = await page.evaluate(() => ({
    status: window.API.LMSGetValue('cmi.core.lesson_status'),
    raw: window.API.LMSGetValue('cmi.core.score.raw'),
    max: window.API.LMSGetValue('cmi.core.score.max'),
    suspend: window.API.LMSGetValue('cmi.suspend_data'),
    error: window.API.LMSGetLastError(),
  }));
  assert.equal(end.status, percent >= passMark ? 'passed' : 'failed', JSON.stringify(end));
  assert.equal(Number(end.raw), percent);
  assert.equal(end.max, '100');
  assert.ok(end.suspend.length > 0 && end.suspend.length <= 4096);
  assert.equal(end.error, '0', 'no LMS call failed');

  await page.evaluate(() => window.closeSco());
  await page.waitForFunction(() => window.calls.filter(([n]) => n === 'LMSFinish').length === 2);
  // index.html forwards a SCORM launch to scorm/ at once: the browser abandons the student app's own
  // script and wasm it had begun to preload. Anything else is a problem.
  const abandoned = /^request failed: .*\/course\/kefu-sim-[0-9a-f]+(_bg\.wasm|\.js) net::ERR_ABORTED$/;
  assert.deepEqual(page.problems.filter((p) => !abandoned.test(p)), []);
});
