import { expect, test } from './fixtures';
import { createCart, createOrder, numberIn, paidOrder, signIn, someSku } from './helpers';

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

test('today by market counts each market and adds the revenue up in the currency chosen', async ({
  page,
  request,
}) => {
  const sku = await someSku(request, 'NO');
  await signIn(page);
  const norway = page.getByTestId('today-NO').getByRole('cell');
  await expect(norway.first()).toHaveText('Norway');
  const before = Number(await norway.nth(1).textContent());

  const cart = await createCart(request, [{ sku, quantity: 1 }], 'NO');
  await createOrder(request, cart.id);
  await paidOrder(request); // in Sweden: today has revenue to add up

  const refresh = page.getByRole('button', { name: 'Refresh' });
  await expect
    .poll(
      async () => {
        await refresh.click();
        return Number(await norway.nth(1).textContent());
      },
      { timeout: 20_000 },
    )
    .toBe(before + 1);

  await page.getByLabel('Added up in').selectOption('EUR');
  await expect(page.getByRole('columnheader', { name: 'In EUR' })).toBeVisible();
  await expect(page.getByTestId('today-all').getByRole('cell').last()).toContainText('€');
  await expect(page.getByTestId('today-SE').getByRole('cell').nth(2)).toContainText('kr');
  await expect(page.getByRole('img', { name: /Orders per hour today/ })).toBeVisible();
  const revenue = page.getByRole('img', { name: /Revenue per hour today in EUR/ });
  await expect(async () => {
    await refresh.click();
    await expect(revenue).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});
