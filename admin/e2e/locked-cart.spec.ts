import { expect, test } from './fixtures';
import { formatMoney } from '../src/lib/money';
import {
  USERNAME,
  addPayment,
  createCart,
  createOrder,
  giveContact,
  signIn,
  someSku,
} from './helpers';

test('a locked cart refuses edits until the admin switches the override on', async ({
  page,
  request,
}) => {
  const sku = await someSku(request);
  const cart = await createCart(request, [{ sku, quantity: 2 }]);
  const unit = cart.lines[0].unitPrice;
  const order = await createOrder(request, cart.id);
  await giveContact(request, order.id);
  await addPayment(request, order.id); // added, not authorized: the cart is locked

  await signIn(page, `/admin/carts/view/?id=${cart.id}`);
  await expect(page.getByRole('heading', { name: `Cart ${cart.id}` })).toBeVisible();
  await expect(page.getByTestId('cart-status')).toHaveText('Locked for payment');
  await expect(page.getByText('Locked: read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: `Increase quantity of ${sku}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add product' })).toHaveCount(0);

  // the API itself refuses a change without override
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const refused = await page.request.post(`/api/admin/carts/${cart.id}/items/${sku}/increase`, {
    data: { by: 1 },
    headers: { 'X-XSRF-TOKEN': xsrf, 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(refused.status()).toBe(409);

  const toggle = page.getByRole('switch', { name: 'Admin override' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  const dialog = page.getByRole('alertdialog', { name: 'Edit a locked cart?' });
  await expect(dialog).toContainText("locked because an order's payment");
  await dialog.getByRole('button', { name: 'Switch override on' }).click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('button', { name: `Increase quantity of ${sku}` }).click();
  await expect(page.getByTestId(`line-total-${sku}`)).toHaveText(
    formatMoney({ amount: unit.amount * 3, currency: unit.currency }),
  );
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('cart-status')).toHaveText('Locked for payment');

  // the order's page tells that its payment is no longer for what the cart costs
  await page.goto(`/admin/orders/view/?id=${order.id}`);
  const changed = page.getByTestId('cart-changed');
  await expect(changed).toContainText(
    `The cart now costs ${formatMoney({ amount: unit.amount * 3, currency: unit.currency })}; the payment is for ${formatMoney({ amount: unit.amount * 2, currency: unit.currency })}.`,
  );
  await expect(changed).toContainText('next authorization is refused');
  // and its timeline shows the admin's change to the cart
  const edit = page
    .getByRole('table', { name: 'Timeline' })
    .getByRole('row')
    .filter({ hasText: 'Quantity changed' });
  await expect(edit).toContainText('Cart');
  await expect(edit).toContainText(USERNAME);
  await expect(edit).toContainText(`${sku} × 3`);
});
