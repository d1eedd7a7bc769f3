import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedClusterDir } from '../../db/embedded-postgres';
import { freePort } from '../support/server-process';

const REPO = path.resolve(__dirname, '..', '..');

interface Started {
  npm: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  dataDir: string;
  /** scripts/start.mjs, the server, and the embedded PostgreSQL. */
  pids: { start: number; server: number; postgres: number };
}

/**
 * `npm start` as a service manager runs it (systemd, Docker, PM2): the signal goes to npm's
 * pid. Everything under it must stop gracefully, and nothing may be left running orphaned.
 * API-only, so that no page build is needed.
 */
describe('npm start under a service manager', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('stops everything on SIGTERM to npm, exit 0, within seconds', async () => {
    const started = await startWithNpm();
    const signalled = Date.now();
    started.npm.kill('SIGTERM');
    const exit = await withTimeout(started.exited, 10_000);
    console.log(`npm start stopped ${Date.now() - signalled} ms after SIGTERM`);
    expect(exit).toEqual({ code: 0, signal: null });
    await expectAllGone(started.pids);
  }, 90_000);

  it('stops everything when npm itself is killed outright (SIGKILL)', async () => {
    const started = await startWithNpm();
    started.npm.kill('SIGKILL');
    await started.exited;
    await expectAllGone(started.pids);
  }, 90_000);

  it('stops the embedded PostgreSQL when the server is killed outright', async () => {
    const started = await startWithNpm();
    process.kill(started.pids.server, 'SIGKILL');
    const exit = await withTimeout(started.exited, 10_000);
    expect(exit.code).not.toBe(0);
    await expectAllGone(started.pids);
  }, 90_000);

  it('runs the systemd unit of docs/ as it is written, and stops on its KillSignal', async () => {
    const unit = readFileSync(path.join(REPO, 'docs', 'boltboard.service'), 'utf8');
    const [program, ...args] = /^ExecStart=(.+)$/m.exec(unit)![1].split(' ');
    const killSignal = /^KillSignal=(\w+)$/m.exec(unit)![1] as NodeJS.Signals;
    // API-only: the same production start without needing a page build in the test.
    const started = await startWithNpm([...args, '--', '--api-only'], program);
    const signalled = Date.now();
    started.npm.kill(killSignal);
    expect(await withTimeout(started.exited, 10_000)).toEqual({ code: 0, signal: null });
    console.log(`the unit's ExecStart stopped ${Date.now() - signalled} ms after ${killSignal}`);
    await expectAllGone(started.pids);
  }, 90_000);

  it('the production start refuses to run without a build, in one sentence', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'boltboard-unbuilt-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    await mkdir(path.join(root, 'scripts'));
    await mkdir(path.join(root, 'node_modules', '.bin'), { recursive: true });
    await copyFile(
      path.join(REPO, 'scripts', 'start.mjs'),
      path.join(root, 'scripts', 'start.mjs'),
    );
    await copyFile(
      path.join(REPO, 'node_modules', '.bin', 'tsx'),
      path.join(root, 'node_modules', '.bin', 'tsx'),
    );
    const result = spawnSync(process.execPath, ['scripts/start.mjs', '--no-build'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'The pages are not built: run `npm run build` once, then start again.\n',
    );
  });

  async function startWithNpm(
    args = ['start', '--', '--api-only'],
    program = 'npm',
  ): Promise<Started> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-start-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    delete env.DATABASE_URL;
    for (const key of Object.keys(env)) if (key.startsWith('LND_')) delete env[key];
    const npm = spawn(program, args, {
      cwd: REPO,
      env: { ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.once('exit', (code, signal) => resolve({ code, signal })),
    );
    cleanups.push(async () => {
      if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    });
    await waitForSettings(`http://127.0.0.1:${port}`, npm);
    const server = Number(readFileSync(path.join(dataDir, 'postgres.owner'), 'utf8'));
    const clusterDir = await embeddedClusterDir(dataDir);
    const postgres = Number(
      readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const start = parentOf(server);
    expect(readFileSync(`/proc/${start}/cmdline`, 'utf8')).toContain('scripts/start.mjs');
    return { npm, exited, dataDir, pids: { start, server, postgres } };
  }
});

async function expectAllGone(pids: Started['pids']) {
  const deadline = Date.now() + 10_000;
  while (Object.values(pids).some(isAlive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(
    Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, isAlive(pid)])),
  ).toEqual({ start: false, server: false, postgres: false });
}

/** Alive and not a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

async function waitForSettings(url: string, npm: ChildProcess) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (npm.exitCode !== null) throw new Error('npm start exited during start');
    if (Date.now() > deadline) throw new Error('npm start did not serve in time');
    try {
      if ((await fetch(`${url}/api/settings`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no exit within ${ms} ms`)), ms),
    ),
  ]);
}
