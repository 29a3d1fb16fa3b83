import { expect, test } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

const CASE = '/cases/idris-arsamikov'

test('an admin grants the viewer access, sees the grant, and revokes it after confirming', async ({
  page,
}) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'admin', `${CASE}/access`)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Access to Idris Arsamikov' }),
  ).toBeVisible()
  // The seeded case is public: the page says grants matter only once it is restricted.
  await expect(page.getByText(/matter only while its visibility is “Restricted”/)).toBeVisible()
  await expect(page.getByText('No one has been granted access.')).toBeVisible()

  await page
    .getByLabel('User', { exact: true })
    .selectOption({ label: 'Demo Viewer — viewer@example.org (Viewer)' })
  await page.getByRole('button', { name: 'Grant access' }).click()
  await expect(page.getByRole('status')).toHaveText('Access granted to Demo Viewer.')
  const row = page.getByRole('row', { name: /Demo Viewer/ })
  await expect(row).toContainText('viewer@example.org')
  await expect(row).toContainText('Viewer')
  await expect(row).toContainText('Demo Admin')
  await expect(row).toContainText(/UTC/)
  // The viewer is no longer offered; the editor still is.
  await expect(page.getByLabel('User', { exact: true }).locator('option')).toHaveText([
    'Choose a user…',
    'Demo Editor — editor@example.org (Editor)',
  ])
  await page.screenshot({ path: 'test-results/screens/access-granted.png', fullPage: true })

  // Cancel leaves the grant alone.
  await row.getByRole('link', { name: 'Revoke access for Demo Viewer' }).click()
  await page.getByRole('link', { name: 'Cancel' }).click()
  await expect(page).toHaveURL(new RegExp(`${CASE}/access$`))
  await expect(page.getByRole('button', { name: 'Yes, revoke access' })).toHaveCount(0)

  await row.getByRole('link', { name: 'Revoke access for Demo Viewer' }).click()
  const confirm = page.getByRole('form', { name: /Revoke Demo Viewer’s access/ })
  await expect(confirm).toBeVisible()
  // Still granted until confirmed.
  await expect(page.getByRole('row', { name: /Demo Viewer/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/access-confirm.png', fullPage: true })
  await confirm.getByRole('button', { name: 'Yes, revoke access' }).click()
  await expect(page.getByRole('status')).toHaveText('Access revoked for Demo Viewer.')
  await expect(page.getByRole('row', { name: /Demo Viewer/ })).toHaveCount(0)
  await expect(page.getByText('No one has been granted access.')).toBeVisible()
  assertNoErrors()
})

// No console check here: the browser logs every 400 answer as an error, and 400 is the point.
test('granting without choosing a user answers 400 with the message beside the field', async ({
  page,
}) => {
  await signIn(page, 'admin', `${CASE}/access`)
  await page.getByRole('button', { name: 'Grant access' }).click()
  await expect(page.getByText('Choose a user', { exact: true })).toBeVisible()
  await expect(page.getByLabel('User', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await page.screenshot({ path: 'test-results/screens/access-error.png', fullPage: true })

  await expect(page.getByText('No one has been granted access.')).toBeVisible()
})

test('an editor reads the history of the seeded case, written by the System', async ({ page }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'editor', `${CASE}/history`)
  await expect(
    page.getByRole('heading', { level: 1, name: 'History of Idris Arsamikov' }),
  ).toBeVisible()
  const entries = page.locator('.history__entry')
  await expect(entries.last()).toContainText('System created the case')
  await expect(entries.last()).toContainText('grounds (sensitive — value not recorded)')
  await expect(entries.last()).not.toContainText(/sexual orientation/i)
  await expect(
    page.getByText('System recorded an event (February 2023: Detained)', { exact: true }),
  ).toBeVisible()
  await expect(
    page.getByText(
      'System cited “Russia detains Gay Chechen Refugee at Moscow Airport” for the event of February 2023',
    ),
  ).toBeVisible()
  await expect(
    page.getByText(/^System recorded an alleged event \(February 2023: A video surfaced/),
  ).toBeVisible()
  await expect(entries.first().locator('time')).toHaveText(/\d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC/)
  await page.screenshot({ path: 'test-results/screens/history.png', fullPage: true })
  await page.getByRole('link', { name: '← Back to Idris Arsamikov' }).click()
  await expect(page).toHaveURL(new RegExp(`${CASE}$`))
  assertNoErrors()
})

test('a viewer may not read the history, and an editor may not manage access', async ({ page }) => {
  await signIn(page, 'viewer')
  const history = await page.goto(`${CASE}/history`)
  expect(history?.status()).toBe(403)
  await expect(
    page.getByRole('heading', { level: 1, name: 'You do not have permission' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, 'editor')
  const access = await page.goto(`${CASE}/access`)
  expect(access?.status()).toBe(403)
})
