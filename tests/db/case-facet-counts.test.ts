// The summary behind the unfiltered case list's counts (migration 0004) is kept by triggers in the
// same statement as every write to `cases`. After any mix of inserts, updates, deletions and a
// deleted owner, it must equal a count made from scratch — on both databases.
import fc from 'fast-check'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { summariseCases } from '../../app/models/case-facets.server'
import { CUSTODY_STATES, GROUNDS, RISK_LEVELS, VISIBILITIES } from '../../app/domain/vocabularies'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

async function summary(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('caseFacetCounts')
    .select(['facet', 'value', 'restricted', 'n'])
    .where('n', '<>', 0)
    .orderBy(['facet', 'value', 'restricted'])
    .execute()
  return rows.map((r) => `${r.facet}|${r.value}|${r.restricted}|${r.n}`)
}

async function recount(db: Kysely<Database>) {
  const { rows } = await sql<{ facet: string; value: string; restricted: boolean; n: number }>`
    select facet, value, restricted, count(*)::int as n from (
      select 'total' as facet, 'all' as value, visibility = 'restricted' as restricted from cases
      union all select 'custody', current_custody_state, visibility = 'restricted' from cases where current_custody_state is not null
      union all select 'stage', current_legal_stage, visibility = 'restricted' from cases where current_legal_stage is not null
      union all select 'country', country, visibility = 'restricted' from cases where country is not null
      union all select 'risk', risk_level, visibility = 'restricted' from cases
      union all select 'visibility', visibility, visibility = 'restricted' from cases
      union all select 'owner', owner_id::text, visibility = 'restricted' from cases where owner_id is not null
      union all select 'ground', g, visibility = 'restricted' from cases, unnest(grounds) as g
    ) as k group by facet, value, restricted order by facet, value, restricted`.execute(db)
  return rows.map((r) => `${r.facet}|${r.value}|${r.restricted}|${r.n}`)
}

const write = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    country: fc.constantFrom(null, 'Russia', 'China', 'Georgia'),
    visibility: fc.constantFrom(...VISIBILITIES),
    grounds: fc.subarray([...GROUNDS], { maxLength: 3 }),
    owner: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    pick: fc.nat(),
    custody: fc.constantFrom(null, ...CUSTODY_STATES),
    risk: fc.constantFrom(...RISK_LEVELS),
    visibility: fc.constantFrom(...VISIBILITIES),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deleteOwner' as const) }),
)

describe.each(backends())('case facet counts on %s', (backend) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(async () => {
    await database?.close()
  })

  it('equal a count from scratch after any sequence of writes', async () => {
    const db = database.db
    let serial = 0
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const w of writes) {
          const ids = (await db.selectFrom('cases').select('id').orderBy('id').execute()).map(
            (r) => r.id,
          )
          if (w.kind === 'insert') {
            serial++
            const owner = w.owner
              ? await db
                  .insertInto('users')
                  .values({
                    email: `owner${serial}@example.org`,
                    name: `Owner ${serial}`,
                    role: 'editor',
                    passwordHash: 'x',
                  })
                  .returning('id')
                  .executeTakeFirstOrThrow()
              : null
            await db
              .insertInto('cases')
              .values({
                slug: `case-${serial}`,
                fullName: `Case ${serial}`,
                country: w.country,
                visibility: w.visibility,
                grounds: w.grounds,
                ownerId: owner?.id ?? null,
              })
              .execute()
          } else if (w.kind === 'update' && ids.length > 0) {
            await db
              .updateTable('cases')
              .set({ currentCustodyState: w.custody, riskLevel: w.risk, visibility: w.visibility })
              .where('id', '=', ids[w.pick % ids.length]!)
              .execute()
          } else if (w.kind === 'delete' && ids.length > 0) {
            await db
              .deleteFrom('cases')
              .where('id', '=', ids[w.pick % ids.length]!)
              .execute()
          } else if (w.kind === 'deleteOwner') {
            // ON DELETE SET NULL updates the cases: the triggers see it as any update.
            await db
              .deleteFrom('users')
              .where('email', 'like', 'owner%')
              .where('id', '=', (eb) =>
                eb
                  .selectFrom('users')
                  .select((s) => s.fn.min('id').as('m'))
                  .where('email', 'like', 'owner%'),
              )
              .execute()
          }
        }
        // A statement touching many rows at once is counted as one delta.
        await db
          .updateTable('cases')
          .set({ riskLevel: 'high' })
          .where('country', '=', 'China')
          .execute()
        expect(await summary(db)).toEqual(await recount(db))
      }),
      { numRuns: 25 },
    )
  })
  it('answer the unfiltered list and a lone filter from the summary, not by counting cases', async () => {
    const db = database.db
    await db
      .insertInto('cases')
      .values({
        slug: 'summary-probe',
        fullName: 'Summary Probe',
        searchText: 'summary probe',
        country: 'Georgia',
        currentCustodyState: 'detained',
      })
      .execute()
    const admin = { id: 1, role: 'admin' as const }
    const before = await summariseCases(db, { viewer: admin, filters: { q: '' } })
    // A summary nudged by hand shows through where (and only where) it is read.
    await db
      .updateTable('caseFacetCounts')
      .set((eb) => ({ n: eb('n', '+', 1000) }))
      .where('facet', 'in', ['total', 'custody'])
      .where('restricted', '=', false)
      .execute()
    try {
      const unfiltered = await summariseCases(db, { viewer: admin, filters: { q: '' } })
      expect(unfiltered.total).toBe(before.total + 1000)
      const lone = await summariseCases(db, {
        viewer: admin,
        filters: { q: '', custody: 'detained' },
      })
      expect(lone.facets.custody.find((f) => f.value === 'detained')?.count).toBeGreaterThan(1000)
      // Its total is the detained cases, counted live.
      expect(lone.total).toBeLessThan(1000)
      const searched = await summariseCases(db, { viewer: admin, filters: { q: 'summary' } })
      expect(searched.total).toBe(1)
    } finally {
      await db
        .updateTable('caseFacetCounts')
        .set((eb) => ({ n: eb('n', '-', 1000) }))
        .where('facet', 'in', ['total', 'custody'])
        .where('restricted', '=', false)
        .execute()
    }
  })
})
