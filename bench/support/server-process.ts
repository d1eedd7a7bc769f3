import { readFileSync } from 'node:fs';
import { spawnServer } from '../../test/support/server-process';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first successful `GET /api/settings`. */
  startMs: number;
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * A measured server process: the tests' `spawnServer`, timed, with its memory readable.
 * BENCH_CPU_PROF=dir writes a V8 CPU profile of each server process there (node --cpu-prof).
 */
export async function startServerProcess(
  env: Record<string, string>,
  port: number,
): Promise<ServerProcess> {
  const started = performance.now();
  const profileDir = process.env.BENCH_CPU_PROF;
  const server = await spawnServer({ LOG_LEVEL: 'warn', ...env }, port, {
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    showLog: true,
    startTimeoutMs: 300_000,
  });
  const startMs = performance.now() - started;
  const pid = server.child.pid!;
  let stopped = false;
  void server.exited.then(() => (stopped = true));
  return {
    url: server.url,
    pid,
    startMs,
    rssMb: () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024,
    stop: async () => {
      if (!stopped) server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}
