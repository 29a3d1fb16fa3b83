import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

const PAGE = '/cases/idris-arsamikov/statement'
const SCREENS = 'test-results/screens'

test('an editor generates, edits, saves and publishes a press release', async ({ page }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'editor', PAGE)
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`))
  const sheet = page.locator('.statement-sheet')
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(
    'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
  )
  await expect(sheet).toContainText(
    'Malin Björk MEP (The Left), Vice-President of the LGBTI Intergroup',
  )
  await expect(sheet.locator('.statement__notes li')).toHaveCount(2)

  // The choices live in the URL: pick a date and preview again.
  await page.getByLabel('Date').fill('2023-02-22')
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  await expect(page).toHaveURL(/date=2023-02-22/)
  await expect(sheet.locator('.statement__dateline')).toHaveText('Brussels, 22 February 2023')
  await page.screenshot({ path: `${SCREENS}/statement-page.png`, fullPage: true })
  await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: `${SCREENS}/statement-print.png`, fullPage: true })
  await page.emulateMedia({ media: 'screen' })

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download .md' }).click()
  const file = await (await download).path()
  expect(fs.readFileSync(file!, 'utf8')).toMatch(/^Press release\n\n# LGBTI Intergroup/)

  // Edit, preview the edit, save as a draft. Another test may record an event on this case at the
  // same moment: the save then refuses (the preview is stale) and the preview is made again.
  const editor = page.getByLabel('Edit the text (Markdown)')
  const saved = page.locator('.statement-saved')
  const stale = page.getByText('The case changed after this preview.')
  for (let attempt = 0; attempt < 3 && !(await saved.isVisible()); attempt++) {
    if (attempt > 0) await page.getByRole('button', { name: 'Preview', exact: true }).click()
    const text = await editor.inputValue()
    await editor.fill(text.replace('# LGBTI Intergroup calls', '# LGBTI Intergroup urgently calls'))
    await page.getByRole('button', { name: 'Preview the edited text' }).click()
    await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(
      'LGBTI Intergroup urgently calls on Chechen authorities to release Idris Arsamikov',
    )
    await page.getByRole('button', { name: 'Save as draft document' }).click()
    await expect(saved.or(stale)).toBeVisible()
  }
  await expect(saved).toContainText('Saved as a draft document')

  const documentHref = await page
    .getByRole('link', { name: 'Open the document' })
    .getAttribute('href')
  expect(documentHref).toMatch(/^\/documents\/\d+$/)
  await page.getByRole('link', { name: 'Publish…' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Publish “LGBTI Intergroup urgently calls',
  )
  await expect(page.getByLabel('Target of the action')).toHaveValue(/\d+/)
  // A date no other test uses, so the action is found however many others the case has.
  await page.getByLabel('Date of the action').fill('2024-12-31')
  await page.getByRole('button', { name: 'Publish and record the action' }).click()
  await expect(page).toHaveURL(/\/cases\/idris-arsamikov#actions-title$/)
  await expect(page.locator('section[aria-labelledby="documents-title"]')).toContainText(
    'LGBTI Intergroup urgently calls on Chechen authorities to release Idris Arsamikov',
  )
  await expect(
    page
      .locator('section[aria-labelledby="actions-title"] li')
      .filter({ hasText: '31 December 2024 — LGBTI Intergroup to Chechen authorities' }),
  ).toHaveText(/Press release/)
  await page.screenshot({ path: `${SCREENS}/statement-published-case.png`, fullPage: true })

  // The saved document: its text, and its footnotes as citations of the two sources.
  await page.goto(documentHref!)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'LGBTI Intergroup urgently calls',
  )
  await expect(page.locator('body')).toContainText('refugee status')
  await expect(page.locator('body')).toContainText('The Moscow Times')
  await page.screenshot({ path: `${SCREENS}/statement-saved-document.png`, fullPage: true })
  assertNoErrors()
})

const TEMPLATES = ['press_release', 'mep_statement', 'letter', 'written_question', 'social_post']

test('every template previews in English and French', async ({ page }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'viewer')
  for (const template of TEMPLATES) {
    for (const lang of ['en', 'fr']) {
      const query = new URLSearchParams({ template, lang, link: 'https://example.org/free-idris' })
      await page.goto(`${PAGE}?${query}`)
      const sheet = page.locator('.statement-sheet')
      await expect(sheet).toBeVisible()
      await expect(sheet.locator('article')).toHaveAttribute('lang', lang)
      await expect(page.getByRole('button', { name: 'Save as draft document' })).toHaveCount(0)
      await page.locator('.statement-page__result').screenshot({
        path: `${SCREENS}/statement-${template}-${lang}.png`,
      })
    }
  }
  // A template that is not offered gets a message, not an error page.
  await page.goto(`${PAGE}?template=poem`)
  await expect(page.getByText('Choose one of the templates offered.')).toBeVisible()
  assertNoErrors()
})
