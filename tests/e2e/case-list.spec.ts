import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

test('a viewer searches in Cyrillic and finds the seeded case; the search stays in the URL', async ({
  page,
}) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'viewer', '/cases')
  await expect(page).toHaveTitle('Cases · Case tracker')
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()
  await page.getByLabel('Search', { exact: true }).fill('Арсамиков')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/\/cases\?q=%D0%90%D1%80%D1%81%D0%B0%D0%BC%D0%B8%D0%BA%D0%BE%D0%B2$/)
  await expect(page.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible()
  const row = page.getByRole('row', { name: /Idris Arsamikov/ })
  await expect(row).toContainText('Detained')
  // "≥" for the eye, "at least" for screen readers: the start is only known to the month.
  await expect(row).toContainText(/≥ at least \d+since February 2023/)
  await expect(row).toContainText('Russia')
  await page.screenshot({ path: 'test-results/screens/case-list-search.png', fullPage: true })

  await page.reload()
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue('Арсамиков')
  await expect(page.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
  // A Latin prefix finds the same case.
  await page.getByLabel('Search', { exact: true }).fill('arsam')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/\?q=arsam$/)
  await expect(page.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
  assertNoErrors()
})

test('filters show their counts, survive a reload, and a filter that matches nothing can be cleared', async ({
  page,
}) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'viewer', '/cases')
  const custody = page.getByLabel('Custody state', { exact: true })
  // Other spec files add cases to the same database, so only shapes are certain here.
  await expect(custody.locator('option', { hasText: /^Detained \(\d+\)$/ })).toHaveCount(1)
  await expect(custody.locator('option', { hasText: 'Deceased (0)' })).toHaveCount(1)
  await custody.selectOption('detained')
  await page.getByLabel('Country', { exact: true }).selectOption('Russia')
  await page.getByLabel('Sort by', { exact: true }).selectOption('detention')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/\/cases\?custody=detained&country=Russia&sort=detention$/)
  await expect(page.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Remove Custody state: Detained' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/case-list-filters.png', fullPage: true })
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  await page.reload()
  await expect(page.getByLabel('Custody state', { exact: true })).toHaveValue('detained')
  await expect(page.getByLabel('Country', { exact: true })).toHaveValue('Russia')
  await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('detention')

  await page.getByLabel('Custody state', { exact: true }).selectOption('deceased')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/custody=deceased/)
  await expect(page.getByText('No cases match — clear filters')).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/screens/case-list-empty.png', fullPage: true })
  await page.getByRole('link', { name: 'clear filters', exact: true }).click()
  await expect(page).toHaveURL(/\/cases$/)
  await expect(page.getByLabel('Custody state', { exact: true })).toHaveValue('')
  await expect(page.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
  assertNoErrors()
})

test('an unknown filter value in the address is ignored politely, not an error', async ({
  page,
}) => {
  await signIn(page, 'viewer')
  const response = await page.goto('/cases?custody=jailed&risk=critical&page=-1')
  expect(response?.status()).toBe(200)
  await expect(
    page.getByRole('status').filter({ hasText: 'Ignored an unknown filter value' }),
  ).toContainText('Custody state')
  await expect(page.getByLabel('Risk level', { exact: true })).toHaveValue('critical')
  await expect(page.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
})

test('the filter form works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, 'viewer', '/cases')
  await page.getByLabel('Search', { exact: true }).fill('arsamikov')
  await page.getByLabel('Risk level', { exact: true }).selectOption('low')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/q=arsamikov/)
  await expect(page.getByText('No cases match — clear filters')).toBeVisible()
  await page.getByLabel('Risk level', { exact: true }).selectOption('')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
  await context.close()
})
