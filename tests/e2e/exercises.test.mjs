// One activity of each exercise kind (order, classify, calc, plan), completed by clicking in the
// release build: answered right from the pack's own model, every item is graded right and a pack
// of exercises only reaches its maximum on every skill; answered wrong, every item is graded wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDir, launch, newPage, snapshot, packModels, playToEnd, leastTaken, debriefScores, waitForStep,
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

const kindsOf = (pack) => pack.activities.map((a) => Object.keys(a.body)[0]);

/** The first built-in pack with an activity of `kind`, preferring one with no dialogue (its
 * scores do not depend on which choices a test clicks). */
function packWith(kind) {
  const all = [...models.values()].filter((p) => kindsOf(p).includes(kind));
  assert.ok(all.length > 0, `some built-in pack has a ${kind} activity`);
  return all.find((p) => !kindsOf(p).includes('dialogue')) ?? all[0];
}

async function play(pack, right) {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.locator(`[data-pack="${pack.meta.id}"]`).click();
  const result = await playToEnd(page, pack, leastTaken(), right);
  assert.equal(await waitForStep(page), 'debrief');
  return { page, ...result };
}

for (const kind of ['order', 'classify', 'calc', 'plan']) {
  test(`${kind}: answered right by clicking, every item is graded right`, async () => {
    const pack = packWith(kind);
    const { page, exercises } = await play(pack, true);
    const mine = exercises.filter((e) => e.kind === kind);
    assert.ok(mine.length > 0, `${pack.meta.id} showed a ${kind} exercise`);
    for (const e of mine) {
      assert.ok(Object.keys(e.graded).length > 0, 'graded items are shown');
      assert.ok(Object.values(e.graded).every(Boolean), `${kind} all right: ${JSON.stringify(e.graded)}`);
    }
    if (!kindsOf(pack).includes('dialogue')) {
      const scores = await debriefScores(page);
      for (const [dim, { score, max }] of Object.entries(scores)) {
        assert.equal(score, max, `${pack.meta.id}: ${dim} reaches its maximum`);
      }
    }
    await snapshot(page, `exercise-${kind}`);
    assert.deepEqual(page.problems, []);
  });
}

test('calc and classify answered wrong: every item is graded wrong, and the debrief says so', async () => {
  for (const kind of ['calc', 'classify']) {
    const pack = packWith(kind);
    const { page, exercises } = await play(pack, false);
    for (const e of exercises.filter((x) => x.kind === kind)) {
      assert.ok(Object.values(e.graded).every((ok) => !ok), `${kind} all wrong: ${JSON.stringify(e.graded)}`);
    }
    const reviewed = await page.locator('[data-debrief] [data-review-activity]').count();
    assert.ok(reviewed >= 1, 'the debrief reviews the exercise');
    assert.deepEqual(page.problems, []);
  }
});
