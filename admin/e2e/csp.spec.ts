import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('the admin UI runs under a policy that refuses any inline script but its own', async ({
  page,
  cspViolations,
}) => {
  const response = await page.goto('/admin/signin/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'sha256-");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("frame-ancestors 'none'");

  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();

  // A script injected into the page does not run, and the browser says so.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.appendChild(script);
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  cspViolations.length = 0;
});

test('the API reference at /docs renders Scalar under its policy', async ({ page }) => {
  // Scalar reads the whole document before it renders: seconds, and tens of them on a busy machine.
  test.setTimeout(120_000);
  const response = await page.goto('/docs');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
  await expect(page.getByRole('heading', { name: 'MonoStore API' })).toBeVisible({
    timeout: 90_000,
  });
  // The shop's groups come first, as a shopper goes: the reference opens on the products.
  await expect(
    page.getByRole('heading', { name: /Look a product up by SKU/ }).first(),
  ).toBeVisible();
});
