// Teacher marking by rubric (issues 14 and 17), in headless Chromium on the built dist/: a
// 七彩阳光 plan (written by the core's `write_e2e_result_files`, as the student app exports it) is
// imported into a class; the student's dashboard row opens their plays; each free-text answer is
// shown with its rubric's descriptors per level; the teacher marks criteria and saves; after a
// reload the marks are kept, and the results CSV has them. A second tab marking the same play
// makes the first tab reload without losing its unsaved mark, which is flagged as a conflict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir, launch, newPage, snapshot } from './lib/harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NUMBER = '2023004';

let server;
let browser;
let qicai;
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kefu-marking-'));
  const run = spawnSync(
    'cargo',
    ['test', '--quiet', '--locked', '-p', 'kefu-core', '--test', 'core', '--', '--ignored', 'write_e2e_result_files'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KEFU_E2E_OUT: dir }, maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) throw new Error(`writing the result files failed: ${run.stderr}`);
  qicai = { name: 'student4.json', mimeType: 'application/json', buffer: await readFile(join(dir, 'student4.json')) };
  server = await serveDir();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const criterion = (page, c) => page.locator(`[data-criterion="plan/${c}"]`);
const mark = (page, c) => criterion(page, c).getAttribute('data-mark');

/** Opens the student's plays from the dashboard row, and the 七彩阳光 plan play in it. */
async function openPlan(page) {
  await page.locator(`[data-student-row="${NUMBER}"] [data-open-plays="${NUMBER}"]`).click();
  const play = page.locator(`[data-student-plays="${NUMBER}"] [data-student-play]`).first();
  await play.locator('summary').click();
  await play.locator('[data-marking]').waitFor();
  return play;
}

test('a free-text answer is marked with the rubric, kept over a reload, in the CSV, and safe from another tab', async () => {
  const t = await newPage(browser);
  await t.goto(`${server.url}teacher/#/results`);
  await t.locator('[data-class-name]').fill('23级客服1班');
  await t.locator('[data-new-class]').click();
  await t.locator('[data-class-record]').waitFor();
  await t.locator('[data-results-file]').setInputFiles([qicai]);
  await t.waitForFunction(() => document.querySelector('[data-class-record]')?.dataset.classResults === '1');

  const play = await openPlan(t);
  // Every free-text answer of the plan, each with its rubric's descriptors per level.
  assert.deepEqual(
    await play.locator('[data-free-text]').evaluateAll((els) => els.map((e) => e.dataset.freeText)),
    ['plan/preface', 'plan/target_analysis', 'plan/schedule'],
  );
  const levels = criterion(t, 'preface/purpose').locator('[data-level]');
  assert.deepEqual(await levels.evaluateAll((els) => els.map((e) => e.dataset.level)), ['0', '1', '2']);
  assert.ok((await levels.nth(2).textContent()).includes('建立稳定的客户群'));
  assert.equal(await t.locator('[data-mark-total]').getAttribute('data-mark-total'), '0/15');
  assert.ok(await t.locator('[data-save-marks]').isDisabled(), 'nothing to save yet');

  // Mark two criteria and save.
  await levels.nth(2).click();
  await criterion(t, 'target_analysis/needs').locator('[data-level="1"]').click();
  assert.equal(await mark(t, 'preface/purpose'), '2');
  assert.equal(await t.locator('[data-marking]').getAttribute('data-unsaved'), 'true');
  assert.equal(await t.locator('[data-mark-total]').getAttribute('data-mark-total'), '3/15');
  await t.locator('[data-save-marks]').click();
  await t.waitForFunction(() => document.querySelector('[data-marking]')?.dataset.unsaved === 'false');

  // Reload: the marks are kept.
  await t.reload();
  await t.waitForFunction(() => document.querySelector('[data-class-record]')?.dataset.classResults === '1');
  await openPlan(t);
  assert.equal(await mark(t, 'preface/purpose'), '2');
  assert.equal(await mark(t, 'target_analysis/needs'), '1');
  assert.equal(await mark(t, 'preface/background'), '');

  // The results CSV has the total and each criterion.
  const [d] = await Promise.all([t.waitForEvent('download'), t.locator('[data-export-csv="results"]').click()]);
  const csv = (await readFile(await d.path())).toString('utf8');
  const lines = csv.split('\r\n');
  assert.ok(lines[0].includes('"教师评分","评分明细"'), lines[0]);
  const row = lines.find((l) => l.includes(NUMBER));
  assert.ok(row.includes('"3/15"'), row);
  assert.ok(row.includes('preface·编制目的: 2/2') && row.includes('target_analysis·需求分析:购买者与使用者: 1/2'), row);

  // This tab starts marking `background` (unsaved); a second tab marks it otherwise and saves.
  await criterion(t, 'preface/background').locator('[data-level="1"]').click();
  // The second tab shares the first one's browser context, hence its local storage.
  const other = await t.context().newPage();
  other.problems = [];
  other.on('pageerror', (e) => other.problems.push(`page error: ${e.message}`));
  await other.goto(`${server.url}teacher/#/results`);
  await other.waitForFunction(() => document.querySelector('[data-class-record]')?.dataset.classResults === '1');
  await openPlan(other);
  await criterion(other, 'preface/background').locator('[data-level="2"]').click();
  await criterion(other, 'schedule/follow_up').locator('[data-level="1"]').click();
  await other.locator('[data-save-marks]').click();
  await other.waitForFunction(() => document.querySelector('[data-marking]')?.dataset.unsaved === 'false');

  // The first tab reloaded the class: the other tab's mark is there, its own unsaved one kept and
  // flagged, and saving keeps both.
  await t.waitForFunction(() => document.querySelector('[data-criterion="plan/schedule/follow_up"]')?.dataset.mark === '1');
  assert.equal(await mark(t, 'preface/background'), '1', 'the unsaved mark is not overwritten');
  assert.equal(await criterion(t, 'preface/background').getAttribute('data-conflict'), 'true');
  assert.equal(await t.locator('[data-marking]').getAttribute('data-unsaved'), 'true');
  await t.locator('[data-save-marks]').click();
  await t.waitForFunction(() => document.querySelector('[data-marking]')?.dataset.unsaved === 'false');
  assert.equal(await criterion(t, 'preface/background').getAttribute('data-conflict'), 'false');
  assert.equal(await t.locator('[data-mark-total]').getAttribute('data-mark-total'), '5/15');

  await snapshot(t, 'teacher-marking');
  assert.deepEqual(t.problems, []);
  assert.deepEqual(other.problems, []);
});
