import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSWORD, USERNAME, createCart, paidOrder } from './helpers';

/**
 * Moves the focus with Tab alone until it is on the element, as someone without a mouse would; fails
 * when the element cannot be reached within the presses a page's controls take.
 */
async function tabTo(page: Page, target: Locator, presses = 60): Promise<void> {
  for (let i = 0; i < presses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reached by Tab').toBeFocused();
}

async function signInByKeyboard(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await tabTo(page, page.getByLabel('Username'));
  await page.keyboard.type(USERNAME);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Signed in as ${USERNAME}`)).toBeVisible();
}

test('by keyboard alone: sign in, find an order, ship it step by step', async ({
  page,
  request,
}) => {
  const { order } = await paidOrder(request);
  await signInByKeyboard(page, '/admin/signin/');

  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }),
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Orders', exact: true })).toBeVisible();
  await tabTo(page, page.getByRole('searchbox', { name: 'Search', exact: true }));
  await page.keyboard.type(order.id);
  const link = page.getByRole('link', { name: order.id.slice(0, 8) });
  await expect(async () => {
    await page.keyboard.press('Enter');
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(`Order ${order.id}`) })).toBeVisible();

  for (const [button, status] of [
    ['Create fulfilment', 'Paid, to be picked'],
    ['Mark picked', 'Picked'],
  ] as const) {
    await tabTo(page, page.getByRole('button', { name: button }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('order-status')).toHaveText(status);
  }
});

test('by keyboard alone: add a product to a cart and change its quantity', async ({
  page,
  request,
}) => {
  const cart = await createCart(request, [], 'SE');
  await signInByKeyboard(
    page,
    `/admin/signin/?next=${encodeURIComponent(`/carts/view/?id=${cart.id}`)}`,
  );
  await expect(page.getByRole('heading', { name: `Cart ${cart.id}` })).toBeVisible();

  await tabTo(page, page.getByRole('textbox', { name: 'Product' }));
  await page.keyboard.type('book-000001');
  await page.keyboard.press('Enter');
  const quantity = page.getByRole('textbox', { name: 'Quantity of BOOK-000001' });
  await expect(quantity).toHaveValue('1');

  await tabTo(page, page.getByRole('button', { name: 'Increase quantity of BOOK-000001' }));
  await page.keyboard.press('Space');
  await expect(quantity).toHaveValue('2');
  await tabTo(page, quantity);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect(quantity).toHaveValue('4');
});
