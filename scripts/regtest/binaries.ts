import { spawn } from 'node:child_process';
import path from 'node:path';

const BUILD_SCRIPT = path.join(__dirname, 'build.sh');

/**
 * The folder holding btcd and lnd (and their CLIs), built by build.sh on first use (10-20
 * minutes on 2 cores), cached afterwards. Throws build.sh's own one-sentence reason on
 * failure, e.g. when Go is not installed.
 */
export function locateBinaries(log: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const build = spawn('bash', [BUILD_SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let lastLine = '';
    build.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    build.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      // Each line is shown once the next one comes: the last may be the reason of a failure,
      // which the error carries instead.
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (lastLine.startsWith('regtest:')) log(lastLine);
        lastLine = line;
      }
    });
    build.once('error', reject);
    build.once('exit', (code) => {
      const binDir = stdout.trim().split('\n').pop();
      if (code === 0 && binDir) {
        if (lastLine.startsWith('regtest:')) log(lastLine);
        resolve(binDir);
      } else
        reject(new Error(lastLine.replace(/^regtest: /, '') || `build.sh failed (code ${code})`));
    });
  });
}
