// The teacher's class record (issue 17), in headless Chromium on the built dist/: result files
// (written by the core's `write_e2e_result_files`, as the student app exports them) are imported
// into a named class; after a reload the rows and dashboard are still there; a third file goes to
// a second class; the same file again is not counted twice; a student is removed (confirmed) and
// the removal undone; the class record is exported, storage cleared, and imported back to the same
// dashboard; a student's plays open with the debrief; a damaged stored class is set aside once with a notice, the other class intact.
// Marking by rubric is covered by marking.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir, launch, newPage, snapshot } from './lib/harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let server;
let browser;
let files;
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kefu-classes-'));
  const run = spawnSync(
    'cargo',
    ['test', '--quiet', '--locked', '-p', 'kefu-core', '--test', 'core', '--', '--ignored', 'write_e2e_result_files'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KEFU_E2E_OUT: dir }, maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) throw new Error(`writing the result files failed: ${run.stderr}`);
  files = {};
  for (const n of [1, 2, 3]) {
    files[n] = { name: `student${n}.json`, mimeType: 'application/json', buffer: await readFile(join(dir, `student${n}.json`)) };
  }
  server = await serveDir();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

const results = (page) => page.locator('[data-class-record]').getAttribute('data-class-results');
const rows = (page) => page.locator('[data-student-row]').evaluateAll((els) => els.map((e) => [e.dataset.studentRow, e.dataset.completed]));

async function newClass(page, name) {
  const before = await page.locator('[data-class]').count();
  await page.locator('[data-class-name]').fill(name);
  await page.locator('[data-new-class]').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-class]').length === n, before + 1);
  return page.locator('[data-class][aria-pressed="true"]').getAttribute('data-class');
}

async function waitCount(page, n) {
  await page.waitForFunction((n) => document.querySelector('[data-class-record]')?.dataset.classResults === String(n), n);
}

test('a class record is kept across visits, counts each play once, undoes a removal and moves as one file', async () => {
  const t = await newPage(browser);
  const url = `${server.url}teacher/#/results`;
  await t.goto(url);
  const first = await newClass(t, '23级客服1班');
  await t.locator('[data-results-file]').setInputFiles([files[1], files[2]]);
  await waitCount(t, 2);
  const dashboard = await rows(t);
  assert.deepEqual(dashboard.map((r) => r[0]), ['2023001', '2023002']);

  // Next morning: still there.
  await t.reload();
  await waitCount(t, 2);
  assert.deepEqual(await rows(t), dashboard);

  // A second class gets the third file.
  const second = await newClass(t, '23级客服2班');
  assert.notEqual(first, second);
  await t.locator('[data-results-file]').setInputFiles([files[3]]);
  await waitCount(t, 1);
  assert.deepEqual((await rows(t)).map((r) => r[0]), ['2023003']);

  // Back to the first class: the same file again is not counted twice.
  await t.locator(`[data-class="${first}"]`).click();
  await t.waitForSelector(`[data-class-record="${first}"]`);
  await t.locator('[data-results-file]').setInputFiles([files[1]]);
  await t.locator('[data-class-message]').filter({ hasText: '已有 1 条' }).waitFor();
  await waitCount(t, 2);

  // Remove a student (confirmed), then undo.
  await t.locator('[data-class-record] details').evaluate((d) => { d.open = true; });
  await t.locator('[data-remove-student="2023002"]').click();
  await t.locator('[data-confirm-yes]').click();
  await waitCount(t, 1);
  assert.deepEqual((await rows(t)).map((r) => r[0]), ['2023001']);
  await t.locator('[data-undo]').click();
  await waitCount(t, 2);
  assert.deepEqual(await rows(t), dashboard);

  // A student's plays: best and latest, the transcript and the debrief as the student saw them.
  await t.locator('[data-open-student="2023001"]').click();
  const play = t.locator('[data-student-plays="2023001"] [data-student-play]');
  assert.equal(await play.count(), 1, 'the file imported twice is one play');
  assert.equal(await play.getAttribute('data-best'), 'true');
  assert.equal(await play.getAttribute('data-latest'), 'true');
  await play.locator('summary').click();
  await play.locator('[data-debrief]').waitFor();

  // Export, clear storage, import back: the same dashboard.
  const exported = await download(t, '[data-export-class]');
  assert.equal(exported.name, '班级记录-23级客服1班.json');
  await t.evaluate(() => localStorage.clear());
  await t.reload();
  await t.locator('[data-class-panel]').waitFor();
  assert.equal(await t.locator('[data-class]').count(), 0);
  await t.locator('[data-import-class]').setInputFiles([{ name: exported.name, mimeType: 'application/json', buffer: exported.bytes }]);
  await waitCount(t, 2);
  assert.deepEqual(await rows(t), dashboard);
  const kept = await t.locator('[data-class]').getAttribute('data-class');

  // A damaged stored class: set aside once, the teacher told, the other class intact.
  await t.evaluate(() => localStorage.setItem('kefu-sim/class/zz-damaged', '{broken'));
  await t.reload();
  await waitCount(t, 2);
  assert.equal(await t.locator('[data-notice]').count(), 1);
  assert.ok((await t.locator('[data-notice]').textContent()).includes('kefu-sim/class/zz-damaged'));
  assert.deepEqual(await t.locator('[data-class]').evaluateAll((els) => els.map((e) => e.dataset.class)), [kept]);
  await t.reload();
  await waitCount(t, 2);
  assert.equal(await t.locator('[data-notice]').count(), 0, 'told once');

  await snapshot(t, 'teacher-classes');
  assert.deepEqual(t.problems, []);
});
