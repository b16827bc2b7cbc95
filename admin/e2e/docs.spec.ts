import { expect, test } from './fixtures';
import { PASSWORD, USERNAME } from './helpers';

test("the API reference's Test request calls the admin API with the admin's Basic credentials", async ({
  page,
}) => {
  // Scalar reads the whole document before it renders: seconds, and tens of them on a busy machine.
  test.setTimeout(120_000);
  await page.goto('/docs#tag/admin-orders/GET/api/admin/orders');
  await page
    .locator('button', { hasText: 'Test Request(get /api/admin/orders)' })
    .click({ timeout: 90_000 });
  const client = page.getByRole('dialog');
  // The admin's scheme is chosen already: the session's needs a cookie and a CSRF token.
  await expect(client.getByText('adminBasic').first()).toBeVisible();
  await client.locator('[contenteditable]').first().click();
  await page.keyboard.type(USERNAME);
  await client.locator('input[placeholder="********"]').fill(PASSWORD);
  await client.getByRole('button', { name: 'Send' }).first().click();
  await expect(client.getByText('200 OK')).toBeVisible();
  await expect(client.getByText('"behind"')).toBeVisible();
});
