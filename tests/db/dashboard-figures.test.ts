// Every dashboard figure, on random data, equals a brute-force count in TypeScript: key figures,
// custody states, countries, action buckets, who needs attention and what is upcoming, for three
// kinds of reader.
import { type Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { latestDate, needsAttention } from '../../app/domain/attention'
import { addDays } from '../../app/charts/chart'
import { daysInDetention } from '../../app/domain/status'
import { DEPRIVED_OF_LIBERTY } from '../../app/domain/vocabularies'
import { countActionsByBucket } from '../../app/models/action-chart.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import {
  countCasesByCountry,
  countCasesByCustodyState,
  getKeyFigures,
  listNeedsAttention,
  listUpcomingEvents,
} from '../../app/models/dashboard.server'
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

describe.each(backends())('dashboard figures on %s', (backend) => {
  const context = openRandomDashboardWorld(backend)
  let db: Kysely<Database>
  let world: World
  let viewers: Record<string, Viewer>
  beforeAll(() => {
    ;({ db, world, viewers } = context)
  })

  for (const role of ['admin', 'editor', 'viewer'] as const) {
    it(`counts key figures, custody states and countries as brute force does, for the ${role}`, async () => {
      const viewer = viewers[role]!
      const expected = brute(world, viewer)
      const deprived = expected.cases.filter(
        (c) => c.currentCustodyState && DEPRIVED_OF_LIBERTY.includes(c.currentCustodyState),
      )
      const figures = await getKeyFigures(db, { viewer, today: TODAY })
      const inWindow = (from: number, to: number) =>
        expected.actions.filter(
          (a) => a.actionDate >= addDays(TODAY, from) && a.actionDate <= addDays(TODAY, to),
        ).length
      expect(figures).toEqual({
        casesTotal: expected.cases.length,
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
      const byState = new Map<string | null, number>()
      const byCountry = new Map<string | null, number>()
      for (const c of expected.cases) {
        byState.set(c.currentCustodyState, (byState.get(c.currentCustodyState) ?? 0) + 1)
        byCountry.set(c.country, (byCountry.get(c.country) ?? 0) + 1)
      }
      const states = await countCasesByCustodyState(db, { viewer })
      expect(new Map(states.map((r) => [r.currentCustodyState, r.count]))).toEqual(byState)
      const countries = await countCasesByCountry(db, { viewer })
      expect(new Map(countries.map((r) => [r.country, r.count]))).toEqual(byCountry)
    })

    it(`buckets actions by month and ISO week as brute force does, for the ${role}`, async () => {
      const viewer = viewers[role]!
      const { actions } = brute(world, viewer)
      for (const [, range, unit] of RANGES) {
        const rows = await countActionsByBucket(db, { viewer, range, unit })
        expect(asMap(rows), `${unit} ${range.from}`).toEqual(bruteBuckets(actions, { range, unit }))
        const someCase = world.cases[3]!.id
        const actorId = world.actorIds[0]
        const filtered = await countActionsByBucket(db, {
          viewer,
          range,
          unit,
          caseId: someCase,
          actorId,
        })
        expect(asMap(filtered)).toEqual(
          bruteBuckets(actions, { range, unit, caseId: someCase, actorId }),
        )
      }
    })

    it(`lists who needs attention and what is upcoming as brute force does, for the ${role}`, async () => {
      const viewer = viewers[role]!
      const { cases, actions } = brute(world, viewer)
      const expected = cases
        .map((c) => ({
          id: c.id,
          last: latestDate(
            [
              ...world.events.filter((e) => e.caseId === c.id).map((e) => e.eventDate),
              // Only actions the viewer may see date the activity.
              ...actions.filter((a) => a.caseIds.includes(c.id)).map((a) => a.actionDate),
            ],
            TODAY,
          ),
          state: c.currentCustodyState,
        }))
        .filter((c) =>
          needsAttention({ custodyState: c.state, lastActivityDate: c.last, today: TODAY }),
        )
        .sort((a, b) =>
          a.last === b.last
            ? a.id - b.id
            : a.last === null
              ? -1
              : b.last === null
                ? 1
                : a.last < b.last
                  ? -1
                  : 1,
        )
      const listed = await listNeedsAttention(db, { viewer, today: TODAY, limit: 500 })
      expect(listed.map((r) => [r.id, r.lastActivityDate])).toEqual(
        expected.map((c) => [c.id, c.last]),
      )
      expect(listed[0]?.total ?? 0).toBe(expected.length)
      // A short list is bounded by its tenth (here third) oldest exact date: still the same head.
      const short = await listNeedsAttention(db, { viewer, today: TODAY, limit: 3 })
      expect(short.map((r) => [r.id, r.lastActivityDate])).toEqual(
        expected.slice(0, 3).map((c) => [c.id, c.last]),
      )

      const seen = new Set(cases.map((c) => c.id))
      const upcoming = world.events
        .filter(
          (e) => seen.has(e.caseId) && e.eventDate > TODAY && e.eventDate <= addDays(TODAY, 30),
        )
        .map((e) => e.id)
        .sort((a, b) => a - b)
      const listedUpcoming = await listUpcomingEvents(db, { viewer, today: TODAY })
      expect(listedUpcoming.map((e) => e.id).sort((a, b) => a - b)).toEqual(upcoming.slice(0, 20))
    })
  }
})
