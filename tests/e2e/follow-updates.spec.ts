// Following a case in the browser: a viewer follows the Arsamikov case, an editor records an event,
// and the viewer sees it marked on the case list, highlighted on the case page, in /updates with a
// count in the navigation, then marks all as read.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

const SLUG = 'idris-arsamikov'

async function recordEventAsEditor(browser: Browser, description: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, 'editor')
  await page.goto(`/cases/${SLUG}/events/new`)
  await page.getByLabel('Date (required)').fill('2026-11-20')
  await page.getByLabel('Certainty').selectOption('alleged')
  await page.getByLabel('Description').fill(description)
  await page.getByRole('button', { name: 'Record event' }).click()
  await expect(page).toHaveURL(new RegExp(`/cases/${SLUG}(#timeline-title)?$`))
  await context.close()
}

/** Opens the case page and waits for its visit to be recorded (the fetcher's POST). */
async function openCase(page: Page) {
  const seen = page.waitForResponse(
    (r) => r.url().includes(`/cases/${SLUG}/seen`) && r.request().method() === 'POST',
  )
  await page.goto(`/cases/${SLUG}`)
  expect((await seen).status()).toBe(200)
}

test('follow a case, see what changed, and mark all as read', async ({ page, browser }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'viewer')
  await openCase(page)
  await page.getByRole('button', { name: 'Follow this case' }).click()
  await expect(page.getByRole('button', { name: 'Following this case' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.reload()
  await expect(page.getByRole('button', { name: 'Following this case' })).toBeVisible()

  await recordEventAsEditor(browser, 'Reportedly moved to a colony in Mordovia.')

  // The list, filtered to followed cases, marks it changed; the navigation counts it.
  await page.goto('/cases?following=1')
  const row = page.getByRole('row', { name: /Idris Arsamikov/ })
  await expect(row.getByText('Changed', { exact: true })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/cases-following-changed.png' })
  await expect(page.getByRole('link', { name: /Updates.*1 case with news/ })).toBeVisible()

  // The inbox lists the new event under the case.
  await page.getByRole('link', { name: /Updates/ }).click()
  await expect(page).toHaveURL(/\/updates$/)
  const card = page.getByRole('article', { name: 'Idris Arsamikov' })
  await expect(card.getByText('Reportedly moved to a colony in Mordovia.')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/updates-desktop.png', fullPage: true })
  await page.setViewportSize({ width: 360, height: 800 })
  await page.screenshot({ path: 'test-results/screens/updates-360.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })

  // The case page highlights the new event for this view, and records the visit.
  await openCase(page)
  const fresh = page.locator('.timeline__event--new')
  await expect(fresh).toHaveCount(1)
  await expect(fresh).toContainText('Reportedly moved to a colony in Mordovia.')
  await expect(page.getByText('1 entry new or changed')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Marked as seen' })).toBeDisabled()
  await expect(fresh).toHaveCount(1)
  await page.screenshot({ path: 'test-results/screens/case-follow-bar.png' })
  await fresh.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/case-highlight-desktop.png' })
  await page.setViewportSize({ width: 360, height: 800 })
  await fresh.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/case-highlight-360.png' })
  await page.setViewportSize({ width: 1280, height: 800 })
  // The navigation's count went with the visit.
  await expect(page.getByRole('link', { name: /with news/ })).toHaveCount(0)

  // Seen: nothing is highlighted next time.
  await openCase(page)
  await expect(page.locator('.timeline__event--new')).toHaveCount(0)
  await expect(page.getByText(/Nothing new since your last visit/)).toBeVisible()

  // Another change, then "Mark all as read" from the inbox.
  await recordEventAsEditor(browser, 'A lawyer was refused a visit.')
  await page.goto('/updates')
  await expect(page.getByText('A lawyer was refused a visit.')).toBeVisible()
  await page.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(page.getByText(/Nothing new on the cases you follow/)).toBeVisible()
  await expect(page.getByRole('link', { name: /with news/ })).toHaveCount(0)
  assertNoErrors()
})

test('without JavaScript: follow, unfollow and mark as seen are plain forms', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, 'editor')
  await page.goto(`/cases/${SLUG}`)
  // Nothing is recorded by opening the page: the button is there to do it.
  await expect(page.getByRole('button', { name: 'Mark as seen' })).toBeEnabled()
  await page.getByRole('button', { name: 'Follow this case' }).click()
  await expect(page).toHaveURL(new RegExp(`/cases/${SLUG}$`))
  await expect(page.getByRole('button', { name: 'Following this case' })).toBeVisible()
  await page.getByRole('button', { name: 'Mark as seen' }).click()
  await expect(page).toHaveURL(new RegExp(`/cases/${SLUG}$`))
  await expect(page.getByText(/Nothing new since your last visit/)).toBeVisible()
  await page.getByRole('button', { name: 'Following this case' }).click()
  await expect(page.getByRole('button', { name: 'Follow this case' })).toBeVisible()
  await context.close()
})
