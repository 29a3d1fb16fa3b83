// Which cases match the case list's search and filters, for the reader: shared by the list's rows
// and its counts.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import type { CaseFilters, FacetKey } from '../domain/case-filters'
import { toPrefixTsQuery } from '../domain/text'
import { caseVisibleTo, type Viewer } from './case-visibility.server'

/**
 * The cases a viewer may see that match the search and the filters, leaving out the filter named by
 * `except` (a facet counts the cases matching every filter but its own).
 */
export function caseMatches({
  viewer,
  filters,
  except,
}: {
  viewer: Viewer
  filters: CaseFilters
  except?: FacetKey
}) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    const conditions: Expression<SqlBool>[] = [caseVisibleTo(viewer)(eb)]
    const tsQuery = toPrefixTsQuery(filters.q)
    // toPrefixTsQuery keeps only letters and digits, and the result is a bound parameter.
    if (tsQuery)
      conditions.push(
        sql<SqlBool>`${sql.ref('cases.searchVector')} @@ to_tsquery('simple', ${tsQuery})`,
      )
    const use = (key: FacetKey) => key !== except && filters[key] !== undefined
    if (use('custody')) conditions.push(eb('cases.currentCustodyState', '=', filters.custody!))
    if (use('stage')) conditions.push(eb('cases.currentLegalStage', '=', filters.stage!))
    if (use('country')) conditions.push(eb('cases.country', '=', filters.country!))
    if (use('ground'))
      conditions.push(
        sql<SqlBool>`${sql.ref('cases.grounds')} @> ARRAY[${filters.ground!}]::text[]`,
      )
    if (use('risk')) conditions.push(eb('cases.riskLevel', '=', filters.risk!))
    if (use('visibility')) conditions.push(eb('cases.visibility', '=', filters.visibility!))
    if (use('owner')) conditions.push(eb('cases.ownerId', '=', filters.owner!))
    return eb.and(conditions)
  }
}
