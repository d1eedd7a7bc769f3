import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3199);

export default defineConfig({
  testDir: 'e2e',
  // e2e/perf holds measurements, not tests: `npm run bench:page` runs them.
  testIgnore: process.env.PAGE_BENCH ? [] : ['perf/**'],
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
      ],
    },
  },
  webServer: {
    // The app as `npm start` runs it (build if needed, embedded PostgreSQL, simulator), on a fresh data dir.
    command: `rm -rf .e2e-data-${port} && node scripts/start.mjs`,
    env: {
      PORT: String(port),
      DATA_DIR: `.e2e-data-${port}`,
      LOG_LEVEL: 'warn',
      ORDER_RATE_LIMIT_PER_MINUTE: '10000',
      ADMIN_TOKEN: 'e2e-operator-token-0123456789',
      // A rate, so the page shows prices in a currency too.
      FIAT_CURRENCY: 'EUR',
      FIAT_SATS_PER_UNIT: '1600',
    },
    url: `http://localhost:${port}/api/settings`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM, as a service manager sends it: the app stops its embedded PostgreSQL too.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
