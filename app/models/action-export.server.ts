// The actions list as CSV: the actions a reader may see that match the list's filters (the list's own
// conditions), newest first as on the page, read in batches by (date, id) — keyset, never OFFSET —
// so a million actions stream in constant memory. Columns in docs/exports.md.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ActionListFilters } from '../domain/action-list'
import type { CsvCell } from '../utils/csv'
import { actionVisibleTo, matchesFilters } from './action.server'
import { isoPartialDate, LIST_SEPARATOR, URL_SEPARATOR } from './case-export.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { documentVisibleTo } from './record-visibility.server'

type Db = Kysely<Database>

export const ACTION_EXPORT_BATCH = 1_000

type After = { actionDate: string; id: number }

function actionBatch(
  db: Db,
  {
    viewer,
    filters,
    after,
    limit,
  }: { viewer: Viewer; filters: ActionListFilters; after: After | null; limit: number },
) {
  let query = db
    .selectFrom('advocacyActions')
    .leftJoin('actors as actor', 'actor.id', 'advocacyActions.actorId')
    .leftJoin('actors as target', 'target.id', 'advocacyActions.targetId')
    // The linked document is named only when the reader may see it, as on the action's page.
    .leftJoin('documents', (join) =>
      join.onRef('documents.id', '=', 'advocacyActions.documentId').on(documentVisibleTo(viewer)),
    )
    .select([
      'advocacyActions.id',
      'advocacyActions.kind',
      'advocacyActions.title',
      'advocacyActions.actionDate',
      'advocacyActions.datePrecision',
      'advocacyActions.response',
      'advocacyActions.outcomeNotes',
      'actor.name as actorName',
      'target.name as targetName',
      'documents.title as documentTitle',
    ])
    .select((eb) =>
      eb
        .selectFrom('actionCases')
        .innerJoin('cases', 'cases.id', 'actionCases.caseId')
        .select(
          sql<{ fullName: string; slug: string }[]>`coalesce(json_agg(json_build_object(
            'fullName', ${sql.ref('cases.fullName')}, 'slug', ${sql.ref('cases.slug')})
            order by ${sql.ref('cases.fullName')}), '[]')`.as('cases'),
        )
        .whereRef('actionCases.actionId', '=', 'advocacyActions.id')
        .where(caseVisibleTo(viewer))
        .as('cases'),
    )
    .where(actionVisibleTo(viewer))
    .where(matchesFilters(filters))
  if (after)
    query = query.where((eb) =>
      eb(
        eb.refTuple('advocacyActions.actionDate', 'advocacyActions.id'),
        '<',
        eb.tuple(after.actionDate, after.id),
      ),
    )
  return query
    .orderBy('advocacyActions.actionDate', 'desc')
    .orderBy('advocacyActions.id', 'desc')
    .limit(limit)
    .execute()
}

export type ActionExportRow = Awaited<ReturnType<typeof actionBatch>>[number]

/** Every matching action the reader may see, newest first, a batch at a time. */
export async function* exportActionsForUser(
  db: Db,
  {
    viewer,
    filters,
    batchSize = ACTION_EXPORT_BATCH,
  }: { viewer: Viewer; filters: ActionListFilters; batchSize?: number },
): AsyncGenerator<ActionExportRow[]> {
  let after: After | null = null
  for (;;) {
    const rows = await actionBatch(db, { viewer, filters, after, limit: batchSize })
    if (rows.length > 0) yield rows
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]!
    after = { actionDate: last.actionDate, id: last.id }
  }
}

export const ACTION_CSV_HEADER = [
  'date',
  'kind',
  'title',
  'who acted',
  'addressed to',
  'cases',
  'case urls',
  'response',
  'outcome notes',
  'document',
  'action url',
]

/** One action's cells, in ACTION_CSV_HEADER's order; `origin` makes the absolute URLs. */
export function actionCsvCells(row: ActionExportRow, origin: string): CsvCell[] {
  const cases = row.cases ?? []
  return [
    isoPartialDate(row.actionDate, row.datePrecision),
    row.kind,
    row.title,
    row.actorName,
    row.targetName,
    cases.map((c) => c.fullName).join(LIST_SEPARATOR),
    cases.map((c) => `${origin}/cases/${encodeURIComponent(c.slug)}`).join(URL_SEPARATOR),
    row.response,
    row.outcomeNotes,
    row.documentTitle,
    `${origin}/actions/${row.id}`,
  ]
}
