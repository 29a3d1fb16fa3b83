// The pages `npm run bench` loads, and for each the model calls its loaders make (the root loader's
// and the route's, in the same order, one at a time) so the same SQL can be timed bare. When a loader
// changes what it calls, change its `floor` here too.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { parseCaseListQuery } from '../../app/domain/case-filters'
import { parseChartQuery } from '../../app/charts/chart'
import { getActionsOverTime, getCaseActionChart } from '../../app/models/action-chart.server'
import { summariseCases } from '../../app/models/case-facets.server'
import { exportCasesForUser } from '../../app/models/case-export.server'
import { listCasesForUser } from '../../app/models/case-list.server'
import { getCaseNews } from '../../app/models/case-changes.server'
import { getCasePage } from '../../app/models/case-page.server'
import { listCaseSponsors } from '../../app/models/case-sponsor.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import {
  countCasesByCountry,
  countCasesByCustodyState,
  getKeyFigures,
  listNeedsAttention,
  listRecentUpdates,
  listUpcomingEvents,
  resolveChartFilters,
} from '../../app/models/dashboard.server'
import { getSessionUser, type SessionLimits } from '../../app/models/session.server'
import { countUpdatedCases } from '../../app/models/updates.server'
import { getStatementSetup } from '../../app/models/statement.server'
import { TIMELINE_CASE, type BenchSize } from './generate'

export type FloorContext = {
  db: Kysely<Database>
  viewer: Viewer
  today: string
  sessionId: string
  limits: SessionLimits
  attentionDays: number
  /** Runs one model call with its statements recorded under `label`. */
  step: <T>(label: string, run: () => Promise<T>) => Promise<T>
}

export type BenchPage = {
  name: string
  path: string
  /** The route whose client JavaScript is counted (a route id of the build's manifest). */
  route?: string
  floor?: (ctx: FloorContext, params: URLSearchParams) => Promise<void>
  /** Paths tried in turn for a page whose route may not exist yet; skipped when none answers 200. */
  candidates?: string[]
}

/**
 * Both the root loader and the route's loader look the session up, and the root counts the followed
 * cases with news for the navigation (due cases are a job's work).
 */
async function signedIn(ctx: FloorContext) {
  const { db, sessionId, limits, viewer } = ctx
  await ctx.step('getSessionUser (root loader)', () => getSessionUser(db, { sessionId, limits }))
  await ctx.step('countUpdatedCases (root loader)', () => countUpdatedCases(db, { viewer }))
  await ctx.step('getSessionUser', () => getSessionUser(db, { sessionId, limits }))
}

async function dashboardFloor(ctx: FloorContext, params: URLSearchParams) {
  const { db, viewer, today, step } = ctx
  await signedIn(ctx)
  const query = await step('resolveChartFilters', () =>
    resolveChartFilters(db, { viewer, query: parseChartQuery(params, today) }),
  )
  await step('getKeyFigures', () => getKeyFigures(db, { viewer, today }))
  await step('countCasesByCustodyState', () => countCasesByCustodyState(db, { viewer }))
  await step('countCasesByCountry', () => countCasesByCountry(db, { viewer }))
  await step('listNeedsAttention', () =>
    listNeedsAttention(db, { viewer, today, days: ctx.attentionDays }),
  )
  await step('listUpcomingEvents', () => listUpcomingEvents(db, { viewer, today }))
  await step('listRecentUpdates', () => listRecentUpdates(db, { viewer }))
  await step('getActionsOverTime', () => getActionsOverTime(db, { viewer, ...query }))
}

async function caseListFloor(ctx: FloorContext, params: URLSearchParams) {
  const { db, viewer, step } = ctx
  await signedIn(ctx)
  const { filters, sort, page } = parseCaseListQuery(params)
  const { total } = await step('summariseCases', () => summariseCases(db, { viewer, filters }))
  await step('listCasesForUser', () => listCasesForUser(db, { viewer, filters, sort, page, total }))
}

async function casePageFloor(ctx: FloorContext) {
  const { db, viewer, today, step } = ctx
  await signedIn(ctx)
  const page = await step('getCasePage', () =>
    getCasePage(db, {
      slug: TIMELINE_CASE.slug,
      viewer,
      today,
      attentionDays: ctx.attentionDays,
    }),
  )
  if (!page) throw new Error(`${TIMELINE_CASE.slug} is not visible to the bench editor`)
  await step('getCaseActionChart', () =>
    getCaseActionChart(db, { caseId: page.record.id, viewer, today }),
  )
  await step('listCaseSponsors', () => listCaseSponsors(db, { caseId: page.record.id }))
  await step('getCaseNews', () => getCaseNews(db, { viewer, caseId: page.record.id }))
}

/** The export reads every matching case, a batch of CASE_EXPORT_BATCH at a time. */
async function caseCsvFloor(ctx: FloorContext, params: URLSearchParams) {
  const { db, viewer, step } = ctx
  await signedIn(ctx)
  const { filters } = parseCaseListQuery(params)
  await step('exportCasesForUser', async () => {
    for await (const batch of exportCasesForUser(db, { viewer, filters })) void batch
  })
}

async function statementFloor(ctx: FloorContext) {
  const { db, viewer, today, step } = ctx
  await signedIn(ctx)
  await step('getStatementSetup', () =>
    getStatementSetup(db, { slug: TIMELINE_CASE.slug, viewer, today }),
  )
}

/** "2026-11" and the month eleven months before it: a one-year range of the dashboard's chart. */
function lastTwelveMonths(today: string) {
  const [year, month] = today.split('-').map(Number) as [number, number]
  const from = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 7)
  return `from=${from}&to=${today.slice(0, 7)}`
}

export function benchPages(size: BenchSize, today: string): BenchPage[] {
  const timeline = `/cases/${TIMELINE_CASE.slug}`
  // 10,000 cases: the large caseload has about that many in Russia; the realistic one has 2,000 in all.
  const csvQuery = size === 'large' ? '?country=Russia' : ''
  return [
    { name: 'dashboard', path: '/dashboard', route: 'routes/dashboard', floor: dashboardFloor },
    {
      name: 'dashboard, one year',
      path: `/dashboard?${lastTwelveMonths(today)}`,
      route: 'routes/dashboard',
      floor: dashboardFloor,
    },
    { name: 'case list', path: '/cases', route: 'routes/cases._index', floor: caseListFloor },
    {
      name: 'case list, filtered',
      path: '/cases?custody=imprisoned',
      route: 'routes/cases._index',
      floor: caseListFloor,
    },
    {
      name: 'case list, search',
      path: '/cases?q=0012',
      route: 'routes/cases._index',
      floor: caseListFloor,
    },
    {
      name: 'case list, page 50',
      path: '/cases?page=50',
      route: 'routes/cases._index',
      floor: caseListFloor,
    },
    {
      name: `case page (${TIMELINE_CASE.events} events)`,
      path: timeline,
      route: 'routes/cases.$slug',
      floor: casePageFloor,
    },
    {
      name: 'statement generator',
      path: `${timeline}/statement`,
      route: 'routes/cases.$slug_.statement',
      floor: statementFloor,
    },
    {
      name: `case CSV export (${size === 'large' ? '~10,000' : '2,000'} cases)`,
      path: `/cases.csv${csvQuery}`,
      route: 'routes/cases[.]csv',
      floor: caseCsvFloor,
    },
    { name: 'static file (floor)', path: '/favicon.svg' },
  ]
}
