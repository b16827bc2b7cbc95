import { expect, test } from './fixtures';
import { cancelOrder, newOrder, paidOrder, signIn } from './helpers';

test('open an order and cancel it', async ({ page, request }) => {
  const { cart, order } = await newOrder(request);

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  await expect(page).toHaveURL(new RegExp(`/admin/orders/view/\\?id=${order.id}`));
  await expect(page.getByRole('heading', { name: `Order ${order.id}` })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting contact');
  await expect(page.getByRole('link', { name: cart.id })).toBeVisible();

  await page.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this order?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Yes, cancel the order' }).click();

  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('an admin cancels a paid order that is being picked: the fulfilment stops, the payment is released', async ({
  page,
  request,
}) => {
  const { order } = await paidOrder(request);

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText('Paid, awaiting fulfilment');
  // The customer may no longer cancel a paid order; the admin may, and the page says who can do what.
  await expect(page.getByTestId('customer-can')).toHaveText(
    'The customer can now give or change the contact.',
  );
  await page.getByRole('button', { name: 'Create fulfilment' }).click();
  await page.getByRole('button', { name: 'Mark picked' }).click();
  await expect(page.getByTestId('fulfillment-status')).toHaveText('Picked');

  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page
    .getByRole('alertdialog', { name: 'Cancel this order?' })
    .getByRole('button', { name: 'Yes, cancel the order' })
    .click();

  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('fulfillment-status')).toHaveText('Cancelled');
  // The money goes back right after the cancellation is recorded.
  await expect
    .poll(
      async () => (await (await request.get(`/api/orders/${order.id}`)).json()).payments[0].status,
    )
    .toBe('RELEASED');
  await page.reload();
  await expect(page.getByRole('table', { name: 'Payments' }).getByTitle('RELEASED')).toHaveText(
    'Released',
  );
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await expect(page.getByTestId('customer-can')).toHaveText(
    'The customer has nothing left to do on this order.',
  );
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('a shipped order can no longer be cancelled, by anyone', async ({ page, request }) => {
  const { order } = await paidOrder(request);

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  await page.getByRole('button', { name: 'Create fulfilment' }).click();
  await page.getByRole('button', { name: 'Mark picked' }).click();
  await page.getByRole('button', { name: 'Ship…' }).click();
  await page.getByLabel('Tracking number').fill('TRACK-456');
  await page.getByRole('button', { name: 'Confirm shipment' }).click();
  await expect(page.getByTestId('fulfillment-status')).toHaveText('Shipped');

  await expect(page.getByRole('button', { name: 'Mark delivered' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel fulfilment' })).toHaveCount(0);
});

test('a cancelled order does not promise a fulfilment once paid', async ({ page, request }) => {
  const { order } = await newOrder(request);
  await cancelOrder(request, order.id);

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  await expect(page.getByText('No fulfilment: the order is cancelled.')).toBeVisible();
  await expect(page.getByText(/once the payment is authorized/)).toHaveCount(0);
});

test('the cancel dialog takes the focus, Escape closes it, and the focus never falls to the page', async ({
  page,
  request,
}) => {
  const { order } = await newOrder(request);

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  const cancel = page.getByRole('button', { name: 'Cancel order' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this order?' });
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(cancel).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Yes, cancel the order' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  await expect(cancel).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SECTION');
});

test('a missing order says so, without offering to try again', async ({ page }) => {
  const missing = '00000000-0000-4000-8000-000000000000';
  await signIn(page, `/admin/orders/view/?id=${missing}`);
  await expect(page.getByTestId('error')).toBeVisible();
  await expect(page.getByTestId('error').getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('a declined payment reads as such, not as a payment still in progress', async ({
  page,
  request,
}) => {
  const { order } = await paidOrder(request, 'tok_decline_expired_card');

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText('Payment declined');
  await expect(page.getByRole('table', { name: 'Payments' }).getByText('Declined')).toBeVisible();
  await expect(page.getByTestId('customer-can')).toContainText('add a payment');
  await expect(
    page
      .getByRole('table', { name: 'Timeline' })
      .getByRole('row')
      .filter({ hasText: 'Payment declined' })
      .first(),
  ).toContainText('The card has expired');
});

test('a mistyped order id is explained in words, not by the rule it broke', async ({ page }) => {
  await signIn(page, '/admin/orders/view/?id=8a85bb08-not-an-id');
  await expect(page.getByTestId('error')).toContainText('That is not a valid order id');
  await expect(page.getByTestId('error')).not.toContainText('lower-case UUID');
});
