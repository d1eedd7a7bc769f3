import { expect, test, type Page } from '@playwright/test';
import { paidOrder } from './support/board-page';
import { fitsWidth, screen, touchScroll } from './support/screens';

// The token playwright.config.ts starts the server with.
const ADMIN_TOKEN = 'e2e-operator-token-0123456789';

async function signIn(page: Page) {
  await page.goto('/admin');
  await page.getByTestId('admin-token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('history-slider')).toBeVisible();
  await expect(page.getByTestId('change-list').locator('tbody tr').first()).toBeVisible();
}

/** Whether the element's top edge is inside the window right now (no auto-scrolling). */
function inWindow(page: Page, name: string) {
  return page
    .getByRole('heading', { name })
    .evaluate((heading) => heading.getBoundingClientRect().top < window.innerHeight);
}

test.beforeAll(async ({ request }) => {
  // A board with a history long enough to make the console taller than any window.
  for (let i = 0; i < 30; i++) {
    await paidOrder(request, [{ x: 10 + i, y: 20, color: i % 16 }], { name: `painter ${i}` });
  }
});

test('on a desktop the operator console scrolls by mouse wheel to its last section', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await screen(page, 'admin-desktop-top');
  expect(await inWindow(page, 'Timelapse')).toBe(false);
  // The two boards' caption says what the right one shows.
  await expect(page.getByTestId('right-board-caption')).toHaveText(/^The board now \(#\d+\)$/);

  for (let i = 0; i < 20 && !(await inWindow(page, 'Timelapse')); i++) {
    await page.mouse.move(720, 450);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(100);
  }
  expect(await inWindow(page, 'Timelapse')).toBe(true);
  expect(await inWindow(page, 'Snapshots')).toBe(true);
  await screen(page, 'admin-desktop-bottom');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the operator console scrolls by touch and fits the width', async ({ page }) => {
    await signIn(page);
    await screen(page, 'admin-phone-top');
    expect(await fitsWidth(page)).toBe(true);
    expect(await inWindow(page, 'Timelapse')).toBe(false);

    // Swipe on the page's margin (the board images take drags to pick a region).
    for (let i = 0; i < 25 && !(await inWindow(page, 'Timelapse')); i++) {
      await touchScroll(page, 6, 700, 500);
    }
    expect(await inWindow(page, 'Timelapse')).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await screen(page, 'admin-phone-bottom');
  });
});
