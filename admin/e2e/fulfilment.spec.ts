import { expect, test } from './fixtures';
import { formatMoney } from '../src/lib/money';
import { type Money, giveContact, newOrder, paidOrder, signIn } from './helpers';

test('edit the contact of a new order', async ({ page, request }) => {
  const { order } = await newOrder(request);
  await giveContact(request, order.id);

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting payment');
  const form = page.getByRole('form', { name: 'Contact' });
  await expect(form.getByLabel('Name')).toHaveValue('E2E Tester');
  await form.getByLabel('Name').fill('Edited By Admin');
  await form.getByLabel('Shipping address: city').fill('Göteborg');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(form.getByLabel('Name')).toHaveValue('Edited By Admin');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Contact' }).getByLabel('Name')).toHaveValue(
    'Edited By Admin',
  );
  await expect(
    page.getByRole('form', { name: 'Contact' }).getByLabel('Shipping address: city'),
  ).toHaveValue('Göteborg');
});

test('fulfil an authorized order: create, pick, ship with tracking number, deliver', async ({
  page,
  request,
}) => {
  const { order } = await paidOrder(request);

  await signIn(page, `/admin/orders/view/?id=${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText('Paid, awaiting fulfilment');
  await expect(page.getByRole('table', { name: 'Payments' })).toBeVisible();

  await page.getByRole('button', { name: 'Create fulfilment' }).click();
  await expect(page.getByTestId('fulfillment-status')).toHaveText('To be picked');
  await page.getByRole('button', { name: 'Mark picked' }).click();
  await expect(page.getByTestId('fulfillment-status')).toHaveText('Picked');
  await page.getByRole('button', { name: 'Ship…' }).click();
  await page.getByLabel('Tracking number').fill('TRACK-123');
  await page.getByRole('button', { name: 'Confirm shipment' }).click();
  await expect(page.getByTestId('fulfillment-status')).toHaveText('Shipped');
  await expect(page.getByRole('definition').filter({ hasText: 'TRACK-123' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Timeline' })
      .getByRole('row')
      .filter({ hasText: 'Parcel shipped' }),
  ).toContainText('TRACK-123');
  await expect(page.getByRole('button', { name: 'Cancel fulfilment' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(page.getByTestId('fulfillment-status')).toHaveText('Delivered');
  await expect(page.getByTestId('error')).toHaveCount(0);

  // The timeline tells the whole story once, in words, each step with what it was about.
  const timeline = page.getByRole('table', { name: 'Timeline' });
  await expect(timeline.getByRole('row').filter({ hasText: 'Parcel delivered' })).toBeVisible();
  const events = await timeline.locator('tbody tr td.font-medium').allTextContents();
  expect(events.filter((e) => e === 'Fulfilment created')).toHaveLength(1);
  for (const event of events) {
    expect(event, 'an event named in words, not by its class').not.toMatch(/[a-z][A-Z]/);
    expect(event).not.toMatch(/edited by admin/i);
  }
  const paid = (await (await request.get(`/api/orders/${order.id}`)).json()) as {
    payments: { amount: Money }[];
  };
  await expect(timeline.getByRole('row').filter({ hasText: 'Payment added' })).toContainText(
    `${formatMoney(paid.payments[0].amount)} by`,
  );
  // The order and its payment each record the authorization; both name the code.
  const authorized = timeline.getByRole('row').filter({ hasText: 'Payment authorized' });
  await expect(authorized.first()).toBeVisible();
  for (const row of await authorized.all()) await expect(row).toContainText(/code \S+/);
});
