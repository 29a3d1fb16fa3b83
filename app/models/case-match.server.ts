// Which cases match the case list's search and filters, for the reader: shared by the list's rows
// and its counts.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import type { CaseFilters, FacetKey } from '../domain/case-filters'
import { containsPattern, hasSyllabicScript, searchTerms, spreadSyllabic } from '../domain/text'
import { caseVisibleTo, type Viewer } from './case-visibility.server'

/**
 * One search term (folded letters and digits only, from searchTerms; bound as a parameter) matches
 * a case when a word of its names, aliases or summary starts with it (the full-text index), or when
 * it appears anywhere in its names and aliases (the trigram index): "arsam" and "Идрис" find
 * words, "самик" and "晓波" parts of one. Part-of-a-name matching needs three letters in alphabetic
 * scripts (fewer find nearly every case), one character in Chinese, Japanese and Korean.
 */
function termMatches(eb: ExpressionBuilder<Database, 'cases'>, term: string): Expression<SqlBool> {
  const word = sql<SqlBool>`${sql.ref('cases.searchVector')} @@ to_tsquery('simple', ${`${term}:*`})`
  if ([...term].length < 3 && !hasSyllabicScript(term)) return word
  const part = containsPattern(spreadSyllabic(term))
  return eb.or([word, eb('cases.nameSearchText', 'like', part)])
}

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
    for (const term of searchTerms(filters.q)) conditions.push(termMatches(eb, term))
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
    // An EXISTS on case_follows' primary key (user_id, case_id): one index probe per case.
    if (filters.following)
      conditions.push(
        eb.exists(
          eb
            .selectFrom('caseFollows')
            .select('caseFollows.caseId')
            .whereRef('caseFollows.caseId', '=', 'cases.id')
            .where('caseFollows.userId', '=', viewer.id),
        ),
      )
    // An EXISTS on case_sponsors' unique (case_id, actor_id) index: one index probe per case.
    if (filters.sponsor !== undefined)
      conditions.push(
        eb.exists(
          eb
            .selectFrom('caseSponsors')
            .select('caseSponsors.caseId')
            .whereRef('caseSponsors.caseId', '=', 'cases.id')
            .where('caseSponsors.actorId', '=', filters.sponsor),
        ),
      )
    return eb.and(conditions)
  }
}
