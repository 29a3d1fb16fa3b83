// Gender and date of birth in the case form and on the case page, a Chinese name's slug, and the
// case list finding it by a part of the name.
import { expect as baseExpect, test } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import { failOnConsoleErrors } from './helpers'

// This machine can be slow to hash a password while other work runs: a longer wait than the default.
const expect = baseExpect.configure({ timeout: 20_000 })

test('records gender and date of birth, and finds a Chinese name by a part of it', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const noConsoleErrors = failOnConsoleErrors(page)
  await page.goto('/login?redirectTo=%2Fcases%2Fnew')
  await page.getByLabel('Email').fill('editor@example.org')
  await page.getByLabel('Password').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 30_000 })
  await page.goto('/cases/new')
  await page.getByLabel('Full name').fill('刘晓波')
  await page.getByLabel('Aliases and transliterations').fill('Liu Xiaobo')
  await page.getByLabel('Gender (sensitive)').selectOption('male')
  await page.getByLabel('Date of birth (sensitive)').fill('1955-13')
  await page.getByRole('button', { name: 'Create case' }).click()

  // The server refuses the date and says why beside the field, keeping what was typed.
  const dateField = page.getByLabel('Date of birth (sensitive)')
  await expect(dateField).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#dateOfBirth-error')).toHaveText('1955-13 is not a real month')
  await expect(page.getByLabel('Gender (sensitive)')).toHaveValue('male')
  await page.screenshot({
    path: 'test-results/screens/case-person-fields-error.png',
    fullPage: true,
  })

  await dateField.fill('1955-12-28')
  await page.getByRole('button', { name: 'Create case' }).click()
  await expect(page).toHaveURL(/\/cases\/liu-xiao-bo-[a-z0-9]{6}$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('刘晓波')
  const facts = page.locator('dl.facts')
  await expect(facts).toContainText('Gender (sensitive)Male')
  await expect(facts).toContainText('Date of birth (sensitive)28 December 1955')
  await page.screenshot({
    path: 'test-results/screens/case-person-fields-page.png',
    fullPage: true,
  })

  await page.getByRole('link', { name: 'Edit case' }).click()
  await expect(page.getByLabel('Date of birth (sensitive)')).toHaveValue('1955-12-28')
  await expect(page.getByLabel('Precision of the date of birth')).toHaveValue('day')
  await page.screenshot({
    path: 'test-results/screens/case-person-fields-edit.png',
    fullPage: true,
  })

  await page.goto(`/cases?q=${encodeURIComponent('晓波')}`)
  await expect(page.getByRole('link', { name: '刘晓波', exact: true })).toBeVisible()
  await page.goto(`/cases?q=${encodeURIComponent('самик')}`)
  await expect(page.getByRole('link', { name: /Arsamikov/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/case-list-part-of-name.png', fullPage: true })
  noConsoleErrors()
})
