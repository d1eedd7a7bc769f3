// `npm start`: installs dependencies on first run, builds the pages when they changed, then
// serves in production mode. Plain Node (no TypeScript) so it runs before anything is installed.
//
//   node scripts/start.mjs              install + build when needed, then serve
//   node scripts/start.mjs --no-build   production: only start (`npm run build` was run before)
//   node scripts/start.mjs --api-only   HTTP API and socket.io without the pages (no build)
//
// Signals: SIGTERM/SIGINT are passed to the server, which shuts down gracefully (exit 0).
// Should whatever started this script vanish without passing a signal on (a killed npm),
// the server is stopped all the same: nothing is left running orphaned.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const noBuild = process.argv.includes('--no-build');
const apiOnly = process.argv.includes('--api-only');
const PARENT_CHECK_MS = 500;

const run = (command, args) => {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const stop = (sentence) => {
  console.error(sentence);
  process.exit(1);
};

const installed = existsSync(path.join(root, 'node_modules', '.bin', 'tsx'));
const buildId = path.join(root, '.next', 'BUILD_ID');
if (noBuild) {
  if (!installed) stop('Dependencies are missing: run `npm ci` once, then start again.');
  if (!apiOnly && !existsSync(buildId))
    stop('The pages are not built: run `npm run build` once, then start again.');
} else {
  if (!installed) {
    console.log('First run: installing dependencies (npm ci)...');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
  if (!apiOnly && (!existsSync(buildId) || newestSourceTime() > statSync(buildId).mtimeMs)) {
    console.log('Building the pages (next build)...');
    run(path.join(root, 'node_modules', '.bin', 'next'), ['build']);
  }
}

// Node with tsx's loader, no extra process in between: signals reach the server directly.
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'server/main.ts', ...(apiOnly ? ['--api-only'] : [])],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
);
let stopping = false;
const stopServer = (signal) => {
  stopping = true;
  server.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopServer(signal));

// npm runs this script through `sh -c`: a SIGTERM to npm may end npm and sh and never reach
// us. Our parent changing (we were re-parented) means whoever ran us is gone.
const parent = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid !== parent && !stopping) {
    console.error('The process that started Boltboard is gone: shutting down.');
    stopServer('SIGTERM');
  }
}, PARENT_CHECK_MS);

server.on('exit', (code, signal) => {
  clearInterval(parentWatch);
  if (signal === 'SIGKILL' || code === null) stopOrphanedDatabase(server.pid);
  process.exit(code ?? (signal ? 1 : 0));
});

/**
 * A server killed outright (SIGKILL, out of memory) cannot stop its embedded PostgreSQL:
 * the data dir still names it as owner, and beside it where its cluster lives.
 */
function stopOrphanedDatabase(serverPid) {
  try {
    const dataDir = path.resolve(root, process.env.DATA_DIR || './data');
    const owner = Number(readFileSync(path.join(dataDir, 'postgres.owner'), 'utf8'));
    if (owner !== serverPid) return;
    const clusterDir = readFileSync(path.join(dataDir, 'postgres.cluster'), 'utf8').trim();
    const postmaster = Number(
      readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    if (postmaster > 0) process.kill(postmaster, 'SIGINT');
  } catch {
    // no embedded database, or it is already gone
  }
}

function newestSourceTime() {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (stats.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const entry of [
    'app',
    'protocol',
    'public',
    'docs',
    'next.config.js',
    'proxy.ts',
    'package-lock.json',
  ])
    visit(path.join(root, entry));
  return newest;
}
