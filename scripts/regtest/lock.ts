import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isAlive, sleep } from './processes';

/**
 * Runs `work` while holding `lockFile` (created exclusively, holding our pid), so that two
 * processes (two test files, or a test and a person) never start the network at once.
 * A lock left by a process that died is taken over.
 */
export async function withLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  timeoutMs = 30 * 60_000,
): Promise<T> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (holder > 0 && !isAlive(holder)) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${lockFile} (pid ${holder})`);
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}
