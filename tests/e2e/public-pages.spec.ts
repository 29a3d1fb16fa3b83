// The public face without a session (issue 13 §2): an admin makes one case public with consent and
// another restricted; a reader who never signed in opens /p and the public page, gets no cookie,
// sees the Open Graph tags a shared link's card is made from and nothing sensitive, and the
// restricted case's address answers the page an unknown address does. Screenshots at 1280 and 360.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([])
}

/** Creates a case as the signed-in admin and returns its slug. */
async function createCase(
  page: Page,
  fields: { name: string; visibility: string; consent: string; notes: string },
) {
  await page.goto('/cases/new')
  await page.getByLabel('Full name').fill(fields.name)
  await page.getByLabel('Country of detention or risk').fill('Azerbaijan')
  await page.getByRole('checkbox', { name: 'Sexual orientation' }).check()
  await page.getByLabel('Summary').fill(`${fields.name.split(' ')[0]} runs a queer poetry blog.`)
  await page.getByLabel('Internal notes (sensitive)').fill(fields.notes)
  await page.getByLabel('Visibility').selectOption(fields.visibility)
  await page.getByLabel('Consent to publicity').selectOption(fields.consent)
  await page.getByRole('button', { name: 'Create case' }).click()
  await expect(page.getByRole('heading', { level: 1, name: fields.name })).toBeVisible()
  await expect(page).toHaveURL(/\/cases\/(?!new$)[a-z0-9-]+$/)
  return new URL(page.url()).pathname.split('/').at(-1)!
}

async function recordEvent(page: Page, slug: string, description: string, certainty: string) {
  await page.goto(`/cases/${slug}/events/new`)
  await page.getByLabel('Date (required)').fill('2025-03-14')
  await page.getByLabel('Custody state').selectOption({ label: 'Detained' })
  await page.getByLabel('Description').fill(description)
  await page.getByLabel('Certainty').selectOption(certainty)
  await page.getByText('Add a new source').click()
  await page.getByLabel('Source title').fill(`Report: ${description}`)
  await page.getByLabel('Publisher').fill('Example News')
  await page.getByLabel('URL').fill(`https://news.example.org/${certainty}`)
  await page.getByRole('button', { name: 'Record event' }).click()
  await expect(page).toHaveURL(new RegExp(`/cases/${slug}(#timeline-title)?$`))
}

async function anonymousPage(browser: Browser, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  return { context, page: await context.newPage() }
}

test('the public pages without a session: no cookie, Open Graph tags, one 404', async ({
  browser,
  page,
}) => {
  await signIn(page, 'admin')
  const publicSlug = await createCase(page, {
    name: 'Zaur Publicov Заур',
    visibility: 'public',
    consent: 'given',
    notes: 'Brother hides in Sumqayit.',
  })
  await recordEvent(page, publicSlug, 'Detained at a bus stop in Baku.', 'confirmed')
  await recordEvent(page, publicSlug, 'Reportedly beaten in the station.', 'alleged')
  const restrictedSlug = await createCase(page, {
    name: 'Rena Restrictova',
    visibility: 'restricted',
    consent: 'refused',
    notes: 'Do not publish.',
  })

  const { context, page: reader } = await anonymousPage(browser, 1280)
  const assertNoErrors = failOnConsoleErrors(reader)
  const list = await reader.goto('/p')
  expect(list?.status()).toBe(200)
  expect(list?.headers()['cache-control']).toBe('public, max-age=300')
  await expect(reader.getByRole('heading', { level: 1, name: 'Public case pages' })).toBeVisible()
  await expect(reader.getByRole('link', { name: 'Zaur Publicov Заур' })).toBeVisible()
  await expect(reader.getByText('Rena Restrictova')).toHaveCount(0)
  await expect(reader.getByText('Idris Arsamikov')).toHaveCount(0) // public, consent unknown
  await expect(reader.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
  await reader.getByLabel('Search by name or summary').fill('заур')
  await reader.getByRole('button', { name: 'Search' }).click()
  await expect(reader).toHaveURL(/\/p\?q=/)
  await expect(reader.getByRole('link', { name: 'Zaur Publicov Заур' })).toBeVisible()
  await reader.screenshot({ path: 'test-results/screens/public-list.png', fullPage: true })
  await expectNoAxeViolations(reader)

  await reader.getByRole('link', { name: 'Zaur Publicov Заур' }).click()
  await expect(reader).toHaveURL(`/p/${publicSlug}`)
  await expect(reader.getByRole('heading', { level: 1, name: 'Zaur Publicov Заур' })).toBeVisible()
  await expect(reader).toHaveTitle('Zaur Publicov Заур · Case tracker')
  const og = async (property: string) =>
    reader.locator(`meta[property="${property}"]`).getAttribute('content')
  expect(await og('og:title')).toBe('Zaur Publicov Заур')
  expect(await og('og:description')).toBe('Zaur runs a queer poetry blog.')
  expect(await og('og:type')).toBe('article')
  expect(await og('og:url')).toMatch(new RegExp(`/p/${publicSlug}$`))
  expect(await reader.locator('meta[name="description"]').getAttribute('content')).toBeTruthy()
  await expect(
    reader.locator('.timeline__description', { hasText: 'Detained at a bus stop in Baku.' }),
  ).toBeVisible()
  await expect(reader.getByText(/\d+ days \(since 14 March 2025\)/)).toBeVisible()
  const text = await reader.locator('body').innerText()
  for (const hidden of ['Reportedly beaten', 'Sexual orientation', 'Sumqayit', 'Rena'])
    expect(text).not.toContain(hidden)
  await reader.screenshot({ path: 'test-results/screens/public-case.png', fullPage: true })
  await expectNoAxeViolations(reader)

  assertNoErrors()

  // The restricted case's address answers exactly what an address of nobody does (the browser
  // logs each 404 it loads, so the console is checked before).
  const restricted = await reader.goto(`/p/${restrictedSlug}`)
  const restrictedBody = await reader.content()
  const nobody = await reader.goto('/p/nobody-at-all')
  expect(restricted?.status()).toBe(404)
  expect(nobody?.status()).toBe(404)
  expect(restrictedBody).toBe(await reader.content())
  await expect(reader.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()

  const feed = await reader.request.get(`/p/${publicSlug}/feed.atom`)
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
  expect(await feed.text()).toContain('Detained at a bus stop in Baku.')

  expect(await context.cookies()).toEqual([])
  await context.close()

  // A phone: the same pages at 360 px, nothing wider than the screen.
  const phone = await anonymousPage(browser, 360)
  for (const [path, name] of [
    ['/p', 'public-list-360'],
    [`/p/${publicSlug}`, 'public-case-360'],
  ] as const) {
    await phone.page.goto(path)
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow, path).toBeLessThanOrEqual(0)
    await phone.page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true })
  }
  expect(await phone.context.cookies()).toEqual([])
  await phone.context.close()
})
