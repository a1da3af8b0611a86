// A student plays 卖苹果的三个商贩 in the release build served from a sub-path: starts it from the
// home page, reloads mid-play and resumes where they were, clicks through to an ending, and reads a
// debrief whose numbers and review match what was clicked; the play is then in the history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDir, launch, newPage, snapshot, waitForStep, packModels, playToEnd, leastTaken, debriefScores,
} from './lib/harness.mjs';

let server;
let browser;
let models;
before(async () => {
  models = packModels();
  server = await serveDir();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('apple seller: play, reload mid-play, resume, finish, debrief, history', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.locator('[data-pack="apple-seller"]').click();
  assert.equal(await waitForStep(page), 'choice');
  const first = await page.locator('[data-node]').getAttribute('data-node');

  // One step that keeps the conversation going (asking what she wants), then reload.
  const asks = await page.locator('[data-choice]').evaluateAll((els) => els.map((e) => e.dataset.choice));
  const ask = asks.find((id) => id.startsWith('ask_')) ?? asks[0];
  await page.locator(`[data-choice="${ask}"]`).click();
  await page.locator('[data-feedback]').waitFor();
  await page.locator('[data-continue]').click();
  assert.equal(await waitForStep(page), 'choice', 'asking about her need does not end the play');
  const before = await page.locator('[data-node]').getAttribute('data-node');
  assert.notEqual(before, first, 'the play moved on');
  const saved = await page.evaluate(() => localStorage.getItem('kefu-sim/progress/apple-seller'));
  assert.ok(saved && JSON.parse(saved).data.play.answers.length === 1, `progress saved: ${saved}`);

  await page.reload();
  await page.locator('[data-pack="apple-seller"]').click();
  await page.locator('[data-resume]').click();
  assert.equal(await waitForStep(page), 'choice');
  assert.equal(await page.locator('[data-node]').getAttribute('data-node'), before, 'resumed at the same step');

  const { choices: rest } = await playToEnd(page, models.get('apple-seller'), leastTaken());
  const clicked = [ask, ...rest];
  assert.equal(await waitForStep(page), 'debrief');
  await snapshot(page, 'apple-seller-debrief');

  const dims = await debriefScores(page);
  const skills = models.get('apple-seller').dimensions.map((d) => d.id);
  assert.deepEqual(Object.keys(dims), skills, 'one entry per skill, in the pack\'s order');
  for (const [id, d] of Object.entries(dims)) {
    assert.ok(Number.isInteger(d.score) && Number.isInteger(d.max), `${id}: ${JSON.stringify(d)}`);
    assert.ok(d.max >= 0 && d.score <= d.max, `${id} within its maximum: ${JSON.stringify(d)}`);
  }
  const reviewed = await page.locator('[data-review]').evaluateAll((els) => els.map((e) => e.dataset.review));
  assert.deepEqual(reviewed, clicked, 'the debrief reviews every choice, in order');

  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kefu-sim/')));
  assert.ok(!stored.includes('kefu-sim/progress/apple-seller'), 'finished play leaves no progress behind');
  assert.equal(stored.filter((k) => k.startsWith('kefu-sim/history/')).length, 1, stored.join());

  await page.locator('[data-nav="history"]').first().click();
  await page.locator('[data-history-entry="apple-seller"]').waitFor();
  assert.deepEqual(page.problems, [], 'no errors, no failed requests from the sub-path');
});

test('a reload right after a click keeps the step (the write held back for the paint is made on pagehide)', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.locator('[data-pack="apple-seller"]').click();
  assert.equal(await waitForStep(page), 'choice');
  const ids = await page.locator('[data-choice]').evaluateAll((els) => els.map((e) => e.dataset.choice));
  const ask = ids.find((id) => id.startsWith('ask_')) ?? ids[0];
  // Click and reload in the same task: no frame, no timer can run in between.
  await page.evaluate((id) => {
    document.querySelector(`[data-choice="${id}"]`).click();
    location.reload();
  }, ask);
  await page.locator('[data-pack="apple-seller"]').click();
  await page.locator('[data-resume]').waitFor();
  const saved = await page.evaluate(() => localStorage.getItem('kefu-sim/progress/apple-seller'));
  assert.deepEqual(JSON.parse(saved).data.play.answers.map((a) => a.choice), [ask], saved);
  assert.deepEqual(page.problems, []);
});

test('jewelry clerk: a whole play by clicking ends in a debrief', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.locator('[data-pack="jewelry-clerk"]').click();
  const { choices: clicked } = await playToEnd(page, models.get('jewelry-clerk'), leastTaken());
  assert.ok(clicked.length >= 2, clicked.join());
  assert.equal(await waitForStep(page), 'debrief');
  assert.ok((await page.locator('[data-dimension]').count()) >= 1);
  assert.deepEqual(page.problems, []);
});
