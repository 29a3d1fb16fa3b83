// The CSV import in the browser: upload, change a mapping, set a value for every row, see the dry
// run, download the problem rows, fix them, commit, and find an imported Chinese name by a part of it.
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

const suffix = Date.now().toString(36)
const FILE = [
  'Name,Detained since,Status,Sources,Sentence',
  `刘晓波${suffix},2008-12,imprisoned,https://e2e.example/${suffix}/1 https://e2e.example/${suffix}/2,11 years`,
  `Bad Date ${suffix},2019-13-40,detained,,`,
].join('\r\n')

test('import cases from a CSV file, fix the problem rows and import them too', async ({
  page,
}, info) => {
  const noErrors = failOnConsoleErrors(page)
  const shot = (name: string) =>
    page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true })
  await signIn(page, 'editor', '/cases/import')
  await expect(page.getByRole('heading', { name: 'Import cases from a CSV file' })).toBeVisible()
  await shot('1-upload')

  await page
    .getByLabel('CSV or TSV file')
    .setInputFiles({ name: 'prisoners.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) })
  await page.getByRole('button', { name: 'Upload and map the columns' }).click()
  await expect(page.getByRole('heading', { name: /Import of prisoners.csv/ })).toBeVisible()
  // Change a mapping: the sentence goes nowhere; set a value for every row: the country.
  await page.getByLabel('What the column “Sentence” becomes').selectOption('ignore')
  await page.getByLabel('Country of detention').fill('China')
  await shot('2-mapping')
  await page.getByRole('button', { name: 'Run the dry run' }).click()

  await expect(page.getByRole('heading', { name: 'What the import would do' })).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.locator('table code', { hasText: '2019-13-40' })).toBeVisible()
  await shot('3-dry-run')

  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: /Download the 1 problem rows/ }).click()
  const download = await downloading
  const problems = fs.readFileSync(await download.path(), 'utf8')
  expect(problems).toContain('Problem')
  expect(problems).toContain('2019-13-40 is not a real date')

  await page
    .getByRole('button', { name: /Import the 1 valid rows and leave out the 1 listed/ })
    .click()
  await expect(page.getByText(/Imported: 1 cases created/)).toBeVisible({ timeout: 30_000 })
  await shot('4-result')

  // Fix the downloaded rows and upload that file: its Problem column is left out.
  const fixed = problems.replace('2019-13-40', '2019-12-30')
  await page.goto('/cases/import')
  await page
    .getByLabel('CSV or TSV file')
    .setInputFiles({ name: 'problems-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) })
  await page.getByRole('button', { name: 'Upload and map the columns' }).click()
  await expect(page.getByLabel('What the column “Problem” becomes')).toHaveValue('ignore')
  await page.getByLabel('Country of detention').fill('China')
  await page.getByRole('button', { name: 'Run the dry run' }).click()
  await expect(page.getByText('No problems: every row can be imported.')).toBeVisible({
    timeout: 30_000,
  })
  await page.getByRole('button', { name: 'Import 1 rows' }).click()
  await expect(page.getByText(/Imported: 1 cases created/)).toBeVisible({ timeout: 30_000 })
  await shot('5-fixed')

  await page.goto(`/cases?q=${encodeURIComponent(`晓波${suffix}`)}`)
  await expect(page.getByRole('link', { name: `刘晓波${suffix}` })).toBeVisible()
  await shot('6-found')
  noErrors()
})
