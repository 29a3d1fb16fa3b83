// Every page for every role (issue 14 §5): each page route of app/routes, filled with real records,
// opened as an anonymous reader, a viewer, an editor and an admin, one browser context each, then
// the states a plain visit does not show — forms answered with errors, filters that find nothing,
// the import steps, the confirmations, the print card. On each: axe (WCAG 2.0/2.1/2.2 A and AA)
// finds nothing, every target is at least 24×24 px, and at 360 px wide nothing scrolls sideways.
// A page refused to the role (403, 404) or sent elsewhere is checked once as what the role gets.
import { createHash } from 'node:crypto'
import { expect as baseExpect, test, type Page } from '@playwright/test'
import {
  buildA11yWorld,
  pageUrls,
  SEEDED_SLUG,
  signInAs,
  type A11yWorld,
} from '../support/a11y-world'
import {
  axeViolations,
  horizontalOverflow,
  openDisclosures,
  smallTargets,
} from '../support/page-audit'
import type { DemoRole } from './helpers'

// Pages answer slowly on a machine busy with other work: wait up to 20 s, not 5.
const expect = baseExpect.configure({ timeout: 20_000 })

type Role = DemoRole | 'anonymous'
// A walk takes about a minute; on a machine busy with other work axe runs ten times slower.
const WALK_TIMEOUT = 600_000
type Findings = { axe: string[]; targets: string[]; overflow: string[] }

let world: A11yWorld
/** Digests of the <main> markup axe has checked, whichever role's walk did it. */
const axeCheckedMain = new Set<string>()
test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000)
  world = await buildA11yWorld(browser)
})

/** Waits until the page's script has taken over, where it has one (public pages run none). */
async function settle(page: Page) {
  await page.waitForFunction(
    () => !document.querySelector('script[type="module"]') || '__remixRouter' in window,
    undefined,
    { timeout: 30_000 },
  )
}

class Walk {
  readonly found: Findings = { axe: [], targets: [], overflow: [] }
  readonly checked: string[] = []
  private readonly seen = new Set<string>()
  constructor(
    private readonly page: Page,
    private readonly role: Role,
  ) {}

  async audit(name: string) {
    await settle(this.page)
    await openDisclosures(this.page)
    const main = await this.page.locator('main').evaluate((el) => el.outerHTML)
    const digest = createHash('sha256').update(main).digest('hex')
    // axe is the slow check: markup another role's walk already passed is not run again (this
    // role's header was checked on its first page, which is always run).
    const axe = this.checked.length === 0 || !axeCheckedMain.has(digest)
    const label = `${this.role} ${name}`
    if (axe) this.found.axe.push(...(await axeViolations(this.page)).map((p) => `${label}: ${p}`))
    axeCheckedMain.add(digest)
    this.found.targets.push(...(await smallTargets(this.page)).map((p) => `${label}: ${p}`))
    this.found.overflow.push(...(await horizontalOverflow(this.page)).map((p) => `${label}: ${p}`))
    this.checked.push(name)
  }

  /** Opens a page and checks it, unless the role was sent to a page already checked. */
  async visit(url: string) {
    const response = await this.page.goto(url)
    const status = response?.status() ?? 0
    expect(status, `${this.role} GET ${url}`).toBeLessThan(500)
    const landed = new URL(this.page.url())
    const key =
      status >= 400
        ? `the ${status} page`
        : landed.pathname + landed.search === url
          ? url
          : `${landed.pathname} (from a redirect)`
    if (this.seen.has(key)) return
    this.seen.add(key)
    await this.audit(key === url ? url : `${url} → ${key}`)
  }

  /** Submits a form with its required fields emptied and the browser's own checks off. */
  async submitEmpty(url: string, button: string) {
    await this.page.goto(url)
    await this.page.evaluate(() => {
      for (const form of document.forms) form.noValidate = true
      for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'main input[required]:not([type=checkbox]):not([type=radio]):not([type=file]), main textarea[required]',
      ))
        field.value = ''
      // Fields marked "(required)" in their label, whether or not the browser is told.
      for (const label of document.querySelectorAll('main label')) {
        const field = (label as HTMLLabelElement).control
        if (label.textContent?.includes('(required)') && field instanceof HTMLInputElement)
          if (!/^(checkbox|radio|file|hidden)$/.test(field.type)) field.value = ''
        if (label.textContent?.includes('(required)') && field instanceof HTMLTextAreaElement)
          field.value = ''
      }
    })
    await this.page.getByRole('button', { name: button, exact: true }).click()
    await expect(this.page.locator('.field__error, [role=alert]').first()).toBeVisible()
    await this.audit(`${url} answered with errors`)
  }

  expectNothingFound() {
    expect(this.checked.length, 'pages checked').toBeGreaterThan(2)
    expect.soft(this.found.axe, this.found.axe.join('\n')).toEqual([])
    expect.soft(this.found.targets, this.found.targets.join('\n')).toEqual([])
    expect.soft(this.found.overflow, this.found.overflow.join('\n')).toEqual([])
  }
}

async function walkEveryPage(walk: Walk) {
  for (const url of pageUrls(world)) await walk.visit(url)
}

/** Filters that find nothing: each list's empty state. */
async function emptyStates(walk: Walk) {
  const none = 'no-such-name-qx'
  for (const list of ['/cases', '/documents', '/actions', '/actors', '/sources'])
    await walk.visit(`${list}?q=${none}`)
}

test('anonymous: the sign-in page, its error, the public pages and the 404 page', async ({
  page,
}) => {
  test.setTimeout(WALK_TIMEOUT)
  const walk = new Walk(page, 'anonymous')
  await walkEveryPage(walk)
  await walk.visit('/p?q=no-such-name-qx')
  await page.goto('/login')
  await page.getByLabel('Email').fill('viewer@example.org')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await walk.audit('/login answered with an error')
  walk.expectNothingFound()
})

test('viewer: every page, the empty lists, the statement generator and the print card', async ({
  page,
}) => {
  test.setTimeout(WALK_TIMEOUT)
  await signInAs(page, 'viewer')
  const walk = new Walk(page, 'viewer')
  await walkEveryPage(walk)
  await emptyStates(walk)
  await walk.submitEmpty('/account', 'Change password')
  await walk.visit(`/cases/${SEEDED_SLUG}/statement?template=poem`)
  await page.goto(`/cases/${SEEDED_SLUG}/card`)
  await page.emulateMedia({ media: 'print' })
  const print = await axeViolations(page)
  await page.emulateMedia({ media: 'screen' })
  expect.soft(print, `the print card: ${print.join('\n')}`).toEqual([])
  walk.expectNothingFound()
})

test('editor: every page, every form answered with errors, and the import steps', async ({
  page,
}) => {
  test.setTimeout(WALK_TIMEOUT)
  await signInAs(page, 'editor')
  const walk = new Walk(page, 'editor')
  await walkEveryPage(walk)
  const { slug, eventId, actionId, actorId, sourceId, documentId, quoteId } = world.params
  for (const [url, button] of [
    ['/cases/new', 'Create case'],
    [`/cases/${slug}/edit`, 'Save changes'],
    [`/cases/${slug}/events/new`, 'Record event'],
    [`/cases/${slug}/events/${eventId}/edit`, 'Save event'],
    ['/actions/new', 'Record action'],
    [`/actions/${actionId}/edit`, 'Save changes'],
    ['/actors/new', 'Add actor'],
    [`/actors/${actorId}/edit`, 'Save changes'],
    ['/sources/new', 'Add source'],
    [`/sources/${sourceId}/edit`, 'Save changes'],
    ['/documents/new', 'Create document'],
    [`/documents/${documentId}/edit`, 'Save changes'],
    [`/documents/${documentId}/quotes/new`, 'Add quote'],
    [`/documents/${documentId}/quotes/${quoteId}`, 'Save quote'],
    ['/documents/import', 'Preview import'],
    ['/cases/import', 'Upload and map the columns'],
  ] as const)
    await walk.submitEmpty(url, button)

  // The press-release import's preview, left unconfirmed.
  await page.goto('/documents/import')
  await page
    .getByLabel('Text of the press release')
    .fill(
      'Press release: MEPs ask for the release of a blogger held in Baku\n\nBrussels, 3 May 2021\n\n' +
        'Members of the European Parliament call for the release of the blogger.',
    )
  await page.getByRole('button', { name: 'Preview import' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check the import' })).toBeVisible()
  await walk.audit('/documents/import preview')

  // The CSV import: the mapping, then the dry run's report.
  await page.goto(`/cases/import/${world.importId}`)
  await page.getByLabel('Country of detention').fill('Turkey')
  await page.getByRole('button', { name: 'Run the dry run' }).click()
  await expect(page.getByRole('heading', { name: 'What the import would do' })).toBeVisible({
    timeout: 30_000,
  })
  await walk.audit(`/cases/import/${world.importId} dry run`)
  walk.expectNothingFound()
})

test('admin: every page, the admin forms answered with errors and the account form', async ({
  page,
}) => {
  test.setTimeout(WALK_TIMEOUT)
  await signInAs(page, 'admin')
  const walk = new Walk(page, 'admin')
  await walkEveryPage(walk)
  await walk.submitEmpty('/admin/users/new', 'Create account')
  await walk.visit('/admin/activity?kind=no-such-kind')
  walk.expectNothingFound()
})
