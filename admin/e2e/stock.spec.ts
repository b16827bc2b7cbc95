import { expect, test } from './fixtures';
import { addPayment, createCart, createOrder, giveContact, signIn } from './helpers';

// A product no other test buys or counts.
const SKU = 'SPRT-000130';

test('an admin receives and adjusts a product’s stock and sees the order holding units', async ({
  page,
  request,
}) => {
  await signIn(page, `/admin/products/?sku=${SKU}`);
  const stock = page.getByRole('region', { name: 'Stock' });
  await expect(stock.getByText('Not counted')).toBeVisible();

  await stock.getByLabel('Units received').fill('5');
  await stock.getByLabel('Note (optional)').fill('Delivery 2026-118');
  await stock.getByRole('button', { name: 'Receive' }).click();
  await expect(stock.getByText('On hand')).toBeVisible();
  await expect(stock.locator('dd').nth(0)).toHaveText('5');
  await expect(
    page.getByRole('region', { name: `Product ${SKU}` }).getByText('Available'),
  ).toBeVisible();

  // An adjustment below what orders hold is refused, in words.
  const cart = await createCart(request, [{ sku: SKU, quantity: 2 }]);
  const order = await createOrder(request, cart.id);
  await giveContact(request, order.id);
  await addPayment(request, order.id);
  const reservations = stock.getByRole('table', { name: 'Reservations' });
  await expect(reservations.getByRole('link', { name: order.id.slice(0, 8) })).toBeVisible({
    timeout: 10_000,
  });
  await expect(reservations).toContainText('until the payment');

  await stock.getByLabel('Change (+ or −)').fill('-4');
  await stock.getByLabel('Reason').fill('water damage');
  await stock.getByRole('button', { name: 'Adjust' }).click();
  await expect(stock.getByRole('alert')).toContainText('may not go below');

  await stock.getByLabel('Change (+ or −)').fill('-3');
  await stock.getByRole('button', { name: 'Adjust' }).click();
  await expect(stock.locator('dd').nth(0)).toHaveText('2');
  await expect(stock.locator('dd').nth(2)).toHaveText('0');
});
