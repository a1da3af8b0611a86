// The site is four apps (student, CRM, teacher results, teacher packs) served from one sub-path: the
// navigation links reach each of them and come back, every app loads without an error or a failed
// request, and their shared navigation marks where the user is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDir, launch, newPage } from './lib/harness.mjs';

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

test('the navigation reaches the CRM and teacher apps and comes back home', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.locator('[data-pack]').first().waitFor();
  const active = () => page.locator('[data-nav][aria-current="page"]').getAttribute('data-nav');
  assert.equal(await active(), 'home');

  for (const [nav, path] of [['crm', 'crm/'], ['teacher', 'teacher/']]) {
    await page.locator(`[data-nav="${nav}"]`).click();
    await page.waitForURL((u) => u.pathname === new URL(path, server.url).pathname);
    await page.locator(`[data-nav="${nav}"][aria-current="page"]`).waitFor();
  }
  // The teacher's tabs: the packs page (its own app, one level deeper) and back to the results.
  await page.locator('[data-import-results]').waitFor();
  await page.locator('[data-nav="teacher-packs"]').click();
  await page.waitForURL((u) => u.pathname === new URL('teacher/packs/', server.url).pathname);
  await page.locator('[data-pack-load]').waitFor();
  await page.locator('[data-nav="teacher"][aria-current="page"]').waitFor();
  await page.locator('[data-nav="teacher-results"]').click();
  await page.waitForURL((u) => u.pathname === new URL('teacher/', server.url).pathname && u.hash === '#/results');
  await page.locator('[data-import-results]').waitFor();
  await page.locator('[data-nav="teacher-packs"]').click();
  await page.locator('[data-pack-load]').waitFor();
  await page.locator('[data-nav="history"]').click();
  await page.waitForURL((u) => u.pathname === new URL(server.url).pathname && u.hash === '#/history');
  assert.equal(await active(), 'history');
  await page.locator('[data-nav="home"]').click();
  await page.locator('[data-pack]').first().waitFor();
  assert.deepEqual(page.problems, [], 'every app loads from the sub-path without errors');
});

test("the teacher page's old packs address forwards to the packs page", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}teacher/#/packs`);
  await page.waitForURL((u) => u.pathname === new URL('teacher/packs/', server.url).pathname);
  await page.locator('[data-pack-load]').waitFor();
  assert.deepEqual(page.problems, []);
});
