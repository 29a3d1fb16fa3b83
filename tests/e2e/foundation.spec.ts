import { expect, test } from '@playwright/test'
import { failOnConsoleErrors, signIn, type DemoRole } from './helpers'

for (const role of ['admin', 'editor', 'viewer'] as DemoRole[]) {
  test(`${role} signs in and sees the Arsamikov case with its timeline and footnotes`, async ({
    page,
  }) => {
    const assertNoErrors = failOnConsoleErrors(page)
    await signIn(page, role)
    await expect(page).toHaveURL(/\/dashboard$/)
    await page.getByRole('link', { name: 'Cases', exact: true }).click()
    await page.getByRole('link', { name: 'Idris Arsamikov' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Idris Arsamikov' })).toBeVisible()
    await expect(page.getByText('Идрис Арсамиков')).toBeVisible()
    const timeline = page.locator('.timeline').first()
    await expect(timeline.getByText('Arrested at Moscow airport')).toBeVisible()
    await expect(timeline.getByText('February 2023').first()).toBeVisible()
    await expect(timeline.getByText('2018')).toBeVisible()
    // The two sources of the press release's footnotes, numbered by first use on the page.
    const footnotes = page.locator('ol.footnotes > li')
    await expect(footnotes).toHaveCount(2)
    await expect(footnotes.nth(0)).toContainText('European Parliament')
    await expect(footnotes.nth(1)).toContainText('The Moscow Times')
    await expect(page.getByRole('link', { name: 'Source 2' }).first()).toHaveAttribute(
      'href',
      '#source-2',
    )
    await expect(
      page.getByText(/In detention for at least \d+ days \(since February 2023\)/),
    ).toBeVisible()
    if (role === 'viewer')
      await page.screenshot({ path: 'test-results/screens/case-page.png', fullPage: true })
    assertNoErrors()
  })
}

test('a wrong password shows an error and the email stays filled in', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('Email').fill('editor@example.org')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.')
  await expect(page.getByLabel('Email')).toHaveValue('editor@example.org')
  await page.getByLabel('Email').fill('nobody@example.org')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  // An unknown email gets the very same message: nothing tells which accounts exist.
  await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.')
  await page.screenshot({ path: 'test-results/screens/login-error.png', fullPage: true })
})

test('an anonymous visit to a case goes to sign-in and comes back', async ({ page }) => {
  await page.goto('/cases/idris-arsamikov')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcases%2Fidris-arsamikov$/)
  await page.getByLabel('Email').fill('viewer@example.org')
  await page.getByLabel('Password').fill((await import('../../playwright.config')).E2E_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/cases\/idris-arsamikov$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Idris Arsamikov' })).toBeVisible()
})

test('an unknown slug shows the 404 page', async ({ page }) => {
  await signIn(page, 'viewer')
  const response = await page.goto('/cases/no-such-person')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/not-found.png', fullPage: true })
})

test('signing out ends the session: the old cookie no longer opens pages', async ({
  page,
  context,
}) => {
  await signIn(page, 'editor')
  const cookies = await context.cookies()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await context.addCookies(cookies)
  await page.goto('/dashboard')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/)
})

test('the dashboard counts cases by custody state', async ({ page }) => {
  await signIn(page, 'viewer')
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  const row = page.getByRole('row', { name: /Detained/ })
  // Other spec files add cases as they run: the seeded case is at least one of them.
  await expect(row.getByRole('cell')).toHaveText(/^[1-9]\d*$/)
  await page.screenshot({ path: 'test-results/screens/dashboard.png', fullPage: true })
})
