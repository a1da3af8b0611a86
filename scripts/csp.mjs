// Gives every page of a built site (each index.html under DIR) a Content-Security-Policy <meta>:
// scripts only from the site itself plus the sha256 of each inline script the page has (trunk's
// wasm loader; computed here, after the build, because trunk writes it), wasm compilation allowed
// ('wasm-unsafe-eval'), styles only from the site's stylesheets (no inline style), no plugins.
// `connect-src` stays open to http(s): a school's LRS (xAPI) and packs loaded by URL live anywhere.
// Usage: node scripts/csp.mjs DIR   (scripts/trunk-post-build.sh, release builds; `make serve` is left
// without, for trunk's live-reload script)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

export function policy(html) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self' https: http:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function withPolicy(html) {
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('the page already has a policy');
  const charset = html.match(/<meta charset="[^"]*"\s*\/?>/);
  if (!charset) throw new Error('no <meta charset> to put the policy after');
  const meta = `\n  <meta http-equiv="Content-Security-Policy" content="${policy(html)}" />`;
  const at = charset.index + charset[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/csp.mjs DIR');
    process.exit(2);
  }
  let pages = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    writeFileSync(path, withPolicy(readFileSync(path, 'utf8')));
    pages += 1;
  }
  console.error(`csp: ${pages} pages`);
}
