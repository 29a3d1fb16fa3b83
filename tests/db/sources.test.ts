// Over 300 lines: one seeded library per backend serves the listing, search, filter, citation and
// locking tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SourceFields } from '../../app/domain/source-schema'
import { getSourcePage, listSources } from '../../app/models/source-library.server'
import { createSource, deleteSource, updateSource } from '../../app/models/source-write.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const fields = (overrides: Partial<SourceFields> = {}): SourceFields => ({
  title: 'A report',
  publisher: 'Example News',
  publishedOn: '2023-02-16',
  publishedPrecision: 'day',
  url: null,
  archivedUrl: null,
  accessedOn: null,
  kind: 'news',
  reliability: 'medium',
  ...overrides,
})

const query = (overrides = {}) => ({ q: '', page: 1, ...overrides })

describe.each(backends())('the source library on %s', (backend) => {
  let database: TestDatabase
  let editor: { id: number; role: 'editor' }
  let admin: { id: number; role: 'admin' }
  let granted: { id: number; role: 'viewer' }
  const actor = () => ({ userId: editor.id })

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    editor = { id: (await makeUser(database.db, 'editor', 'Eve Editor')).id, role: 'editor' }
    admin = { id: (await makeUser(database.db, 'admin')).id, role: 'admin' }
    granted = { id: (await makeUser(database.db, 'viewer')).id, role: 'viewer' }
  })
  afterAll(() => database.close())

  const count = async (table: 'sources' | 'auditEvents') =>
    (await database.db.selectFrom(table).select('id').execute()).length

  const created = async (overrides: Partial<SourceFields> = {}) => {
    const result = await createSource(database.db, { actor: actor(), fields: fields(overrides) })
    if (!result.ok) throw new Error('expected a new source')
    return result.id
  }

  it('flags a URL already in the library, under any spelling, and saves nothing', async () => {
    const id = await created({ title: 'Original', url: 'https://news.example.org/story' })
    const [sources, audit] = [await count('sources'), await count('auditEvents')]
    for (const url of [
      'https://news.example.org/story',
      'http://news.example.org/story',
      'https://news.example.org/story/',
    ]) {
      const again = await createSource(database.db, {
        actor: actor(),
        fields: fields({ title: 'Copy', url }),
      })
      expect(again).toEqual({
        ok: false,
        reason: 'duplicate_url',
        existing: { id, title: 'Original' },
      })
    }
    const other = await created({ title: 'Other', url: 'https://news.example.org/other' })
    const moved = await updateSource(database.db, {
      actor: actor(),
      id: other,
      version: 1,
      fields: fields({ title: 'Other', url: 'http://news.example.org/story' }),
    })
    expect(moved).toMatchObject({ ok: false, reason: 'duplicate_url', existing: { id } })
    expect(await count('sources')).toBe(sources + 1)
    expect(await count('auditEvents')).toBe(audit + 1)
  })

  it('lets only one of two simultaneous saves of one URL through', async () => {
    const url = 'https://race.example.org/a'
    const results = await Promise.all(
      [1, 2].map((n) =>
        createSource(database.db, { actor: actor(), fields: fields({ title: `Race ${n}`, url }) }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'duplicate_url' })
    const rows = await database.db
      .selectFrom('sources')
      .select('id')
      .where('url', '=', url)
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('refuses to delete a cited source and deletes an uncited one with an audit row', async () => {
    const cited = await created({ title: 'Cited source' })
    const { id: caseId } = await makeCase(database.db, { fullName: 'Cited Person' })
    await recordStatusEvent(database.db, {
      actor: actor(),
      caseId,
      fields: {
        eventDate: '2023-02-14',
        datePrecision: 'day',
        custodyState: 'detained',
        legalStage: null,
        releaseReason: null,
        location: null,
        description: 'Arrested.',
        certainty: 'confirmed',
      },
      sourceIds: [cited],
    })
    const audit = await count('auditEvents')
    expect(await deleteSource(database.db, { actor: actor(), id: cited, viewer: editor })).toEqual({
      ok: false,
      reason: 'cited',
      citationCount: 1,
    })
    expect(
      await database.db.selectFrom('sources').where('id', '=', cited).select('id').execute(),
    ).toHaveLength(1)
    expect(await count('auditEvents')).toBe(audit)

    const uncited = await created({ title: 'Uncited source' })
    expect(
      await deleteSource(database.db, { actor: actor(), id: uncited, viewer: editor }),
    ).toEqual({ ok: true })
    expect(
      await database.db.selectFrom('sources').where('id', '=', uncited).select('id').execute(),
    ).toHaveLength(0)
    const row = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'userId', 'changes'])
      .where('entity', '=', 'source')
      .where('entityId', '=', String(uncited))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(row.action).toBe('delete')
    expect(row.userId).toBe(editor.id)
    expect(row.changes).toContainEqual({ field: 'title', old: 'Uncited source' })
  })

  it('shows what cites a source without anything from a restricted case the reader may not see', async () => {
    const source = await created({ title: 'Widely cited' })
    const open = await makeCase(database.db, { fullName: 'Open Person', visibility: 'internal' })
    const secret = await makeCase(database.db, {
      fullName: 'Secret Person',
      visibility: 'restricted',
    })
    await database.db
      .insertInto('caseAccess')
      .values({ caseId: secret.id, userId: granted.id })
      .execute()
    for (const c of [open, secret]) {
      await recordStatusEvent(database.db, {
        actor: actor(),
        caseId: c.id,
        fields: {
          eventDate: '2023-03-01',
          datePrecision: 'month',
          custodyState: 'detained',
          legalStage: null,
          releaseReason: null,
          location: null,
          description: `${c.slug} held`,
          certainty: 'confirmed',
        },
        sourceIds: [source],
      })
      await database.db.insertInto('citations').values({ sourceId: source, caseId: c.id }).execute()
    }
    // A document, its quote and an action, each linked to the restricted case only.
    const doc = await database.db
      .insertInto('documents')
      .values({ kind: 'statement', title: 'Secret statement' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await database.db
      .insertInto('documentCases')
      .values({ documentId: doc.id, caseId: secret.id })
      .execute()
    const quote = await database.db
      .insertInto('documentQuotes')
      .values({ documentId: doc.id, body: 'Said in secret.' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const action = await database.db
      .insertInto('advocacyActions')
      .values({ kind: 'urgent_appeal', actionDate: '2023-03-02', datePrecision: 'day' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await database.db
      .insertInto('actionCases')
      .values({ actionId: action.id, caseId: secret.id })
      .execute()
    await database.db
      .insertInto('citations')
      .values([
        { sourceId: source, documentId: doc.id },
        { sourceId: source, documentQuoteId: quote.id },
        { sourceId: source, advocacyActionId: action.id },
      ])
      .execute()

    const seenBy = async (viewer: { id: number; role: 'editor' | 'admin' | 'viewer' }) => {
      const page = await getSourcePage(database.db, { id: source, viewer })
      const listed = await listSources(database.db, { query: query({ q: 'widely cited' }), viewer })
      return {
        cases: page!.cases.map((c) => c.fullName),
        events: page!.events.map((e) => e.fullName),
        documents: page!.documents.length,
        quotes: page!.quotes.length,
        actions: page!.actions.length,
        cited: page!.cited,
        citedElsewhere: page!.citedElsewhere,
        listedCount: listed.sources[0]!.citedCount,
      }
    }
    expect(await seenBy(editor)).toEqual({
      cases: ['Open Person'],
      events: ['Open Person'],
      documents: 0,
      quotes: 0,
      actions: 0,
      cited: true,
      citedElsewhere: true,
      listedCount: 2,
    })
    const everything = {
      cases: ['Open Person', 'Secret Person'],
      events: ['Open Person', 'Secret Person'],
      documents: 1,
      quotes: 1,
      actions: 1,
      cited: true,
      citedElsewhere: false,
      listedCount: 7,
    }
    expect(await seenBy(admin)).toEqual(everything)
    expect(await seenBy(granted)).toEqual(everything)
  })

  it('searches without regard to case or accents, and filters by kind, reliability, publisher and year', async () => {
    const bjork = await created({
      title: 'Malin Björk on Chechnya',
      publisher: 'Nordic Wire',
      kind: 'official',
      reliability: 'high',
      publishedOn: '2019-01-01',
      publishedPrecision: 'year',
    })
    const ids = async (overrides: object) =>
      (await listSources(database.db, { query: query(overrides), viewer: editor })).sources.map(
        (s) => s.id,
      )
    expect(await ids({ q: 'BJORK chech' })).toEqual([bjork])
    expect(await ids({ q: 'nordic', kind: 'official', reliability: 'high', year: 2019 })).toEqual([
      bjork,
    ])
    expect(await ids({ publisher: 'Nordic Wire' })).toEqual([bjork])
    expect(await ids({ q: 'bjork', kind: 'news' })).toEqual([])
    expect(await ids({ q: 'bjork', year: 2020 })).toEqual([])
    expect(await ids({ q: '100%_' })).toEqual([])
  })

  it('saves an edit of the version read and changes nothing for a stale one', async () => {
    const id = await created({ title: 'Versioned' })
    const first = await updateSource(database.db, {
      actor: actor(),
      id,
      version: 1,
      fields: fields({ title: 'Versioned, corrected', reliability: 'high' }),
    })
    expect(first).toEqual({ ok: true })
    const audit = await count('auditEvents')
    const stale = await updateSource(database.db, {
      actor: actor(),
      id,
      version: 1,
      fields: fields({ title: 'Stale title' }),
    })
    expect(stale).toMatchObject({
      ok: false,
      reason: 'stale',
      current: { title: 'Versioned, corrected', version: 2, updatedByName: 'Eve Editor' },
    })
    const row = await database.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ title: 'Versioned, corrected', version: 2, reliability: 'high' })
    expect(await count('auditEvents')).toBe(audit)
    const update = await database.db
      .selectFrom('auditEvents')
      .select('changes')
      .where('entity', '=', 'source')
      .where('entityId', '=', String(id))
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow()
    expect(update.changes).toEqual([
      { field: 'title', old: 'Versioned', new: 'Versioned, corrected' },
      { field: 'reliability', old: 'medium', new: 'high' },
    ])
  })
})
