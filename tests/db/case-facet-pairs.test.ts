// The case list with one filter reads its other facets and its total from `case_facet_pair_counts`
// (migration 0013), kept by triggers with every write to `cases`. After any mix of inserts, updates
// and deletions the summary equals a count from scratch, and every lone filter's facets and total
// equal a brute-force count for an admin, an editor granted some restricted cases, and a viewer —
// on both databases.
import fc from 'fast-check'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { FACET_KEYS, type CaseFilters, type FacetKey } from '../../app/domain/case-filters'
import { summariseCases } from '../../app/models/case-facets.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { CUSTODY_STATES, GROUNDS, RISK_LEVELS, VISIBILITIES } from '../../app/domain/vocabularies'
import { makeUser } from '../support/fixtures'
import { applyCaseWrites, caseWrite } from '../support/random-case-writes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

type CaseRow = Awaited<ReturnType<typeof allCases>>[number]

const allCases = (db: Kysely<Database>) =>
  db
    .selectFrom('cases')
    .select([
      'id',
      'visibility',
      'currentCustodyState',
      'currentLegalStage',
      'country',
      'riskLevel',
      'ownerId',
      'grounds',
    ])
    .orderBy('id')
    .execute()

/** The (facet, value) keys a case counts under, as migration 0004's case_facet_keys lists them. */
function keysOf(c: CaseRow): [string, string][] {
  const keys: [string, string | null][] = [
    ['total', 'all'],
    ['custody', c.currentCustodyState],
    ['stage', c.currentLegalStage],
    ['country', c.country],
    ['risk', c.riskLevel],
    ['visibility', c.visibility],
    ['owner', c.ownerId === null ? null : String(c.ownerId)],
  ]
  return [
    ...keys.filter((k): k is [string, string] => k[1] !== null),
    ...c.grounds.map((g): [string, string] => ['ground', g]),
  ]
}

async function storedPairs(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('caseFacetPairCounts')
    .select(['facet', 'value', 'otherFacet', 'otherValue', 'restricted', 'n'])
    .where('n', '<>', 0)
    .execute()
  return rows
    .map((r) => `${r.facet}|${r.value}|${r.otherFacet}|${r.otherValue}|${r.restricted}|${r.n}`)
    .sort()
}

async function brutePairs(db: Kysely<Database>) {
  const counts = new Map<string, number>()
  for (const c of await allCases(db)) {
    const keys = keysOf(c)
    for (const [facet, value] of keys)
      for (const [other, otherValue] of keys) {
        if (facet === 'total' || facet === other) continue
        const key = `${facet}|${value}|${other}|${otherValue}|${c.visibility === 'restricted'}`
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
  }
  return [...counts].map(([k, n]) => `${k}|${n}`).sort()
}

/** Facets and total of the cases a reader sees with one filter, counted in TypeScript. */
function bruteSummary(
  cases: CaseRow[],
  sees: (c: CaseRow) => boolean,
  key: FacetKey,
  value: string,
) {
  const visible = cases.filter(sees)
  const has = (c: CaseRow, facet: string, v: string) =>
    keysOf(c).some(([f, kv]) => f === facet && kv === v)
  const facets: Record<string, string[]> = {}
  for (const facet of FACET_KEYS) {
    const set = facet === key ? visible : visible.filter((c) => has(c, key, value))
    const counts = new Map<string, number>()
    for (const c of set)
      for (const [f, v] of keysOf(c)) if (f === facet) counts.set(v, (counts.get(v) ?? 0) + 1)
    facets[facet] = [...counts].map(([v, n]) => `${v}=${n}`).sort()
  }
  return { total: visible.filter((c) => has(c, key, value)).length, facets }
}

describe.each(backends())('case facet pair counts on %s', (backend) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(async () => {
    await database?.close()
  })

  it('equal a count from scratch after any sequence of writes, and after rebuild_summaries()', async () => {
    const db = database.db
    await fc.assert(
      fc.asyncProperty(fc.array(caseWrite, { minLength: 1, maxLength: 10 }), async (writes) => {
        await applyCaseWrites(db, writes)
        expect(await storedPairs(db)).toEqual(await brutePairs(db))
      }),
      { numRuns: 20 },
    )
    const before = await storedPairs(db)
    await sql`select rebuild_summaries()`.execute(db)
    expect(await storedPairs(db)).toEqual(before)
  })

  it('give every lone filter the facets and total a brute-force count gives each reader', async () => {
    const db = database.db
    const admin = await makeUser(db, 'admin')
    const editor = await makeUser(db, 'editor')
    const viewer = await makeUser(db, 'viewer')
    // A world of its own (the first test's writes add to it when run before).
    await db
      .insertInto('cases')
      .values(
        Array.from({ length: 36 }, (_, i) => ({
          slug: `lone-${i}`,
          fullName: `Lone ${i}`,
          country: ['Russia', 'China', 'Georgia', null][i % 4]!,
          visibility: VISIBILITIES[i % VISIBILITIES.length]!,
          grounds: GROUNDS.slice(i % 3, (i % 3) + (i % 2) + 1),
          currentCustodyState: [null, ...CUSTODY_STATES][i % (CUSTODY_STATES.length + 1)]!,
          riskLevel: RISK_LEVELS[i % RISK_LEVELS.length]!,
          ownerId: i % 3 === 0 ? editor.id : null,
        })),
      )
      .execute()
    const restricted = await db
      .selectFrom('cases')
      .select('id')
      .where('visibility', '=', 'restricted')
      .execute()
    const granted = new Set(restricted.filter((_, i) => i % 2 === 0).map((r) => r.id))
    if (granted.size > 0)
      await db
        .insertInto('caseAccess')
        .values([...granted].map((caseId) => ({ caseId, userId: editor.id, grantedBy: admin.id })))
        .execute()
    expect(restricted.length).toBeGreaterThan(granted.size)
    const cases = await allCases(db)
    const readers: [Viewer, (c: CaseRow) => boolean][] = [
      [{ id: admin.id, role: 'admin' }, () => true],
      [
        { id: editor.id, role: 'editor' },
        (c) => c.visibility !== 'restricted' || granted.has(c.id),
      ],
      [{ id: viewer.id, role: 'viewer' }, (c) => c.visibility !== 'restricted'],
    ]
    const lones = new Set<string>()
    for (const c of cases) for (const [f, v] of keysOf(c)) if (f !== 'total') lones.add(`${f}|${v}`)
    expect(lones.size).toBeGreaterThan(10)
    for (const [reader, sees] of readers)
      for (const lone of lones) {
        const [key, value] = lone.split('|') as [FacetKey, string]
        const filters = {
          q: '',
          [key]: key === 'owner' ? Number(value) : value,
        } as unknown as CaseFilters
        const got = await summariseCases(db, { viewer: reader, filters })
        const facets = Object.fromEntries(
          FACET_KEYS.map((f) => [f, got.facets[f].map((x) => `${x.value}=${x.count}`).sort()]),
        )
        expect({ reader: reader.role, lone, total: got.total, facets }).toEqual({
          reader: reader.role,
          lone,
          ...bruteSummary(cases, sees, key, value),
        })
      }
  })
})
