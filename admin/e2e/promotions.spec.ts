import type { APIRequestContext, Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import {
  PASSWORD,
  USERNAME,
  addPayment,
  authorize,
  createCart,
  createOrder,
  giveContact,
  signIn,
} from './helpers';

// A product and a market no other spec buys in: the promotions made here price no one else's cart.
const SKU = 'GRDN-000042';
const MARKET = 'DK';
const admin = {
  Authorization: `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`,
};

async function endPromotion(request: APIRequestContext, id: string): Promise<void> {
  await request.post(`/api/admin/promotions/${id}/end`, { headers: admin });
}

async function newPromotion(
  page: Page,
  fill: (form: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: 'New promotion' }).click();
  const form = page.getByRole('form', { name: 'Promotion' });
  await fill(form);
  await form.getByRole('button', { name: 'Create promotion' }).click();
  await expect(page).toHaveURL(/\/admin\/promotions\/view\/\?id=/);
  return new URL(page.url()).searchParams.get('id') ?? '';
}

test('an admin creates a promotion, sees it price a cart, pauses it and ends it', async ({
  page,
  request,
}) => {
  await signIn(page, '/admin/promotions/');
  const id = await newPromotion(page, async (form) => {
    await form.getByLabel('Name (shown to shoppers)').fill('15 % off a spade (browser test)');
    await form.getByLabel('Market').selectOption(MARKET);
    await form.getByLabel('Percent off').fill('15');
    await form.getByLabel('Off SKUs (comma-separated)').fill(SKU);
  });
  try {
    await expect(
      page.getByRole('heading', { name: '15 % off a spade (browser test)' }),
    ).toBeVisible();
    await expect(page.getByTestId('promotion-status')).toHaveText('Active');
    await expect(page.getByText(`15 % off ${SKU}`)).toBeVisible();

    // Each node holds the promotions in memory: a new one prices carts a moment after it is made.
    const cart = await createCart(request, [{ sku: SKU, quantity: 1 }], MARKET);
    await expect
      .poll(async () => {
        const json = (await (await request.get(`/api/carts/${cart.id}`)).json()) as {
          pricing: { discounts: { promotionId: string }[] };
        };
        return json.pricing.discounts.map((d) => d.promotionId);
      })
      .toContain(id);
    await page.goto(`/admin/carts/view/?id=${cart.id}`);
    await expect(page.getByText('15 % off a spade (browser test)')).toBeVisible();

    await page.goto(`/admin/promotions/view/?id=${id}`);
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    expect(await seriousAccessibilityViolations(page), 'axe-core on a promotion').toEqual([]);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('promotion-status')).toHaveText('Paused');
    await page.goto('/admin/promotions/');
    await page.getByLabel('Status').selectOption('PAUSED');
    await expect(
      page.getByRole('table', { name: 'Promotions' }).getByRole('link', {
        name: '15 % off a spade (browser test)',
      }),
    ).toBeVisible();

    await page.getByRole('link', { name: '15 % off a spade (browser test)' }).first().click();
    await page.getByRole('button', { name: 'End for good' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'End it' }).click();
    await expect(page.getByTestId('promotion-status')).toHaveText('Ended');
    await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  } finally {
    await endPromotion(request, id);
  }
});

test('a code promotion gets a batch of single-use codes, and its page lists the orders that used one', async ({
  page,
  request,
}) => {
  await signIn(page, '/admin/promotions/');
  const id = await newPromotion(page, async (form) => {
    await form.getByLabel('Name (shown to shoppers)').fill('Spade code (browser test)');
    await form.getByLabel('Applies').selectOption('CODE');
    await form.getByLabel('Market').selectOption(MARKET);
    await form.getByLabel('Off SKUs (comma-separated)').fill(SKU);
  });
  try {
    await expect(page.getByTestId('redemption-summary')).toHaveText('0 orders used it.');
    const give = page.getByRole('form', { name: 'Give codes' });
    await give.getByLabel('Or make up this many').fill('3');
    await give.getByLabel('Starting with').fill('e2e-');
    await give.getByLabel('Uses per code (empty: no limit of its own)').fill('1');
    await give.getByRole('button', { name: 'Give codes' }).click();
    const codes = page.getByRole('list', { name: 'Codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(3);
    for (const code of await codes.allTextContents()) expect(code).toMatch(/^E2E-[A-Z2-9]{10}$/);
    await expect(page.getByRole('heading', { name: 'Codes (3)' })).toBeVisible();

    // A shopper pays with one of them: it is used up, and the order is the promotion's redemption.
    const code = (await codes.first().textContent()) ?? '';
    const cart = await createCart(request, [{ sku: SKU, quantity: 1 }], MARKET);
    // The code applies once this node holds the new promotion, a moment after it was made.
    await expect
      .poll(async () => {
        const entered = await request.post(`/api/carts/${cart.id}/coupons`, { data: { code } });
        return entered.status() === 200 ? 'entered' : await entered.text();
      })
      .toBe('entered');
    const order = await createOrder(request, cart.id);
    await giveContact(request, order.id, 'spade-buyer@example.com');
    await authorize(request, order.id, (await addPayment(request, order.id)).id);
    const again = await createCart(request, [{ sku: SKU, quantity: 1 }], MARKET);
    const refused = await request.post(`/api/carts/${again.id}/coupons`, { data: { code } });
    expect(refused.status()).toBe(409);

    // The list is the orders' read model: the page is read once it holds the payment.
    await expect
      .poll(async () => {
        const json = (await (
          await request.get(`/api/admin/promotions/${id}/redemptions`, { headers: admin })
        ).json()) as { items: { orderId: string; status: string }[] };
        return json.items.map((r) => `${r.orderId} ${r.status}`);
      })
      .toEqual([`${order.id} KEPT`]);
    await page.reload();
    const redemptions = page.getByRole('table', { name: 'Redemptions' });
    await expect(redemptions.getByRole('row')).toHaveCount(2);
    await expect(redemptions).toContainText(code);
    await expect(redemptions).toContainText('spade-buyer@example.com');
    await expect(redemptions).toContainText('Used, paid');
    await expect(page.getByTestId('redemption-summary')).toContainText('1 order used it');
    await redemptions.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/admin/orders/view/\\?id=${order.id}`));
  } finally {
    await endPromotion(request, id);
  }
});

test('a definition the store refuses says which field is wrong, and creates nothing', async ({
  page,
}) => {
  await signIn(page, '/admin/promotions/');
  await page.getByRole('button', { name: 'New promotion' }).click();
  const form = page.getByRole('form', { name: 'Promotion' });
  await form.getByLabel('Name (shown to shoppers)').fill('Too generous (browser test)');
  await form.getByLabel('Percent off').fill('150');
  await form.getByRole('button', { name: 'Create promotion' }).click();
  // The form's own words for the field, not the API's reward.percent.
  await expect(page.getByTestId('error')).toContainText(
    'The percent off must be above 0 and at most 100.',
  );
  await expect(page).toHaveURL(/\/admin\/promotions\/$/);
  await expect(page.getByRole('link', { name: 'Too generous (browser test)' })).toHaveCount(0);
});
