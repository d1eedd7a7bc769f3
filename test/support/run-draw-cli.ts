import { spawn } from 'node:child_process';
import sharp from 'sharp';
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

/** The draw CLI's arguments for paying with an LND node (cert and macaroon as file paths). */
export function lndPayArgs(node: { host: string; cert: string; macaroon: string }): string[] {
  return ['--lnd-host', node.host, '--lnd-cert', node.cert, '--lnd-macaroon', node.macaroon];
}

/** Writes a `width` x `height` PNG of one RGBA colour: the smallest drawing a test needs. */
export async function writeSolidPng(
  file: string,
  width: number,
  height: number,
  rgba: [number, number, number, number],
): Promise<void> {
  const pixels = Buffer.from(Array.from({ length: width * height }, () => rgba).flat());
  await sharp(pixels, { raw: { width, height, channels: 4 } })
    .png()
    .toFile(file);
}
