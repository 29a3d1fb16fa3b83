import { expect, test } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

const SHOTS = 'test-results/screens'

test('an editor adds a source, and the same URL again is flagged, not saved', async ({ page }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'editor')
  const url = `https://watch.example.org/reports/${Date.now()}`
  await page.goto('/sources')
  await page.getByRole('link', { name: 'Add a source' }).click()
  await page.getByLabel('Title (required)').fill('Detentions in the North Caucasus')
  await page.getByLabel('Publisher').fill('Example Watch')
  await page.getByLabel('Published').fill('2023-03')
  await page.getByLabel('Precision').selectOption('month')
  await page.getByLabel('Kind (required)').selectOption('ngo_report')
  await page.getByLabel('Reliability (required)').selectOption('high')
  await page.getByLabel('URL', { exact: true }).fill(url)
  await page.getByRole('button', { name: 'Add source' }).click()
  await expect(page).toHaveURL(/\/sources\/\d+$/)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Detentions in the North Caucasus' }),
  ).toBeVisible()
  await expect(page.getByText('March 2023')).toBeVisible()
  const sourcePath = new URL(page.url()).pathname

  await page.goto('/sources/new')
  await page.getByLabel('Title (required)').fill('The same report, pasted again')
  // Another spelling of the same address: http instead of https, with a final slash.
  await page.getByLabel('URL', { exact: true }).fill(`${url.replace('https:', 'http:')}/`)
  await page.getByRole('button', { name: 'Add source' }).click()
  const flag = page.getByRole('alert').filter({ hasText: 'This URL is already in the library as' })
  await expect(flag).toBeVisible()
  await expect(page.getByLabel('Title (required)')).toHaveValue('The same report, pasted again')
  await page.screenshot({ path: `${SHOTS}/source-duplicate-url.png`, fullPage: true })
  await flag.getByRole('link', { name: '“Detentions in the North Caucasus”' }).click()
  await expect(page).toHaveURL(new RegExp(`${sourcePath}$`))

  await page.goto('/sources?q=north+caucasus')
  await expect(page.locator('.source-table tbody tr')).toHaveCount(1)

  // A cited source cannot be deleted: the page says what cites it.
  await page.goto('/sources?q=moscow+times')
  await page
    .getByRole('link', { name: 'Russia detains Gay Chechen Refugee at Moscow Airport' })
    .click()
  await page.getByRole('link', { name: 'Delete' }).click()
  await expect(page.getByRole('heading', { name: 'This source cannot be deleted' })).toBeVisible()
  await expect(
    page.getByRole('link', { name: /^Idris Arsamikov: Arrested at Moscow airport/ }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Delete source' })).toHaveCount(0)
  await page.screenshot({ path: `${SHOTS}/source-delete-refused.png`, fullPage: true })

  // An uncited one asks, then goes.
  await page.goto(`${sourcePath}/delete`)
  await expect(page.getByRole('heading', { name: 'Delete this source?' })).toBeVisible()
  await page.getByRole('button', { name: 'Delete source' }).click()
  await expect(page).toHaveURL(/\/sources$/)
  await page.goto('/sources?q=north+caucasus')
  await expect(page.getByText('No sources match')).toBeVisible()
  assertNoErrors()
})

test('the Moscow Times source shows the Arsamikov events that cite it', async ({ page }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'viewer')
  await page.goto('/sources')
  await expect(page.getByRole('link', { name: 'Add a source' })).toHaveCount(0)
  await page.screenshot({ path: `${SHOTS}/source-list.png`, fullPage: true })
  await page.getByLabel('Publisher').selectOption('The Moscow Times')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/publisher=The\+Moscow\+Times/)
  await page
    .getByRole('link', { name: 'Russia detains Gay Chechen Refugee at Moscow Airport' })
    .click()
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Russia detains Gay Chechen Refugee at Moscow Airport',
    }),
  ).toBeVisible()
  await expect(page.getByText('16 February 2023')).toBeVisible()
  await expect(page.getByText('Link missing')).toBeVisible()
  // Other spec files may cite this source too (the import test does): only the seeded rows are certain.
  const events = page.locator('.citing-list > li')
  const arrest = events.filter({ hasText: 'Arrested at Moscow airport' })
  await expect(arrest).toHaveCount(1)
  await expect(arrest.getByRole('link', { name: 'Idris Arsamikov' })).toBeVisible()
  await expect(events.filter({ hasText: 'His father died' })).toHaveCount(1)
  await page.screenshot({ path: `${SHOTS}/source-page.png`, fullPage: true })
  await arrest.getByRole('link', { name: 'Idris Arsamikov' }).click()
  await expect(page).toHaveURL(/\/cases\/idris-arsamikov$/)
  assertNoErrors()
})

test('searching actors for "bjork" finds Malin Björk and her quotes', async ({ page }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'viewer')
  await page.goto('/actors')
  await page.getByLabel('Name').fill('bjork')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/actors\?q=bjork$/)
  await page.getByRole('link', { name: 'Malin Björk' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Malin Björk' })).toBeVisible()
  await expect(page.getByText('Vice-President of the LGBTI Intergroup')).toBeVisible()
  await expect(
    page
      .locator('.quote-excerpt', { hasText: 'The prosecution of gay men in Chechnya is not new' })
      .first(),
  ).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/actor-page.png`, fullPage: true })
  assertNoErrors()
})

test('an editor merges a duplicate actor into the original', async ({ page }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'editor')
  await page.goto('/actors/new')
  await page.getByLabel('Name (required)').fill('Malin Bjork')
  await page.getByLabel('Kind (required)').selectOption('mep')
  await page.getByLabel('Email').fill('malin.bjork@example.org')
  await page.getByLabel('Roles').fill('Member of the LGBTI Intergroup')
  await page.getByRole('button', { name: 'Add actor' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Malin Bjork' })).toBeVisible()
  const duplicatePath = new URL(page.url()).pathname

  await page.goto('/actors?q=bjork')
  await expect(page.locator('tbody tr')).toHaveCount(2)
  await page.getByRole('link', { name: 'Malin Björk' }).click()
  // Her quotes before the merge (other spec files may have added some); the duplicate has none.
  await expect(page.getByRole('heading', { level: 1, name: 'Malin Björk' })).toBeVisible()
  await expect(page.locator('.quote-excerpt').first()).toBeVisible()
  const quotesBefore = await page.locator('.quote-excerpt').count()
  await page.getByRole('link', { name: 'Merge a duplicate' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Merge a duplicate into Malin Björk' }),
  ).toBeVisible()
  await page.getByRole('link', { name: 'Preview merging Malin Bjork into Malin Björk' }).click()
  const preview = page.locator('.merge-preview')
  await expect(preview.locator('.merge-pair__card--kept')).toContainText('Malin Björk')
  await expect(preview.locator('.merge-pair__card--removed')).toContainText('Malin Bjork')
  await expect(preview).toContainText('malin.bjork@example.org')
  await page.screenshot({ path: `${SHOTS}/actor-merge-preview.png`, fullPage: true })
  await page.getByRole('button', { name: 'Merge Malin Bjork into Malin Björk' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Malin Björk' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'malin.bjork@example.org' })).toBeVisible()
  await expect(page.locator('.quote-excerpt')).toHaveCount(quotesBefore)
  await page.goto('/actors?q=bjork')
  await expect(page.locator('tbody tr')).toHaveCount(1)
  assertNoErrors()
  // The duplicate is gone (checked last: the 404 is logged to the console on purpose).
  const gone = await page.goto(duplicatePath)
  expect(gone?.status()).toBe(404)
})
