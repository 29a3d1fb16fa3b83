// Every vocabulary lives once in app/domain/vocabularies.ts and is copied into CHECK constraints by the
// migrations. This keeps the two in step: each value is accepted, anything else is refused.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as V from '../../app/domain/vocabularies'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

type Target = {
  table: string
  column: string
  values: readonly string[]
  array?: boolean
  nullable?: boolean
}

const TARGETS: Target[] = [
  { table: 'users', column: 'role', values: V.ROLES },
  { table: 'cases', column: 'visibility', values: V.VISIBILITIES },
  { table: 'cases', column: 'consent', values: V.CONSENTS },
  { table: 'cases', column: 'risk_level', values: V.RISK_LEVELS },
  { table: 'cases', column: 'grounds', values: V.GROUNDS, array: true },
  { table: 'cases', column: 'current_custody_state', values: V.CUSTODY_STATES },
  { table: 'cases', column: 'current_legal_stage', values: V.LEGAL_STAGES },
  { table: 'status_events', column: 'date_precision', values: V.DATE_PRECISIONS },
  { table: 'status_events', column: 'custody_state', values: V.CUSTODY_STATES },
  { table: 'status_events', column: 'legal_stage', values: V.LEGAL_STAGES },
  { table: 'status_events', column: 'certainty', values: V.CERTAINTIES },
  { table: 'actors', column: 'kind', values: V.ACTOR_KINDS },
  { table: 'documents', column: 'kind', values: V.DOCUMENT_KINDS },
  { table: 'documents', column: 'status', values: V.DOCUMENT_STATUSES },
  { table: 'sources', column: 'kind', values: V.SOURCE_KINDS },
  { table: 'sources', column: 'reliability', values: V.RELIABILITIES },
  { table: 'advocacy_actions', column: 'kind', values: V.ACTION_KINDS },
  { table: 'advocacy_actions', column: 'response', values: V.ACTION_RESPONSES },
  { table: 'advocacy_actions', column: 'date_precision', values: V.DATE_PRECISIONS },
]

describe.each(backends())('vocabulary CHECK constraints on %s', (backend) => {
  let database: TestDatabase
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const { db } = database
    ids.users = (
      await db
        .insertInto('users')
        .values({ email: 'v@example.org', name: 'V', role: 'viewer', passwordHash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    ids.cases = (
      await db
        .insertInto('cases')
        .values({ slug: 'vocab', fullName: 'Vocab Case' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    ids.status_events = (
      await db
        .insertInto('statusEvents')
        .values({ caseId: ids.cases, eventDate: '2023-01-01', datePrecision: 'day' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    ids.actors = (
      await db
        .insertInto('actors')
        .values({ kind: 'mep', name: 'A' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    ids.documents = (
      await db
        .insertInto('documents')
        .values({ kind: 'letter', title: 'D' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    ids.sources = (
      await db
        .insertInto('sources')
        .values({ title: 'S' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    ids.advocacy_actions = (
      await db
        .insertInto('advocacyActions')
        .values({ kind: 'meeting', actionDate: '2023-01-01', datePrecision: 'day' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(() => database.close())

  async function setValue(target: Target, value: string) {
    const literal = target.array ? sql`ARRAY[${value}]::text[]` : sql`${value}`
    await sql`update ${sql.table(target.table)} set ${sql.ref(target.column)} = ${literal} where id = ${ids[target.table]}`.execute(
      database.db,
    )
  }

  for (const target of TARGETS) {
    it(`${target.table}.${target.column} accepts every value of the vocabulary and refuses others`, async () => {
      for (const value of target.values) await setValue(target, value)
      await expect(setValue(target, 'not_a_real_value')).rejects.toThrow(/check constraint/i)
    })
  }

  it('audit_events.action accepts the audit vocabulary and refuses others', async () => {
    for (const action of V.AUDIT_ACTIONS) {
      await database.db
        .insertInto('auditEvents')
        .values({ entity: 'case', entityId: '1', action, changes: '[]' })
        .execute()
    }
    await expect(
      sql`insert into audit_events (entity, entity_id, action) values ('case', '1', 'not_a_real_value')`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check constraint/i)
  })

  it('audit rows cannot be changed or removed', async () => {
    await expect(sql`update audit_events set entity = 'x'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`delete from audit_events`.execute(database.db)).rejects.toThrow(/append-only/)
  })

  it('a citation points at exactly one target', async () => {
    const sourceId = ids.sources!
    await database.db.insertInto('citations').values({ sourceId, caseId: ids.cases }).execute()
    await expect(
      database.db.insertInto('citations').values({ sourceId }).execute(),
    ).rejects.toThrow(/citations_exactly_one_target/)
    await expect(
      database.db
        .insertInto('citations')
        .values({ sourceId, caseId: ids.cases, documentId: ids.documents })
        .execute(),
    ).rejects.toThrow(/citations_exactly_one_target/)
  })

  it('emails are unique whatever their case', async () => {
    await expect(
      database.db
        .insertInto('users')
        .values({ email: 'V@Example.org', name: 'V2', role: 'viewer', passwordHash: 'x' })
        .execute(),
    ).rejects.toThrow(/users_email_unique/)
  })
})
