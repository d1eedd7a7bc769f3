import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnOptions {
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Pass the server's stdout (its JSON log) through instead of dropping it. */
  showLog?: boolean;
  startTimeoutMs?: number;
}

/**
 * Runs the real server (`server/main.ts --api-only`) as a process of its own and resolves once
 * it answers `GET /api/settings`. Used by the integration tests and the benchmarks alike.
 */
export async function spawnServer(
  env: Record<string, string>,
  port: number,
  options: SpawnOptions = {},
): Promise<ServerProcess> {
  const args = [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts', '--api-only'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'error', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', options.showLog ? 'inherit' : 'ignore', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://localhost:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (gone) throw new Error('the server exited during start');
    if (Date.now() > deadline) throw new Error('the server did not start in time');
    try {
      if ((await fetch(`${url}/api/settings`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url, child, exited };
}

export { findFreePort as freePort } from '../../db/free-port';
