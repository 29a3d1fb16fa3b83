// Searching the case list by a part of a name, in any script (Latin, Cyrillic, Chinese, Georgian,
// Arabic), accents and vowel signs folded, and never finding a restricted case for a user without access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase } from '../../app/models/case.server'
import { listCasesForUser } from '../../app/models/case-list.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { caseFields } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const ALL = 1000 // a page size larger than every list here

describe.each(backends())('search by a part of a name on %s', (backend) => {
  let database: TestDatabase
  const viewer: Viewer = { id: 0, role: 'viewer' }
  const editor: Viewer = { id: 0, role: 'editor' }
  const admin: Viewer = { id: 0, role: 'admin' }
  const names = async (who: Viewer, q: string) =>
    (
      await listCasesForUser(database.db, {
        viewer: who,
        filters: { q },
        sort: 'name',
        pageSize: ALL,
      })
    ).cases.map((row) => row.fullName)

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const actor = { userId: null }
    for (const overrides of [
      { fullName: 'Idris Arsamikov', aliases: ['Идрис Арсамиков'], summary: 'Arrested in Moscow' },
      { fullName: 'Zelim Arsamov', aliases: ['Зелим Арсамов'], visibility: 'restricted' as const },
      { fullName: '刘晓波', aliases: ['Liu Xiaobo'], country: 'China' },
      { fullName: 'ნიკა მელია', country: 'Georgia' },
      { fullName: 'عبد الهادي الخواجة', displayName: 'Zoë Ørsted', country: 'Bahrain' },
    ])
      await createCase(database.db, { actor, fields: caseFields({ country: null, ...overrides }) })
  })
  afterAll(() => database.close())

  it('finds a name in any script by any part of it, accents and vowel signs folded', async () => {
    const found = async (q: string) => names(viewer, q)
    for (const q of ['晓波', '刘', '刘晓波', 'xiaobo', 'liu xiao'])
      expect(await found(q), q).toEqual(['刘晓波'])
    for (const q of ['самик', 'САМИКОВ', 'rsamik', 'idris самик'])
      expect(await found(q), q).toEqual(['Idris Arsamikov'])
    expect(await found('ელი')).toEqual(['ნიკა მელია'])
    expect(await found('هادي')).toEqual(['عبد الهادي الخواجة'])
    expect(await found('الخَواجة')).toEqual(['عبد الهادي الخواجة'])
    expect(await found('orst')).toEqual(['عبد الهادي الخواجة'])
    expect(await found('RSTED')).toEqual(['عبد الهادي الخواجة'])
    // Two letters of an alphabet start words only: inside names they would match nearly everything.
    expect(await found('rs')).toEqual([])
    // Part of a name, not of a summary (the summary is searched by its words).
    expect(await found('oscow')).toEqual([])
    expect(await found('晓波 nobody')).toEqual([])
    expect(await names(editor, 'елим')).toEqual([])
    expect(await names(admin, 'елим')).toEqual(['Zelim Arsamov'])
  })
})
