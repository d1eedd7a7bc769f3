import { expect, test } from '@playwright/test';
import { openBoard } from './support/board-page';

const status = (page: import('@playwright/test').Page) =>
  page.getByTestId('board-status').getAttribute('data-state');

test('A setOffline', async ({ page, context }) => {
  await openBoard(page);
  await context.setOffline(true);
  const t = Date.now();
  await expect.poll(() => status(page), { timeout: 15000 }).toBe('reconnecting').catch(() => console.log('A: not reconnecting'));
  console.log('A ms', Date.now() - t);
  await context.setOffline(false);
  await expect.poll(() => status(page), { timeout: 15000 }).toBe('live');
  console.log('A back ms', Date.now() - t);
});

test('B cdp offline', async ({ page }) => {
  await openBoard(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const t = Date.now();
  await expect.poll(() => status(page), { timeout: 15000 }).toBe('reconnecting').catch(() => console.log('B: not reconnecting'));
  console.log('B ms', Date.now() - t);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect.poll(() => status(page), { timeout: 15000 }).toBe('live');
  console.log('B back ms', Date.now() - t);
});
