// A restore loads the tables with their triggers switched off and rebuilds the trigger-kept summaries
// once at the end (rebuild_summaries(), migration 0010). On both databases: after a restore every
// summary equals a brute-force count from the restored tables and the original's own summaries, and
// the triggers are on again (a case added afterwards is counted).
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import { restoreBackup } from '../../app/backup/restore.server'
import { addDays } from '../../app/charts/chart'
import { todayIso } from '../../app/domain/dates'
import { DEPRIVED_OF_LIBERTY } from '../../app/domain/vocabularies'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backupText, bytesOf, NAMES } from '../support/backup'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const TODAY = todayIso()
const SUMMARIES = [
  'case_facet_counts',
  'case_facet_pair_counts',
  'case_activity',
  'detention_start_counts',
  'action_day_counts',
]
const deprived = (state: string | null) => DEPRIVED_OF_LIBERTY.includes(state as never)
const max = (d: string[]) => (d.length ? d.reduce((a, b) => (a > b ? a : b)) : null)
const min = (d: string[]) => (d.length ? d.reduce((a, b) => (a < b ? a : b)) : null)

/** A summary table's rows as text, in a stable order (zero counts are no rows). */
async function summaryRows(db: Kysely<any>, table: string) {
  const { rows } = await sql<{ r: string }>`
    SELECT to_jsonb(t)::text AS r FROM ${sql.table(table)} AS t
    WHERE NOT (to_jsonb(t) ? 'n') OR (to_jsonb(t) ->> 'n')::int <> 0 ORDER BY 1`.execute(db)
  return rows.map((r) => r.r)
}

/** The case list's facet counts and each case's event dates and detention start, brute force. */
async function bruteCases(db: Kysely<Database>) {
  const cases = await db.selectFrom('cases').selectAll().execute()
  const events = await db.selectFrom('statusEvents').select(['caseId', 'eventDate']).execute()
  const facets = new Map<string, number>()
  const starts = new Map<string, number>()
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
  for (const c of cases) {
    const r = c.visibility === 'restricted'
    add(facets, `total|all|${r}`)
    add(facets, `visibility|${c.visibility}|${r}`)
    add(facets, `risk|${c.riskLevel}|${r}`)
    if (c.currentCustodyState) add(facets, `custody|${c.currentCustodyState}|${r}`)
    if (c.country) add(facets, `country|${c.country}|${r}`)
    for (const g of c.grounds) add(facets, `ground|${g}|${r}`)
    if (deprived(c.currentCustodyState) && c.detainedSince) {
      const [y, m] = c.detainedSince.split('-').map(Number) as [number, number]
      const start =
        c.detainedSincePrecision === 'day'
          ? c.detainedSince
          : c.detainedSincePrecision === 'month'
            ? new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
            : `${y}-12-31`
      add(starts, `${start}|${r}|${c.detainedSincePrecision !== 'day'}`)
    }
  }
  const activity = cases
    .map((c) => {
      const dates = events.filter((e) => e.caseId === c.id).map((e) => e.eventDate)
      return {
        caseId: c.id,
        deprived: deprived(c.currentCustodyState),
        restricted: c.visibility === 'restricted',
        eventLatest: max(dates.filter((d) => d <= TODAY)),
        eventNext: min(dates.filter((d) => d > TODAY)),
      }
    })
    .sort((a, b) => a.caseId - b.caseId)
  const sorted = (map: Map<string, number>) => [...map].map(([k, n]) => `${k}|${n}`).sort()
  return { facets: sorted(facets), starts: sorted(starts), activity }
}

async function storedCases(db: Kysely<Database>) {
  const facets = await db
    .selectFrom('caseFacetCounts')
    .selectAll()
    .where('n', '<>', 0)
    .where('facet', 'in', ['total', 'visibility', 'risk', 'custody', 'country', 'ground'])
    .execute()
  const starts = await db
    .selectFrom('detentionStartCounts')
    .selectAll()
    .where('n', '<>', 0)
    .execute()
  const activity = await db
    .selectFrom('caseActivity')
    .select(['caseId', 'deprived', 'restricted', 'eventLatest', 'eventNext'])
    .orderBy('caseId')
    .execute()
  return {
    facets: facets.map((f) => `${f.facet}|${f.value}|${f.restricted}|${f.n}`).sort(),
    starts: starts.map((s) => `${s.start}|${s.restricted}|${s.imprecise}|${s.n}`).sort(),
    activity,
  }
}

describe.each(backends())('summaries after a restore on %s', (backend) => {
  let source: TestDatabase
  let target: TestDatabase
  let file: string

  beforeAll(async () => {
    source = await openTestDatabase(backend)
    target = await openTestDatabase(backend)
    const admin = await makeUser(source.db, 'admin')
    const people = []
    for (const [index, fullName] of NAMES.entries()) {
      const made = await makeCase(source.db, {
        fullName,
        country: ['China', 'Россия', 'مصر', 'საქართველო'][index]!,
        grounds: index % 2 ? ['religion'] : ['political_opinion', 'ethnicity'],
        visibility: index === 3 ? 'restricted' : 'internal',
      })
      people.push(made)
      for (const [eventDate, datePrecision] of [
        ['2019-01-01', 'year'],
        ['2019-07-01', 'month'],
        ['2020-02-29', 'day'],
      ] as const)
        if (eventDate.endsWith(String(index)) || datePrecision !== 'day' || index === 2)
          await recordStatusEvent(source.db, {
            actor: { userId: admin.id },
            caseId: made.id,
            fields: {
              eventDate,
              datePrecision,
              custodyState: index === 1 && datePrecision === 'month' ? 'released' : 'detained',
              legalStage: null,
              releaseReason: null,
              location: null,
              description: '',
              certainty: 'alleged',
            },
          })
    }
    // A future event, and an action of last week shared by a restricted case and open ones.
    const open = await makeCase(source.db, { fullName: 'Открытый Человек', country: 'Россия' })
    const hidden = await makeCase(source.db, { fullName: '隐藏的人', visibility: 'restricted' })
    for (const [caseId, offset, custodyState] of [
      [open.id, -400, 'imprisoned'],
      [open.id, 30, 'imprisoned'],
      [hidden.id, -10, 'disappeared'],
    ] as const)
      await recordStatusEvent(source.db, {
        actor: { userId: admin.id },
        caseId,
        fields: {
          eventDate: addDays(TODAY, offset),
          datePrecision: 'day',
          custodyState,
          legalStage: null,
          releaseReason: null,
          location: null,
          description: '',
          certainty: 'confirmed',
        },
      })
    const action = await source.db
      .insertInto('advocacyActions')
      .values({
        kind: 'letter_to_authorities',
        title: 'Joint letter',
        actionDate: addDays(TODAY, -7),
        datePrecision: 'day',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await source.db
      .insertInto('actionCases')
      .values([
        { actionId: action.id, caseId: open.id },
        { actionId: action.id, caseId: hidden.id },
        { actionId: action.id, caseId: people[0]!.id },
      ])
      .execute()
    file = await backupText(source.db)
  }, 300_000)
  afterAll(async () => {
    await source?.close()
    await target?.close()
  })

  it('rebuilds every summary as brute force counts it, as the original kept it', async () => {
    await restoreBackup(target.db, bytesOf(file))
    const brute = await bruteCases(target.db)
    expect(brute.activity.length).toBeGreaterThan(5)
    expect(brute.starts.length).toBeGreaterThan(0)
    expect(await storedCases(target.db)).toEqual(brute)
    for (const table of SUMMARIES)
      expect(await summaryRows(target.db, table), table).toEqual(
        await summaryRows(source.db, table),
      )
    const actionsOf = async (db: Kysely<any>) =>
      (
        await sql<{ r: string }>`SELECT to_jsonb(a)::text AS r FROM advocacy_actions AS a
          ORDER BY id`.execute(db)
      ).rows.map((r) => r.r)
    expect(await actionsOf(target.db)).toEqual(await actionsOf(source.db))
    const total = await storedCases(target.db)
    expect(total.facets.some((f) => f.startsWith('total|all|true|'))).toBe(true)
  })

  it('leaves the triggers on: a case added after the restore is counted', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'`.execute(
      target.db,
    )
    expect(rows[0]!.n).toBe(0)
    await makeCase(target.db, { fullName: 'Added Afterwards', country: 'Nowhere Land' })
    expect(await storedCases(target.db)).toEqual(await bruteCases(target.db))
    expect((await storedCases(target.db)).facets).toContain('country|Nowhere Land|false|1')
  })
})
