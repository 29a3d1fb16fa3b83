// An admin adds a colleague, hands over the one-time password, the colleague chooses their own on
// the Account page, and an admin disabling the account ends the colleague's session at once.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([])
}

test('admin creates a user who changes the password; disabling ends their session', async ({
  page: admin,
  browser,
}) => {
  const adminErrors = failOnConsoleErrors(admin)
  await signIn(admin, 'admin')
  await admin.getByRole('link', { name: 'Admin' }).click()
  await expect(admin.getByRole('heading', { name: 'Users' })).toBeVisible()
  await expect(admin.getByText(/^Showing 1–\d+ of \d+$/)).toBeVisible()
  await expectNoAxeViolations(admin)

  await admin.getByRole('link', { name: 'Add a user' }).click()
  await admin.getByLabel('Name').fill('Nino Beridze ნინო')
  await admin.getByLabel('Email').fill('nino.e2e@example.org')
  await admin.getByLabel('Role').selectOption('viewer')
  await admin.getByRole('button', { name: 'Create account' }).click()
  const oneTime = (await admin.locator('.one-time-password__value code').textContent()) ?? ''
  expect(oneTime.length).toBeGreaterThanOrEqual(12)
  await expectNoAxeViolations(admin)

  // The colleague signs in with it in their own browser and chooses a pass-phrase.
  const colleagueContext = await browser.newContext()
  const colleague = await colleagueContext.newPage()
  const colleagueErrors = failOnConsoleErrors(colleague)
  await colleague.goto('/login')
  await colleague.getByLabel('Email').fill('nino.e2e@example.org')
  await colleague.getByLabel('Password').fill(oneTime)
  await colleague.getByRole('button', { name: 'Sign in' }).click()
  await colleague.getByRole('link', { name: 'Account' }).click()
  await expectNoAxeViolations(colleague)
  await colleague.locator('input[name=currentPassword]').fill(oneTime)
  await colleague.locator('input[name=newPassword]').fill('short')
  await colleague.locator('input[name=confirmPassword]').fill('short')
  await colleague.getByRole('button', { name: 'Change password' }).click()
  await expect(colleague.getByText('Use at least 12 characters')).toBeVisible()
  await colleague.locator('input[name=currentPassword]').fill(oneTime)
  await colleague.locator('input[name=newPassword]').fill('four unrelated words here')
  await colleague.locator('input[name=confirmPassword]').fill('four unrelated words here')
  await colleague.getByRole('button', { name: 'Change password' }).click()
  await expect(colleague.getByText('Your password was changed.')).toBeVisible()

  // The admin disables the account: the colleague's next request lands on the sign-in page.
  await admin.goto('/admin/users')
  await admin.getByRole('link', { name: 'Nino Beridze ნინო' }).click()
  await admin.getByRole('link', { name: 'Disable the account…' }).click()
  await admin.getByRole('button', { name: 'Yes, disable the account' }).click()
  await expect(admin.getByText('The account was disabled and its sessions ended.')).toBeVisible()
  await colleague.goto('/cases')
  await expect(colleague).toHaveURL(/\/login\?redirectTo=%2Fcases/)

  // The activity log tells the story.
  await admin.goto('/admin/activity')
  await expect(admin.getByRole('heading', { name: 'Activity' })).toBeVisible()
  await expect(admin.getByText(/disabled the account of Nino Beridze/).first()).toBeVisible()
  await expectNoAxeViolations(admin)

  adminErrors()
  colleagueErrors()
  await colleagueContext.close()
})
