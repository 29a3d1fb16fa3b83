import { expect, test, type Page } from '@playwright/test'
import { failOnConsoleErrors, signIn } from './helpers'

async function recordEvent(
  page: Page,
  slug: string,
  event: {
    date: string
    precision?: string
    custody?: string
    stage?: string
    description: string
    source: { title: string; publisher: string; url: string }
  },
) {
  await page.goto(`/cases/${slug}/events/new`)
  await page.getByLabel('Date (required)').fill(event.date)
  if (event.precision) await page.getByLabel('Precision').selectOption(event.precision)
  if (event.custody) await page.getByLabel('Custody state').selectOption({ label: event.custody })
  if (event.stage) await page.getByLabel('Legal stage').selectOption({ label: event.stage })
  await page.getByLabel('Description').fill(event.description)
  await page.getByText('Add a new source').click()
  await page.getByLabel('Source title').fill(event.source.title)
  await page.getByLabel('Publisher').fill(event.source.publisher)
  await page.getByLabel('URL').fill(event.source.url)
  await page.getByRole('button', { name: 'Record event' }).click()
  await expect(page).toHaveURL(new RegExp(`/cases/${slug}(#timeline-title)?$`))
}

test('an editor creates a case and keeps its sourced timeline current', async ({ page }) => {
  const assertNoErrors = failOnConsoleErrors(page)
  await signIn(page, 'editor')

  // Create: a validation error keeps what was typed.
  await page.goto('/cases/new')
  await page.getByLabel('Aliases and transliterations').fill('Ана Тестова')
  await page.getByRole('button', { name: 'Create case' }).click()
  await expect(page.getByText('Enter the full name')).toBeVisible()
  await expect(page.getByLabel('Aliases and transliterations')).toHaveValue('Ана Тестова')
  await page.screenshot({ path: 'test-results/screens/case-form-error.png', fullPage: true })
  await page.getByLabel('Full name').fill('Ana Testova')
  await page.getByLabel('Country of detention or risk').fill('Belarus')
  await page.getByRole('checkbox', { name: 'Journalism' }).check()
  await page.getByLabel('Risk level').selectOption('high')
  await page.getByRole('button', { name: 'Create case' }).click()
  // An editor's new case gets the name and a random suffix, so the slug reveals no hidden case.
  await expect(page).toHaveURL(/\/cases\/ana-testova-[a-z0-9]{6}$/)
  const slug = new URL(page.url()).pathname.split('/').at(-1)!
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Testova' })).toBeVisible()
  await expect(page.getByText('No status yet')).toBeVisible()

  await recordEvent(page, slug, {
    date: '2024-03-10',
    custody: 'Detained',
    description: 'Detained at her home in Minsk.',
    source: {
      title: 'Journalist detained in Minsk',
      publisher: 'Example News',
      url: 'https://news.example.org/detained',
    },
  })
  await expect(page.locator('.case__header .badge').first()).toHaveText('Detained')
  await expect(page.getByText(/In detention for \d+ days \(since 10 March 2024\)/)).toBeVisible()

  await recordEvent(page, slug, {
    date: '2024-04',
    precision: 'month',
    stage: 'Charged',
    description: 'Charged with "extremism".',
    source: {
      title: 'Charges filed',
      publisher: 'Example Court Watch',
      url: 'https://court.example.org/charges',
    },
  })
  await expect(page.locator('.case__header')).toContainText('Charged')

  await recordEvent(page, slug, {
    date: '2024-09-01',
    custody: 'Imprisoned',
    stage: 'Sentenced',
    description: 'Sentenced to four years.',
    source: {
      title: 'Four years for journalist',
      publisher: 'Example News',
      url: 'https://news.example.org/sentenced',
    },
  })
  await expect(page.locator('.case__header')).toContainText('Sentenced')
  // Still one unbroken run of deprivation of liberty since March 2024.
  await expect(page.getByText(/since 10 March 2024/)).toBeVisible()

  await recordEvent(page, slug, {
    date: '2025-01-15',
    custody: 'Released',
    description: 'Released under an amnesty.',
    source: {
      title: 'Journalist freed',
      publisher: 'Example News',
      url: 'https://news.example.org/freed',
    },
  })
  await expect(page.locator('.case__header .badge').first()).toHaveText('Released')
  await expect(page.getByText(/In detention for/)).toHaveCount(0)
  const footnotes = page.locator('ol.footnotes > li')
  await expect(footnotes).toHaveCount(4)
  await expect(footnotes.nth(0)).toContainText('Journalist detained in Minsk')
  await page.screenshot({ path: 'test-results/screens/case-after-events.png', fullPage: true })

  // Back-date the release before the sentence: the order and the current state change.
  const releaseEvent = page.locator('.timeline__event', { hasText: 'Released under an amnesty.' })
  await releaseEvent.getByRole('link', { name: /^Edit the event/ }).click()
  await expect(page.getByLabel('Date (required)')).toHaveValue('2025-01-15')
  await page.getByLabel('Date (required)').fill('2024-08-01')
  await page.getByRole('button', { name: 'Save event' }).click()
  const descriptions = page.locator('.timeline .timeline__description')
  await expect(descriptions.nth(2)).toContainText('Released under an amnesty.')
  await expect(descriptions.nth(3)).toContainText('Sentenced to four years.')
  await expect(page.locator('.case__header .badge').first()).toHaveText('Imprisoned')
  await expect(page.getByText(/In detention for \d+ days \(since 1 September 2024\)/)).toBeVisible()

  // Delete asks first.
  await page
    .locator('.timeline__event', { hasText: 'Sentenced to four years.' })
    .getByRole('link', { name: /^Delete the event/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Delete this event?' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/event-delete-confirm.png', fullPage: true })
  await page.getByRole('button', { name: 'Delete event' }).click()
  await expect(
    page.locator('.timeline__event', { hasText: 'Sentenced to four years.' }),
  ).toHaveCount(0)
  await expect(page.locator('.case__header .badge').first()).toHaveText('Released')

  await page.getByRole('link', { name: 'History' }).click()
  await expect(page).toHaveURL(new RegExp(`/cases/${slug}/history`))
  assertNoErrors()
})

test('an event form with bad input says why beside each field and keeps what was typed', async ({
  page,
}) => {
  await signIn(page, 'editor')
  await page.goto('/cases/idris-arsamikov/events/new')
  await page.getByLabel('Date (required)').fill('2023-02-30')
  await page.getByLabel('Description').fill('Transferred to a pre-trial detention centre.')
  await page.getByText('Add a new source').click()
  await page.getByLabel('Source title').fill('Some report')
  await page.getByLabel('URL').fill('javascript:alert(1)')
  await page.getByRole('button', { name: 'Record event' }).click()
  await expect(page.getByText('2023-02-30 is not a real date')).toBeVisible()
  await expect(page.getByLabel('Description')).toHaveValue(
    'Transferred to a pre-trial detention centre.',
  )
  await page.screenshot({ path: 'test-results/screens/event-form-errors.png', fullPage: true })
  await page.getByLabel('Date (required)').fill('2023-02-20')
  await page.getByRole('button', { name: 'Record event' }).click()
  await expect(
    page.getByText('Enter a web address starting with http:// or https://'),
  ).toBeVisible()
})

test('finding a library source keeps what was typed and cites it', async ({ page }) => {
  await signIn(page, 'editor')
  await page.goto('/cases/idris-arsamikov/events/new')
  await page.getByLabel('Date (required)').fill('2023-03')
  await page.getByLabel('Precision').selectOption('month')
  await page.getByLabel('Description').fill('Moved to another facility.')
  await page.getByLabel('Find a source in the library').fill('moscow times')
  await page.getByRole('button', { name: 'Find sources' }).click()
  await expect(page.getByLabel('Description')).toHaveValue('Moved to another facility.')
  await page.getByRole('checkbox', { name: /Russia detains Gay Chechen Refugee/ }).check()
  await page.getByRole('button', { name: 'Record event' }).click()
  await expect(
    page
      .locator('.timeline__event', { hasText: 'Moved to another facility.' })
      .getByRole('link', { name: 'Source 2' }),
  ).toBeVisible()
})

test('a viewer sees no edit controls and a hand-made POST is refused', async ({ page }) => {
  await signIn(page, 'viewer')
  await page.goto('/cases/idris-arsamikov')
  await expect(page.getByRole('heading', { level: 1, name: 'Idris Arsamikov' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Edit case' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Record an event' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: /^Edit the event/ })).toHaveCount(0)
  const response = await page.request.post('/cases/idris-arsamikov/events/new', {
    form: {
      eventDate: '2024-01-01',
      datePrecision: 'day',
      custodyState: 'released',
      certainty: 'alleged',
      description: 'x',
      intent: 'save',
    },
  })
  expect(response.status()).toBe(403)
  await page.reload()
  await expect(page.getByText('x', { exact: true })).toHaveCount(0)
  await expect(page.locator('.case__header .badge').first()).toHaveText('Detained')
})
