// The search boxes that pick a case or an actor for the dashboard's chart and the actions list:
// at most ten matches the reader may see, never a list of every case (100,000 of them).
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { containsPattern, searchWords } from '../domain/source-schema'
import { toPrefixTsQuery } from '../domain/text'
import { actorVisibleTo, folded } from './record-visibility.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/** A choice of the chart's case and actor search boxes. */
export type ChartOption = { id: number; label: string }

/** At most `limit` cases the viewer may see whose names or aliases start with the typed words. */
export async function searchChartCases(
  db: Db,
  { viewer, q, limit = 10 }: { viewer: Viewer; q: string; limit?: number },
): Promise<ChartOption[]> {
  const tsQuery = toPrefixTsQuery(q)
  if (!tsQuery) return []
  const rows = await db
    .selectFrom('cases')
    .select(['cases.id', 'cases.fullName'])
    .where(caseVisibleTo(viewer))
    // toPrefixTsQuery keeps only letters and digits, and the result is a bound parameter.
    .where(sql<boolean>`${sql.ref('cases.searchVector')} @@ to_tsquery('simple', ${tsQuery})`)
    .orderBy('cases.fullName')
    .orderBy('cases.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.id, label: r.fullName }))
}

/** At most `limit` actors the viewer may see whose names contain every typed word. */
export async function searchChartActors(
  db: Db,
  { viewer, q, limit = 10 }: { viewer: Viewer; q: string; limit?: number },
): Promise<ChartOption[]> {
  const words = searchWords(q)
  if (!words.length) return []
  let query = db.selectFrom('actors').select(['actors.id', 'actors.name'])
  for (const word of words)
    query = query.where(folded('actors.name'), 'like', containsPattern(word))
  const rows = await query
    .where(actorVisibleTo(viewer))
    .orderBy('actors.name')
    .orderBy('actors.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.id, label: r.name }))
}

/** The case the viewer may see with this id, as a search box choice; undefined if hidden or missing. */
export async function findVisibleCase(
  db: Db,
  { viewer, id }: { viewer: Viewer; id: number },
): Promise<ChartOption | undefined> {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'fullName'])
    .where('id', '=', id)
    .where(caseVisibleTo(viewer))
    .executeTakeFirst()
  return row ? { id: row.id, label: row.fullName } : undefined
}

/** The actor the viewer may see with this id, as a search box choice; undefined if hidden or missing. */
export async function findVisibleActor(
  db: Db,
  { viewer, id }: { viewer: Viewer; id: number },
): Promise<ChartOption | undefined> {
  const row = await db
    .selectFrom('actors')
    .select(['actors.id', 'actors.name'])
    .where('actors.id', '=', id)
    .where(actorVisibleTo(viewer))
    .executeTakeFirst()
  return row ? { id: row.id, label: row.name } : undefined
}

/** One search box of a filter form: the id parameter, whether it picks a case or an actor, and
 * the name of the record already chosen. The words typed come in `<param>Q`. */
export type TypedChoiceField = { param: string; kind: 'case' | 'actor'; chosenName?: string }

/**
 * The search boxes send the words typed (`<param>Q`) beside the chosen id. Words that are not the
 * chosen record's name (typed without JavaScript) are searched, changing `params` in place: one
 * match is chosen, several (or none) are answered in `found`; empty words clear the choice.
 */
export async function resolveTypedChoices(
  db: Db,
  {
    viewer,
    params,
    fields,
  }: { viewer: Viewer; params: URLSearchParams; fields: TypedChoiceField[] },
) {
  const typed: Record<string, string | undefined> = {}
  const found: Record<string, ChartOption[] | undefined> = {}
  let changed = false
  for (const { param, kind, chosenName } of fields) {
    const text = params.get(`${param}Q`)?.trim()
    typed[param] = text
    if (text === undefined || text === chosenName) continue
    changed = true
    params.delete(param)
    if (!text) continue
    const search = kind === 'case' ? searchChartCases : searchChartActors
    const matches = await search(db, { viewer, q: text })
    if (matches.length === 1) params.set(param, String(matches[0]!.id))
    else found[param] = matches
  }
  return { typed, found, changed }
}
