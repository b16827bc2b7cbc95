import type { APIRequestContext, Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import {
  PASSWORD,
  USERNAME,
  addPayment,
  createCart,
  createOrder,
  giveContact,
  signIn,
  someSku,
} from './helpers';

/** The widths an admin works at: a laptop and a phone. */
const WIDTHS = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

/** A product name as long as the catalog allows (200 characters), with no place to break a line. */
const LONG_NAME = `Ergonomic${'-extra'.repeat(30)}`.padEnd(200, 'x');

/** How far the page scrolls sideways: nothing of a page may lie beyond the window's right edge. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Every order answer names its lines by the longest name there may be. */
async function withLongProductNames(page: Page): Promise<void> {
  await page.route(/\/api\/admin\/(orders|carts)\/[^/?]+$/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    for (const line of [...(body.lines ?? []), ...(body.pricing?.lines ?? [])])
      line.name = LONG_NAME;
    await route.fulfill({ response, json: body });
  });
}

/**
 * A promotion for its page, ended at once: for a product and a market no spec buys in, so that it
 * prices nobody's cart meanwhile.
 */
async function endedPromotion(request: APIRequestContext): Promise<string> {
  const headers = {
    Authorization: `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`,
  };
  const sku = 'GRDN-000044';
  const created = await request.post('/api/admin/promotions', {
    headers,
    data: {
      name: 'Layout tour: 10 % off a rake',
      trigger: 'AUTOMATIC',
      conditions: { markets: ['FI'], requires: { skus: [sku] } },
      reward: { type: 'PERCENT_OFF', percent: 10, target: { skus: [sku] } },
    },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  expect((await request.post(`/api/admin/promotions/${id}/end`, { headers })).ok()).toBe(true);
  return id;
}

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('no page scrolls sideways or breaks an accessibility rule, also with the longest product names', async ({
      page,
      request,
    }, testInfo) => {
      const sku = await someSku(request);
      const cart = await createCart(request, [{ sku, quantity: 2 }]);
      const order = await createOrder(request, cart.id);
      await giveContact(request, order.id);
      await addPayment(request, order.id);
      const promotion = await endedPromotion(request);

      async function check(name: string, path: string, ready: () => Promise<void>) {
        await page.goto(path);
        await ready();
        await page.screenshot({
          path: testInfo.outputPath(`screenshots/${name}-${size.width}.png`),
          fullPage: true,
        });
        expect(await sidewaysOverflow(page), `${name} at ${size.width} px`).toBeLessThanOrEqual(0);
        // axe-core once per page, at the phone's width: there more boxes scroll sideways and the menu
        // wraps, and the rules that do not depend on the width (contrast, names, roles) hold at both.
        if (size.name === 'phone') {
          expect
            .soft(
              await seriousAccessibilityViolations(page),
              `axe-core on ${name} at ${size.width} px`,
            )
            .toEqual([]);
        }
      }

      const heading = (name: string | RegExp) => () =>
        expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
      await check('front-door', '/', heading('MonoStore'));
      await check('sign-in', '/admin/signin/', heading('MonoStore admin'));
      await signIn(page);
      await withLongProductNames(page);
      await check('dashboard', '/admin/', heading('Dashboard'));
      await check('carts', '/admin/carts/', heading('Carts'));
      await check('cart', `/admin/carts/view/?id=${cart.id}`, async () => {
        await expect(page.getByText(LONG_NAME).first()).toBeVisible();
      });
      await check('orders', '/admin/orders/', heading('Orders'));
      await check('order', `/admin/orders/view/?id=${order.id}`, async () => {
        await expect(page.getByText(LONG_NAME).first()).toBeVisible();
      });
      await check('products', '/admin/products/', heading('Products'));
      await check('product', `/admin/products/?sku=${sku}`, async () => {
        await expect(page.getByText(sku).first()).toBeVisible();
      });
      await check('promotions', '/admin/promotions/', heading('Promotions'));
      await check('promotion', `/admin/promotions/view/?id=${promotion}`, async () => {
        await expect(page.getByTestId('promotion-status')).toHaveText('Ended');
      });
      await check('cluster', '/admin/cluster/', heading('Cluster'));
      await check('not-found', '/admin/no-such-page/', heading('Page not found'));
    });

    test('the menu and Sign out stay within the window', async ({ page }) => {
      await signIn(page);
      const window = page.viewportSize()!;
      for (const item of [
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cluster' }),
        page.getByRole('button', { name: 'Sign out' }),
      ]) {
        const box = (await item.boundingBox())!;
        expect(
          box.x + box.width,
          `${await item.textContent()} at ${size.width} px`,
        ).toBeLessThanOrEqual(window.width);
      }
    });
  });
}
