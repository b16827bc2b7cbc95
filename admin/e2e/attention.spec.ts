import { expect, test } from './fixtures';
import { numberIn, paidOrder, signIn } from './helpers';

test('a declined payment needs attention on the dashboard, and the list says where each order stands', async ({
  page,
  request,
}) => {
  await signIn(page);
  await expect(page.getByTestId('attention-PAYMENT_DECLINED')).toBeVisible();
  const declinedBefore = await numberIn(page, 'attention-PAYMENT_DECLINED');

  const { order } = await paidOrder(request, 'tok_decline_insufficient_funds');
  const refresh = page.getByRole('button', { name: 'Refresh' });
  await expect
    .poll(
      async () => {
        await refresh.click();
        return numberIn(page, 'attention-PAYMENT_DECLINED');
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(declinedBefore);

  await page
    .getByRole('link', { name: /Payment declined/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/admin\/orders\/\?status=PAYMENT_DECLINED/);
  await expect(page.getByLabel('Status')).toHaveValue('PAYMENT_DECLINED');
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill(order.id);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page
    .getByRole('table', { name: 'Orders' })
    .getByRole('row')
    .filter({ hasText: order.id.slice(0, 8) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Payment declined');
  await expect(row.getByRole('cell').nth(2)).toHaveText('Declined');
  await expect(row.getByRole('cell').nth(3)).toHaveText('—');

  // The same order is among those needing attention, and not among the paid ones.
  // The list dims the page it had until the filtered one arrives: read the row once it is there.
  const waiting = page.locator('table[aria-label="Orders"] tbody.opacity-60');
  await page.getByLabel('Status').selectOption({ label: 'Needs attention' });
  await expect(page).toHaveURL(/status=attention/);
  await expect(waiting).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await page.getByLabel('Status').selectOption({ label: 'Paid, awaiting fulfilment' });
  await expect(page.getByText('No orders match these filters.')).toBeVisible();
});
