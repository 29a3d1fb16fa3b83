// The dashboard narrowed to "cases I follow" and "sponsored by" an MEP, on random data, equals a
// brute-force count over the scope's cases the reader may see: key figures, custody states,
// countries, action buckets, who needs attention and what is upcoming. The follows and the
// sponsorships include restricted cases, which a reader without a grant never sees counted.
import { type Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { latestDate, needsAttention } from '../../app/domain/attention'
import { addDays } from '../../app/charts/chart'
import type { DashboardScope } from '../../app/domain/dashboard-scope'
import { daysInDetention } from '../../app/domain/status'
import { DEPRIVED_OF_LIBERTY } from '../../app/domain/vocabularies'
import { countActionsByBucket } from '../../app/models/action-chart.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { listNeedsAttention, listUpcomingEvents } from '../../app/models/dashboard.server'
import {
  countScopedCasesBy,
  getScopedKeyFigures,
  scopedCases,
} from '../../app/models/dashboard-scope.server'
import {
  RANGES,
  TODAY,
  asMap,
  brute,
  bruteBuckets,
  median,
  openRandomDashboardWorld,
  type World,
} from '../support/random-dashboard-world'
import { backends } from '../support/test-database'

describe.each(backends())('dashboard narrowed to a set of cases on %s', (backend) => {
  const context = openRandomDashboardWorld(backend)
  let db: Kysely<Database>
  let world: World
  let viewers: Record<string, Viewer>
  let sponsorId: number
  const followed = new Set<number>()
  const sponsored = new Set<number>()

  beforeAll(async () => {
    ;({ db, world, viewers } = context)
    world.cases.forEach((c, i) => {
      if (i % 3 === 0) followed.add(c.id)
      if (i % 4 === 1) sponsored.add(c.id)
    })
    const restricted = world.cases.filter((c) => c.visibility === 'restricted')
    expect(restricted.some((c) => followed.has(c.id))).toBe(true)
    for (const viewer of Object.values(viewers))
      await db
        .insertInto('caseFollows')
        .values([...followed].map((caseId) => ({ userId: viewer.id, caseId })))
        .execute()
    sponsorId = (
      await db
        .insertInto('actors')
        .values({ kind: 'mep', name: 'Scope Sponsor' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await db
      .insertInto('caseSponsors')
      .values([...sponsored].map((caseId) => ({ caseId, actorId: sponsorId, note: '' })))
      .execute()
  })

  const scopes: [string, () => DashboardScope, (id: number) => boolean][] = [
    ['cases I follow', () => ({ following: true }), (id) => followed.has(id)],
    ['sponsored by', () => ({ following: false, sponsorId }), (id) => sponsored.has(id)],
    ['both', () => ({ following: true, sponsorId }), (id) => followed.has(id) && sponsored.has(id)],
  ]

  for (const role of ['admin', 'editor', 'viewer'] as const)
    for (const [name, scopeOf, inScope] of scopes)
      it(`counts ${name} as brute force does, for the ${role}`, async () => {
        const viewer = viewers[role]!
        const all = brute(world, viewer)
        const cases = all.cases.filter((c) => inScope(c.id))
        const ids = new Set(cases.map((c) => c.id))
        const actions = all.actions.filter((a) => a.caseIds.some((id) => ids.has(id)))
        const scope = scopedCases(db, viewer, scopeOf())

        const deprived = cases.filter(
          (c) => c.currentCustodyState && DEPRIVED_OF_LIBERTY.includes(c.currentCustodyState),
        )
        const inWindow = (from: number, to: number) =>
          actions.filter(
            (a) => a.actionDate >= addDays(TODAY, from) && a.actionDate <= addDays(TODAY, to),
          ).length
        expect(await getScopedKeyFigures(db, { viewer, today: TODAY, cases: scope })).toEqual({
          casesTotal: cases.length,
          deprived: deprived.length,
          medianDays: median(
            deprived
              .filter((c) => c.detainedSince)
              .map((c) => daysInDetention(c.detainedSince, TODAY)!.days),
          ),
          impreciseStarts: deprived.filter(
            (c) => c.detainedSince && c.detainedSince.precision !== 'day',
          ).length,
          last30: inWindow(-29, 0),
          previous30: inWindow(-59, -30),
        })

        const tally = (key: 'currentCustodyState' | 'country') => {
          const counts = new Map<string | null, number>()
          for (const c of cases) counts.set(c[key], (counts.get(c[key]) ?? 0) + 1)
          return counts
        }
        for (const column of ['currentCustodyState', 'country'] as const) {
          const rows = await countScopedCasesBy(db, { cases: scope, column })
          expect(new Map(rows.map((r) => [r.value, r.count]))).toEqual(tally(column))
        }

        for (const [, range, unit] of RANGES) {
          const rows = await countActionsByBucket(db, { viewer, range, unit, cases: scope })
          expect(asMap(rows), `${unit} ${range.from}`).toEqual(
            bruteBuckets(actions, { range, unit }),
          )
        }

        const attention = cases
          .map((c) => ({
            id: c.id,
            state: c.currentCustodyState,
            last: latestDate(
              [
                ...world.events.filter((e) => e.caseId === c.id).map((e) => e.eventDate),
                ...all.actions.filter((a) => a.caseIds.includes(c.id)).map((a) => a.actionDate),
              ],
              TODAY,
            ),
          }))
          .filter((c) =>
            needsAttention({ custodyState: c.state, lastActivityDate: c.last, today: TODAY }),
          )
        const listed = await listNeedsAttention(db, {
          viewer,
          today: TODAY,
          limit: 500,
          cases: scope,
        })
        expect(listed.map((r) => r.id).sort((a, b) => a - b)).toEqual(
          attention.map((c) => c.id).sort((a, b) => a - b),
        )
        expect(listed[0]?.total ?? 0).toBe(attention.length)

        const upcoming = await listUpcomingEvents(db, { viewer, today: TODAY, cases: scope })
        const expectedUpcoming = world.events.filter(
          (e) => ids.has(e.caseId) && e.eventDate > TODAY && e.eventDate <= addDays(TODAY, 30),
        )
        expect(upcoming.map((e) => e.id).sort((a, b) => a - b)).toEqual(
          expectedUpcoming
            .map((e) => e.id)
            .sort((a, b) => a - b)
            .slice(0, 20),
        )
      })
})
