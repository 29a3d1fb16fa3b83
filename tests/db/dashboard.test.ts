// Every dashboard figure and chart bucket, on random data, equals a brute-force count in TypeScript:
// for three kinds of reader, at month, year and week boundaries, and in far-apart session time zones.
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { latestDate, needsAttention } from '../../app/domain/attention'
import {
  addDays,
  bucketStart,
  parseChartQuery,
  precisionFits,
  type BucketUnit,
  type DateRange,
} from '../../app/domain/chart'
import { daysInDetention, deriveCaseState } from '../../app/domain/status'
import { daysBetween, todayIso, type PartialDate } from '../../app/domain/dates'
import {
  ACTION_KINDS,
  CUSTODY_STATES,
  DEPRIVED_OF_LIBERTY,
  type ActionKind,
  type CustodyState,
  type DatePrecision,
  type Visibility,
} from '../../app/domain/vocabularies'
import {
  countActionsByBucket,
  getActionsOverTime,
  getCaseActionChart,
} from '../../app/models/action-chart.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import {
  countCasesByCountry,
  countCasesByCustodyState,
  getKeyFigures,
  listNeedsAttention,
  listUpcomingEvents,
  resolveChartFilters,
} from '../../app/models/dashboard.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const TODAY = '2024-03-15'

/** A small deterministic PRNG (mulberry32), so a failure can be replayed with the same seed. */
function prng(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!
  const day = (from: string, to: string) =>
    addDays(from, Math.floor(next() * (1 + daysFrom(from, to))))
  return { next, pick, day }
}
const daysFrom = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000

function partial(date: string, precision: DatePrecision): string {
  return precision === 'day'
    ? date
    : precision === 'month'
      ? `${date.slice(0, 7)}-01`
      : `${date.slice(0, 4)}-01-01`
}

type World = {
  cases: {
    id: number
    visibility: Visibility
    country: string | null
    currentCustodyState: CustodyState | null
    detainedSince: PartialDate | null
  }[]
  events: {
    id: number
    caseId: number
    eventDate: string
    datePrecision: DatePrecision
    custodyState: CustodyState | null
  }[]
  actions: {
    id: number
    kind: ActionKind
    actionDate: string
    datePrecision: DatePrecision
    actorId: number | null
    caseIds: number[]
  }[]
  grants: { caseId: number; userId: number }[]
  actorIds: number[]
}

/** Random cases, timelines, grants and actions, written straight to the tables in a few statements. */
async function generateWorld(
  db: Kysely<Database>,
  { seed, today, grantTo }: { seed: number; today: string; grantTo: number },
): Promise<World> {
  const r = prng(seed)
  const precision = () =>
    (r.next() < 0.7 ? 'day' : r.next() < 0.66 ? 'month' : 'year') as DatePrecision
  const actorIds = (
    await db
      .insertInto('actors')
      .values(
        ['Intergroup', 'An MEP', 'An NGO'].map((name) => ({ kind: 'organisation' as const, name })),
      )
      .returning('id')
      .execute()
  ).map((a) => a.id)
  const caseRows = await db
    .insertInto('cases')
    .values(
      Array.from({ length: 40 }, (_, i) => ({
        slug: `random-${seed}-${i}`,
        fullName: `Random Person ${i}`,
        visibility:
          i < 3 ? ('restricted' as const) : r.pick(['public', 'internal', 'restricted'] as const),
        country: r.pick(['Russia', 'Belarus', 'Iran', 'Türkiye', null]),
      })),
    )
    .returning(['id', 'visibility', 'country'])
    .execute()
  const eventInputs = Array.from({ length: 130 }, () => {
    const datePrecision = precision()
    return {
      caseId: r.pick(caseRows).id,
      eventDate: partial(r.day('2017-01-01', '2024-04-30'), datePrecision),
      datePrecision,
      custodyState: r.next() < 0.8 ? r.pick(CUSTODY_STATES) : null,
      description: 'generated',
      createdAt: '2024-01-01T00:00:00Z',
    }
  })
  // Around today: upcoming hearings inside and outside the 30-day window, and the attention cut-off.
  for (let i = 0; i < 20; i++) {
    const eventDate = r.day(addDays(today, -40), addDays(today, 45))
    eventInputs.push({
      caseId: r.pick(caseRows).id,
      eventDate,
      datePrecision: 'day',
      custodyState: r.pick(['detained', 'imprisoned', null] as const),
      description: 'generated near today',
      createdAt: '2024-01-01T00:00:00Z',
    })
  }
  for (const [i, back] of [
    [5, 30],
    [6, 29],
    [7, 31],
  ] as const)
    eventInputs.push({
      caseId: caseRows[i]!.id,
      eventDate: addDays(today, -back),
      datePrecision: 'day',
      custodyState: 'detained',
      description: 'on the cut-off',
      createdAt: '2024-01-01T00:00:00Z',
    })
  const events = (
    await db
      .insertInto('statusEvents')
      .values(eventInputs)
      .returning(['id', 'caseId', 'eventDate', 'datePrecision', 'custodyState'])
      .execute()
  ).map((e) => ({ ...e }))
  const cases: World['cases'] = []
  for (const c of caseRows) {
    const derived = deriveCaseState(
      events
        .filter((e) => e.caseId === c.id)
        .map((e) => ({ ...e, legalStage: null, createdAt: '2024-01-01T00:00:00Z' })),
      today,
    )
    await db
      .updateTable('cases')
      .set({
        currentCustodyState: derived.currentCustodyState,
        detainedSince: derived.detainedSince?.date ?? null,
        detainedSincePrecision: derived.detainedSince?.precision ?? null,
      })
      .where('id', '=', c.id)
      .execute()
    cases.push({
      ...c,
      currentCustodyState: derived.currentCustodyState,
      detainedSince: derived.detainedSince,
    })
  }
  // Case 0 is restricted and granted to nobody; case 1 is restricted and granted to the viewer.
  const grants = [{ caseId: caseRows[1]!.id, userId: grantTo }]
  for (const c of caseRows.slice(3))
    if (c.visibility === 'restricted' && r.next() < 0.5)
      grants.push({ caseId: c.id, userId: grantTo })
  await db.insertInto('caseAccess').values(grants).execute()
  const randomKinds = ACTION_KINDS.filter((k) => k !== 'urgent_appeal')
  const actionInputs = [
    ...Array.from({ length: 250 }, (_, i) => {
      const datePrecision = precision()
      const links =
        i < 4
          ? [caseRows[0]!.id]
          : Array.from({ length: Math.floor(r.next() * 4) }, () => r.pick(caseRows).id)
      return {
        kind: r.pick(randomKinds),
        actionDate: partial(r.day('2022-01-01', '2024-05-31'), datePrecision),
        datePrecision,
        actorId: r.next() < 0.8 ? r.pick(actorIds) : null,
        caseIds: [...new Set(links)],
      }
    }),
    ...['2023-01-01', '2023-01-02', '2023-01-31', '2023-02-01', '2023-12-31', '2024-01-01'].map(
      (actionDate) => ({
        kind: 'urgent_appeal' as const,
        actionDate,
        datePrecision: 'day' as const,
        actorId: null,
        caseIds: [] as number[],
      }),
    ),
  ]
  const inserted = await db
    .insertInto('advocacyActions')
    .values(actionInputs.map(({ caseIds: _, ...a }) => a))
    .returning('id')
    .execute()
  const actions = actionInputs.map((a, i) => ({ ...a, id: inserted[i]!.id }))
  const links = actions.flatMap((a) => a.caseIds.map((caseId) => ({ actionId: a.id, caseId })))
  await db.insertInto('actionCases').values(links).execute()
  return { cases, events, actions, grants, actorIds }
}

const RANGES: [string, DateRange, BucketUnit][] = [
  ['two years by month', { from: '2022-06-01', to: '2024-05-31' }, 'month'],
  ['a year by month', { from: '2023-01-01', to: '2023-12-31' }, 'month'],
  ['ten weeks by ISO week', { from: '2023-11-20', to: '2024-01-28' }, 'week'],
  ['a partial month start', { from: '2023-01-31', to: '2023-08-01' }, 'month'],
]

function brute(world: World, viewer: Viewer) {
  const seen = new Set(
    world.cases
      .filter(
        (c) =>
          viewer.role === 'admin' ||
          c.visibility !== 'restricted' ||
          world.grants.some((g) => g.caseId === c.id && g.userId === viewer.id),
      )
      .map((c) => c.id),
  )
  // An action is seen only if every case it is linked to is (none: seen by all).
  const actions = world.actions.filter((a) => a.caseIds.every((id) => seen.has(id)))
  return { cases: world.cases.filter((c) => seen.has(c.id)), actions }
}

function bruteBuckets(
  actions: World['actions'],
  {
    range,
    unit,
    caseId,
    actorId,
  }: { range: DateRange; unit: BucketUnit; caseId?: number; actorId?: number },
) {
  const counts = new Map<string, number>()
  for (const a of actions) {
    if (a.actionDate < range.from || a.actionDate > range.to) continue
    if (caseId && !a.caseIds.includes(caseId)) continue
    if (actorId && a.actorId !== actorId) continue
    const bucket = precisionFits(a.datePrecision, unit) ? bucketStart(a.actionDate, unit) : null
    const key = `${bucket}|${a.kind}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

const asMap = (rows: { bucket: string | null; kind: string; count: number }[]) =>
  new Map(rows.map((r) => [`${r.bucket}|${r.kind}`, r.count]))

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : Math.floor((sorted[mid - 1]! + sorted[mid]!) / 2)
}

describe.each(backends())('dashboard figures on %s', (backend) => {
  let database: TestDatabase
  let db: Kysely<Database>
  let world: World
  const viewers: Record<string, Viewer> = {}

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    db = database.db
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      const user = await makeUser(db, role)
      viewers[role] = { id: user.id, role }
    }
    world = await generateWorld(db, { seed: 20230222, today: TODAY, grantTo: viewers.viewer!.id })
  })
  afterAll(() => database.close())

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

describe.each(backends())('median days in detention on %s', (backend) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(() => database.close())

  it('is the median of the domain counts rounded down, an imprecise start counted from its last possible day', async () => {
    const db = database.db
    const today = todayIso()
    const admin = await makeUser(db, 'admin')
    const editor = await makeUser(db, 'editor')
    const detain = async (
      visibility: Visibility,
      eventDate: string,
      datePrecision: DatePrecision = 'day',
    ) => {
      const { id } = await makeCase(db, { fullName: `Held since ${eventDate}`, visibility })
      await recordStatusEvent(db, {
        actor: { userId: null },
        caseId: id,
        fields: {
          eventDate,
          datePrecision,
          custodyState: 'detained',
          legalStage: null,
          releaseReason: null,
          location: null,
          description: '',
          certainty: 'alleged',
        },
      })
    }
    const monthAgo = `${addDays(today, -400).slice(0, 7)}-01`
    await detain('internal', addDays(today, -10))
    await detain('internal', addDays(today, -15))
    await detain('restricted', monthAgo, 'month')
    await detain('restricted', addDays(today, -2000))
    const editorFigures = await getKeyFigures(db, {
      viewer: { id: editor.id, role: 'editor' },
      today,
    })
    expect(editorFigures).toMatchObject({ deprived: 2, medianDays: 12, impreciseStarts: 0 })
    const imprecise = daysInDetention({ date: monthAgo, precision: 'month' }, today)!.days
    expect(imprecise).toBeLessThanOrEqual(400)
    expect(imprecise).toBeLessThan(daysBetween(monthAgo, today) - 26)
    const adminFigures = await getKeyFigures(db, { viewer: { id: admin.id, role: 'admin' }, today })
    expect(adminFigures).toMatchObject({
      deprived: 4,
      medianDays: Math.floor((15 + imprecise) / 2),
      impreciseStarts: 1,
    })
  })
})
