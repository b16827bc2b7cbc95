import { expect, test } from './fixtures';
import { giveContact, newOrder, paidOrder, signIn } from './helpers';

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
});
