// A teacher's pack reaches another browser through its share link alone (issue 12): the packs page
// shows the link, a fresh browser (another student's phone) opens it, the pack is installed and
// played to the debrief; a newer version's link replaces it and refuses the old unfinished play; a
// damaged or truncated link shows a notice, stores nothing and leaves the app usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useSite, newPage, packcheckJson, playToEnd, waitForStep } from './lib/harness.mjs';

const GOOD = fileURLToPath(new URL('./fixtures/teacher-pack.toml', import.meta.url));

const site = useSite();

/** The compiled model of a pack file: the test's answers come from it. */
const model = (file) => packcheckJson(file, true).files[0].pack;

/** Loads `file` on the packs page of a fresh browser and returns its share link. */
async function shareLink(file, id) {
  const teacher = await newPage(site.browser);
  await teacher.goto(`${site.server.url}teacher/packs/`);
  await teacher.locator('[data-pack-file]').setInputFiles(file);
  await teacher.locator('[data-pack-report]').waitFor();
  const link = teacher.locator(`[data-loaded-pack="${id}"] [data-share-link]`);
  await link.waitFor();
  const url = await link.inputValue();
  assert.deepEqual(teacher.problems, []);
  await teacher.context().close();
  return url;
}

/** The keys of the packs stored in `page`'s browser. */
const storedPacks = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kefu-sim/pack/')));

test('a share link installs the pack in another browser, where it is played to the debrief', async () => {
  const pack = model(GOOD);
  const id = pack.meta.id;
  const url = await shareLink(GOOD, id);
  assert.ok(url.startsWith(site.server.url) && url.includes('#/install/'), url);

  // Another student's browser: nothing but the link.
  const student = await newPage(site.browser);
  await student.goto(url);
  await student.locator(`[data-pack="${id}"][data-local]`).waitFor();
  assert.match(await student.locator('[data-notice]').first().textContent(), /已安装/);
  assert.deepEqual(await storedPacks(student), [`kefu-sim/pack/${id}`]);
  assert.ok(!student.url().includes('#/install/'), 'the link is replaced by the home page');
  await student.locator(`[data-pack="${id}"]`).click();
  await playToEnd(student, pack, (ids) => ids[0]);
  await student.locator('[data-debrief]').waitFor();

  // Opening the same link again changes nothing.
  await student.goto(url);
  await student.locator('[data-notice]').first().waitFor();
  assert.match(await student.locator('[data-notice]').last().textContent(), /已经安装过/);
  assert.deepEqual(student.problems, []);
});

test('a newer version by link replaces the old one and refuses its unfinished play', async () => {
  const pack = model(GOOD);
  const id = pack.meta.id;
  const student = await newPage(site.browser);
  await student.goto(await shareLink(GOOD, id));
  await student.locator(`[data-pack="${id}"]`).click();
  await waitForStep(student);
  await student.locator('[data-choice]').first().click();
  await student.locator('[data-feedback]').waitFor();

  const dir = await mkdtemp(join(tmpdir(), 'kefu-share-'));
  const v2 = join(dir, 'teacher-pack-v2.toml');
  await writeFile(v2, (await readFile(GOOD, 'utf8')).replace('version = 1', 'version = 2'));
  await student.goto(await shareLink(v2, id));
  await student.locator('[data-notice]').first().waitFor();
  assert.match(await student.locator('[data-notice]').last().textContent(), /第 1 版更新到第 2 版/);
  await student.locator(`[data-pack="${id}"]`).click();
  await student.locator('[data-play-refused]').waitFor();
  assert.equal(await student.locator('[data-resume]').count(), 0, 'the old play is not resumed');
  assert.deepEqual(student.problems, []);
});

test('a damaged or truncated link shows a notice and stores nothing', async () => {
  const url = await shareLink(GOOD, model(GOOD).meta.id);
  const at = url.indexOf('#/install/') + '#/install/'.length;
  const data = url.slice(at);
  const middle = Math.floor(data.length / 2);
  const flipped = data[middle] === 'A' ? 'B' : 'A';
  const broken = [
    url.slice(0, at) + data.slice(0, middle) + flipped + data.slice(middle + 1),
    url.slice(0, at) + data.slice(0, middle),
    url.slice(0, at) + '!!not-base64!!',
  ];
  for (const link of broken) {
    const page = await newPage(site.browser);
    await page.goto(link);
    await page.locator('[data-notice]').first().waitFor();
    assert.match(await page.locator('[data-notice]').first().textContent(), /损坏|不完整/);
    assert.deepEqual(await storedPacks(page), [], `nothing stored for ${link.slice(-20)}`);
    // Still usable: a built-in pack plays.
    await page.locator('[data-pack="apple-seller"]').click();
    assert.equal(await waitForStep(page), 'choice');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
