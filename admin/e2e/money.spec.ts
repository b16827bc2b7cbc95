import { expect, test } from './fixtures';
import { createCart, createOrder, giveContact, signIn, someSku } from './helpers';

/** Text as read, with the no-break spaces that number formats put between groups made plain. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

test('money reads as each market writes it, not as an amount and a currency code', async ({
  page,
  request,
}) => {
  const written: [string, RegExp][] = [
    ['NO', /^\d{1,3}( \d{3})*,\d{2} kr$/],
    ['DK', /^\d{1,3}(\.\d{3})*,\d{2} kr\.$/],
    ['FI', /^\d{1,3}( \d{3})*,\d{2} €$/],
  ];
  let signedIn = false;
  for (const [market, format] of written) {
    const sku = await someSku(request, market);
    const cart = await createCart(request, [{ sku, quantity: 3 }], market);
    const path = `/admin/carts/view/?id=${cart.id}`;
    if (signedIn) await page.goto(path);
    else await signIn(page, path);
    signedIn = true;

    const lineTotal = page.getByTestId(`line-total-${sku}`);
    await expect(lineTotal).toBeVisible();
    expect(plain(await lineTotal.textContent()), `${market}'s line total`).toMatch(format);
  }
  // Finland's standard rate has a decimal, which Finns write with a comma.
  await expect(page.getByRole('table', { name: 'Pricing' })).toContainText(/25,5\s%/);
});

test('orders sorted by total keep each currency together, the largest first within it', async ({
  page,
  request,
}) => {
  // Minor units that overlap across currencies: one euro order between a small and a large Swedish
  // one, which a sort by the bare amount would put between them.
  const seSku = await someSku(request, 'SE');
  const fiSku = await someSku(request, 'FI');
  const small = await createCart(request, [{ sku: seSku, quantity: 1 }], 'SE');
  const seUnit = small.lines[0].unitPrice.amount;
  const fiUnit = (await createCart(request, [{ sku: fiSku, quantity: 1 }], 'FI')).lines[0].unitPrice
    .amount;
  const euro = await createCart(
    request,
    [{ sku: fiSku, quantity: Math.min(99, Math.floor(seUnit / fiUnit) + 1) }],
    'FI',
  );
  const large = await createCart(request, [{ sku: seSku, quantity: 99 }], 'SE');
  const tag = `sort-${Date.now()}`;
  const orders: Record<string, string> = {};
  for (const [name, cart] of [
    ['small', small],
    ['euro', euro],
    ['large', large],
  ] as const) {
    const order = await createOrder(request, cart.id);
    await giveContact(request, order.id, `${tag}-${name}@example.com`);
    orders[order.id.slice(0, 8)] = name;
  }

  await signIn(page, `/admin/orders/?q=${tag}&sort=total&direction=desc`);
  // the first column's links, the orders' (the last column links their carts)
  const links = page.getByRole('table', { name: 'Orders' }).locator('tbody tr td:first-child a');
  await expect(async () => {
    await page.reload();
    await expect(links).toHaveCount(3, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  const shown = (await links.allTextContents()).map((id) => orders[id.trim()]);
  expect(shown, 'each currency together, the largest first').toEqual(['euro', 'large', 'small']);
});
