import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('the store root is a page that leads to the admin UI, the API reference and health', async ({
  page,
}) => {
  const answer = await page.goto('/');
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()['content-type']).toContain('text/html');
  await expect(page.getByRole('heading', { name: 'MonoStore', level: 1 })).toBeVisible();

  const links = page.getByRole('navigation', { name: 'Where to go' });
  await expect(links.getByRole('link', { name: 'The API reference' })).toHaveAttribute(
    'href',
    '/docs',
  );
  await expect(links.getByRole('link', { name: 'Health' })).toHaveAttribute(
    'href',
    '/actuator/health',
  );
  await links.getByRole('link', { name: 'The admin UI' }).click();
  await expect(page).toHaveURL(/\/admin\/signin\//);
});

test('an admin path that is not there shows the admin its own page, not a raw answer', async ({
  page,
}) => {
  await signIn(page);
  const answer = await page.goto('/admin/no-such-page/');
  expect(answer?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('No static resource')).toHaveCount(0);
});
