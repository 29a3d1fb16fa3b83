// A random caseload written straight to the tables (cases, timelines, grants, actions), and the
// brute-force counts in TypeScript that the dashboard's SQL must equal. Seeded, so a failure replays.
import { type Kysely } from 'kysely'
import { afterAll, beforeAll } from 'vitest'
import type { Database } from '../../db/schema'
import {
  addDays,
  bucketStart,
  precisionFits,
  type BucketUnit,
  type DateRange,
} from '../../app/charts/chart'
import { deriveCaseState } from '../../app/domain/status'
import type { PartialDate } from '../../app/domain/dates'
import {
  ACTION_KINDS,
  CUSTODY_STATES,
  type ActionKind,
  type CustodyState,
  type DatePrecision,
  type Visibility,
} from '../../app/domain/vocabularies'
import type { Viewer } from '../../app/models/case-visibility.server'
import { makeUser } from './fixtures'
import { openTestDatabase, type Backend, type TestDatabase } from './test-database'

export const TODAY = '2024-03-15'

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

export type World = {
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

export const RANGES: [string, DateRange, BucketUnit][] = [
  ['two years by month', { from: '2022-06-01', to: '2024-05-31' }, 'month'],
  ['a year by month', { from: '2023-01-01', to: '2023-12-31' }, 'month'],
  ['ten weeks by ISO week', { from: '2023-11-20', to: '2024-01-28' }, 'week'],
  ['a partial month start', { from: '2023-01-31', to: '2023-08-01' }, 'month'],
]

export function brute(world: World, viewer: Viewer) {
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

export function bruteBuckets(
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

export const asMap = (rows: { bucket: string | null; kind: string; count: number }[]) =>
  new Map(rows.map((r) => [`${r.bucket}|${r.kind}`, r.count]))

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : Math.floor((sorted[mid - 1]! + sorted[mid]!) / 2)
}

/** One random world per backend for a describe block: an admin, an editor and a viewer (granted some restricted cases). */
export function openRandomDashboardWorld(backend: Backend) {
  const context = {
    database: undefined as unknown as TestDatabase,
    db: undefined as unknown as Kysely<Database>,
    world: undefined as unknown as World,
    viewers: {} as Record<string, Viewer>,
  }
  beforeAll(async () => {
    context.database = await openTestDatabase(backend)
    context.db = context.database.db
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      const user = await makeUser(context.db, role)
      context.viewers[role] = { id: user.id, role }
    }
    context.world = await generateWorld(context.db, {
      seed: 20230222,
      today: TODAY,
      grantTo: context.viewers.viewer!.id,
    })
  })
  afterAll(() => context.database.close())
  return context
}
