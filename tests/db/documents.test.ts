// Over 300 lines: one seeded database per backend serves the visibility, filter, locking and quote
// tests, which build on each other's documents.
// Documents against a real database: who sees which document (restricted cases), the list's
// filters, optimistic locking with one audit row per change, and quotes and citations kept in step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentFields } from '../../app/domain/document-schema'
import { parseDocumentListQuery } from '../../app/domain/document-filters'
import type { Viewer } from '../../app/models/case-visibility.server'
import { getDocumentForUser, getDocumentPage } from '../../app/models/document.server'
import {
  listDocumentFilterOptions,
  listDocumentsForUser,
} from '../../app/models/document-list.server'
import {
  citeSources,
  linkCase,
  removeCitation,
  unlinkCase,
} from '../../app/models/document-parts.server'
import { addQuote, deleteQuote, updateQuote } from '../../app/models/document-quotes.server'
import { createDocument, updateDocument } from '../../app/models/document-write.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

function fields(overrides: Partial<DocumentFields> = {}): DocumentFields {
  return {
    kind: 'statement',
    title: 'A statement',
    place: 'Strasbourg',
    documentDate: '2024-03-01',
    datePrecision: 'day',
    issuerId: null,
    language: 'en',
    body: 'Text',
    url: null,
    status: 'published',
    ...overrides,
  }
}

describe.each(backends())('documents on %s', (backend) => {
  let database: TestDatabase
  let editor: Viewer
  let outsider: Viewer
  let granted: Viewer
  let admin: Viewer
  const ids: Record<string, number> = {}
  const actorOf = (viewer: Viewer) => ({ userId: viewer.id, requestId: 'test' })

  const create = async (f: Partial<DocumentFields>) => {
    const result = await createDocument(database.db, { actor: actorOf(editor), fields: fields(f) })
    if (!result.ok) throw new Error('not created')
    return result.id
  }
  const titles = async (viewer: Viewer, search = '') =>
    (
      await listDocumentsForUser(database.db, {
        viewer,
        query: parseDocumentListQuery(new URLSearchParams(search)),
      })
    ).documents.map((d) => d.title)

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const { db } = database
    const user = async (role: 'editor' | 'viewer' | 'admin', name: string): Promise<Viewer> => {
      const made = await makeUser(db, role, name)
      return { id: made.id, role }
    }
    editor = await user('editor', 'Eve Editor')
    outsider = await user('viewer', 'Olga Outsider')
    granted = await user('viewer', 'Greta Granted')
    admin = await user('admin', 'Ada Admin')
    ids.publicCase = (await makeCase(db, { fullName: 'Open Person', visibility: 'public' })).id
    ids.restrictedCase = (
      await makeCase(db, { fullName: 'Secret Person', visibility: 'restricted' })
    ).id
    await db
      .insertInto('caseAccess')
      .values({ caseId: ids.restrictedCase, userId: granted.id })
      .execute()
    await db
      .insertInto('caseAccess')
      .values({ caseId: ids.restrictedCase, userId: editor.id })
      .execute()
    const issuer = await db
      .insertInto('actors')
      .values({ kind: 'intergroup', name: 'LGBTI Intergroup' })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.issuer = issuer.id
    ids.unlinked = await create({
      title: 'Unlinked note',
      kind: 'other',
      documentDate: null,
      datePrecision: null,
    })
    ids.open = await create({
      title: 'Open release',
      kind: 'press_release',
      issuerId: issuer.id,
      body: 'About Open Person and the airport.',
    })
    ids.secret = await create({
      title: 'Secret letter',
      kind: 'letter',
      documentDate: '2023-02-10',
      language: 'ru',
    })
    ids.both = await create({ title: 'Release on both', documentDate: '2022-05-01' })
    await linkCase(db, { actor: actorOf(editor), documentId: ids.open, caseId: ids.publicCase })
    await linkCase(db, {
      actor: actorOf(editor),
      documentId: ids.secret,
      caseId: ids.restrictedCase,
    })
    await linkCase(db, { actor: actorOf(editor), documentId: ids.both, caseId: ids.publicCase })
    await linkCase(db, { actor: actorOf(editor), documentId: ids.both, caseId: ids.restrictedCase })
  })
  afterAll(() => database.close())

  it('hides a document linked to a restricted case from whoever may not see that case', async () => {
    expect((await titles(outsider)).sort()).toEqual(['Open release', 'Unlinked note'])
    expect((await titles(granted)).sort()).toEqual([
      'Open release',
      'Release on both',
      'Secret letter',
      'Unlinked note',
    ])
    expect(await titles(admin)).toHaveLength(4)
    for (const id of [ids.secret, ids.both]) {
      expect(await getDocumentForUser(database.db, { id: id!, viewer: outsider })).toBeUndefined()
      expect(await getDocumentPage(database.db, { id: id!, viewer: outsider })).toBeNull()
      expect(await getDocumentPage(database.db, { id: id!, viewer: granted })).not.toBeNull()
    }
    const options = await listDocumentFilterOptions(database.db, { viewer: outsider })
    expect(options.case.map((c) => c.label)).toEqual(['Open Person'])
    expect(options.language.map((l) => l.value)).toEqual(['en'])
  })

  it('filters by kind, case, issuer, language, status, dates and words', async () => {
    expect(await titles(admin, 'kind=letter')).toEqual(['Secret letter'])
    expect((await titles(admin, 'case=open-person')).sort()).toEqual([
      'Open release',
      'Release on both',
    ])
    expect(await titles(admin, `issuer=${ids.issuer}`)).toEqual(['Open release'])
    expect(await titles(admin, 'language=ru')).toEqual(['Secret letter'])
    expect(await titles(admin, 'status=draft')).toEqual([])
    expect(await titles(admin, 'from=2023&to=2023-02')).toEqual(['Secret letter'])
    expect(await titles(admin, 'q=AIRPORT open')).toEqual(['Open release'])
    expect(await titles(admin, 'q=100%25')).toEqual([])
    // Newest first, undated last.
    expect(await titles(admin)).toEqual([
      'Open release',
      'Secret letter',
      'Release on both',
      'Unlinked note',
    ])
  })

  it('lets exactly one of two saves of the same version through, with one audit row', async () => {
    const id = await create({ title: 'Contested' })
    const results = await Promise.all([
      updateDocument(database.db, {
        actor: actorOf(editor),
        id,
        version: 1,
        fields: fields({ title: 'First' }),
      }),
      updateDocument(database.db, {
        actor: actorOf(editor),
        id,
        version: 1,
        fields: fields({ title: 'Second' }),
      }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const stale = results.find((r) => !r.ok)
    expect(stale).toMatchObject({
      ok: false,
      reason: 'stale',
      current: { updatedByName: 'Eve Editor', version: 2 },
    })
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'changes'])
      .where('entity', '=', 'document')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'update'])
    expect(audit[1]!.changes).toEqual([
      { field: 'title', old: 'Contested', new: expect.stringMatching(/First|Second/) },
    ])
    const refused = await updateDocument(database.db, {
      actor: actorOf(editor),
      id,
      version: 2,
      fields: fields({ issuerId: 999_999 }),
    })
    expect(refused).toEqual({ ok: false, reason: 'unknown_issuer' })
  })

  it('keeps quotes and citations in step with the document’s version and the page’s footnotes', async () => {
    const { db } = database
    const id = await create({ title: 'With parts', body: 'Claim[1] and claim[2].' })
    const sources = await db
      .insertInto('sources')
      .values([
        { title: 'Report A', publisher: 'Pub A' },
        { title: 'Report B' },
        { title: 'Report C' },
      ])
      .returning('id')
      .execute()
    const [a, b, c] = sources.map((s) => s.id) as [number, number, number]
    expect(
      await citeSources(db, {
        actor: actorOf(editor),
        documentId: id,
        quoteId: null,
        sourceIds: [b, a, b, 999_999],
        locator: 'p. 2',
      }),
    ).toEqual({ ok: true, added: 2 })
    const speaker = await db
      .insertInto('actors')
      .values({ kind: 'mep', name: 'Jane Roe' })
      .returning('id')
      .executeTakeFirstOrThrow()
    // Version 1 was read before the citations: the quote form is stale.
    expect(
      await addQuote(db, {
        actor: actorOf(editor),
        documentId: id,
        version: 1,
        fields: { actorId: speaker.id, speakerLabel: '', body: 'Free him.' },
      }),
    ).toEqual({ ok: false, reason: 'stale' })
    const quote = await addQuote(db, {
      actor: actorOf(editor),
      documentId: id,
      version: 2,
      fields: { actorId: speaker.id, speakerLabel: '', body: 'Free him.[1]' },
    })
    expect(quote).toMatchObject({ ok: true })
    const quoteId = (quote as { id: number }).id
    await citeSources(db, {
      actor: actorOf(editor),
      documentId: id,
      quoteId,
      sourceIds: [c],
      locator: null,
    })

    const page = (await getDocumentPage(db, { id, viewer: outsider }))!
    expect(page.footnotes.map((f) => f.title)).toEqual(['Report B', 'Report A', 'Report C'])
    expect(page.bodyHtml).toContain('Claim<sup class="footnote-ref"><a href="#source-1"')
    expect(page.quotes[0]).toMatchObject({ speakerName: 'Jane Roe', unmarked: [] })
    expect(page.quotes[0]!.html).toContain('#source-3')

    expect(
      await updateQuote(db, {
        actor: actorOf(editor),
        documentId: id,
        quoteId,
        version: 4,
        fields: { actorId: 999_999, speakerLabel: '', body: 'x' },
      }),
    ).toEqual({ ok: false, reason: 'unknown_speaker' })
    const citation = page.citations.find((x) => x.documentQuoteId === null && x.id === a)!
    expect(
      await removeCitation(db, {
        actor: actorOf(editor),
        documentId: id,
        citationId: citation.citationId,
      }),
    ).toBe(true)
    expect(
      await removeCitation(db, {
        actor: actorOf(editor),
        documentId: ids.open!,
        citationId: citation.citationId,
      }),
    ).toBe(false)
    expect(
      await deleteQuote(db, { actor: actorOf(editor), documentId: id, quoteId, version: 5 }),
    ).toEqual({ ok: true })
    const left = await db
      .selectFrom('citations')
      .select('sourceId')
      .where('documentId', '=', id)
      .execute()
    expect(left.map((r) => r.sourceId)).toEqual([b])
    expect(
      await db
        .selectFrom('citations')
        .select('id')
        .where('documentQuoteId', '=', quoteId)
        .execute(),
    ).toEqual([])
    const version = await db
      .selectFrom('documents')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(version.version).toBe(6)
    const audit = await db
      .selectFrom('auditEvents')
      .select(['entity', 'action'])
      .where('requestId', '=', 'test')
      .where('entity', 'in', ['citation', 'document_quote'])
      .execute()
    expect(audit.filter((r) => r.entity === 'citation' && r.action === 'delete')).toHaveLength(2)
  })

  it('links and unlinks a case once each, writing the audit row to the case’s history', async () => {
    const id = await create({ title: 'To link' })
    const actor = actorOf(editor)
    expect(await linkCase(database.db, { actor, documentId: id, caseId: ids.publicCase! })).toBe(
      true,
    )
    expect(await linkCase(database.db, { actor, documentId: id, caseId: ids.publicCase! })).toBe(
      false,
    )
    expect(await unlinkCase(database.db, { actor, documentId: id, caseId: ids.publicCase! })).toBe(
      true,
    )
    expect(await unlinkCase(database.db, { actor, documentId: id, caseId: ids.publicCase! })).toBe(
      false,
    )
    const rows = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'caseId'])
      .where('entity', '=', 'document_case')
      .where('entityId', '=', `${id}:${ids.publicCase}`)
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      { action: 'create', caseId: ids.publicCase },
      { action: 'delete', caseId: ids.publicCase },
    ])
  })
})
