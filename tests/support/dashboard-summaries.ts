// What the dashboard's summary tables (migrations 0007 and 0010) should hold, computed in TypeScript
// from the tables, beside what they do hold: `case_activity`, `detention_start_counts`,
// `action_day_counts` and `advocacy_actions.restricted_case`.
import { type Kysely } from 'kysely'
import { expect } from 'vitest'
import type { Database } from '../../db/schema'
import { addDays } from '../../app/charts/chart'
import { todayIso } from '../../app/domain/dates'
import { DEPRIVED_OF_LIBERTY } from '../../app/domain/vocabularies'

export const TODAY = todayIso()
export const day = (n: number) => addDays(TODAY, n)
const max = (dates: string[]) => (dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null)
const min = (dates: string[]) => (dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : null)

export async function tables(db: Kysely<Database>) {
  const [cases, events, actions, links] = await Promise.all([
    db.selectFrom('cases').select(['id', 'visibility', 'currentCustodyState']).execute(),
    db.selectFrom('statusEvents').select(['caseId', 'eventDate']).execute(),
    db
      .selectFrom('advocacyActions')
      .select(['id', 'actionDate', 'datePrecision', 'kind', 'restrictedCase'])
      .execute(),
    db.selectFrom('actionCases').select(['actionId', 'caseId']).execute(),
  ])
  return { cases, events, actions, links }
}

/** What `case_activity` should hold, computed in TypeScript from the tables. */
export async function bruteActivity(db: Kysely<Database>) {
  const { cases, events, actions, links } = await tables(db)
  const restricted = new Set(cases.filter((c) => c.visibility === 'restricted').map((c) => c.id))
  const dateOf = new Map(actions.map((a) => [a.id, a.actionDate]))
  return cases
    .map((c) => {
      const eventDates = events.filter((e) => e.caseId === c.id).map((e) => e.eventDate)
      const mine = links.filter((l) => l.caseId === c.id).map((l) => l.actionId)
      const seen = mine.filter(
        (a) =>
          !links.some((l) => l.actionId === a && l.caseId !== c.id && restricted.has(l.caseId)),
      )
      const dates = (ids: number[]) => ids.map((a) => dateOf.get(a)!)
      return {
        caseId: c.id,
        deprived: DEPRIVED_OF_LIBERTY.includes(c.currentCustodyState as never),
        restricted: restricted.has(c.id),
        eventLatest: max(eventDates.filter((d) => d <= TODAY)),
        eventNext: min(eventDates.filter((d) => d > TODAY)),
        actionLatest: max(dates(mine).filter((d) => d <= TODAY)),
        actionLatestSeen: max(dates(seen).filter((d) => d <= TODAY)),
        actionNext: min(dates(mine).filter((d) => d > TODAY)),
      }
    })
    .sort((a, b) => a.caseId - b.caseId)
}

export async function storedActivity(db: Kysely<Database>) {
  return db
    .selectFrom('caseActivity')
    .select([
      'caseId',
      'deprived',
      'restricted',
      'eventLatest',
      'eventNext',
      'actionLatest',
      'actionLatestSeen',
      'actionNext',
    ])
    .orderBy('caseId')
    .execute()
}

export async function bruteStarts(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('cases')
    .select(['visibility', 'currentCustodyState', 'detainedSince', 'detainedSincePrecision'])
    .execute()
  const counts = new Map<string, number>()
  for (const c of rows) {
    if (!DEPRIVED_OF_LIBERTY.includes(c.currentCustodyState as never) || !c.detainedSince) continue
    const [y, m] = c.detainedSince.split('-').map(Number) as [number, number]
    const start =
      c.detainedSincePrecision === 'day'
        ? c.detainedSince
        : c.detainedSincePrecision === 'month'
          ? new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
          : `${y}-12-31`
    const key = `${start}|${c.visibility === 'restricted'}|${c.detainedSincePrecision !== 'day'}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([k, n]) => `${k}|${n}`).sort()
}

export async function storedStarts(db: Kysely<Database>) {
  const rows = await db.selectFrom('detentionStartCounts').selectAll().where('n', '<>', 0).execute()
  return rows.map((r) => `${r.start}|${r.restricted}|${r.imprecise}|${r.n}`).sort()
}

/** Each action's restricted case (0 none, -1 several) and the daily counts, from the tables. */
export async function bruteActionDays(db: Kysely<Database>) {
  const { cases, actions, links } = await tables(db)
  const restricted = new Set(cases.filter((c) => c.visibility === 'restricted').map((c) => c.id))
  const keyOf = (actionId: number) => {
    const mine = links.filter((l) => l.actionId === actionId && restricted.has(l.caseId))
    return mine.length === 0 ? 0 : mine.length === 1 ? mine[0]!.caseId : -1
  }
  const flags = actions.map((a) => [a.id, keyOf(a.id)]).sort((x, y) => x[0]! - y[0]!)
  const counts = new Map<string, number>()
  for (const a of actions) {
    const key = `${keyOf(a.id)}|${a.actionDate}|${a.datePrecision}|${a.kind}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return { flags, days: [...counts].map(([k, n]) => `${k}|${n}`).sort() }
}

export async function storedActionDays(db: Kysely<Database>) {
  const [actions, rows] = await Promise.all([
    db.selectFrom('advocacyActions').select(['id', 'restrictedCase']).orderBy('id').execute(),
    db.selectFrom('actionDayCounts').selectAll().where('n', '<>', 0).execute(),
  ])
  return {
    flags: actions.map((a) => [a.id, a.restrictedCase]),
    days: rows
      .map((r) => `${r.restrictedCase}|${r.actionDate}|${r.datePrecision}|${r.kind}|${r.n}`)
      .sort(),
  }
}

export async function expectSummariesRight(db: Kysely<Database>) {
  expect(await storedActivity(db)).toEqual(await bruteActivity(db))
  expect(await storedStarts(db)).toEqual(await bruteStarts(db))
  expect(await storedActionDays(db)).toEqual(await bruteActionDays(db))
}
