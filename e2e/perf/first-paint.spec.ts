import { expect, test } from '@playwright/test';

// Prints how long the page takes to show the whole board (navigation start to the board
// drawn and live). A figure to report, not an assertion: timing tests flake on a busy machine.
test('first paint of the board (prints the figures)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('board-status')).toContainText('live');
  const figures = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      firstContentfulPaintMs: Math.round(paint?.startTime ?? -1),
      domContentLoadedMs: Math.round(navigation.domContentLoadedEventEnd),
      boardLiveMs: Math.round(performance.now()),
    };
  });
  console.log('first paint:', JSON.stringify(figures));
});
