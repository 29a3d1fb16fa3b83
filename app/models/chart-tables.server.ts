// The tables behind the dashboard's charts: shown beside each chart and downloaded as its CSV.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { parseChartQuery, type ChartTable } from '../charts/chart'
import { csvFileName } from '../charts/table'
import { todayIso } from '../domain/dates'
import { labelOf } from '../domain/vocabularies'
import { isRecordId } from '../utils/record-id'
import { getActionsOverTime, getCaseActionChart } from './action-chart.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import {
  byCountry,
  byCustodyState,
  countScopedCasesBy,
  scopedCasesOf,
} from './dashboard-scope.server'
import {
  countCasesByCountry,
  countCasesByCustodyState,
  resolveChartFilters,
} from './dashboard.server'

type Db = Kysely<Database> | Transaction<Database>

type CountRow = { header: string; count: number }

function countTable(caption: string, rowHeading: string, rows: CountRow[]): ChartTable {
  return {
    caption,
    rowHeading,
    columns: ['Cases'],
    rows: rows.map((row) => ({ key: row.header, header: row.header, cells: [row.count] })),
  }
}

export function custodyTable(rows: Awaited<ReturnType<typeof countCasesByCustodyState>>) {
  return countTable(
    'Cases you can see by current custody state',
    'Custody state',
    rows.map((r) => ({
      header: r.currentCustodyState ? labelOf(r.currentCustodyState) : 'No status yet',
      count: r.count,
    })),
  )
}

export function countryTable(rows: Awaited<ReturnType<typeof countCasesByCountry>>) {
  return countTable(
    'Cases you can see by country of detention or risk',
    'Country',
    rows.map((r) => ({ header: r.country ?? 'Not recorded', count: r.count })),
  )
}

/** The table behind one chart, for its CSV download; null for an unknown chart or unseen case. */
export async function getChartTable(
  db: Db,
  {
    viewer,
    params,
    today = todayIso(),
  }: { viewer: Viewer; params: URLSearchParams; today?: string },
): Promise<{ table: ChartTable; fileName: string } | null> {
  const chart = params.get('chart')
  // The dashboard's "cases I follow" and "sponsored by", as on the page.
  const cases = chart === 'case' ? undefined : await scopedCasesOf(db, viewer, params)
  const countBy = (column: 'currentCustodyState' | 'country') =>
    countScopedCasesBy(db, { cases: cases!, column })
  if (chart === 'custody')
    return {
      table: custodyTable(
        cases
          ? byCustodyState(await countBy('currentCustodyState'))
          : await countCasesByCustodyState(db, { viewer }),
      ),
      fileName: csvFileName('cases-by-custody-state', today),
    }
  if (chart === 'country')
    return {
      table: countryTable(
        cases ? byCountry(await countBy('country')) : await countCasesByCountry(db, { viewer }),
      ),
      fileName: csvFileName('cases-by-country', today),
    }
  if (chart === 'actions') {
    const query = await resolveChartFilters(db, { viewer, query: parseChartQuery(params, today) })
    const { table } = await getActionsOverTime(db, { viewer, ...query, cases })
    return {
      table,
      fileName: csvFileName('advocacy-actions', query.range.from, 'to', query.range.to),
    }
  }
  if (chart === 'case') {
    const id = Number(params.get('case'))
    if (!isRecordId(id)) return null
    const record = await db
      .selectFrom('cases')
      .select(['id', 'slug'])
      .where('id', '=', id)
      .where(caseVisibleTo(viewer))
      .executeTakeFirst()
    if (!record) return null
    const { table } = await getCaseActionChart(db, { caseId: record.id, viewer, today })
    return { table, fileName: csvFileName(record.slug, 'advocacy-actions', today) }
  }
  return null
}
