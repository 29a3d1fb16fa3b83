// The records the accessibility walk opens, in the seeded e2e database: ids read from the pages the
// app itself lists, and what the seed lacks (an action, a public case with consent, a statement
// draft, a CSV import of the editor's) made through the app's forms. Every page route's address
// is made from app/routes, as the access matrix does, so a new page is walked without a list to keep.
import { expect as baseExpect, type Browser, type Page } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import type { DemoRole } from '../e2e/helpers'
import { fillRoute, routeFiles, type RouteFile } from './route-walk'

// Pages answer slowly on a machine busy with other work: wait up to 20 s, not 5.
const expect = baseExpect.configure({ timeout: 20_000 })

export const SEEDED_SLUG = 'idris-arsamikov'
const SEEDED_RELEASE = 'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov'

/** Signs in through the form (as tests/e2e/helpers.ts does), waiting as long as a busy machine needs. */
export async function signInAs(page: Page, role: DemoRole) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(`${role}@example.org`)
  await page.getByLabel('Password').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

export type A11yWorld = {
  params: Record<string, string>
  publicSlug: string
  draftId: string
  importId: string
}

/** The first id a link on the page names, matching `pattern` (its group 1). */
async function idFromLinks(page: Page, url: string, pattern: RegExp): Promise<string> {
  await page.goto(url)
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  const id = hrefs.map((href) => pattern.exec(href)?.[1]).find(Boolean)
  if (!id) throw new Error(`no link on ${url} matches ${pattern}`)
  return id
}

const idInUrl = (page: Page, pattern: RegExp) => {
  const id = pattern.exec(new URL(page.url()).pathname)?.[1]
  if (!id) throw new Error(`${page.url()} does not match ${pattern}`)
  return id
}

async function createPublicCase(page: Page, name: string) {
  await page.goto('/cases/new')
  await page.getByLabel('Full name').fill(name)
  await page.getByLabel('Country of detention or risk').fill('Azerbaijan')
  await page.getByRole('checkbox', { name: 'Journalism' }).check()
  await page.getByLabel('Summary').fill(`${name} writes about the courts.`)
  await page.getByLabel('Visibility').selectOption('public')
  await page.getByLabel('Consent to publicity').selectOption('given')
  await page.getByRole('button', { name: 'Create case' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  return idInUrl(page, /^\/cases\/([a-z0-9-]+)$/)
}

async function createAction(page: Page) {
  await page.goto(`/actions/new?case=${SEEDED_SLUG}`)
  await page.getByLabel('Kind of action').selectOption({ index: 1 })
  // A year no other spec file charts or lists.
  await page.getByLabel('Date (required)').fill('2016-05-05')
  await page.getByLabel('Title', { exact: true }).fill('Meeting on the accessibility walk')
  await page.getByRole('button', { name: 'Record action' }).click()
  await expect(page).toHaveURL(/\/actions\/\d+$/)
  return idInUrl(page, /^\/actions\/(\d+)$/)
}

/** A letter, so its title is none another spec file looks for among press releases. */
async function saveStatementDraft(page: Page) {
  await page.goto(`/cases/${SEEDED_SLUG}/statement?template=letter`)
  await page.getByRole('button', { name: 'Save as draft document' }).click()
  const open = page.getByRole('link', { name: 'Open the document' })
  await expect(open).toBeVisible()
  return /\/documents\/(\d+)$/.exec((await open.getAttribute('href')) ?? '')![1]!
}

export const IMPORT_CSV = ['Name,Detained since,Status', 'Lale Erişim,2020-05,detained'].join(
  '\r\n',
)

async function uploadCsv(page: Page) {
  await page.goto('/cases/import')
  await page
    .getByLabel('CSV or TSV file')
    .setInputFiles({ name: 'walk.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) })
  await page.getByRole('button', { name: 'Upload and map the columns' }).click()
  await expect(page.getByRole('heading', { name: /Import of walk.csv/ })).toBeVisible()
  return idInUrl(page, /^\/cases\/import\/(\d+)$/)
}

export async function buildA11yWorld(browser: Browser): Promise<A11yWorld> {
  const adminContext = await browser.newContext()
  const editorContext = await browser.newContext()
  try {
    const admin = await adminContext.newPage()
    await signInAs(admin, 'admin')
    const publicSlug = await createPublicCase(admin, `Selin Açık ${Date.now().toString(36)}`)
    // The seeded press release: it has quotes.
    await admin.goto('/documents')
    const release = admin.getByRole('link', { name: SEEDED_RELEASE, exact: true })
    const documentId = /^\/documents\/(\d+)$/.exec((await release.getAttribute('href')) ?? '')![1]!
    const params = {
      slug: SEEDED_SLUG,
      eventId: await idFromLinks(
        admin,
        `/cases/${SEEDED_SLUG}`,
        new RegExp(`^/cases/${SEEDED_SLUG}/events/(\\d+)/edit$`),
      ),
      documentId,
      quoteId: await idFromLinks(
        admin,
        `/documents/${documentId}`,
        new RegExp(`^/documents/${documentId}/quotes/(\\d+)$`),
      ),
      actorId: await idFromLinks(admin, '/actors', /^\/actors\/(\d+)$/),
      sourceId: await idFromLinks(admin, '/sources', /^\/sources\/(\d+)$/),
      userId: await idFromLinks(admin, '/admin/users', /^\/admin\/users\/(\d+)$/),
      actionId: await createAction(admin),
    }
    const editor = await editorContext.newPage()
    await signInAs(editor, 'editor')
    const draftId = await saveStatementDraft(editor)
    const importId = await uploadCsv(editor)
    return { params: { ...params, importId }, publicSlug, draftId, importId }
  } finally {
    await adminContext.close()
    await editorContext.close()
  }
}

/** Route files that render a page (a default export): resource routes answer data, not pages. */
export const pageRoutes = (): RouteFile[] =>
  routeFiles().filter((route) => /export\s+default\b/.test(route.source))

/** The address of every page route, filled with the world's records. */
export function pageUrls(world: A11yWorld): string[] {
  return pageRoutes().map((route) => {
    const slug = route.file.startsWith('p.') ? world.publicSlug : world.params.slug!
    const values = Object.fromEntries(
      Object.entries({ ...world.params, slug }).map(([k, v]) => [k, [v]]),
    )
    const [path] = fillRoute(route, values)
    // The publish page is about one draft, named in its query.
    return route.file === 'cases.$slug_.statement_.publish.tsx'
      ? `${path}?document=${world.draftId}`
      : path!
  })
}
