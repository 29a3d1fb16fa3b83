// The summary behind the unfiltered case list's counts (migration 0004) is kept by triggers in the
// same statement as every write to `cases`. After any mix of inserts, updates, deletions and a
// deleted owner, it must equal a count made from scratch — on both databases.
import fc from 'fast-check'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { summariseCases } from '../../app/models/case-facets.server'
import { applyCaseWrites, caseWrite } from '../support/random-case-writes'
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
    await fc.assert(
      fc.asyncProperty(fc.array(caseWrite, { minLength: 1, maxLength: 12 }), async (writes) => {
        await applyCaseWrites(db, writes)
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
