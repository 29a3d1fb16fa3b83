// The actions charts, on random data, equal a brute-force count in TypeScript: one case's chart with
// its custody changes, buckets unmoved by the session time zone, month, year and ISO-week
// boundaries, and a restricted case the reader cannot see treated as unknown.
import { sql, type Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { parseChartQuery } from '../../app/charts/chart'
import {
  countActionsByBucket,
  getActionsOverTime,
  getCaseActionChart,
} from '../../app/models/action-chart.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { getKeyFigures, resolveChartFilters } from '../../app/models/dashboard.server'
import {
  RANGES,
  TODAY,
  asMap,
  brute,
  bruteBuckets,
  openRandomDashboardWorld,
  type World,
} from '../support/random-dashboard-world'
import { backends } from '../support/test-database'

describe.each(backends())('dashboard charts on %s', (backend) => {
  const context = openRandomDashboardWorld(backend)
  let db: Kysely<Database>
  let world: World
  let viewers: Record<string, Viewer>
  beforeAll(() => {
    ;({ db, world, viewers } = context)
  })

  it('draws one case with its actions per bucket and its custody changes, as brute force does', async () => {
    const busiest = world.cases
      .map((c) => ({ c, n: world.actions.filter((a) => a.caseIds.includes(c.id)).length }))
      .sort((a, b) => b.n - a.n)[0]!.c
    const chart = await getCaseActionChart(db, { caseId: busiest.id, today: TODAY })
    const { range, unit } = chart.series
    const expected = bruteBuckets(
      world.actions.filter((a) => a.caseIds.includes(busiest.id)),
      { range, unit },
    )
    const drawn = new Map<string, number>()
    for (const point of chart.series.points)
      for (const kind of chart.series.kinds)
        if (point[kind]) drawn.set(`${point.key}|${kind}`, point[kind]!)
    for (const [key, n] of expected)
      if (!key.startsWith('null|')) expect(drawn.get(key), key).toBe(n)
    expect([...drawn.values()].reduce((a, b) => a + b, 0) + chart.series.unplaced).toBe(
      [...expected.values()].reduce((a, b) => a + b, 0),
    )
    const changes: string[] = []
    for (const e of world.events
      .filter((e) => e.caseId === busiest.id && e.custodyState && e.eventDate <= TODAY)
      .sort((a, b) =>
        a.eventDate === b.eventDate ? a.id - b.id : a.eventDate < b.eventDate ? -1 : 1,
      ))
      if (changes.at(-1) !== e.custodyState) changes.push(e.custodyState!)
    expect(chart.custodyChanges.map((c) => c.state)).toEqual(changes.slice(chart.earlierChanges))
  })

  it('keeps every bucket where it is whatever the session time zone', async () => {
    const viewer = viewers.admin!
    const baseline = await Promise.all(
      RANGES.map(([, range, unit]) => countActionsByBucket(db, { viewer, range, unit })),
    )
    const figures = await getKeyFigures(db, { viewer, today: TODAY })
    for (const zone of ['Pacific/Kiritimati', 'America/Adak']) {
      await db.connection().execute(async (conn) => {
        await sql`SET TIME ZONE ${sql.lit(zone)}`.execute(conn)
        try {
          const shown = await sql<{ timeZone: string }>`show timezone`.execute(conn)
          expect(Object.values(shown.rows[0]!)[0]).toBe(zone)
          for (const [i, [, range, unit]] of RANGES.entries()) {
            const rows = await countActionsByBucket(conn, { viewer, range, unit })
            expect(asMap(rows), `${zone} ${unit}`).toEqual(asMap(baseline[i]!))
          }
          expect(await getKeyFigures(conn, { viewer, today: TODAY })).toEqual(figures)
        } finally {
          await sql`RESET TIME ZONE`.execute(conn)
        }
      })
    }
  })

  it('puts actions on either side of month, year and ISO-week boundaries in their own buckets', async () => {
    const viewer = viewers.admin!
    const rows = asMap(
      await countActionsByBucket(db, {
        viewer,
        range: { from: '2022-12-01', to: '2024-02-29' },
        unit: 'month',
      }),
    )
    // generateWorld adds one `urgent_appeal` on each boundary day, and no other urgent appeals.
    expect(rows.get('2023-01-01|urgent_appeal')).toBe(3) // 1 (a Sunday), 2 and 31 January
    expect(rows.get('2023-02-01|urgent_appeal')).toBe(1)
    expect(rows.get('2023-12-01|urgent_appeal')).toBe(1)
    expect(rows.get('2024-01-01|urgent_appeal')).toBe(1)
    const weeks = asMap(
      await countActionsByBucket(db, {
        viewer,
        range: { from: '2022-12-26', to: '2023-01-08' },
        unit: 'week',
      }),
    )
    expect(weeks.get('2022-12-26|urgent_appeal')).toBe(1) // Sunday 1 January belongs to the week before
    expect(weeks.get('2023-01-02|urgent_appeal')).toBe(1) // Monday 2 January starts a week
  })

  it('treats a restricted case the reader cannot see as unknown, and counts nothing of it', async () => {
    const restricted = world.cases.find(
      (c) => c.visibility === 'restricted' && !world.grants.some((g) => g.caseId === c.id),
    )!
    const editor = viewers.editor!
    const params = new URLSearchParams({
      case: String(restricted.id),
      from: '2022-01-01',
      to: '2024-12-31',
    })
    const query = await resolveChartFilters(db, {
      viewer: editor,
      query: parseChartQuery(params, TODAY),
    })
    expect(query.caseId).toBeUndefined()
    expect(query.messages.join(' ')).toMatch(/not one you can see/)
    const unknown = await resolveChartFilters(db, {
      viewer: editor,
      query: parseChartQuery(
        new URLSearchParams({ case: '999999', from: '2022-01-01', to: '2024-12-31' }),
        TODAY,
      ),
    })
    expect(unknown.messages).toEqual(query.messages)
    const chart = await getActionsOverTime(db, { viewer: editor, ...query })
    const everything = await getActionsOverTime(db, {
      viewer: editor,
      ...(await resolveChartFilters(db, {
        viewer: editor,
        query: parseChartQuery(
          new URLSearchParams({ from: '2022-01-01', to: '2024-12-31' }),
          TODAY,
        ),
      })),
    })
    expect(chart.table).toEqual(everything.table)
    const onlyRestricted = world.actions.filter(
      (a) => a.caseIds.length > 0 && a.caseIds.every((id) => id === restricted.id),
    )
    expect(onlyRestricted.length).toBeGreaterThan(0)
    const { actions } = brute(world, editor)
    expect(chart.series.total).toBe(
      actions.filter((a) => a.actionDate >= '2022-01-01' && a.actionDate <= '2024-12-31').length,
    )
  })
})
