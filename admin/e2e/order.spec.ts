import { expect, test } from './fixtures';
import { createCart, createOrder, signIn, someSku } from './helpers';

test('open an order and cancel it', async ({ page, request }) => {
  const sku = await someSku(request);
  const cart = await createCart(request, [{ sku, quantity: 1 }]);
  const order = await createOrder(request, cart.id);

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  await expect(page).toHaveURL(new RegExp(`/admin/orders/view/\\?id=${order.id}`));
  await expect(page.getByRole('heading', { name: `Order ${order.id}` })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('CREATED');
  await expect(page.getByRole('link', { name: cart.id })).toBeVisible();

  await page.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this order?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Yes, cancel the order' }).click();

  await expect(page.getByTestId('order-status')).toHaveText('CANCELLED');
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await expect(page.getByTestId('error')).toHaveCount(0);
});
