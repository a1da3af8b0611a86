// Every page of the release build carries a Content-Security-Policy (scripts/csp.mjs): scripts only
// from the site (plus the hash of trunk's inline loader), no 'unsafe-inline' or 'unsafe-eval', no
// inline styles; each page starts under it without a violation (the harness turns any
// `securitypolicyviolation` into a problem), and an injected inline script does not run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage } from './lib/harness.mjs';

const PAGES = ['', 'crm/', 'teacher/', 'teacher/packs/', 'lms/', 'lms/scorm/'];

const site = useSite();

test('every page has a strict policy and starts without a violation', async () => {
  for (const path of PAGES) {
    const page = await newPage(site.browser);
    await page.goto(site.server.url + path);
    await page.locator('nav, main, [data-pack]').first().waitFor();
    await page.waitForLoadState('load');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(csp, `${path || '/'} has a policy`);
    const script = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.match(script, /^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*$/, `${path}: ${script}`);
    assert.ok(csp.includes("style-src 'self'") && !csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"), csp);

    // Markup that reaches the page (say, through a bug) cannot run script.
    const ran = await page.evaluate(async () => {
      window.__injected = false;
      const div = document.createElement('div');
      div.innerHTML = '<img src="data:," onerror="window.__injected = true">';
      document.body.append(div);
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      await new Promise((ok) => setTimeout(ok, 200));
      div.remove();
      s.remove();
      return window.__injected;
    });
    assert.equal(ran, false, `${path}: an injected inline script ran`);
    // The blocked injection was reported as violations; nothing else was.
    const others = page.problems.filter((p) => !/CSP violation: script-src|inline (script|event handler) violates the following Content Security Policy/.test(p));
    assert.deepEqual(others, [], `${path || '/'}`);
    assert.ok(page.problems.length > 0, `${path || '/'}: the blocked injection is reported as a problem`);
    await page.context().close();
  }
});
