// xAPI round trip with a real LRS (Ralph): the student sets up the LRS and their identity on the
// settings page (lms/) by clicking, plays 卖苹果的三个商贩 in the student app to its debrief — part of
// it offline — while the hidden sync frame the student app adds (lms/#/sync, data-xapi-sync) records
// the stored plays' statements and sends them; the LRS then holds exactly the expected statements: launched, one answered per choice clicked (with the
// choice as response), completed and passed or failed with the debrief's scaled score, every one
// with the typed student as actor and none twice, although the offline steps were retried.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDir, launch, newPage, snapshot, waitForStep, packModels, playToEnd, bestChoice, step,
} from './lib/harness.mjs';
import { startRalph } from './lib/ralph.mjs';

let server;
let browser;
let lrs;
let models;
before(async () => {
  models = packModels();
  server = await serveDir();
  lrs = await startRalph(new URL(server.url).origin);
  console.log(`Ralph ready (install/check took ${lrs.installSeconds.toFixed(1)} s)`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await lrs?.stop();
  await server?.close();
});

const verbOf = (s) => s.verb.id.split('/').pop();

/** Waits until the LRS holds `n` statements (the sync frame works in the background). */
async function lrsHolds(n, timeout = 30_000) {
  const end = Date.now() + timeout;
  let count;
  while ((count = (await lrs.statements()).length) !== n && Date.now() < end) {
    await new Promise((ok) => setTimeout(ok, 250));
  }
  assert.equal(count, n, `the LRS holds ${n} statements`);
}

/** How many statements the sync frame says are waiting. */
async function waiting(frame) {
  return Number(await frame.locator('[data-xapi-queue]').getAttribute('data-xapi-queue'));
}

test('statements reach the LRS once each, also after going offline mid-play', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);

  // Settings, by clicking (on the LMS page, lms/): a student with no identity yet gives a name and
  // number there.
  await page.locator('[data-open-settings]').click();
  await page.locator('[data-lrs-settings]').waitFor();
  await page.locator('[data-student-field="name"]').fill('张三');
  await page.locator('[data-student-field="number"]').fill('2023001');
  await page.locator('[data-lrs="endpoint"]').fill('not a url');
  await page.locator('[data-lrs="key"]').fill(lrs.user);
  await page.locator('[data-lrs="secret"]').fill(lrs.password);
  await page.locator('[data-lrs-save]').click();
  assert.match(await page.locator('[data-lrs-error]').textContent(), /LRS 地址/, 'a bad address is refused, in Chinese');
  await page.locator('[data-lrs="endpoint"]').fill(lrs.url);
  await page.locator('[data-lrs-save]').click();
  await page.locator('[data-lrs-saved]').waitFor();
  await page.locator('[data-student-identity]').waitFor();
  await page.locator('[data-xapi-queue="0"]').waitFor();

  // Play: the first choices online, the next ones offline (queued and retried), the rest online.
  const model = models.get('apple-seller');
  const pick = bestChoice(model);
  await page.locator('[data-settings-back]').click();
  const frame = page.frameLocator('iframe[data-xapi-sync]');
  await frame.locator('[data-xapi-queue]').waitFor({ state: 'attached' });
  await page.locator('[data-pack="apple-seller"]').click();
  assert.equal(await waitForStep(page), 'choice');
  const clicked = [await step(page, pick)];
  await lrsHolds(2); // launched and the first answer, sent at once
  await frame.locator('[data-xapi-queue="0"]').waitFor({ state: 'attached' });

  await page.context().setOffline(true);
  clicked.push(await step(page, pick));
  const end = Date.now() + 10_000;
  while ((await waiting(frame)) < 1 && Date.now() < end) await new Promise((ok) => setTimeout(ok, 100));
  const held = await waiting(frame);
  assert.ok(held >= 1, `statements wait while offline (${held})`);
  assert.equal((await lrs.statements()).length, 2, 'nothing reached the LRS while offline');
  await page.context().setOffline(false);

  const { choices: rest, exercises } = await playToEnd(page, model, pick);
  clicked.push(...rest);
  assert.equal(await waitForStep(page), 'debrief');
  const percent = Number(await page.locator('[data-debrief] [data-percent]').getAttribute('data-percent'));
  await lrsHolds(clicked.length + exercises.length + 3, 45_000);
  await frame.locator('[data-xapi-queue="0"]').waitFor({ state: 'attached', timeout: 30_000 });
  await snapshot(page, 'lrs-debrief');

  // What the LRS holds, in the play's order (its own order is by storage, batch by batch).
  const stored = (await lrs.statements()).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const ids = stored.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, 'no statement stored twice');
  const mins = model.grades.map((g) => g.min).sort((a, b) => a - b);
  const passMark = mins[1];
  const verbs = stored.map(verbOf);
  const answered = clicked.length + exercises.length;
  assert.deepEqual(
    [...verbs].sort(),
    ['launched', 'completed', percent >= passMark ? 'passed' : 'failed', ...Array(answered).fill('answered')].sort(),
    verbs.join(),
  );
  assert.equal(verbs[0], 'launched');
  const launched = stored[0];
  const answers = stored.filter((s) => verbOf(s) === 'answered');
  const kind = (s) => s.object.definition.interactionType;
  const responses = answers.filter((s) => kind(s) === 'choice').map((s) => s.result.response);
  assert.deepEqual(responses, clicked, 'one answered statement per choice clicked, in order');
  const exerciseKinds = { order: 'sequencing', classify: 'matching', calc: 'other', plan: 'other', crm: 'other' };
  assert.deepEqual(
    answers.filter((s) => kind(s) !== 'choice').map(kind),
    exercises.map((e) => exerciseKinds[e.kind]),
    'one answered statement per exercise',
  );
  for (const s of stored) {
    assert.equal(s.actor.name, '张三');
    assert.equal(s.actor.account.name, '2023001');
    assert.match(s.object.id, /\/packs\/apple-seller\/v\d+/);
    assert.equal(s.context.registration, launched.context.registration, 'one registration per play');
  }
  for (const s of stored.filter((x) => ['completed', 'passed', 'failed'].includes(verbOf(x)))) {
    assert.equal(s.result.score.scaled, percent / 100, `${verbOf(s)}: the debrief's score`);
    assert.equal(s.result.score.raw, percent);
    assert.equal(s.result.success, percent >= passMark);
    assert.equal(s.result.completion, true);
    const skills = Object.values(s.result.extensions).find((v) => typeof v === 'object');
    assert.deepEqual(Object.keys(skills).sort(), model.dimensions.map((d) => d.id).sort(), 'per-skill scores');
  }

  // A reload (the sync frame records every stored play again) sends nothing again (the ids are
  // remembered as sent).
  await page.reload();
  await page.frameLocator('iframe[data-xapi-sync]').locator('[data-xapi-queue="0"]').waitFor({ state: 'attached' });
  await new Promise((ok) => setTimeout(ok, 3000));
  assert.equal((await lrs.statements()).length, stored.length);

  const lrsPort = new URL(lrs.url).port;
  const problems = page.problems.filter((p) => !(p.includes(`:${lrsPort}/`) || p.includes('ERR_INTERNET_DISCONNECTED')));
  assert.deepEqual(problems, [], 'no errors besides the requests that failed offline');
});
