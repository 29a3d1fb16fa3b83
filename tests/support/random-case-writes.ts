// Random writes to `cases` for the tests of the summaries its triggers keep (case_facet_counts,
// case_facet_pair_counts): inserts with owners, updates, deletions, and an owner deleted (ON DELETE
// SET NULL updates their cases), each as one statement.
import fc from 'fast-check'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { CUSTODY_STATES, GROUNDS, RISK_LEVELS, VISIBILITIES } from '../../app/domain/vocabularies'

export const caseWrite = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    country: fc.constantFrom(null, 'Russia', 'China', 'Georgia'),
    visibility: fc.constantFrom(...VISIBILITIES),
    grounds: fc.subarray([...GROUNDS], { maxLength: 3 }),
    custody: fc.constantFrom(null, ...CUSTODY_STATES),
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
export type CaseWrite = typeof caseWrite extends fc.Arbitrary<infer T> ? T : never

let serial = 0

/** Runs one random write; then one statement touching many rows, counted as one delta. */
export async function applyCaseWrites(db: Kysely<Database>, writes: CaseWrite[]): Promise<void> {
  for (const w of writes) {
    const ids = (await db.selectFrom('cases').select('id').orderBy('id').execute()).map((r) => r.id)
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
          currentCustodyState: w.custody,
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
  await db.updateTable('cases').set({ riskLevel: 'high' }).where('country', '=', 'China').execute()
}
