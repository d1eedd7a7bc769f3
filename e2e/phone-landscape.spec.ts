import { expect, test } from '@playwright/test';
import { paidOrder } from './support/board-page';
import { fitsWidth, screen } from './support/screens';

// Common phones held sideways: iPhone SE, a 6.1" iPhone, a large Android.
for (const size of [
  { width: 667, height: 375 },
  { width: 844, height: 390 },
  { width: 915, height: 412 },
]) {
  test(`a phone held sideways (${size.width}x${size.height}) gives the board most of the height`, async ({
    browser,
    request,
  }) => {
    await paidOrder(request, [{ x: 500, y: 500, color: 5 }], { name: 'Sideways' });
    const context = await browser.newContext({ viewport: size, hasTouch: true, isMobile: true });
    await context.addInitScript(() => localStorage.setItem('boltboard.intro-seen', 'e2e'));
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('board-status')).toContainText('live');
    expect(await fitsWidth(page)).toBe(true);

    const layout = await page.evaluate(() => {
      const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const board = rect('[data-testid="board"]');
      return {
        topBar: rect('[data-testid="top-bar"]').bottom,
        dock: rect('[data-testid="dock"]').top,
        board: { top: board.top, bottom: board.bottom },
      };
    });
    // The bars are slim: the room between them is most of the screen ...
    expect((layout.dock - layout.topBar) / size.height).toBeGreaterThan(0.6);
    // ... and the fitted board fills that room, whole and uncovered.
    const boardHeight = layout.board.bottom - layout.board.top;
    expect(boardHeight / size.height).toBeGreaterThan(0.55);
    expect(layout.board.top).toBeGreaterThanOrEqual(layout.topBar - 1);
    expect(layout.board.bottom).toBeLessThanOrEqual(layout.dock + 1);

    // The feed is one line that opens the sheet, as on a phone held upright.
    await expect(page.getByTestId('feed-summary')).toBeVisible();
    await expect(page.getByTestId('feed-list')).toBeHidden();
    await screen(page, `board-phone-landscape-${size.width}`);
    await context.close();
  });
}
