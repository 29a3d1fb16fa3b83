// The leak tests' world: the seeded database with a restricted case ("Hidden Person") sharing a
// document with the public seeded case, the three seeded readers signed in, and builders for the
// documents and actions a test links to either case.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll } from 'vitest'
import { seedDatabase } from '../../db/seed'
import { releaseAppDatabase, useDatabaseForApp } from './app-database'
import { makeActor, makeCase } from './fixtures'
import { signInCookie, TEST_PASSWORD } from './routes'
import { openTestDatabase, type Backend, type TestDatabase } from './test-database'

export const PUBLIC_SLUG = 'idris-arsamikov'
export const SECRET = 'Secret joint statement on Hidden Person'

export type Loader = (args: LoaderFunctionArgs) => Promise<unknown>

/** A loader's answer as the browser gets it: the status and the data (plain or via `data()`). */
export async function load(loader: Loader, path: string, cookie: string, params = {}) {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
  try {
    const result = (await loader({ request, params, context: {} })) as any
    if (result?.type === 'DataWithResponseInit')
      return { status: result.init?.status ?? 200, data: result.data }
    return { status: 200, data: result }
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: undefined }
    throw error
  }
}

export const caseFormFields = (overrides: Record<string, string> = {}) => ({
  fullName: 'Form Person',
  aliases: '',
  displayName: '',
  country: 'Belarus',
  region: '',
  nationality: '',
  riskLevel: 'high',
  summary: '',
  internalNotes: '',
  visibility: 'internal',
  consent: 'unknown',
  ownerId: '',
  ...overrides,
})

/** One seeded database per backend for a describe block, opened before its tests and closed after. */
export function openLeakFixesWorld(backend: Backend) {
  const insertDocument = async (values: {
    title: string
    caseIds: number[]
    template?: string | null
    issuerId?: number | null
    contentHash?: string | null
    documentDate?: string
  }) => {
    const { id } = await world.database.db
      .insertInto('documents')
      .values({
        kind: 'press_release',
        title: values.title,
        place: null,
        documentDate: values.documentDate ?? '2024-05-02',
        datePrecision: 'day',
        issuerId: values.issuerId ?? null,
        url: null,
        template: values.template ?? null,
        generatedFromCaseId: null,
        generatedFromCaseVersion: null,
        contentHash: values.contentHash ?? null,
        createdBy: null,
        updatedBy: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const caseId of values.caseIds)
      await world.database.db
        .insertInto('documentCases')
        .values({ documentId: id, caseId })
        .execute()
    return id
  }

  const insertAction = async (values: {
    title: string
    actionDate: string
    caseIds: number[]
    actorId?: number | null
    targetId?: number | null
    documentId?: number | null
  }) => {
    const { id } = await world.database.db
      .insertInto('advocacyActions')
      .values({
        kind: 'meeting',
        title: values.title,
        actionDate: values.actionDate,
        datePrecision: 'day',
        actorId: values.actorId ?? null,
        targetId: values.targetId ?? null,
        documentId: values.documentId ?? null,
        createdBy: null,
        updatedBy: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const caseId of values.caseIds)
      await world.database.db.insertInto('actionCases').values({ actionId: id, caseId }).execute()
    return id
  }

  const newActor = async (name: string) => (await makeActor(world.database.db, { name })).id

  const caseRow = (slug: string) =>
    world.database.db
      .selectFrom('cases')
      .select(['visibility', 'consent'])
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()

  const world = {
    database: undefined as unknown as TestDatabase,
    admin: '',
    editor: '',
    viewer: '',
    publicCaseId: 0,
    hidden: undefined as unknown as { id: number; slug: string },
    secretDocumentId: 0,
    insertDocument,
    insertAction,
    newActor,
    caseRow,
  }

  beforeAll(async () => {
    world.database = await openTestDatabase(backend)
    useDatabaseForApp(world.database)
    await seedDatabase(world.database.db, { password: TEST_PASSWORD })
    world.admin = await signInCookie('admin@example.org')
    world.editor = await signInCookie('editor@example.org')
    world.viewer = await signInCookie('viewer@example.org')
    world.publicCaseId = (
      await world.database.db
        .selectFrom('cases')
        .select('id')
        .where('slug', '=', PUBLIC_SLUG)
        .executeTakeFirstOrThrow()
    ).id
    world.hidden = await makeCase(world.database.db, {
      fullName: 'Hidden Person',
      visibility: 'restricted',
    })
    world.secretDocumentId = await insertDocument({
      title: SECRET,
      caseIds: [world.publicCaseId, world.hidden.id],
    })
  })
  afterAll(async () => {
    releaseAppDatabase()
    await world.database.close()
  })
  return world
}
