// The teacher's workflow across the apps, in headless Chromium on the built dist/:
//  (i)   a broken pack gets the checker's full report (the same codes, lines and columns packcheck
//        prints, with the offending source lines);
//  (ii)  a valid pack is loaded, listed, played in the student app to its debrief; a newer version
//        replaces it (old→new shown), an older one is refused, the unfinished play on the old
//        version is refused with a message, the finished one stays viewable; the pack is removed;
//  (iii) two students play and export result files by following the student app's export links to
//        the LMS page's export page, where they set their identity (downloads captured); one
//        file is tampered with (a claimed score edited) and one is malformed; the teacher imports
//        all of them at once; the dashboard counts the two students, flags the tampered and the
//        malformed files, and the CSV downloads hold a BOM and the expected rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveDir, launch, newPage, packcheckJson, playToEnd, packModels, debriefScores, waitForStep, snapshot } from './lib/harness.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const GOOD = `${FIXTURES}teacher-pack.toml`;
const BROKEN = `${FIXTURES}broken-pack.toml`;

let server;
let browser;
before(async () => {
  server = await serveDir();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** `packcheck --json [--model]` on one file: the report the UI must agree with. */
const packcheck = (file, model = false) => packcheckJson(file, model).files[0];

const teacherUrl = (hash = '#/results') => `${server.url}teacher/${hash}`;
// The packs page is an app of its own (it alone carries the checker).
const packsUrl = () => `${server.url}teacher/packs/`;

/** Loads a pack file through the packs page's file input. */
async function loadPackFile(page, path) {
  await page.goto(packsUrl());
  await page.locator('[data-pack-file]').setInputFiles(path);
  await page.locator('[data-pack-report]').waitFor();
  return page.locator('[data-pack-report]');
}

/** Clicks a control that downloads a file; returns its suggested name and bytes. */
async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: await readFile(path) };
}

/** Fills the identity form of the first export control on the page. */
async function identify(page, name, number) {
  await page.locator('[data-student-name]').first().fill(name);
  await page.locator('[data-student-number]').first().fill(number);
  await page.locator('[data-student-save]').first().click();
  await page.locator(`[data-student="${number}"]`).first().waitFor();
}

/** Opens pack `id` on the student home page and plays it to its debrief with `pick`. */
async function play(page, id, model, pick) {
  await page.goto(server.url);
  await page.locator(`[data-pack="${id}"]`).click();
  const r = await playToEnd(page, model, pick);
  await page.locator('[data-debrief]').waitFor();
  return r;
}

test('a broken pack shows every diagnostic packcheck reports, with its line, column and source line; a dropped valid pack is stored', async () => {
  const page = await newPage(browser);
  const report = await loadPackFile(page, BROKEN);
  assert.equal(await report.getAttribute('data-pack-report'), 'broken');
  const expected = packcheck(BROKEN).diagnostics;
  assert.ok(expected.length >= 3, 'the fixture has several errors');
  const shown = await page.locator('[data-diagnostic]').evaluateAll((els) =>
    els.map((e) => ({ code: e.dataset.diagnostic, line: +e.dataset.line, col: +e.dataset.col, text: e.textContent })),
  );
  assert.deepEqual(
    shown.map(({ code, line, col }) => ({ code, line, col })),
    expected.map(({ code, line, col }) => ({ code, line, col })),
  );
  for (const [i, d] of expected.entries()) {
    assert.ok(shown[i].text.includes(d.message), `message of ${d.code} shown`);
    assert.ok(shown[i].text.includes(`  | ${d.source_line}`), `source line of ${d.code} shown`);
    assert.ok(shown[i].text.includes(`broken-pack.toml:${d.line}:${d.col}: error[${d.code}]`), 'packcheck form');
  }
  assert.equal(await page.locator('[data-loaded-pack]').count(), 0, 'a broken pack is not stored');
  await snapshot(page, 'teacher-broken-pack');

  // Dropping a valid file on the drop zone loads it.
  const text = await readFile(GOOD, 'utf8');
  await page.locator('[data-drop="pack"]').evaluate((zone, text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.toml', { type: 'text/plain' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('[data-pack-report="new"]').waitFor();
  await page.locator('[data-loaded-pack="e2e-greeting"]').waitFor();
  assert.deepEqual(page.problems, []);
});

test('a valid pack is stored, played by a student, replaced by a newer version and removed', async () => {
  const page = await newPage(browser);
  const model = packcheck(GOOD, true);
  const report = await loadPackFile(page, GOOD);
  assert.equal(await report.getAttribute('data-pack-report'), 'new');
  assert.equal(await report.getAttribute('data-pack-installed'), model.pack.meta.id);
  const id = model.pack.meta.id;
  await page.locator(`[data-loaded-pack="${id}"]`).waitFor();
  assert.ok((await page.locator('[data-builtin-pack]').count()) > 0, 'listed beside the built-in packs');

  // The student app lists it from local storage and plays it to the debrief.
  const pick = (ids) => ids[0];
  const { choices } = await play(page, id, model.pack, pick);
  const scores = await debriefScores(page);
  const dialogue = model.pack.activities[0].body.dialogue;
  const choiceById = new Map(Object.values(dialogue.nodes).flatMap((n) => n.body.Choices ?? []).map((c) => [c.id, c]));
  for (const b of model.bounds) {
    const sum = choices.reduce((a, c) => a + (choiceById.get(c).score.find((s) => s.dim === b.dim)?.delta ?? 0), 0);
    assert.equal(scores[b.dim].score, sum, `${b.dim}: the sum of the chosen choices' scores`);
    assert.equal(scores[b.dim].max, b.max, `${b.dim}: the maximum packcheck computed`);
  }

  // A second play left unfinished on version 1.
  await page.goto(server.url);
  await page.locator(`[data-pack="${id}"]`).click();
  await waitForStep(page);
  await page.locator('[data-choice]').first().click();
  await page.locator('[data-feedback]').waitFor();

  // Version 2 by URL replaces it; version 1 again is refused.
  const v2 = (await readFile(GOOD, 'utf8')).replace('version = 1', 'version = 2').replace('(教师自编)', '(第二版)');
  const url = `${server.url}remote/teacher-pack-v2.toml`;
  await page.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: v2 }));
  await page.goto(packsUrl());
  await page.locator('[data-pack-url]').fill(url);
  await page.locator('[data-pack-url-load]').click();
  const replaced = page.locator('[data-pack-report="replaced"]');
  await replaced.waitFor();
  assert.equal(await replaced.getAttribute('data-old-version'), '1');
  assert.equal(await replaced.getAttribute('data-new-version'), '2');
  assert.equal(await page.locator(`[data-loaded-pack="${id}"]`).getAttribute('data-version'), '2');
  await page.locator('[data-pack-file]').setInputFiles(GOOD);
  await page.locator('[data-pack-report="refused"]').waitFor();
  assert.equal(await page.locator(`[data-loaded-pack="${id}"]`).getAttribute('data-version'), '2');

  // The unfinished play on version 1 is refused with a message; the finished one stays viewable.
  await page.goto(server.url);
  await page.locator(`[data-pack="${id}"]`).click();
  await page.locator('[data-play-refused]').waitFor();
  assert.equal(await page.locator('[data-resume]').count(), 0, 'no resume is offered');
  assert.match(await page.locator('[data-play-refused]').textContent(), /第 1 版/);
  await page.goto(`${server.url}#/history`);
  await page.locator(`[data-history-entry="${id}"]`).click();
  await page.locator('[data-debrief]').waitFor();
  assert.deepEqual(await debriefScores(page), scores, 'the old play shows the scores it had');

  // Removed: gone from both apps.
  await page.goto(packsUrl());
  await page.locator(`[data-remove-pack="${id}"]`).click();
  await page.locator(`[data-loaded-pack="${id}"]`).waitFor({ state: 'detached' });
  await page.goto(server.url);
  await page.locator('[data-pack]').first().waitFor();
  assert.equal(await page.locator(`[data-pack="${id}"]`).count(), 0);
  assert.deepEqual(page.problems, []);
});

test('two students export results; the teacher imports them with a tampered and a malformed file', async () => {
  const apple = packModels('scenarios/apple-seller.toml').get('apple-seller');
  const good = packcheck(GOOD, true);

  // Student A: one built-in play, exported from the debrief.
  const a = await newPage(browser);
  await play(a, 'apple-seller', apple, (ids) => ids[0]);
  // The debrief's export link leads to the LMS page's export page (lms/#/export/<key>): identity,
  // then the download of this one play.
  await a.locator('[data-debrief] [data-export-result]').click();
  await a.waitForURL(/\/lms\/#\/export\/.+/);
  await identify(a, '张三', '2023001');
  const fileA = await download(a, '[data-export-result]');
  assert.match(fileA.name, /^成绩-2023001-张三-apple-seller-\d+\.json$/);

  // Student B: the teacher's pack (loaded in B's browser too) and the built-in one; "export all".
  const b = await newPage(browser);
  await loadPackFile(b, GOOD);
  await play(b, good.pack.meta.id, good.pack, (ids) => ids[ids.length - 1]);
  await play(b, 'apple-seller', apple, (ids) => ids[ids.length - 1]);
  await b.goto(`${server.url}#/history`);
  await b.locator('[data-export-all]').click();
  await b.waitForURL(/\/lms\/#\/export$/);
  await identify(b, '李四', '2023002');
  const fileB = await download(b, '[data-export-all]');
  assert.equal(fileB.name, '成绩-2023002-李四-全部.json');
  const jsonB = JSON.parse(fileB.bytes.toString('utf8'));
  assert.equal(jsonB.plays.length, 2);

  // A tampered copy of A's file (a claimed score raised) and a malformed file.
  const tampered = JSON.parse(fileA.bytes.toString('utf8'));
  const dim = tampered.plays[0].claimed.dims[0];
  dim.score = dim.score + 1;
  const malformed = Buffer.from('{"format":"kefu-sim-result","schema":1,"student":{"name":"王五","number":"2023003"},"plays":[');

  // The teacher (own browser) loads the pack and imports all four files at once.
  const t = await newPage(browser);
  await loadPackFile(t, GOOD);
  await t.goto(teacherUrl('#/results'));
  await t.locator('[data-results-file]').setInputFiles([
    { name: fileA.name, mimeType: 'application/json', buffer: fileA.bytes },
    { name: fileB.name, mimeType: 'application/json', buffer: fileB.bytes },
    { name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) },
    { name: 'malformed.json', mimeType: 'application/json', buffer: malformed },
  ]);
  const summary = t.locator('[data-import-summary]');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('data-files'), '4');
  assert.equal(await summary.getAttribute('data-verified'), '3', "A's play and B's two");
  assert.equal(await summary.getAttribute('data-flagged'), '2');
  const rows = await t.locator('[data-result-row]').evaluateAll((els) =>
    els.map((e) => ({ verdict: e.dataset.verdict, counted: e.dataset.counted, text: e.textContent })),
  );
  assert.deepEqual(
    rows.map((r) => r.verdict),
    ['verified', 'verified', 'verified', 'score-mismatch', 'malformed'],
  );
  assert.deepEqual(rows.map((r) => r.counted), ['true', 'true', 'true', 'false', 'false']);
  assert.ok(rows[3].text.includes(dim.name), 'the mismatch names the skill');
  assert.ok(rows[4].text.includes('malformed.json'));

  // The dashboard: the two students only, their completion, a chart per skill played.
  const students = await t.locator('[data-student-row]').evaluateAll((els) =>
    els.map((e) => [e.dataset.studentRow, e.dataset.completed]),
  );
  assert.deepEqual(students, [['2023001', '1'], ['2023002', '2']]);
  const charts = await t.locator('[data-skill-chart]').evaluateAll((els) => els.map((e) => e.dataset.skillChart));
  for (const d of good.pack.dimensions) assert.ok(charts.includes(`${good.pack.meta.id}/${d.id}`), d.id);
  const appleCharts = await t.locator('[data-skill-chart^="apple-seller/"]').evaluateAll((els) =>
    els.map((e) => [e.dataset.students, [...e.querySelectorAll('[data-count]')].reduce((n, g) => n + Number(g.dataset.count), 0)]),
  );
  assert.ok(appleCharts.length > 0);
  for (const [n, sum] of appleCharts) assert.deepEqual([n, sum], ['2', 2], 'both students, once each');
  assert.ok((await t.locator('[data-mistake]').count()) > 0, 'the weaker choices are listed');

  await snapshot(t, 'teacher-results');

  // CSV downloads: BOM, a header and one row per student / per imported row.
  const csv = await download(t, '[data-export-csv="students"]');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 3, 'header and two students');
  assert.ok(lines[1].startsWith('"2023001","张三"'), lines[1]);
  assert.ok(lines[2].startsWith('"2023002","李四"'), lines[2]);
  assert.ok(!csv.bytes.toString('utf8').includes('2023003'), 'the malformed file is not counted');
  const all = await download(t, '[data-export-csv="results"]');
  assert.deepEqual([...all.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(all.bytes.toString('utf8').trimEnd().split('\r\n').length, 1 + rows.length);
  const mistakes = await download(t, '[data-export-csv="mistakes"]');
  assert.ok(mistakes.bytes.toString('utf8').split('\r\n').length > 2, 'mistakes listed');

  for (const p of [a, b, t]) assert.deepEqual(p.problems, []);
});
