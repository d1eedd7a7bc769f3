import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';

/** A process started detached: it outlives the script (or test run) that started it. */
export interface DetachedProcess {
  pid: number;
  /** Set once the process exits while this script still runs (a failed start, usually). */
  exit: { code: number | null } | undefined;
}

/**
 * Starts `binary` in its own process group with stdout/stderr appended to `outputFile`,
 * records its pid in `pidFile`, and lets this process exit without waiting for it.
 */
export async function spawnDetached(
  binary: string,
  args: string[],
  files: { pidFile: string; outputFile: string },
): Promise<DetachedProcess> {
  const output = openSync(files.outputFile, 'a');
  try {
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', output, output] });
    if (child.pid === undefined) throw new Error(`could not start ${binary}`);
    const started: DetachedProcess = { pid: child.pid, exit: undefined };
    child.once('exit', (code) => (started.exit = { code }));
    child.unref();
    await writeFile(files.pidFile, `${child.pid}\n`);
    return started;
  } finally {
    closeSync(output);
  }
}

/**
 * The pid in `pidFile` if that process is alive and is `binaryName` (after a reboot the pid
 * may belong to something else), otherwise undefined.
 */
export async function runningPid(pidFile: string, binaryName: string): Promise<number | undefined> {
  let pid: number;
  try {
    pid = Number((await readFile(pidFile, 'utf8')).trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  try {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    const program = commandLine.split('\0')[0] ?? '';
    if (!program.endsWith(`/${binaryName}`) && program !== binaryName) return undefined;
  } catch {
    // No /proc (not Linux): trust the pid.
  }
  return pid;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves true once `pid` is gone, false if it is still alive after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Stops a process that did not stop when asked: SIGTERM, then SIGKILL. Removes its pid file.
 */
export async function terminate(pid: number, pidFile: string): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    if (!isAlive(pid)) break;
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await waitForExit(pid, 15_000)) break;
  }
  await rm(pidFile, { force: true });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
