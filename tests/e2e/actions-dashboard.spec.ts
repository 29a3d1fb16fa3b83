import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import { failOnConsoleErrors, signIn } from './helpers'

const YEAR_2023 = '/dashboard?from=2023-01-01&to=2023-12-31'

const chartTable = (page: Page) => page.locator('#actions-over-time-table')
const chartSvg = (page: Page) =>
  page.locator('#actions-over-time-caption').locator('..').locator('svg.recharts-surface')

/** The table as text, header row first: what the CSV must repeat exactly. */
function tableText(table: Locator) {
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...(row as HTMLTableRowElement).cells].map((c) => c.textContent!.trim())),
    )
}

/** The chart's summary sentence starts with the number of actions: "2 actions in 2023, …". */
async function actionCount(page: Page) {
  const text = await page.locator('#actions-over-time-caption').innerText()
  return text.startsWith('No ') ? 0 : Number(text.split(' ')[0])
}

/** React has hydrated the page (it marks the DOM nodes it owns): form controls keep what is chosen. */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main')
    return main !== null && Object.keys(main).some((key) => key.startsWith('__react'))
  })
}

async function recordAction(
  page: Page,
  action: { path: string; kind: string; date: string; title: string },
) {
  await page.goto(action.path)
  await waitForHydration(page)
  await page.getByLabel('Kind of action').selectOption({ label: action.kind })
  await page.getByLabel('Date (required)').fill(action.date)
  await page.getByLabel('Title', { exact: true }).fill(action.title)
  await page.getByRole('button', { name: 'Record action' }).click()
  await expect(page).toHaveURL(/\/actions\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: action.title })).toBeVisible()
}

test('the seeded press release is in February 2023 on the chart, and the CSV equals the table', async ({
  page,
}) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'viewer')
  await page.goto(YEAR_2023)
  const february = chartTable(page).getByRole('row', { name: /^February 2023/ })
  const headings = await chartTable(page).locator('thead th').allInnerTexts()
  const pressColumn = headings.findIndex((h) => /press release/i.test(h))
  expect(pressColumn).toBeGreaterThan(0)
  await expect(february.locator('td').nth(pressColumn - 1)).toHaveText('1')
  // recharts draws only in the browser: the SVG appears after hydration, with bars in it.
  await expect(chartSvg(page)).toBeVisible()
  await expect(chartSvg(page).locator('.recharts-bar-rectangle path').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/dashboard-2023.png', fullPage: true })

  const href = await page
    .locator('#actions-over-time-caption')
    .locator('..')
    .getByRole('link', { name: 'Download this table (CSV)' })
    .getAttribute('href')
  const response = await page.request.get(href!)
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8')
  const csv = (await response.text()).replace(/^\uFEFF/, '')
  const rows = csv
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','))
  expect(rows).toEqual(await tableText(chartTable(page)))
  assertNoErrors()
})

test('an editor records actions; filtering the chart by case changes the numbers', async ({
  page,
}) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'editor')
  // "Record an action" on a case page opens the form with the case ticked.
  await page.goto('/actions/new?case=idris-arsamikov')
  await expect(page.getByRole('checkbox', { name: /Idris Arsamikov/ })).toBeChecked()
  await page.screenshot({ path: 'test-results/screens/action-form.png', fullPage: true })
  await recordAction(page, {
    path: '/actions/new?case=idris-arsamikov',
    kind: 'Letter to authorities',
    date: '2024-04-10',
    title: 'Letter to the Prosecutor General of Russia',
  })
  await expect(page.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
  await recordAction(page, {
    path: '/actions/new',
    kind: 'Joint statement',
    date: '2023-03-15',
    title: 'Joint statement on LGBTI persecution in Chechnya',
  })
  await page.goto('/actions')
  await expect(
    page.getByRole('link', { name: 'Letter to the Prosecutor General of Russia' }),
  ).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/actions-list.png', fullPage: true })

  await page.goto(YEAR_2023)
  await expect(chartSvg(page)).toBeVisible()
  await waitForHydration(page)
  const everyCase = await actionCount(page)
  expect(everyCase).toBeGreaterThanOrEqual(2)
  // The case is picked in a search box (never a list of every case), here by keyboard.
  const caseBox = page.getByRole('combobox', { name: 'Case', exact: true })
  await caseBox.fill('Idris')
  await expect(page.getByRole('option', { name: 'Idris Arsamikov' })).toBeVisible()
  await caseBox.press('ArrowDown')
  await expect(caseBox).toHaveAttribute('aria-activedescendant', /.+/)
  await page.screenshot({ path: 'test-results/screens/dashboard-case-combobox.png' })
  await caseBox.press('Enter')
  await expect(caseBox).toHaveValue('Idris Arsamikov')
  await expect(caseBox).toHaveAttribute('aria-expanded', 'false')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/case=\d+/)
  await expect(page.locator('#actions-over-time-caption')).toContainText('for Idris Arsamikov')
  expect(await actionCount(page)).toBe(1)
  const march = chartTable(page).getByRole('row', { name: /^March 2023/ })
  await expect(march.locator('td').last()).toHaveText('0')
  await page.screenshot({ path: 'test-results/screens/dashboard-filtered.png', fullPage: true })
  assertNoErrors()
})

test('the dashboard and the actions list work with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/login?redirectTo=%2Fdashboard')
  await page.getByLabel('Email').fill('viewer@example.org')
  await page.getByLabel('Password').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  await page.getByLabel('From', { exact: true }).fill('2023-01-01')
  await page.getByLabel('To', { exact: true }).fill('2023-12-31')
  await page.getByText('Kinds of action: all').click()
  await page.getByRole('checkbox', { name: 'Press release' }).check()
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/from=2023-01-01&to=2023-12-31.*kind=press_release/)
  await expect(chartTable(page).locator('thead th')).toHaveText(['Month', 'Press release', 'Total'])
  const february = chartTable(page).getByRole('row', { name: /^February 2023/ })
  await expect(february.locator('td')).toHaveText(['1', '1'])
  await expect(page.getByText('The chart is drawn by JavaScript')).toHaveCount(3)
  await expect(chartSvg(page)).toHaveCount(0)
  // The legend's entries are links: hiding a kind works without JavaScript too.
  await page.getByRole('link', { name: /Hide Press release/ }).click()
  await expect(page).not.toHaveURL(/kind=press_release/)
  await page.screenshot({ path: 'test-results/screens/dashboard-no-js.png', fullPage: true })
  // Without JavaScript the words typed in the case box are searched: one match is chosen.
  await page.getByRole('combobox', { name: 'Case', exact: true }).fill('arsam')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/case=\d+/)
  await expect(page.locator('#actions-over-time-caption')).toContainText('for Idris Arsamikov')
  await expect(page.getByRole('combobox', { name: 'Case', exact: true })).toHaveValue(
    'Idris Arsamikov',
  )

  await page.goto('/actions')
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Press release' })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/kind=press_release/)
  await expect(page.getByRole('link', { name: /^Press release: LGBTI Intergroup/ })).toBeVisible()
  await context.close()
})

for (const path of ['/dashboard', '/actions', '/actions/new']) {
  test(`axe finds no violations on ${path}`, async ({ page }) => {
    await signIn(page, 'editor')
    await page.goto(path === '/dashboard' ? YEAR_2023 : path)
    if (path === '/dashboard') await expect(chartSvg(page)).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([])
  })
}
