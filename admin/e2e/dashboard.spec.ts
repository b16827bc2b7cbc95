import { expect, test } from './fixtures';
import { createCart, createOrder, numberIn, signIn, someSku } from './helpers';

test('dashboard counts move when carts and orders are made', async ({ page, request }) => {
  const sku = await someSku(request);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
  await expect(page.getByTestId('carts-OPEN')).toBeVisible();
  const openBefore = await numberIn(page, 'carts-OPEN');
  const createdBefore = await numberIn(page, 'orders-AWAITING_CONTACT');

  await createCart(request, [{ sku, quantity: 1 }]); // stays OPEN
  const ordered = await createCart(request, [{ sku, quantity: 1 }]);
  await createOrder(request, ordered.id); // an order awaiting its contact

  // read models lag slightly: refresh until the numbers move
  const refresh = page.getByRole('button', { name: 'Refresh' });
  await expect
    .poll(
      async () => {
        await refresh.click();
        return numberIn(page, 'carts-OPEN');
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(openBefore);
  await expect
    .poll(
      async () => {
        await refresh.click();
        return numberIn(page, 'orders-AWAITING_CONTACT');
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(createdBefore);

  await expect(page.getByRole('img', { name: /Orders created per day/ })).toBeVisible();
  // Each figure once: the carts by status are the cards, not a chart of the same numbers beside them.
  await expect(page.getByRole('heading', { name: 'Carts by status' })).toHaveCount(1);
});
