// `npm start`: installs dependencies on first run, builds the pages when they changed, then
// serves in production mode. Plain Node (no TypeScript) so it runs before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(path.join(root, 'node_modules', '.bin', 'tsx'))) {
  console.log('First run: installing dependencies (npm ci)...');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const buildId = path.join(root, '.next', 'BUILD_ID');
if (!existsSync(buildId) || newestSourceTime() > statSync(buildId).mtimeMs) {
  console.log('Building the pages (next build)...');
  run(path.join(root, 'node_modules', '.bin', 'next'), ['build']);
}

// Node with tsx's loader, no extra process in between: signals reach the server directly.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

function newestSourceTime() {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (stats.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const entry of ['app', 'protocol', 'public', 'next.config.js', 'package-lock.json'])
    visit(path.join(root, entry));
  return newest;
}
