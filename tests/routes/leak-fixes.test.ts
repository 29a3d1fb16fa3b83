// Restricted cases leak through nothing: not a document or action linked to them, not a draft, not a
// duplicate notice, not a count, not a slug, not a date; and only an admin changes who may see a case.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDatabase } from '../../db/seed'
import { parsePressRelease } from '../../app/document-import/press-release'
import { createActor } from '../../app/models/actor.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { listNeedsAttention } from '../../app/models/dashboard.server'
import { loader as actionPage } from '../../app/routes/actions.$actionId'
import { loader as mergePage } from '../../app/routes/actors.$actorId_.merge'
import { loader as casePage } from '../../app/routes/cases.$slug'
import { action as editCase, loader as editCasePage } from '../../app/routes/cases.$slug_.edit'
import { loader as statementPage } from '../../app/routes/cases.$slug_.statement'
import { action as publishAction } from '../../app/routes/cases.$slug_.statement_.publish'
import { action as newCase, loader as newCasePage } from '../../app/routes/cases.new'
import { action as importAction } from '../../app/routes/documents.import'
import { loader as sourcePage } from '../../app/routes/sources.$sourceId'
import { loader as deleteSourcePage } from '../../app/routes/sources.$sourceId_.delete'
import { makeCase } from '../support/fixtures'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { formPost, runAction, signInCookie, TEST_PASSWORD } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const PUBLIC_SLUG = 'idris-arsamikov'
const SECRET = 'Secret joint statement on Hidden Person'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>

/** A loader's answer as the browser gets it: the status and the data (plain or via `data()`). */
async function load(loader: Loader, path: string, cookie: string, params = {}) {
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

const caseFormFields = (overrides: Record<string, string> = {}) => ({
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

describe.each(backends())('restricted cases leak nowhere on %s', (backend) => {
  let database: TestDatabase
  let admin: string
  let editor: string
  let viewer: string
  let publicCaseId: number
  let hidden: { id: number; slug: string }
  let secretDocumentId: number

  const insertDocument = async (values: {
    title: string
    caseIds: number[]
    template?: string | null
    issuerId?: number | null
    contentHash?: string | null
    documentDate?: string
  }) => {
    const { id } = await database.db
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
      await database.db.insertInto('documentCases').values({ documentId: id, caseId }).execute()
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
    const { id } = await database.db
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
      await database.db.insertInto('actionCases').values({ actionId: id, caseId }).execute()
    return id
  }

  const newActor = async (name: string) =>
    (
      await createActor(database.db, {
        actor: { userId: null },
        fields: {
          kind: 'mep',
          name,
          politicalGroup: null,
          roles: [],
          committees: [],
          organisation: null,
          office: null,
          email: null,
          phone: null,
          country: null,
          notes: '',
        },
      })
    ).id

  const caseRow = (slug: string) =>
    database.db
      .selectFrom('cases')
      .select(['visibility', 'consent'])
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    await seedDatabase(database.db, { password: TEST_PASSWORD })
    admin = await signInCookie('admin@example.org')
    editor = await signInCookie('editor@example.org')
    viewer = await signInCookie('viewer@example.org')
    publicCaseId = (
      await database.db
        .selectFrom('cases')
        .select('id')
        .where('slug', '=', PUBLIC_SLUG)
        .executeTakeFirstOrThrow()
    ).id
    hidden = await makeCase(database.db, { fullName: 'Hidden Person', visibility: 'restricted' })
    secretDocumentId = await insertDocument({ title: SECRET, caseIds: [publicCaseId, hidden.id] })
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it("lists on a case's page only the documents the reader may see", async () => {
    const seen = await load(casePage, `/cases/${PUBLIC_SLUG}`, viewer, { slug: PUBLIC_SLUG })
    expect(seen.status).toBe(200)
    expect(seen.data.documents.length).toBeGreaterThan(0)
    expect(JSON.stringify(seen.data)).not.toContain(SECRET)
    const all = await load(casePage, `/cases/${PUBLIC_SLUG}`, admin, { slug: PUBLIC_SLUG })
    expect(all.data.documents.map((d: { title: string }) => d.title)).toContain(SECRET)
  })

  it("does not name on an action's page a linked document hidden from the reader", async () => {
    const actionId = await insertAction({
      title: 'Letter sent',
      actionDate: '2024-05-03',
      caseIds: [publicCaseId],
      documentId: secretDocumentId,
    })
    const path = `/actions/${actionId}`
    const seen = await load(actionPage, path, viewer, { actionId: String(actionId) })
    expect(seen.status).toBe(200)
    expect(seen.data.record.documentTitle).toBeNull()
    expect(seen.data.record.documentId).toBeNull()
    expect(JSON.stringify(seen.data)).not.toContain(SECRET)
    const all = await load(actionPage, path, admin, { actionId: String(actionId) })
    expect(all.data.record.documentTitle).toBe(SECRET)
  })

  it('treats a generated draft hidden from the reader as not found, on the page and when publishing', async () => {
    const draft = await insertDocument({
      title: 'Hidden generated draft',
      caseIds: [publicCaseId, hidden.id],
      template: 'press_release',
    })
    const path = `/cases/${PUBLIC_SLUG}/statement?saved=${draft}`
    const seen = await load(statementPage, path, viewer, { slug: PUBLIC_SLUG })
    expect(seen.data.saved).toBeNull()
    expect(JSON.stringify(seen.data)).not.toContain('Hidden generated draft')
    const published = await runAction(
      publishAction,
      formPost(`/cases/${PUBLIC_SLUG}/statement/publish`, editor, {
        document: String(draft),
        target: '',
        date: '2024-05-04',
      }),
      { slug: PUBLIC_SLUG },
    )
    expect(published.status).toBe(404)
    const after = await database.db
      .selectFrom('documents')
      .select('status')
      .where('id', '=', draft)
      .executeTakeFirstOrThrow()
    expect(after.status).toBe('draft')
    // An admin sees the draft.
    const all = await load(statementPage, path, admin, { slug: PUBLIC_SLUG })
    expect(all.data.saved?.title).toBe('Hidden generated draft')
  })

  it('says a release is already imported without naming a document hidden from the reader', async () => {
    const text = `Press release: Quiet group calls for the release of a hidden person

Brussels, 7 May 2024

A person was detained.[1]

[1] Example News, “Detained”, 6 May 2024, https://news.example.org/hidden-detention
`
    const parsed = parsePressRelease(text)
    if (!parsed.ok) throw new Error('the fixture release does not parse')
    const title = 'Title of the hidden imported release'
    const documentId = await insertDocument({
      title,
      caseIds: [hidden.id],
      contentHash: parsed.value.contentHash,
    })
    const body = new FormData()
    body.append('intent', 'preview')
    body.append('text', text)
    const result = await runAction(
      importAction,
      new Request('http://localhost/documents/import', {
        method: 'POST',
        body,
        headers: { Cookie: editor },
      }),
    )
    expect(result.data.stage).toBe('duplicate')
    expect(result.data.existing).toEqual({ visible: false })
    expect(JSON.stringify(result.data)).not.toContain(title)
    expect(JSON.stringify(result.data)).not.toContain(`"id":${documentId}`)
  })

  it('counts in a merge preview only the references the reader may see, and says others move too', async () => {
    const kept = await newActor('Kept Merge Actor')
    const removed = await newActor('Removed Merge Actor')
    const hiddenDocument = await insertDocument({
      title: 'Hidden issued document',
      caseIds: [hidden.id],
      issuerId: removed,
    })
    await database.db
      .insertInto('documentQuotes')
      .values({ documentId: hiddenDocument, actorId: removed, body: 'A hidden quote.' })
      .execute()
    await insertAction({
      title: 'Hidden action',
      actionDate: '2024-04-01',
      caseIds: [hidden.id],
      actorId: removed,
    })
    await insertAction({
      title: 'Open action',
      actionDate: '2024-04-02',
      caseIds: [publicCaseId],
      targetId: removed,
    })
    const path = `/actors/${kept}/merge?duplicate=${removed}`
    const seen = await load(mergePage, path, editor, { actorId: String(kept) })
    expect(seen.data.preview.moves).toEqual({
      quotes: 0,
      documents: 0,
      actionsAsActor: 0,
      actionsAsTarget: 1,
    })
    expect(seen.data.preview.movesNotShown).toBe(true)

    const alone = await newActor('Alone Merge Actor')
    const plain = await load(mergePage, `/actors/${kept}/merge?duplicate=${alone}`, editor, {
      actorId: String(kept),
    })
    expect(plain.data.preview.movesNotShown).toBe(false)
  })

  it('sends on a source page only the citations the reader may see, never a total', async () => {
    const { id: sourceId } = await database.db
      .insertInto('sources')
      .values({
        title: 'Source cited mostly for the hidden case',
        publisher: null,
        publishedOn: null,
        publishedPrecision: null,
        url: null,
        archivedUrl: null,
        accessedOn: null,
        createdBy: null,
        updatedBy: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await database.db
      .insertInto('citations')
      .values([
        { sourceId, caseId: hidden.id, createdBy: null, updatedBy: null },
        { sourceId, caseId: hidden.id, createdBy: null, updatedBy: null },
      ])
      .execute()
    const params = { sourceId: String(sourceId) }
    // Cited only for the hidden case, the source itself is hidden (ADR 008, addendum).
    expect((await load(sourcePage, `/sources/${sourceId}`, editor, params)).status).toBe(404)
    await database.db
      .insertInto('citations')
      .values({ sourceId, caseId: publicCaseId, createdBy: null, updatedBy: null })
      .execute()
    const seen = await load(sourcePage, `/sources/${sourceId}`, editor, params)
    expect(seen.status).toBe(200)
    expect(seen.data.source).not.toHaveProperty('citationCount')
    expect(seen.data.source.cases.map((c: { slug: string }) => c.slug)).toEqual([PUBLIC_SLUG])
    const deletion = await load(deleteSourcePage, `/sources/${sourceId}/delete`, editor, params)
    expect(deletion.data).not.toHaveProperty('citationCount')
    expect(deletion.data).toMatchObject({ cited: true, citedElsewhere: true })
    expect(deletion.data.citedFor).toHaveLength(1)
    const { id: _id, ...told } = deletion.data
    expect(JSON.stringify(told)).not.toMatch(/:[23][,}]/)
  })

  it('gives a new case a slug that says nothing of a hidden case of the same name', async () => {
    const created = async (fullName: string) => {
      const result = await runAction(
        newCase,
        formPost('/cases/new', editor, caseFormFields({ fullName })),
      )
      expect(result.status).toBe(302)
      return result.location!.replace('/cases/', '')
    }
    const clash = await created('Hidden Person')
    const fresh = await created('Fresh Person')
    expect(clash).not.toBe('hidden-person-2')
    expect(clash).toMatch(/^hidden-person-[a-z0-9]{6}$/)
    expect(fresh).toMatch(/^fresh-person-[a-z0-9]{6}$/)
  })

  it('dates the latest activity on the dashboard by the actions the reader may see', async () => {
    const quiet = await makeCase(database.db, {
      fullName: 'Quiet Detainee',
      visibility: 'internal',
    })
    await recordStatusEvent(database.db, {
      actor: { userId: null },
      caseId: quiet.id,
      fields: {
        eventDate: '2020-01-10',
        datePrecision: 'day',
        custodyState: 'detained',
        legalStage: null,
        releaseReason: null,
        location: null,
        description: 'Detained.',
        certainty: 'confirmed',
      },
    })
    await insertAction({
      title: 'Recent hidden action',
      actionDate: '2024-06-01',
      caseIds: [quiet.id, hidden.id],
    })
    const viewerRow = await database.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('email', '=', 'viewer@example.org')
      .executeTakeFirstOrThrow()
    const attention = await listNeedsAttention(database.db, {
      viewer: viewerRow,
      today: '2024-06-10',
      days: 30,
      limit: 1000,
    })
    expect(attention.find((row) => row.id === quiet.id)?.lastActivityDate).toBe('2020-01-10')
  })

  it('keeps visibility and consent as they are when an editor posts other values', async () => {
    const target = await makeCase(database.db, {
      fullName: 'Guarded Person',
      visibility: 'internal',
    })
    const { version } = await database.db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow()
    const edited = await runAction(
      editCase,
      formPost(`/cases/${target.slug}/edit`, editor, {
        ...caseFormFields({ fullName: 'Guarded Person', summary: 'Edited by an editor.' }),
        visibility: 'public',
        consent: 'given',
        version: String(version),
      }),
      { slug: target.slug },
    )
    expect(edited.status).toBe(302)
    expect(await caseRow(target.slug)).toEqual({ visibility: 'internal', consent: 'unknown' })

    const created = await runAction(
      newCase,
      formPost(
        '/cases/new',
        editor,
        caseFormFields({ fullName: 'Editor Made', visibility: 'public', consent: 'given' }),
      ),
    )
    expect(created.status).toBe(302)
    const slug = created.location!.replace('/cases/', '')
    expect(await caseRow(slug)).toEqual({ visibility: 'internal', consent: 'unknown' })

    // The form shows both read-only to an editor; an admin may change them.
    const form = await load(editCasePage, `/cases/${target.slug}/edit`, editor, {
      slug: target.slug,
    })
    expect(form.data.canManageAccess).toBe(false)
    expect((await load(newCasePage, '/cases/new', editor)).data.canManageAccess).toBe(false)
    const byAdmin = await runAction(
      editCase,
      formPost(`/cases/${target.slug}/edit`, admin, {
        ...caseFormFields({ fullName: 'Guarded Person', summary: 'Edited by an editor.' }),
        visibility: 'restricted',
        consent: 'refused',
        version: String(version + 1),
      }),
      { slug: target.slug },
    )
    expect(byAdmin.status).toBe(302)
    expect(await caseRow(target.slug)).toEqual({ visibility: 'restricted', consent: 'refused' })
  })
})
