// Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) next to every .wasm, .js, .css, .html
// and .bin file under a built site, for servers that send pre-compressed files (the README's Nginx
// snippet: gzip_static, brotli_static). Node's zlib has both, so no other tool is needed.
// Usage: node scripts/precompress.mjs DIR   (run by scripts/trunk-post-build.sh for release builds)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const KINDS = new Set(['.wasm', '.js', '.css', '.html', '.bin']);
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/precompress.mjs DIR');
  process.exit(2);
}
let files = 0;
let raw = 0;
let gz = 0;
let br = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !KINDS.has(extname(entry.name))) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const body = readFileSync(path);
  const g = gzipSync(body, { level: 9 });
  const b = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${path}.gz`, g);
  writeFileSync(`${path}.br`, b);
  files += 1;
  raw += body.length;
  gz += g.length;
  br += b.length;
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.error(`precompress: ${files} files, ${kb(raw)} → gzip ${kb(gz)}, brotli ${kb(br)}`);
