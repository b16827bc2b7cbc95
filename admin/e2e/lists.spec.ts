import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('the products list filters by category in any case', async ({ page }) => {
  await signIn(page, '/admin/products/');
  await page.getByRole('combobox', { name: 'Category' }).fill('kitchen');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/category=kitchen/);
  // The list keeps the page it had until the filtered one arrives: wait for that one.
  const categories = page
    .getByRole('table', { name: 'Products' })
    .locator('tbody tr td:nth-child(3)');
  await expect
    .poll(async () => [...new Set(await categories.allTextContents())])
    .toEqual(['Kitchen']);
});

test('an empty shop says it has nothing yet, not that the filters found nothing', async ({
  page,
}) => {
  const nothing = { items: [], page: 0, size: 20, total: 0, behind: 0 };
  await page.route(/\/api\/admin\/(orders|carts)\?/, (route) => route.fulfill({ json: nothing }));
  await signIn(page, '/admin/orders/');
  await expect(page.getByText('No orders yet.')).toBeVisible();
  await page.getByLabel('Market').selectOption('NO');
  await expect(page.getByText('No orders match these filters.')).toBeVisible();
  await page.goto('/admin/carts/');
  await expect(page.getByText('No active carts right now.')).toBeVisible();
});

test('the orders-per-day axis counts whole orders, however few there are', async ({ page }) => {
  await page.route(/\/api\/admin\/dashboard$/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.days = body.days.map((day: { orders: number }, i: number) => ({
      ...day,
      orders: i % 4 === 0 ? 3 : i % 3,
    }));
    await route.fulfill({ response, json: body });
  });
  await signIn(page);
  const chart = page.getByRole('img', { name: /Orders created per day/ });
  await expect(chart).toBeVisible();
  const ticks = await chart.locator('g > text[text-anchor="end"]').allTextContents();
  expect(ticks.length).toBeGreaterThan(1);
  for (const tick of ticks) expect(tick, 'a tick of the orders axis').toMatch(/^\d+$/);
});
