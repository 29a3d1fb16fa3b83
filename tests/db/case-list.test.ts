// Over 300 lines: one caseload made once through the model functions serves every search, filter,
// sort, page and facet test below; each test only reads it.
// The case list against real data: cases made with the model functions (so derived state is real),
// searched, filtered, sorted and paged, with facet counts checked against a brute-force count and a
// restricted case that exists only for the users who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  caseListSearch,
  FACET_KEYS,
  type CaseFilters,
  type FacetKey,
} from '../../app/domain/case-filters'
import { todayIso } from '../../app/domain/dates'
import { daysInDetention } from '../../app/domain/status'
import { searchTerms } from '../../app/domain/text'
import { createCase, type CaseFields } from '../../app/models/case.server'
import { countCaseFacets, type CaseFacets } from '../../app/models/case-facets.server'
import { listCasesForUser } from '../../app/models/case-list.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { recordStatusEvent, type StatusEventFields } from '../../app/models/status-event.server'
import { createUser } from '../../app/models/user.server'
import type { CustodyState, LegalStage, Role } from '../../app/domain/vocabularies'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

function fields(overrides: Partial<CaseFields> & { fullName: string }): CaseFields {
  return {
    ...{ aliases: [], displayName: null, country: null, region: null, nationality: null },
    ...{ grounds: [], riskLevel: 'medium', summary: '', internalNotes: '', visibility: 'internal' },
    ...{ consent: 'unknown', ownerId: null },
    ...overrides,
  }
}

/** An event dated "2018", "2023-02" or "2023-02-10": the precision follows what is written. */
function event(date: string, custodyState: CustodyState, legalStage?: LegalStage) {
  const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day'
  return {
    eventDate: `${date}${{ year: '-01-01', month: '-01', day: '' }[precision]}`,
    datePrecision: precision,
    custodyState,
    legalStage: legalStage ?? null,
    ...{ releaseReason: null, location: null, description: '', certainty: 'confirmed' },
  } satisfies StatusEventFields
}

const ALL = 1000 // a page size larger than every list here

describe.each(backends())('the case list on %s', (backend) => {
  let database: TestDatabase
  const users: Record<'admin' | 'editor' | 'viewer' | 'granted', Viewer> = {} as never
  const ids: Record<string, number> = {}

  const names = async (viewer: Viewer, filters: Partial<CaseFilters>, sort = 'name' as const) =>
    (
      await listCasesForUser(database.db, {
        viewer,
        filters: { q: '', ...filters },
        sort,
        pageSize: ALL,
      })
    ).cases.map((row) => row.fullName)

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const { db } = database
    const roles: [keyof typeof users, Role][] = [
      ['admin', 'admin'],
      ['editor', 'editor'],
      ['viewer', 'viewer'],
      ['granted', 'viewer'],
    ]
    for (const [key, role] of roles) {
      const user = await createUser(db, {
        email: `${key}@example.org`,
        name: `${key[0]!.toUpperCase()}${key.slice(1)} User`,
        role,
        password: 'a long enough password',
      })
      users[key] = { id: user.id, role }
    }
    const actor = { userId: users.admin.id }
    const { editor, admin } = users
    const cases: [Partial<CaseFields> & { fullName: string }, StatusEventFields[]][] = [
      [
        {
          ...{ fullName: 'Idris Arsamikov', aliases: ['Идрис Арсамиков'], country: 'Russia' },
          ...{ grounds: ['sexual_orientation'], riskLevel: 'critical', visibility: 'public' },
          ...{ summary: 'Gay Chechen refugee arrested at Moscow airport', ownerId: editor.id },
        },
        [event('2018', 'at_risk'), event('2023-02', 'detained', 'under_investigation')],
      ],
      [
        {
          ...{ fullName: 'Maria Kovalenko', country: 'Belarus', grounds: ['journalism'] },
          ...{ riskLevel: 'high', ownerId: admin.id },
        },
        [
          event('2021-05-10', 'detained', 'charged'),
          event('2022-01-15', 'imprisoned', 'sentenced'),
        ],
      ],
      [
        {
          ...{
            fullName: 'Ahmed Saleh',
            country: 'Egypt',
            grounds: ['activism', 'political_opinion'],
          },
          ...{ visibility: 'public', summary: 'Student activist', ownerId: editor.id },
        },
        [event('2023-02-10', 'pretrial_detention', 'charged')],
      ],
      [
        {
          ...{ fullName: 'Zelim Arsamov', aliases: ['Зелим Арсамов'], country: 'Russia' },
          ...{ grounds: ['sexual_orientation', 'religion'], riskLevel: 'critical' },
          ...{ visibility: 'restricted', ownerId: admin.id },
        },
        [event('2019-03', 'disappeared')],
      ],
      [
        {
          ...{ fullName: 'Lena Petrova', country: 'Russia', grounds: ['gender_identity'] },
          ...{ riskLevel: 'low', visibility: 'public' },
        },
        [event('2020-01-01', 'detained'), event('2021-01-01', 'released', 'acquitted')],
      ],
      [{ fullName: 'Omar Haddad' }, []],
    ]
    for (const [caseFields, events] of cases) {
      const created = await createCase(db, { actor, fields: fields(caseFields) })
      for (const e of events) await recordStatusEvent(db, { actor, caseId: created.id, fields: e })
      ids[caseFields.fullName] = created.id
    }
    await db
      .insertInto('caseAccess')
      .values({ caseId: ids['Zelim Arsamov']!, userId: users.granted.id })
      .execute()
  })
  afterAll(() => database.close())

  it('finds a case by Latin, Cyrillic, prefix and summary words, in any case', async () => {
    const { viewer } = users
    for (const q of ['Арсамиков', 'arsamikov', 'ARSAMIKOV', 'idris arsam', 'Арсам', 'moscow air'])
      expect(await names(viewer, { q }), q).toEqual(['Idris Arsamikov'])
    expect(await names(viewer, { q: 'activist' })).toEqual(['Ahmed Saleh'])
    expect(await names(viewer, { q: 'nobody-like-this' })).toEqual([])
    // What a user types never becomes SQL: quotes and operators are only separators.
    expect(await names(viewer, { q: "arsam') | ! & (:*" })).toEqual(['Idris Arsamikov'])
    expect(await names(viewer, { q: '   ' })).toHaveLength(5)
  })

  it('hides a restricted case from list and search unless access was granted (or admin)', async () => {
    expect(await names(users.viewer, { q: 'arsam' })).toEqual(['Idris Arsamikov'])
    expect(await names(users.editor, { q: 'Зелим' })).toEqual([])
    expect(await names(users.viewer, { visibility: 'restricted' })).toEqual([])
    expect(await names(users.granted, { q: 'arsam' })).toEqual(['Idris Arsamikov', 'Zelim Arsamov'])
    expect(await names(users.admin, { q: 'Зелим' })).toEqual(['Zelim Arsamov'])
    expect(await names(users.viewer, {})).not.toContain('Zelim Arsamov')
    expect(await names(users.admin, {})).toContain('Zelim Arsamov')
  })

  it('applies each filter', async () => {
    const { viewer, admin } = users
    const [idris, lena, zelim, ahmed] = [
      'Idris Arsamikov',
      'Lena Petrova',
      'Zelim Arsamov',
      'Ahmed Saleh',
    ]
    const expectations: [Viewer, Partial<CaseFilters>, string[]][] = [
      [viewer, { custody: 'detained' }, [idris]],
      [viewer, { custody: 'released' }, [lena]],
      [viewer, { stage: 'charged' }, [ahmed]],
      [viewer, { country: 'Russia' }, [idris, lena]],
      [admin, { country: 'Russia' }, [idris, lena, zelim]],
      [viewer, { ground: 'political_opinion' }, [ahmed]],
      [admin, { ground: 'sexual_orientation' }, [idris, zelim]],
      [viewer, { risk: 'critical' }, [idris]],
      [viewer, { visibility: 'internal' }, ['Maria Kovalenko', 'Omar Haddad']],
      [viewer, { owner: users.editor.id }, [ahmed, idris]],
      [viewer, { country: 'Russia', custody: 'detained', q: 'idris' }, [idris]],
      [viewer, { country: 'Russia', custody: 'imprisoned' }, []],
    ]
    for (const [who, filters, expected] of expectations)
      expect(await names(who, filters), JSON.stringify(filters)).toEqual(expected)
  })

  it('sorts by name, by longest detention (counted as the page counts it) and by last update', async () => {
    const { admin, viewer, granted } = users
    expect(await names(viewer, {}, 'name')).toEqual([
      'Ahmed Saleh',
      'Idris Arsamikov',
      'Lena Petrova',
      'Maria Kovalenko',
      'Omar Haddad',
    ])
    // Arsamikov was detained in "February 2023": counted from 28 February, so Saleh (10 February)
    // has been held longer although Arsamikov's stored first day is earlier.
    const byDetention = await listCasesForUser(database.db, {
      viewer: admin,
      filters: { q: '' },
      sort: 'detention',
      pageSize: ALL,
    })
    expect(byDetention.cases.map((row) => row.fullName)).toEqual([
      'Zelim Arsamov',
      'Maria Kovalenko',
      'Ahmed Saleh',
      'Idris Arsamikov',
      // Not deprived of liberty now: last, by id.
      'Lena Petrova',
      'Omar Haddad',
    ])
    const today = todayIso()
    const days = byDetention.cases.map(
      (row) =>
        daysInDetention(
          row.detainedSince && row.detainedSincePrecision
            ? { date: row.detainedSince, precision: row.detainedSincePrecision }
            : null,
          today,
        )?.days ?? -1,
    )
    expect(days).toEqual([...days].sort((a, b) => b - a))

    await database.db
      .updateTable('cases')
      .set({ updatedAt: new Date(Date.now() + 3_600_000) })
      .where('id', '=', ids['Lena Petrova']!)
      .execute()
    const byUpdate = await listCasesForUser(database.db, {
      viewer: granted,
      filters: { q: '' },
      pageSize: ALL,
    })
    expect(byUpdate.cases[0]!.fullName).toBe('Lena Petrova')
    const times = byUpdate.cases.map((row) => new Date(row.updatedAt).getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(byUpdate.cases.map((row) => row.fullName)).toContain('Zelim Arsamov')
  })

  it('pages 50 at a time, tells the total, and answers a page past the end with the last one', async () => {
    const actor = { userId: users.admin.id }
    for (let n = 1; n <= 53; n++) {
      const fullName = `Bulk Case ${String(n).padStart(2, '0')}`
      await createCase(database.db, { actor, fields: fields({ fullName, country: 'Atlantis' }) })
    }
    const filters = { q: '', country: 'Atlantis' }
    const atPage = (page: number, f: CaseFilters = filters) =>
      listCasesForUser(database.db, { viewer: users.viewer, filters: f, sort: 'name', page })
    const first = await atPage(1)
    expect(first).toMatchObject({ total: 53, page: 1, pageCount: 2, pageSize: 50 })
    expect(first.cases).toHaveLength(50)
    expect(first.cases[0]!.fullName).toBe('Bulk Case 01')
    expect((await atPage(2)).cases.map((row) => row.fullName)).toEqual([
      'Bulk Case 51',
      'Bulk Case 52',
      'Bulk Case 53',
    ])
    const beyond = await atPage(40)
    expect(beyond).toMatchObject({ page: 2, total: 53, pageCount: 2 })
    expect(beyond.cases).toHaveLength(3)
    expect(await atPage(3, { q: 'nobody' })).toMatchObject({
      cases: [],
      total: 0,
      page: 1,
      pageCount: 1,
    })
    expect(caseListSearch({ filters, sort: 'name', page: 1 }, { page: 2 })).toBe(
      '?country=Atlantis&sort=name&page=2',
    )
  })

  describe('facet counts equal a brute-force count over the cases each user may see', () => {
    const countsOf = (facets: CaseFacets) =>
      Object.fromEntries(
        FACET_KEYS.map((key) => [
          key,
          Object.fromEntries(facets[key].map((f) => [f.value, f.count])),
        ]),
      )
    type Row = Awaited<ReturnType<typeof loadAll>>[number]
    const loadAll = () => database.db.selectFrom('cases').selectAll().execute()

    function bruteForce(rows: Row[], access: Set<string>, viewer: Viewer, filters: CaseFilters) {
      const visible = rows.filter(
        (c) =>
          viewer.role === 'admin' ||
          c.visibility !== 'restricted' ||
          access.has(`${c.id}:${viewer.id}`),
      )
      const terms = searchTerms(filters.q)
      const valuesOf = (c: Row, key: FacetKey): string[] => {
        const value = {
          custody: c.currentCustodyState,
          stage: c.currentLegalStage,
          country: c.country,
          ground: null,
          risk: c.riskLevel,
          visibility: c.visibility,
          owner: c.ownerId === null ? null : String(c.ownerId),
        }[key]
        return key === 'ground' ? c.grounds : value === null ? [] : [value]
      }
      const matches = (c: Row, except?: FacetKey) => {
        const words = c.searchText.split(/[^\p{L}\p{N}]+/u)
        const inName = (t: string) =>
          ([...t].length >= 3 || /\p{Script=Han}/u.test(t)) && c.nameSearchText.includes(t)
        if (!terms.every((t) => words.some((w) => w.startsWith(t)) || inName(t))) return false
        return FACET_KEYS.every(
          (key) =>
            key === except ||
            filters[key] === undefined ||
            valuesOf(c, key).includes(String(filters[key])),
        )
      }
      const counts = {} as Record<FacetKey, Record<string, number>>
      for (const key of FACET_KEYS) {
        counts[key] = {}
        for (const c of visible.filter((row) => matches(row, key)))
          for (const value of valuesOf(c, key)) counts[key][value] = (counts[key][value] ?? 0) + 1
      }
      return { counts, total: visible.filter((c) => matches(c)).length }
    }

    const COMBINATIONS: Partial<CaseFilters>[] = [
      {},
      { q: 'arsam' },
      { q: 'a' },
      { q: 'sam' },
      { q: '晓' },
      { custody: 'detained' },
      { country: 'Russia', ground: 'sexual_orientation' },
      { risk: 'critical', visibility: 'restricted' },
      { visibility: 'public', stage: 'charged' },
      { q: 'Арсам', country: 'Russia' },
      { custody: 'released', country: 'Atlantis' },
    ]

    it.each(['viewer', 'granted', 'editor', 'admin'] as const)('for the %s', async (who) => {
      const viewer = users[who]
      const rows = await loadAll()
      const access = new Set(
        (await database.db.selectFrom('caseAccess').selectAll().execute()).map(
          (a) => `${a.caseId}:${a.userId}`,
        ),
      )
      for (const partial of COMBINATIONS) {
        const filters = { q: '', ...partial }
        const expected = bruteForce(rows, access, viewer, filters)
        const facets = await countCaseFacets(database.db, { viewer, filters })
        expect(countsOf(facets), JSON.stringify(partial)).toEqual(expected.counts)
        const list = await listCasesForUser(database.db, { viewer, filters })
        expect(list.total, JSON.stringify(partial)).toBe(expected.total)
      }
    })

    it('never counts the restricted case for a user without access, under any value', async () => {
      const facetsFor = (viewer: Viewer) =>
        countCaseFacets(database.db, { viewer, filters: { q: 'arsam' } })
      const [editor, admin] = [users.editor.id, users.admin.id]
      const forViewer = await facetsFor(users.viewer)
      expect(countsOf(forViewer)).toEqual({
        ...{ custody: { detained: 1 }, stage: { under_investigation: 1 }, country: { Russia: 1 } },
        ...{ ground: { sexual_orientation: 1 }, risk: { critical: 1 }, visibility: { public: 1 } },
        owner: { [editor]: 1 },
      })
      expect(forViewer.owner).toEqual([{ value: String(editor), label: 'Editor User', count: 1 }])
      expect(countsOf(await facetsFor(users.granted))).toEqual({
        custody: { detained: 1, disappeared: 1 },
        ...{ stage: { under_investigation: 1 }, country: { Russia: 2 }, risk: { critical: 2 } },
        ground: { sexual_orientation: 2, religion: 1 },
        visibility: { public: 1, restricted: 1 },
        owner: { [editor]: 1, [admin]: 1 },
      })
    })
  })
})
