// Migration 0008 fills the folded names of the cases that exist before it in SQL; the app fills them
// in TypeScript (caseNameText) for every later write. Both must give the same text, or a case
// imported before the migration would not be found as one saved after it is.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as m0008 from '../../db/migrations/0008_case_person_fields'
import { caseNameText } from '../../app/domain/text'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const NAMES = [
  { fullName: 'Idris Arsamikov', displayName: null, aliases: ['Идрис Арсамиков', 'Ёжиков Йосиф'] },
  { fullName: '刘晓波', displayName: 'Liu Xiaobo', aliases: [] },
  { fullName: 'Zoë Ørsted-Łukasz', displayName: '', aliases: ['BJÖRK', 'Bjo\u0308rk'] },
  { fullName: 'مُحَمَّد عبد الهادي', displayName: null, aliases: ['ნიკა მელია', '김정은', 'たなか'] },
  { fullName: '𠀀 rare Han', displayName: null, aliases: [] },
]

describe.each(backends())('migration 0008 on %s', (backend) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(() => database.close())

  it('fills the folded names of existing cases exactly as the app does', async () => {
    const db = database.db
    await m0008.down(db)
    for (const [i, n] of NAMES.entries())
      await sql`INSERT INTO cases (slug, full_name, display_name, aliases)
        VALUES (${`m-${i}`}, ${n.fullName}, ${n.displayName}, ${n.aliases})`.execute(db)
    await m0008.up(db)
    const rows = await db
      .selectFrom('cases')
      .select(['slug', 'nameSearchText', 'gender', 'dateOfBirth'])
      .where('slug', 'like', 'm-%')
      .orderBy('slug')
      .execute()
    expect(rows.map((r) => r.nameSearchText)).toEqual(
      NAMES.map((n) => caseNameText({ ...n, displayName: n.displayName || null })),
    )
    expect(rows.every((r) => r.gender === 'unknown' && r.dateOfBirth === null)).toBe(true)
    expect(rows[1]!.nameSearchText).toBe('刘刘刘晓晓晓波波波\nliu xiaobo')
  })
})
