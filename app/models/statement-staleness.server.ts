// Is a generated document behind its case? It remembers the case version it came from; when the
// case has moved on, the timeline changes since the draft was made say how (for the document page).
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { describeStaleness, type Staleness, type TimelineChange } from '../statements/staleness'
import { caseVisibleTo, type Viewer } from './case-visibility.server'

export type StatementStaleness = Staleness & {
  caseSlug: string
  /** The generator, with this draft's template and language chosen. */
  regenerateHref: string
}

export async function getStatementStaleness(
  db: Kysely<Database>,
  { documentId, viewer }: { documentId: number; viewer: Viewer },
): Promise<StatementStaleness | null> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('cases', 'cases.id', 'documents.generatedFromCaseId')
    .select([
      'documents.createdAt',
      'documents.template',
      'documents.language',
      'documents.generatedFromCaseVersion',
      'cases.id as caseId',
      'cases.slug',
      'cases.version as caseVersion',
    ])
    .where('documents.id', '=', documentId)
    .where(caseVisibleTo(viewer))
    .executeTakeFirst()
  if (!row || row.generatedFromCaseVersion === null) return null
  const regenerateHref = `/cases/${row.slug}/statement?${new URLSearchParams({
    template: row.template ?? 'press_release',
    lang: row.language,
  })}`
  const base = { caseSlug: row.slug, regenerateHref }
  if (row.caseVersion === row.generatedFromCaseVersion)
    return { ...base, stale: false, message: null, changes: [] }
  const since = row.createdAt
  const [events, audit] = await Promise.all([
    db
      .selectFrom('statusEvents')
      .select([
        'eventDate',
        'datePrecision',
        'custodyState',
        'legalStage',
        'createdAt',
        'updatedAt',
      ])
      .where('caseId', '=', row.caseId)
      .where((eb) => eb.or([eb('createdAt', '>', since), eb('updatedAt', '>', since)]))
      .orderBy('eventDate')
      .orderBy('createdAt')
      .execute(),
    db
      .selectFrom('auditEvents')
      .select(['entity', 'action'])
      .where('caseId', '=', row.caseId)
      .where('occurredAt', '>', since)
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'status_event'), eb('action', '=', 'delete')]),
          eb.and([eb('entity', '=', 'case'), eb('action', '=', 'update')]),
        ]),
      )
      .execute(),
  ])
  const changes: TimelineChange[] = [
    ...events.map((event) => ({
      kind: event.createdAt > since ? ('added' as const) : ('edited' as const),
      date: { date: event.eventDate, precision: event.datePrecision },
      custodyState: event.custodyState,
      legalStage: event.legalStage,
    })),
    ...audit.map((entry) =>
      entry.entity === 'case' ? { kind: 'case_edited' as const } : { kind: 'removed' as const },
    ),
  ]
  return {
    ...base,
    ...describeStaleness({
      generatedFromVersion: row.generatedFromCaseVersion,
      caseVersion: row.caseVersion,
      changes,
    }),
  }
}
