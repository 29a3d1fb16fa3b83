// The record of one CSV import of cases: the uploaded text, the mapping, the dry run's report and
// the commit's result. The text may hold restricted data, so every read and write names the user
// who uploaded it in its `where`: another user — an admin too — gets nothing, as for a missing one.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { CaseImportStatus, Database } from '../../db/schema'
import type { ImportMapping } from '../case-import/fields'
import { IMPORT_STALE_MS } from '../case-import/limits'
import type { CommitResult, DryRunReport } from '../case-import/types'

export type ImportStatus = CaseImportStatus

export type { CommitResult, DryRunCounts, DryRunReport } from '../case-import/types'

type Owned = { id: number; userId: number }

export async function createCaseImport(
  db: Kysely<Database>,
  input: {
    userId: number
    fileName: string
    content: string
    headers: string[]
    rowCount: number
    mapping: ImportMapping
  },
) {
  const { id } = await db
    .insertInto('caseImports')
    .values({
      ...input,
      fileName: input.fileName.slice(0, 255) || 'upload.csv',
      headers: JSON.stringify(input.headers),
      mapping: JSON.stringify(input.mapping),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The import without its text, for its pages; undefined when it is not this user's. */
export async function getCaseImport(db: Kysely<Database>, { id, userId }: Owned) {
  const row = await db
    .selectFrom('caseImports')
    .select([
      'id',
      'fileName',
      'headers',
      'rowCount',
      'mapping',
      'status',
      'progressDone',
      'report',
      'result',
      'error',
      'createdAt',
      'updatedAt',
    ])
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    ...row,
    headers: row.headers as string[],
    mapping: row.mapping as ImportMapping | null,
    report: row.report as DryRunReport | null,
    result: row.result as CommitResult | null,
    status: effectiveStatus(row),
  }
}
export type CaseImportRecord = NonNullable<Awaited<ReturnType<typeof getCaseImport>>>

/** The text and mapping, for the dry run and the commit. */
export function getCaseImportWork(db: Kysely<Database>, { id, userId }: Owned) {
  return db
    .selectFrom('caseImports')
    .select(['id', 'fileName', 'content', 'headers', 'mapping', 'report', 'rowCount'])
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow()
}

/** The user's latest imports, newest first. */
export function listCaseImports(db: Kysely<Database>, { userId }: { userId: number }) {
  return db
    .selectFrom('caseImports')
    .select(['id', 'fileName', 'rowCount', 'status', 'createdAt', 'updatedAt'])
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(10)
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, status: effectiveStatus(row) })))
}

/** The mapping of the user's latest import of a file with the same header, to start from. */
export async function previousMapping(
  db: Kysely<Database>,
  { userId, headers }: { userId: number; headers: string[] },
) {
  const row = await db
    .selectFrom('caseImports')
    .select('mapping')
    .where('userId', '=', userId)
    .where('headers', '=', sql<string>`${JSON.stringify(headers)}::jsonb`)
    .where('mapping', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return (row?.mapping as ImportMapping | null | undefined) ?? null
}

/**
 * A dry run or commit still marked running that has not reported for a while stopped with its
 * server (a commit is one transaction, so nothing of it was written): it is shown as failed, and
 * may be started again. Read only: a GET never writes.
 */
function effectiveStatus(row: { status: ImportStatus; updatedAt: Date }): ImportStatus {
  const running = row.status === 'dry_running' || row.status === 'committing'
  return running && Date.now() - new Date(row.updatedAt).getTime() > IMPORT_STALE_MS
    ? 'failed'
    : row.status
}

const STALE_BEFORE = () => new Date(Date.now() - IMPORT_STALE_MS)

/**
 * Moves an import to `to` when it is in one of `from` (or is a stopped run); false when it is not,
 * e.g. a second click on "Commit" while the first runs.
 */
export async function claimCaseImport(
  db: Kysely<Database>,
  {
    id,
    userId,
    from,
    to,
    set = {},
  }: Owned & {
    from: ImportStatus[]
    to: ImportStatus
    set?: { mapping?: ImportMapping; report?: null; result?: null }
  },
): Promise<boolean> {
  const updated = await db
    .updateTable('caseImports')
    .set({
      status: to,
      progressDone: 0,
      error: null,
      updatedAt: new Date(),
      ...(set.mapping ? { mapping: JSON.stringify(set.mapping) } : {}),
      ...('report' in set ? { report: null } : {}),
      ...('result' in set ? { result: null } : {}),
    })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', from),
        eb.and([
          eb('status', 'in', ['dry_running', 'committing']),
          eb('updatedAt', '<', STALE_BEFORE()),
        ]),
      ]),
    )
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

/** Progress of a running step; also the heartbeat that tells a running step from a stopped one. */
export async function reportProgress(
  db: Kysely<Database>,
  { id, status, done }: { id: number; status: ImportStatus; done: number },
) {
  await db
    .updateTable('caseImports')
    .set({ progressDone: done, updatedAt: new Date() })
    .where('id', '=', id)
    .where('status', '=', status)
    .execute()
}

/**
 * In the transaction of a commit's batch: the rows written so far, and what the page is to say should
 * the commit stop before its end (shown once the import is taken as stopped; cleared when it ends).
 */
export async function recordCommitBatch(
  trx: Transaction<Database>,
  { id, done, ifStopped }: { id: number; done: number; ifStopped: string },
) {
  await trx
    .updateTable('caseImports')
    .set({ progressDone: done, error: ifStopped, updatedAt: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'committing')
    .execute()
}

export async function finishCaseImport(
  db: Kysely<Database> | Transaction<Database>,
  {
    id,
    status,
    report,
    result,
    error,
  }: {
    id: number
    status: ImportStatus
    report?: DryRunReport
    result?: CommitResult
    error?: string
  },
) {
  await db
    .updateTable('caseImports')
    .set({
      status,
      updatedAt: new Date(),
      ...(report ? { report: JSON.stringify(report) } : {}),
      ...(result ? { result: JSON.stringify(result) } : {}),
      error: error ?? null,
    })
    .where('id', '=', id)
    .execute()
}

/** The first 64 KB of the file: enough for the mapping page's example values. */
export async function getCaseImportSample(db: Kysely<Database>, { id, userId }: Owned) {
  const row = await db
    .selectFrom('caseImports')
    .select(sql<string>`substr(content, 1, 65536)`.as('sample'))
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst()
  return row?.sample ?? ''
}
