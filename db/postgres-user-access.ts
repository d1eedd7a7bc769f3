import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  copyFile,
  link,
  lstat,
  mkdir,
  readdir,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { SetupError } from './setup-error';

const run = promisify(execFile);

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres`
 * user. That user must be able to reach its binaries and its data: a clone in root's private
 * home (0700) gives it neither. This module finds (or makes) places it can reach.
 */

/** Root-owned, world-traversable home of what the `postgres` user must reach. */
export const ROOT_CACHE_DIR = '/var/lib/boltboard';

export interface PostgresUser {
  uid: number;
  gid: number;
  groups: number[];
}

/** The `postgres` system user, created (without a home or shell) when it is missing. */
export async function ensurePostgresUser(): Promise<PostgresUser> {
  const lookup = async () => {
    const [uid, gid, groups] = await Promise.all(
      ['-u', '-g', '-G'].map(async (flag) => (await run('id', [flag, 'postgres'])).stdout.trim()),
    );
    return { uid: Number(uid), gid: Number(gid), groups: groups.split(/\s+/).map(Number) };
  };
  try {
    return await lookup();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', [
      '--system',
      '--gid',
      'postgres',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return lookup();
  }
}

/** Can `user` walk into `dir`, that is search (x) every directory from `/` down to it? */
export async function canTraverse(user: PostgresUser, dir: string): Promise<boolean> {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  for (let depth = 0; depth <= parts.length; depth++) {
    const current = path.sep + parts.slice(0, depth).join(path.sep);
    let mode: number;
    let owner: number;
    let group: number;
    try {
      ({ mode, uid: owner, gid: group } = await stat(current));
    } catch {
      return depth > 0; // a folder still to be made below a reachable one
    }
    const bit =
      owner === user.uid
        ? 0o100
        : group === user.gid || user.groups.includes(group)
          ? 0o010
          : 0o001;
    if ((mode & bit) === 0) return false;
  }
  return true;
}

/**
 * The folder holding PostgreSQL's `bin/`, `lib/` and `share/` as `user` can run them: the
 * package's own when reachable, else a copy (hard links where possible) in a root-owned 0755
 * cache, made once per version. PostgreSQL finds lib/ and share/ beside its real path, so
 * symlinking the binaries alone would not do.
 */
export async function reachableBinaries(
  user: PostgresUser,
  nativeDir: string,
  version: string,
  log: (message: string) => void,
): Promise<string> {
  if (await canTraverse(user, nativeDir)) return nativeDir;
  const cached = path.join(ROOT_CACHE_DIR, `pg-${version}`);
  if (existsSync(path.join(cached, '.complete'))) return cached;
  log(`copying the PostgreSQL binaries to ${cached} (the postgres user cannot reach ${nativeDir})`);
  await makeWorldTraversable(ROOT_CACHE_DIR);
  const building = `${cached}.partial-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await copyTree(nativeDir, building);
  await writeFile(path.join(building, '.complete'), version);
  await rename(building, cached).catch(async () => {
    // another start made it meanwhile: use theirs
    await rm(building, { recursive: true, force: true });
  });
  return cached;
}

/**
 * The folder for the cluster's files: `<dataDir>/postgres` when `user` can reach DATA_DIR,
 * else a folder of its own under the root cache, named by a hash of DATA_DIR so each data dir
 * keeps its own cluster. `note` says which one was taken and why.
 */
export async function reachableClusterDir(
  user: PostgresUser,
  dataDir: string,
): Promise<{ dir: string; note?: string }> {
  if (await canTraverse(user, path.dirname(dataDir))) {
    await chmod(dataDir, 0o755);
    return { dir: path.join(dataDir, 'postgres') };
  }
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const home = path.join(ROOT_CACHE_DIR, `data-${hash}`);
  await makeWorldTraversable(ROOT_CACHE_DIR);
  await mkdir(home, { recursive: true, mode: 0o700 });
  await chown(home, user.uid, user.gid);
  return {
    dir: path.join(home, 'postgres'),
    note: `DATA_DIR ${dataDir} is inside a folder the postgres user cannot enter, so the embedded database keeps its files in ${home}`,
  };
}

async function makeWorldTraversable(dir: string) {
  try {
    await mkdir(dir, { recursive: true, mode: 0o755 });
    await chmod(dir, 0o755);
  } catch (error) {
    throw new SetupError(
      `Cannot create ${dir} for the embedded PostgreSQL (${(error as Error).message}): run Boltboard from a folder the postgres user can enter (for example /srv/boltboard), or set DATABASE_URL.`,
    );
  }
}

/** Copies a tree, hard-linking files when on the same filesystem; folders 0755, links kept. */
async function copyTree(from: string, to: string) {
  await mkdir(to, { mode: 0o755 });
  await chmod(to, 0o755);
  for (const name of await readdir(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    const entry = await lstat(source);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else {
      await link(source, target).catch(() => copyFile(source, target));
      // readable (and runnable when it was) by everyone, writable by root alone
      await chmod(target, entry.mode & 0o100 ? 0o755 : 0o644);
    }
  }
}
