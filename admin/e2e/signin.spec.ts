import { expect, test } from './fixtures';
import { PASSWORD, USERNAME } from './helpers';

test('sign-in refuses a wrong password and lands on the dashboard with the right one', async ({
  page,
}) => {
  await page.goto('/admin/');
  // not signed in: sent to the sign-in page
  await expect(page).toHaveURL(/\/admin\/signin\//);

  await page.getByLabel('Username').fill(USERNAME);
  await page.getByLabel('Password').fill(`${PASSWORD}-wrong`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('error')).toHaveText('Wrong username or password.');
  await expect(page).toHaveURL(/\/admin\/signin\//);
  // Focus stays in the form, on the password to type again, not on the page's body.
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
  await expect(page.getByText(`Signed in as ${USERNAME}`)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/$/);

  // sign out goes back to the sign-in page and protects the pages again
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/signin\//);
  await page.goto('/admin/orders/');
  await expect(page).toHaveURL(/\/admin\/signin\/\?next=%2Forders%2F/);
});
