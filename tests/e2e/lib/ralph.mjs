// A real Learning Record Store for the xAPI e2e test: Ralph (https://github.com/openfun/ralph),
// installed by scripts/ensure-ralph.sh into .tools/ralph, started on a free 127.0.0.1 port with the
// file-system backend in a temporary directory, with one user and CORS allowed for the app's
// origin, as /work/shared/TOOLCHAIN.md verified; its fs backend is made to append (see
// ralph-append/sitecustomize.py). `stop()` ends the server's whole process
// group (runserver starts a reloader and a worker process).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A free port on 127.0.0.1 (asked of the OS, then released for Ralph to take). */
async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/** Installs Ralph when missing; gives the path of its `ralph` command and how long that took. */
export function ensureRalph() {
  const start = Date.now();
  const run = spawnSync('bash', ['scripts/ensure-ralph.sh'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) throw new Error(`scripts/ensure-ralph.sh failed:\n${run.stderr}`);
  return { ralph: run.stdout.trim().split('\n').pop(), seconds: (Date.now() - start) / 1000 };
}

/** Starts Ralph for a page served from `origin`; resolves once it answers. */
export async function startRalph(origin, { user = 'kefu', password = 'kefu-secret-1' } = {}) {
  const { ralph, seconds } = ensureRalph();
  const dir = await mkdtemp(join(tmpdir(), 'kefu-ralph-'));
  const env = {
    ...process.env,
    RALPH_APP_DIR: join(dir, 'app'),
    RALPH_RUNSERVER_BACKEND: 'fs',
    RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH: join(dir, 'data'),
    RALPH_RUNSERVER_CORS_ALLOW_ORIGINS: JSON.stringify([origin]),
    // Makes the fs backend append (see ralph-append/sitecustomize.py): without it only the first
    // POST is stored.
    PYTHONPATH: fileURLToPath(new URL('./ralph-append/', import.meta.url)),
  };
  const auth = spawnSync(ralph, ['auth', '-u', user, '-p', password, '-s', 'all', '-M', `mailto:${user}@example.org`, '-w'], {
    cwd: dir, env, encoding: 'utf8', timeout: 60_000,
  });
  if (auth.status !== 0) throw new Error(`ralph auth failed:\n${auth.stderr}`);
  const port = await freePort();
  const log = [];
  const server = spawn(ralph, ['runserver', '-b', 'fs', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (d) => log.push(String(d)));
  server.stderr.on('data', (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}/xAPI/`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
    'x-experience-api-version': '1.0.3',
  };
  const stop = async () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((ok) => (server.exitCode !== null ? ok() : server.once('exit', ok)));
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}statements`, { headers });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Ralph did not start:\n${log.join('')}`);
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }

  /** Every statement stored, following `more` links. */
  const statements = async (query = '') => {
    const out = [];
    let next = `${url}statements?limit=500${query}`;
    while (next) {
      const r = await fetch(next, { headers });
      if (!r.ok) throw new Error(`GET ${next}: ${r.status} ${await r.text()}`);
      const body = await r.json();
      out.push(...body.statements);
      next = body.more ? new URL(body.more, url).href : null;
    }
    return out;
  };
  return { url, user, password, installSeconds: seconds, statements, stop, log };
}
