// `make bench`: the share-link length of every compiled pack in DIR (dist/packs/*.bin), as a
// markdown table. A link is BASE + "#/install/" + base64url(deflate-raw([format, FNV-1a 64 of the
// file, …file])) (crates/kefu-core/src/pack/share.rs); the checksum's value does not change the
// length, so zeros stand in for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const BASE = 'https://school.example/kefu/#/install/';
const LIMIT = 32_000;
const dir = process.argv[2] ?? 'dist/packs';
console.log('| pack file | compiled | link characters | fits (≤ 32 000) |');
console.log('|---|---:|---:|---|');
for (const name of readdirSync(dir).filter((n) => n.endsWith('.bin')).sort()) {
  const file = readFileSync(join(dir, name));
  const payload = Buffer.concat([Buffer.from([1]), Buffer.alloc(8), file]);
  const chars = BASE.length + deflateRawSync(payload).toString('base64url').length;
  console.log(`| ${name} | ${(file.length / 1000).toFixed(1)} KB | ${chars} | ${chars <= LIMIT ? 'yes' : 'no'} |`);
}
