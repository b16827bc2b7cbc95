import { expect, test } from './fixtures';
import { formatMoney } from '../src/lib/money';
import { createCart, signIn, someSku, type CartJson } from './helpers';

test('find an active cart by id, change a line quantity, see line and cart totals change', async ({
  page,
  request,
}) => {
  const sku = await someSku(request);
  const created = await createCart(request, [{ sku, quantity: 2 }]);
  const unit = created.lines[0].unitPrice;

  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Carts' }).click();
  await expect(page).toHaveURL(/\/admin\/carts\/$/);
  await expect(page.getByRole('heading', { name: 'Carts', exact: true })).toBeVisible();

  // the list is a read model that lags slightly: search until the new cart shows up
  const search = page.getByRole('searchbox', { name: 'Search', exact: true });
  await search.fill(created.id);
  const link = page.getByRole('link', { name: created.id.slice(0, 8) });
  await expect(async () => {
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page).toHaveURL(new RegExp(`q=${created.id}`));
  await expect(link).toHaveAttribute('title', created.id);

  await link.click();
  await expect(page.getByRole('heading', { name: `Cart ${created.id}` })).toBeVisible();
  await expect(page.getByTestId('cart-status')).toHaveText('Open');
  await expect(page.getByTestId(`line-total-${sku}`)).toHaveText(
    formatMoney({ amount: unit.amount * 2, currency: unit.currency }),
  );
  const totalBefore = await page.getByTestId('cart-total').textContent();

  await page.getByRole('textbox', { name: `Quantity of ${sku}` }).fill('5');
  await page.getByRole('button', { name: `Save quantity of ${sku}` }).click();

  await expect(page.getByTestId(`line-total-${sku}`)).toHaveText(
    formatMoney({ amount: unit.amount * 5, currency: unit.currency }),
  );
  // the cart total is what the store computes (discounts may apply): compare with its answer
  const res = await page.request.get(`/api/admin/carts/${created.id}`);
  expect(res.ok()).toBe(true);
  const after = (await res.json()) as CartJson;
  expect(after.lines[0].quantity).toBe(5);
  const expectedTotal = formatMoney(after.pricing?.total ?? after.subtotal);
  await expect(page.getByTestId('cart-total')).toHaveText(expectedTotal);
  expect(expectedTotal).not.toBe(totalBefore);
  await expect(page.getByRole('textbox', { name: `Quantity of ${sku}` })).toHaveValue('5');

  // the + button and the timeline
  await page.getByRole('button', { name: `Increase quantity of ${sku}` }).click();
  await expect(page.getByTestId(`line-total-${sku}`)).toHaveText(
    formatMoney({ amount: unit.amount * 6, currency: unit.currency }),
  );
  await expect(page.getByRole('table', { name: 'Timeline' })).toBeVisible();
});

test("a list shows an admin's change within seconds, and says how current it is", async ({
  page,
  request,
}) => {
  const sku = await someSku(request);
  const created = await createCart(request, [{ sku, quantity: 1 }]);
  await signIn(page, `/admin/carts/view/?id=${created.id}`);
  await page.getByRole('textbox', { name: `Quantity of ${sku}` }).fill('7');
  await page.getByRole('button', { name: `Save quantity of ${sku}` }).click();
  await expect(page.getByRole('textbox', { name: `Quantity of ${sku}` })).toHaveValue('7');

  await page.getByRole('link', { name: 'All carts' }).click();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: created.id.slice(0, 8) }) });
  // A list that waited for its 15 s timer after a first look before the read model caught up would fail here.
  await expect(row.getByRole('cell', { name: '7', exact: true })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByTestId('list-freshness')).toContainText('Up to date');
});

test('the carts list filters by market', async ({ page, request }) => {
  const norwegian = await createCart(
    request,
    [{ sku: await someSku(request, 'NO'), quantity: 1 }],
    'NO',
  );
  await signIn(page, `/admin/carts/?q=${norwegian.id}`);
  const link = page.getByRole('link', { name: norwegian.id.slice(0, 8) });
  await page.getByLabel('Market').selectOption('NO');
  await expect(page).toHaveURL(/market=NO/);
  await expect(async () => {
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByLabel('Market').selectOption('SE');
  await expect(page.getByText('No carts match these filters.')).toBeVisible();
  await expect(link).toHaveCount(0);
});

test('an admin adds a product found by part of its name or SKU in any case, with its price and stock', async ({
  page,
  request,
}) => {
  const cart = await createCart(request, [], 'DK');
  await signIn(page, `/admin/carts/view/?id=${cart.id}`);
  const picker = page.getByRole('textbox', { name: 'Product' });
  const matches = page.getByRole('region', { name: 'Matching products' });

  await picker.fill('kitc-00000');
  await expect(matches.getByRole('listitem')).toHaveCount(8);
  for (const item of await matches.getByRole('listitem').all()) {
    await expect(item).toContainText('KITC-00000');
    await expect(item).toContainText(/available|In stock|Out of stock|Sold out/);
  }
  const first = matches.getByRole('listitem').first();
  const sku = ((await first.locator('.font-mono').textContent()) ?? '').trim();
  const product = (await (await request.get(`/api/products/${sku}?market=DK`)).json()) as {
    name: string;
    price: { amount: number; currency: string };
  };
  await expect(first).toContainText(formatMoney(product.price));
  await first.getByRole('button', { name: `Add ${product.name} (${sku})` }).click();
  await expect(page.getByTestId(`line-total-${sku}`)).toHaveText(formatMoney(product.price));
  await expect(picker).toHaveValue('');

  // Its name in any case finds it; Enter takes the SKU typed in full, in any case.
  await picker.fill(product.name.toUpperCase());
  await expect(matches.getByRole('listitem').filter({ hasText: sku })).toBeVisible();
  await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill('2');
  await picker.fill(sku.toLowerCase());
  await picker.press('Enter');
  await expect(page.getByTestId(`line-total-${sku}`)).toHaveText(
    formatMoney({ amount: product.price.amount * 3, currency: product.price.currency }),
  );

  await picker.fill('no such product at all');
  await expect(matches).toContainText('No product in DK matches');
});

test('the clear-cart dialog takes the focus, Escape keeps the lines, and confirming empties the cart', async ({
  page,
  request,
}) => {
  const sku = await someSku(request);
  const cart = await createCart(request, [{ sku, quantity: 3 }]);

  await signIn(page, `/admin/carts/view/?id=${cart.id}`);
  const clear = page.getByRole('button', { name: 'Clear cart' });
  await clear.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Remove every line from this cart?' });
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(clear).toBeFocused();
  await expect(page.getByTestId(`line-total-${sku}`)).toBeVisible();

  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Clear cart' }).click();
  await expect(page.getByTestId(`line-total-${sku}`)).toHaveCount(0);
  await expect(clear).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SECTION');
  const res = await page.request.get(`/api/admin/carts/${cart.id}`);
  expect(((await res.json()) as CartJson).lines).toHaveLength(0);
});
