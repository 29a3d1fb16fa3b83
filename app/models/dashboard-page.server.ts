// Everything the dashboard page shows, read for one request: the chart's filters resolved, the scope
// ("cases I follow", "sponsored by") checked, then each panel in parallel — over every visible case
// from the summaries, or over the scope's cases live.
import { chartSearch, parseChartQuery, type ActionSeries } from '../charts/chart'
import { parseDashboardScope, scopeParams, withScope } from '../domain/dashboard-scope'
import type { DashboardScope } from '../domain/dashboard-scope'
import { labelOf, type ActionKind } from '../domain/vocabularies'
import { getActionsOverTime } from './action-chart.server'
import { resolveTypedChoices } from './chart-choices.server'
import { countryTable, custodyTable } from './chart-tables.server'
import type { Viewer } from './case-visibility.server'
import {
  countCasesByCountry,
  countCasesByCustodyState,
  getKeyFigures,
  listNeedsAttention,
  listRecentUpdates,
  listUpcomingEvents,
  resolveChartFilters,
  type ResolvedChartQuery,
} from './dashboard.server'
import {
  byCountry,
  byCustodyState,
  countScopedCasesBy,
  getScopedKeyFigures,
  resolveDashboardScope,
  scopedCases,
} from './dashboard-scope.server'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

type Db = Kysely<Database>

/** Legend entries hide or show one kind by changing the `kind` list of the URL. */
function legendFor(
  query: ResolvedChartQuery,
  series: ActionSeries,
  today: string,
  scope: DashboardScope,
) {
  const present = series.kindsPresent.map((k) => k.kind)
  const shown = query.kinds.length ? query.kinds : present
  return series.kindsPresent.map(({ kind, count }) => {
    const hidden = !shown.includes(kind)
    let kinds: ActionKind[] = hidden ? [...shown, kind] : shown.filter((k) => k !== kind)
    if (present.every((k) => kinds.includes(k)) && kinds.every((k) => present.includes(k)))
      kinds = []
    const href = withScope(`/dashboard${chartSearch({ ...query, kinds }, today)}`, scope)
    return { kind, count, hidden, href }
  })
}

/**
 * The search boxes send the words typed (`caseQ`, `actorQ`) beside the chosen id. Words that are not
 * the chosen record's name (typed without JavaScript) are searched: one match is chosen, several are
 * offered as links while the chart shows all; empty words clear the choice.
 */
async function resolveChartQuery(
  db: Db,
  viewer: Viewer,
  params: URLSearchParams,
  today: string,
  scope: DashboardScope,
) {
  let query = await resolveChartFilters(db, { viewer, query: parseChartQuery(params, today) })
  const { typed, found, changed } = await resolveTypedChoices(db, {
    viewer,
    params,
    fields: [
      { param: 'case', kind: 'case', chosenName: query.caseName },
      { param: 'actor', kind: 'actor', chosenName: query.actorName },
    ],
  })
  if (changed)
    query = await resolveChartFilters(db, { viewer, query: parseChartQuery(params, today) })
  const choice = (field: 'case' | 'actor') => ({
    text: (field === 'case' ? query.caseName : query.actorName) ?? typed[field] ?? '',
    matches: found[field]?.map((m) => ({
      ...m,
      href: withScope(
        `/dashboard${chartSearch({ ...query, [field === 'case' ? 'caseId' : 'actorId']: m.id }, today)}`,
        scope,
      ),
    })),
  })
  return { query, caseChoice: choice('case'), actorChoice: choice('actor') }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The page's data, or `redirect`: the address without the words typed once they have chosen. */
export async function loadDashboard(
  db: Db,
  {
    viewer,
    params,
    today,
    attentionDays,
  }: { viewer: Viewer; params: URLSearchParams; today: string; attentionDays: number },
) {
  const parsed = parseDashboardScope(params)
  const resolved = await resolveDashboardScope(db, { viewer, ...parsed, scope: parsed })
  const scope: DashboardScope = resolved.scope
  const { query, caseChoice, actorChoice } = await resolveChartQuery(
    db,
    viewer,
    params,
    today,
    scope,
  )
  const search = chartSearch(query, today)
  // The words typed have done their work: the address keeps only the chosen ids.
  if (
    (params.has('caseQ') || params.has('actorQ') || resolved.chosenFromWords) &&
    !caseChoice.matches &&
    !actorChoice.matches &&
    !resolved.sponsor.matches &&
    query.messages.length === 0
  )
    return { redirect: withScope(`/dashboard${search}`, scope) }
  const cases =
    scope.following || scope.sponsorId !== undefined ? scopedCases(db, viewer, scope) : undefined
  const [figures, byState, byCountryRows, attention, upcoming, recent, actions] = await Promise.all(
    [
      cases
        ? getScopedKeyFigures(db, { viewer, today, cases })
        : getKeyFigures(db, { viewer, today }),
      cases
        ? countScopedCasesBy(db, { cases, column: 'currentCustodyState' }).then(byCustodyState)
        : countCasesByCustodyState(db, { viewer }),
      cases
        ? countScopedCasesBy(db, { cases, column: 'country' }).then(byCountry)
        : countCasesByCountry(db, { viewer }),
      listNeedsAttention(db, { viewer, today, days: attentionDays, cases }),
      listUpcomingEvents(db, { viewer, today, cases }),
      listRecentUpdates(db, { viewer, cases }),
      getActionsOverTime(db, { viewer, ...query, cases }),
    ],
  )
  const topState = byState.find((row) => row.currentCustodyState)
  const topCountry = byCountryRows.find((row) => row.country)
  const scoped = new URLSearchParams(scopeParams(scope)).toString()
  return {
    redirect: null,
    today,
    messages: [...resolved.messages, ...query.messages],
    query: { ...query.range, caseId: query.caseId, actorId: query.actorId, kinds: query.kinds },
    scope,
    sponsorChoice: resolved.sponsor,
    /** The chart's own parameters, for the scope form to keep. */
    chartParams: [...new URLSearchParams(search)],
    figures,
    attentionDays,
    custody: {
      table: custodyTable(byState),
      summary:
        figures.casesTotal === 0
          ? 'No cases yet.'
          : `Of ${plural(figures.casesTotal, 'case')} you can see, ${figures.deprived} ${figures.deprived === 1 ? 'is' : 'are'} deprived of liberty; the most common state is ${labelOf(topState?.currentCustodyState)} (${topState?.count ?? 0}).`,
    },
    country: {
      table: countryTable(byCountryRows),
      summary: topCountry
        ? `${plural(figures.casesTotal, 'case')} in ${plural(byCountryRows.filter((r) => r.country).length, 'country', 'countries')}; most in ${topCountry.country} (${topCountry.count}).`
        : 'No country recorded yet.',
    },
    attention,
    upcoming,
    recent,
    actions: { ...actions, legend: legendFor(query, actions.series, today, scope) },
    csv: {
      actions: `/dashboard/csv?chart=actions${search.replace('?', '&')}${scoped ? `&${scoped}` : ''}`,
      custody: `/dashboard/csv?chart=custody${scoped ? `&${scoped}` : ''}`,
      country: `/dashboard/csv?chart=country${scoped ? `&${scoped}` : ''}`,
    },
    caseChoice,
    actorChoice,
  }
}
