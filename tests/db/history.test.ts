// The History page's query: a case's own audit rows, newest first, paged, in one statement, and the
// names they point at in one more.
import type { KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeHistoryRow } from '../../app/domain/history'
import { writeAudit } from '../../app/models/audit.server'
import { grantCaseAccess } from '../../app/models/case-access.server'
import { createCase, updateCase, type CaseFields } from '../../app/models/case.server'
import { getHistoryReferences, listCaseHistory } from '../../app/models/history.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const FIELDS: CaseFields = {
  fullName: 'History Person',
  aliases: [],
  displayName: null,
  country: 'Russia',
  region: null,
  nationality: null,
  grounds: ['journalism'],
  riskLevel: 'high',
  summary: '',
  internalNotes: '',
  visibility: 'internal',
  consent: 'unknown',
  ownerId: null,
}

/** Counts the statements a Kysely instance runs (one result each; subqueries are not counted). */
function statementCounter() {
  const counter = { count: 0 }
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      counter.count++
      return args.result
    },
  }
  return { counter, plugin }
}

describe.each(backends())('case history on %s', (backend) => {
  let database: TestDatabase
  let caseId: number
  let otherCaseId: number
  let editorId: number
  let viewerId: number
  let sourceId: number

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const db = database.db
    const insertUser = async (email: string, name: string, role: 'editor' | 'viewer') =>
      (
        await db
          .insertInto('users')
          .values({ email, name, role, passwordHash: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    editorId = await insertUser('editor@example.org', 'Demo Editor', 'editor')
    viewerId = await insertUser('viewer@example.org', 'Demo Viewer', 'viewer')
    sourceId = (
      await db
        .insertInto('sources')
        .values({ title: 'A news report', publisher: 'The Paper' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    const system = { userId: null, requestId: 'seed' }
    const editor = { userId: editorId, requestId: 'r1' }
    caseId = (await createCase(db, { actor: system, fields: FIELDS })).id
    otherCaseId = (
      await createCase(db, { actor: editor, fields: { ...FIELDS, fullName: 'Someone Else' } })
    ).id
    await recordStatusEvent(db, {
      actor: editor,
      caseId,
      fields: {
        eventDate: '2023-02-14',
        datePrecision: 'day',
        custodyState: 'detained',
        legalStage: null,
        releaseReason: null,
        location: null,
        description: '',
        certainty: 'confirmed',
      },
      sourceIds: [sourceId],
    })
    const current = await db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
    await updateCase(db, {
      actor: editor,
      id: caseId,
      version: current.version,
      fields: { ...FIELDS, riskLevel: 'critical', ownerId: editorId, grounds: ['activism'] },
    })
    await grantCaseAccess(db, { actor: editor, caseId, userId: viewerId })
    // Rows that must stay out: another case's, and an entity the history does not show.
    await recordStatusEvent(db, {
      actor: editor,
      caseId: otherCaseId,
      fields: {
        eventDate: '2024-01-01',
        datePrecision: 'year',
        custodyState: 'released',
        legalStage: null,
        releaseReason: null,
        location: null,
        description: '',
        certainty: 'confirmed',
      },
    })
    await writeAudit(db, {
      actor: editor,
      entity: 'user',
      entityId: viewerId,
      action: 'update',
      caseId,
    })
  })
  afterAll(async () => {
    await database.close()
  })

  it("returns the case's own rows, newest first, with the acting user's name", async () => {
    const rows = await listCaseHistory(database.db, { caseId })
    expect(rows.map((row) => [row.entity, row.action])).toEqual([
      ['case', 'grant'],
      ['case', 'update'],
      ['citation', 'create'],
      ['status_event', 'create'],
      ['case', 'create'],
    ])
    expect(rows.map((row) => row.userName)).toEqual([
      'Demo Editor',
      'Demo Editor',
      'Demo Editor',
      'Demo Editor',
      null,
    ])
    const times = rows.map((row) => new Date(row.occurredAt).getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const ids = rows.map((row) => Number(row.id))
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
    expect(rows.every((row) => Array.isArray(row.changes))).toBe(true)
  })

  it("excludes other cases' rows", async () => {
    const other = await listCaseHistory(database.db, { caseId: otherCaseId })
    expect(other.map((row) => [row.entity, row.action])).toEqual([
      ['status_event', 'create'],
      ['case', 'create'],
    ])
  })

  it('pages with limit and offset', async () => {
    const all = await listCaseHistory(database.db, { caseId })
    const second = await listCaseHistory(database.db, { caseId, limit: 2, offset: 2 })
    expect(second.map((row) => row.id)).toEqual(all.slice(2, 4).map((row) => row.id))
  })

  it('reads a page in one statement and its references in one more', async () => {
    const { counter, plugin } = statementCounter()
    const counted = database.db.withPlugin(plugin)
    const rows = await listCaseHistory(counted, { caseId })
    expect(counter.count).toBe(1)
    const refs = await getHistoryReferences(counted, rows)
    expect(counter.count).toBe(2)
    expect(refs.users[editorId]).toBe('Demo Editor')
    expect(refs.sources[sourceId]).toBe('A news report')
    expect(Object.values(refs.events)).toEqual([{ date: '2023-02-14', precision: 'day' }])
  })

  it('reads as sentences, with sensitive values kept out', async () => {
    const rows = await listCaseHistory(database.db, { caseId })
    const refs = await getHistoryReferences(database.db, rows)
    const entries = rows.map((row) => describeHistoryRow(row, refs))
    expect(entries.map((entry) => `${entry.who} ${entry.summary}`)).toEqual([
      'Demo Editor granted access to Demo Viewer (viewer@example.org)',
      'Demo Editor updated the case (3 fields)',
      'Demo Editor cited “A news report” for the event of 14 February 2023',
      'Demo Editor recorded an event (14 February 2023: Detained)',
      'System created the case',
    ])
    expect(entries[1]!.details).toEqual([
      'changed grounds (sensitive — values not recorded)',
      'changed risk level from High to Critical',
      'set owner to Demo Editor',
    ])
    expect(JSON.stringify(entries)).not.toMatch(/journalism|activism/i)
  })

  it('says that gender and date of birth changed, never what they are', async () => {
    const db = database.db
    const editor = { userId: editorId }
    const created = await createCase(db, {
      actor: editor,
      fields: {
        ...FIELDS,
        fullName: 'Person Fields',
        gender: 'female',
        dateOfBirth: '1990-04-01',
        dateOfBirthPrecision: 'month',
      },
    })
    await updateCase(db, {
      actor: editor,
      id: created.id,
      version: 1,
      fields: {
        ...FIELDS,
        fullName: 'Person Fields',
        gender: 'non_binary_or_other',
        dateOfBirth: null,
        dateOfBirthPrecision: null,
      },
    })
    const rows = await listCaseHistory(db, { caseId: created.id })
    const entries = rows.map((row) =>
      describeHistoryRow(row, { users: {}, sources: {}, events: {} }),
    )
    expect(entries[0]!.details).toEqual([
      'changed gender (sensitive — values not recorded)',
      'changed date of birth (sensitive — values not recorded)',
      'changed date of birth precision (sensitive — values not recorded)',
    ])
    expect(JSON.stringify([rows, entries])).not.toMatch(/1990|female|non_binary|April|month/i)
  })
})
