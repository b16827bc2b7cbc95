import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const USERNAME = process.env.ADMIN_E2E_USERNAME ?? 'admin';
export const PASSWORD = process.env.ADMIN_E2E_PASSWORD ?? 'admin';

export interface Money {
  amount: number;
  currency: string;
}

export interface CartJson {
  id: string;
  status: string;
  lines: { sku: string; quantity: number; unitPrice: Money; lineTotal: Money }[];
  subtotal: Money;
  pricing?: { total: Money } | null;
}

export interface OrderJson {
  id: string;
  status: string;
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function signIn(page: Page, next = '/admin/'): Promise<void> {
  await page.goto(
    next === '/admin/'
      ? '/admin/signin/'
      : `/admin/signin/?next=${encodeURIComponent(next.replace(/^\/admin/, ''))}`,
  );
  await page.getByLabel('Username').fill(USERNAME);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${USERNAME}`)).toBeVisible();
}

/** An SKU of an in-stock demo product of the market. */
export async function someSku(request: APIRequestContext, market = 'SE'): Promise<string> {
  const page = await ok<{ items: { sku: string; inStock: boolean }[] }>(
    await request.get(`/api/products?market=${market}&size=20`),
    'GET /api/products',
  );
  const product = page.items.find((p) => p.inStock) ?? page.items[0];
  if (!product) throw new Error('the store lists no products');
  return product.sku;
}

export async function createCart(
  request: APIRequestContext,
  items: { sku: string; quantity: number }[] = [],
  market = 'SE',
): Promise<CartJson> {
  let cart = await ok<CartJson>(
    await request.post('/api/carts', { data: { market } }),
    'POST /api/carts',
  );
  for (const item of items) {
    cart = await ok<CartJson>(
      await request.post(`/api/carts/${cart.id}/items`, { data: item }),
      'POST /api/carts/{id}/items',
    );
  }
  return cart;
}

export async function createOrder(request: APIRequestContext, cartId: string): Promise<OrderJson> {
  return ok<OrderJson>(await request.post('/api/orders', { data: { cartId } }), 'POST /api/orders');
}

export async function cancelOrder(request: APIRequestContext, orderId: string): Promise<OrderJson> {
  return ok<OrderJson>(
    await request.post(`/api/orders/${orderId}/cancel`),
    'POST /api/orders/{id}/cancel',
  );
}

export async function giveContact(
  request: APIRequestContext,
  orderId: string,
  email = `e2e-${Date.now()}@example.com`,
): Promise<OrderJson> {
  return ok<OrderJson>(
    await request.put(`/api/orders/${orderId}/contact`, {
      data: {
        email,
        name: 'E2E Tester',
        phone: '+46701234567',
        shippingAddress: {
          line1: 'Testgatan 1',
          city: 'Stockholm',
          postalCode: '11122',
          country: 'SE',
        },
      },
    }),
    'PUT /api/orders/{id}/contact',
  );
}

/** A card payment; the simulated gateway answers by the token (tok_approve, tok_decline_expired_card, ...). */
export async function addPayment(
  request: APIRequestContext,
  orderId: string,
  token = 'tok_approve',
): Promise<{ id: string }> {
  return ok<{ id: string }>(
    await request.post(`/api/orders/${orderId}/payments`, {
      data: { method: 'card', token },
    }),
    'POST /api/orders/{id}/payments',
  );
}

/** Reads an integer shown in an element. */
export async function numberIn(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const n = Number(text.replace(/[^\d-]/g, ''));
  if (!Number.isFinite(n) || text.trim() === '') throw new Error(`no number in ${testId}: ${text}`);
  return n;
}

export async function authorize(
  request: APIRequestContext,
  orderId: string,
  paymentId: string,
): Promise<unknown> {
  return ok<unknown>(
    await request.post(`/api/orders/${orderId}/payments/${paymentId}/authorize`),
    'POST /api/orders/{id}/payments/{paymentId}/authorize',
  );
}

/** A new order of one item of some product: its cart, and the order, as the customer API answered them. */
export async function newOrder(
  request: APIRequestContext,
): Promise<{ cart: CartJson; order: OrderJson }> {
  const sku = await someSku(request);
  const cart = await createCart(request, [{ sku, quantity: 1 }]);
  return { cart, order: await createOrder(request, cart.id) };
}

/**
 * A new order with its contact and a card payment authorized with the token: tok_approve pays it, a
 * decline token leaves it waiting for another payment.
 */
export async function paidOrder(
  request: APIRequestContext,
  token = 'tok_approve',
): Promise<{ cart: CartJson; order: OrderJson }> {
  const { cart, order } = await newOrder(request);
  await giveContact(request, order.id);
  const payment = await addPayment(request, order.id, token);
  await authorize(request, order.id, payment.id);
  return { cart, order };
}
