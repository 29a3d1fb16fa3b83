// Five people save the same record at once, each from a form read at the same version: exactly one
// save wins, the others answer 409 keeping what they typed, the record holds the winner's values at
// version + 1, one audit row records the edit and nothing else moved. Two confirmations of the same
// press release at once: one imports it, the other is told it is already imported.
import fs from 'node:fs'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { action as importAction } from '../../app/routes/documents.import'
import { makeCase, makeUser } from '../support/fixtures'
import { buildEditTargets, type EditKind, type EditTarget } from '../support/edit-targets'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { countChanges, rowCounts } from '../support/row-counts'
import { formPost, runAction, signInCookie, type ActionResult } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const N = 5
const FIXTURE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/press-release-idris-arsamikov.txt'),
  'utf8',
)

/**
 * Both confirmations are held at their first write until both have passed the "already imported?"
 * check, so neither can see the other's document: the race is real, not a matter of timing. The lock
 * lets reads through and stops writes to documents; it is let go once two requests wait on a lock.
 */
async function racedOnPostgres(db: Kysely<Database>, confirm: () => Promise<ActionResult>) {
  let answers: Promise<[ActionResult, ActionResult]> | undefined
  await db.transaction().execute(async (trx) => {
    await sql`lock table documents in exclusive mode`.execute(trx)
    answers = Promise.all([confirm(), confirm()])
    for (let waited = 0; ; waited += 20) {
      // This database only: other tests may wait on locks of their own in the same server.
      await sql`select pg_stat_clear_snapshot()`.execute(trx)
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(trx)
      if (rows[0]!.n >= 2) break
      if (waited > 10_000) throw new Error('the two confirmations never both waited')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })
  return answers!
}

describe.each(backends())('concurrent edits on %s', (backend) => {
  let database: TestDatabase
  let cookie: string
  let edits: Record<EditKind, EditTarget>

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const editor = await makeUser(database.db, 'editor', 'Рахель Editor')
    cookie = await signInCookie(editor.email)
    edits = await buildEditTargets(database.db, editor)
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  const auditRows = (entity: string, entityId: number) =>
    database.db
      .selectFrom('auditEvents')
      .select(['id', 'changes'])
      .where('entity', '=', entity)
      .where('entityId', '=', String(entityId))
      .where('action', '=', 'update')
      .execute()

  it.each(['case', 'event', 'document', 'action'] as const)(
    `lets one of ${N} parallel saves of the same %s win and answers 409 to the others`,
    async (kind) => {
      const edit = edits[kind]
      const { version } = await edit.saved()
      const before = await rowCounts(database.db)
      const auditBefore = await auditRows(edit.entity, edit.entityId)
      const forms = Array.from({ length: N }, (_, n) => edit.form(version, n))
      const results = await Promise.all(
        forms.map((form) => edit.post(formPost(edit.path, cookie, form))),
      )

      const statuses = results.map((r) => r.status).sort()
      expect(statuses).toEqual([302, ...Array<number>(N - 1).fill(409)])
      const winner = results.findIndex((r) => r.status === 302)
      for (const [n, result] of results.entries()) {
        if (n === winner) continue
        // The loser's form comes back with what they typed and the version now saved.
        for (const [field, typed] of Object.entries(forms[n]!))
          if (field !== 'version' && field !== 'caseIds' && field !== 'grounds')
            expect(result.data.values[field], `${kind} ${field}`).toBe(typed)
        expect(result.data.version).toBe(version + 1)
        expect(result.data.conflict.differences.length).toBeGreaterThan(0)
      }

      const saved = await edit.saved()
      expect(saved).toEqual({ version: version + 1, ...edit.expected(winner) })
      const auditAfter = await auditRows(edit.entity, edit.entityId)
      expect(auditAfter.length).toBe(auditBefore.length + 1)
      // Exactly the one audit row moved; every other table holds as many rows as before.
      expect(countChanges(before, await rowCounts(database.db))).toEqual({ auditEvents: 1 })
    },
  )

  it('imports a press release once when it is confirmed twice at the same moment', async () => {
    const db = database.db
    await makeCase(db, { fullName: 'Idris Arsamikov', visibility: 'internal' })
    const previewForm = new FormData()
    previewForm.append('intent', 'preview')
    previewForm.append('text', FIXTURE)
    const preview = await runAction(
      importAction,
      new Request('http://localhost/documents/import', {
        method: 'POST',
        body: previewForm,
        headers: { Cookie: cookie },
      }),
    )
    expect(preview.data.stage).toBe('preview')
    const { values } = preview.data
    const form: Record<string, string | string[]> = { intent: 'confirm' }
    for (const [key, value] of Object.entries(values))
      if (typeof value === 'string') form[key] = value
    form.caseIds = values.caseIds
    values.quotes.forEach((q: Record<string, string>, i: number) =>
      Object.entries(q).forEach(([k, v]) => (form[`quote-${i}-${k}`] = v)),
    )
    values.footnotes.forEach((f: Record<string, string>, i: number) =>
      Object.entries(f).forEach(([k, v]) => (form[`footnote-${i}-${k}`] = v)),
    )
    values.contacts?.forEach((c: Record<string, string>, i: number) =>
      Object.entries(c).forEach(([k, v]) => (form[`contact-${i}-${k}`] = v)),
    )

    const before = await rowCounts(db)
    const confirm = () => runAction(importAction, formPost('/documents/import', cookie, form))
    const [first, second] =
      backend === 'postgres'
        ? await racedOnPostgres(db, confirm)
        : await Promise.all([confirm(), confirm()])
    const outcomes = [first!, second!].map((r) =>
      r.status === 302 ? 'imported' : r.data?.stage === 'duplicate' ? 'duplicate' : r.status,
    )
    expect(outcomes.sort()).toEqual(['duplicate', 'imported'])
    const told = [first!, second!].find((r) => r.status !== 302)!
    const documentId = Number(
      /\/documents\/(\d+)/.exec([first!, second!].find((r) => r.status === 302)!.location!)![1],
    )
    expect(told.data.existing).toMatchObject({ id: documentId, visible: true })
    const documents = await db
      .selectFrom('documents')
      .select('id')
      .where('contentHash', '=', values.contentHash)
      .execute()
    expect(documents).toEqual([{ id: documentId }])
    // What one import writes, written once: one document and one action, none twice.
    const changes = countChanges(before, await rowCounts(db))
    expect(changes).toMatchObject({ documents: 1, advocacyActions: 1 })
  })
})
