import { expect, test } from './fixtures';
import { createCart, signIn } from './helpers';

test('the cluster page shows this node Up, names it as the one that answered, and counts its carts', async ({
  page,
  request,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Cluster' })
    .click();
  await expect(page.getByRole('heading', { name: 'Cluster', exact: true })).toBeVisible();

  const self = page.getByTestId('node-self');
  await expect(self).toContainText('this node');
  await expect(self.getByRole('cell').nth(1)).toHaveText('Up');
  const answeredBy = (await page.getByTestId('answered-by').textContent()) ?? '';
  expect(answeredBy).toMatch(/^pekko:\/\/monostore@.+:\d+$/);
  await expect(self.getByRole('cell').first()).toHaveAttribute('title', answeredBy);

  await createCart(request);
  const updated = (await page.getByTestId('cluster-updated').textContent()) ?? '';
  // The page refreshes by itself: a count read after the cart was made shows it.
  await expect(page.getByTestId('cluster-updated')).not.toHaveText(updated, { timeout: 15_000 });
  await expect
    .poll(
      async () =>
        Number((await self.getByTestId('entities-Cart').textContent())?.replace(/\D/g, '')),
      {
        timeout: 15_000,
      },
    )
    .toBeGreaterThanOrEqual(1);
});
