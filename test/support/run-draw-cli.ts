import { spawn } from 'node:child_process';
import path from 'node:path';

/** Runs `npm run draw`'s script with `args`; resolves with its output and exit code. `onLine` may kill it. */
export function runDrawCli(
  args: string[],
  onLine?: (line: string, kill: () => void) => void,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'client/cli/draw.ts', ...args], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) onLine?.(line, () => child.kill('SIGKILL'));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => resolve({ code, output }));
  });
}
