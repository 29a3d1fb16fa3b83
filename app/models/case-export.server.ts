// The case list as CSV: the cases a reader may see that match the list's search and filters
// (caseMatches, the list's own condition), read in batches by id (keyset, never OFFSET) so 100,000
// cases stream in constant memory. Column headers are those the CSV import pre-maps, so the file
// re-imports into the same cases; docs/exports.md lists them.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { CaseFilters } from '../domain/case-filters'
import { partialDateInputValue } from '../domain/dates'
import type { DatePrecision } from '../domain/vocabularies'
import type { CsvCell } from '../utils/csv'
import { caseMatches } from './case-match.server'
import type { Viewer } from './case-visibility.server'

type Db = Kysely<Database>

export const CASE_EXPORT_BATCH = 1_000

/** One batch of cases after `afterId`, in id order, with the URLs of the sources they cite. */
function caseBatch(
  db: Db,
  {
    viewer,
    filters,
    afterId,
    limit,
  }: { viewer: Viewer; filters: CaseFilters; afterId: number; limit: number },
) {
  return (
    db
      .selectFrom('cases')
      .leftJoin('users as owner', 'owner.id', 'cases.ownerId')
      .select([
        'cases.id',
        'cases.slug',
        'cases.fullName',
        'cases.aliases',
        'cases.displayName',
        'cases.country',
        'cases.region',
        'cases.nationality',
        'cases.gender',
        'cases.dateOfBirth',
        'cases.dateOfBirthPrecision',
        'cases.currentCustodyState',
        'cases.currentLegalStage',
        'cases.detainedSince',
        'cases.detainedSincePrecision',
        'cases.grounds',
        'cases.riskLevel',
        'cases.visibility',
        'cases.consent',
        'cases.summary',
        'cases.internalNotes',
        'cases.updatedAt',
        'owner.name as ownerName',
      ])
      // The sources cited for the case's facts and for its events (the case is visible, so are they).
      .select(
        sql<string[]>`array(
        select s.url from sources s
        where s.url is not null and s.id in (
          select c.source_id from citations c where c.case_id = ${sql.ref('cases.id')}
          union
          select c.source_id from citations c
            join status_events e on e.id = c.status_event_id
            where e.case_id = ${sql.ref('cases.id')})
        order by s.url)`.as('sourceUrls'),
      )
      .where(caseMatches({ viewer, filters }))
      .where('cases.id', '>', afterId)
      .orderBy('cases.id')
      .limit(limit)
      .execute()
  )
}

export type CaseExportRow = Awaited<ReturnType<typeof caseBatch>>[number]

/**
 * Every matching case the viewer may see, a batch at a time. Each batch is its own statement, so a
 * case changed during a long download is seen as it is when its batch is read.
 */
export async function* exportCasesForUser(
  db: Db,
  {
    viewer,
    filters,
    batchSize = CASE_EXPORT_BATCH,
  }: { viewer: Viewer; filters: CaseFilters; batchSize?: number },
): AsyncGenerator<CaseExportRow[]> {
  let afterId = 0
  for (;;) {
    const rows = await caseBatch(db, { viewer, filters, afterId, limit: batchSize })
    if (rows.length > 0) yield rows
    if (rows.length < batchSize) return
    afterId = rows[rows.length - 1]!.id
  }
}

/** "2019", "2019-07" or "2019-07-14": a partial date in ISO form, in its own precision. */
export function isoPartialDate(date: string | null, precision: DatePrecision | null): string {
  if (!date) return ''
  return partialDateInputValue({ date, precision: precision ?? 'day' })
}

/** Several values in one cell, as the import splits them. */
export const LIST_SEPARATOR = '; '
/** Several URLs in one cell: one a line (the import also splits on spaces, ; and |). */
export const URL_SEPARATOR = '\n'

type Column = {
  header: string
  value: (row: CaseExportRow, caseUrl: string) => CsvCell
  /** Internal notes are read on the edit form, so only a reader who may edit gets them. */
  editorsOnly?: true
}

const COLUMNS: Column[] = [
  { header: 'name', value: (r) => r.fullName },
  { header: 'aliases', value: (r) => r.aliases.join(LIST_SEPARATOR) },
  { header: 'display name', value: (r) => r.displayName },
  { header: 'country', value: (r) => r.country },
  { header: 'region', value: (r) => r.region },
  { header: 'nationality', value: (r) => r.nationality },
  { header: 'gender', value: (r) => r.gender },
  { header: 'date of birth', value: (r) => isoPartialDate(r.dateOfBirth, r.dateOfBirthPrecision) },
  { header: 'custody state', value: (r) => r.currentCustodyState },
  { header: 'legal stage', value: (r) => r.currentLegalStage },
  {
    header: 'detained since',
    value: (r) => isoPartialDate(r.detainedSince, r.detainedSincePrecision),
  },
  { header: 'grounds', value: (r) => r.grounds.join(LIST_SEPARATOR) },
  { header: 'risk', value: (r) => r.riskLevel },
  { header: 'visibility', value: (r) => r.visibility },
  { header: 'consent', value: (r) => r.consent },
  { header: 'summary', value: (r) => r.summary },
  { header: 'internal notes', value: (r) => r.internalNotes, editorsOnly: true },
  { header: 'sources', value: (r) => r.sourceUrls.join(URL_SEPARATOR) },
  { header: 'owner', value: (r) => r.ownerName },
  { header: 'last updated', value: (r) => new Date(r.updatedAt).toISOString() },
  // "case url" is what the import matches an existing case by (it reads the slug from the address).
  { header: 'case url', value: (_r, url) => url },
]

/**
 * The CSV's columns for this reader: headers, and a function from a row to its cells. `origin` makes
 * each case's absolute URL ("https://tracker.example/cases/idris-arsamikov").
 */
export function caseCsvColumns({ withNotes, origin }: { withNotes: boolean; origin: string }) {
  const columns = COLUMNS.filter((c) => withNotes || !c.editorsOnly)
  return {
    header: columns.map((c) => c.header),
    cells: (row: CaseExportRow): CsvCell[] => {
      const url = `${origin}/cases/${encodeURIComponent(row.slug)}`
      return columns.map((c) => c.value(row, url))
    },
  }
}
