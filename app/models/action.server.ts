// The advocacy-action aggregate: who may see an action, listing and reading actions, and writing
// them so that the action, its case links, its citations and the audit rows change in one transaction.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import {
  ACTION_PAGE_SIZE,
  type ActionFields,
  type ActionListFilters,
} from '../domain/action-schema'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { documentVisibleTo } from './document.server'
import { actionVisibleTo, actorVisibleTo } from './record-visibility.server'
import { existingSourceIds, urlHeldByHiddenSource } from './source.server'

type Db = Kysely<Database> | Transaction<Database>
type ActionsEb = ExpressionBuilder<Database, 'advocacyActions'>

export const ACTION_FIELDS = [
  'kind',
  'title',
  'actionDate',
  'datePrecision',
  'actorId',
  'targetId',
  'documentId',
  'response',
  'outcomeNotes',
] as const satisfies readonly (keyof ActionFields)[]

export { actionVisibleTo }

/** The linked cases of an action that this viewer may see, as a JSON array (no query per row). */
function visibleCasesOf(eb: ActionsEb, viewer: Viewer) {
  return jsonArrayFrom(
    eb
      .selectFrom('actionCases')
      .innerJoin('cases', 'cases.id', 'actionCases.caseId')
      .select(['cases.id', 'cases.slug', 'cases.fullName'])
      .whereRef('actionCases.actionId', '=', 'advocacyActions.id')
      .where(caseVisibleTo(viewer))
      .orderBy('cases.fullName'),
  )
}

function escapeLike(word: string) {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The action list's search and filters (also used by its CSV export). */
export function matchesFilters(filters: ActionListFilters) {
  return (eb: ActionsEb) => {
    const conditions = []
    for (const word of filters.q.split(/\s+/).filter(Boolean).slice(0, 6)) {
      const pattern = escapeLike(word)
      conditions.push(
        eb.or([
          eb('advocacyActions.title', 'ilike', pattern),
          eb('advocacyActions.outcomeNotes', 'ilike', pattern),
        ]),
      )
    }
    if (filters.kind) conditions.push(eb('advocacyActions.kind', '=', filters.kind))
    if (filters.response) conditions.push(eb('advocacyActions.response', '=', filters.response))
    if (filters.actor) conditions.push(eb('advocacyActions.actorId', '=', filters.actor))
    if (filters.target) conditions.push(eb('advocacyActions.targetId', '=', filters.target))
    if (filters.from) conditions.push(eb('advocacyActions.actionDate', '>=', filters.from))
    if (filters.to) conditions.push(eb('advocacyActions.actionDate', '<=', filters.to))
    if (filters.case)
      conditions.push(
        eb.exists(
          eb
            .selectFrom('actionCases')
            .select('actionCases.caseId')
            .whereRef('actionCases.actionId', '=', 'advocacyActions.id')
            .where('actionCases.caseId', '=', filters.case),
        ),
      )
    return eb.and(conditions)
  }
}

/** One page of the actions this viewer may see, newest first, and how many there are in all. */
export async function listActionsForUser(
  db: Db,
  { viewer, filters, page = 1 }: { viewer: Viewer; filters: ActionListFilters; page?: number },
) {
  const base = db
    .selectFrom('advocacyActions')
    .where(actionVisibleTo(viewer))
    .where(matchesFilters(filters))
  const { total } = await base
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow()
  const pageCount = Math.max(1, Math.ceil(total / ACTION_PAGE_SIZE))
  const shown = Math.min(page, pageCount)
  const actions = await base
    .leftJoin('actors as actor', 'actor.id', 'advocacyActions.actorId')
    .leftJoin('actors as target', 'target.id', 'advocacyActions.targetId')
    .select([
      'advocacyActions.id',
      'advocacyActions.kind',
      'advocacyActions.title',
      'advocacyActions.actionDate',
      'advocacyActions.datePrecision',
      'advocacyActions.response',
      'actor.name as actorName',
      'target.name as targetName',
    ])
    .select((eb) => visibleCasesOf(eb, viewer).as('cases'))
    .orderBy('advocacyActions.actionDate', 'desc')
    .orderBy('advocacyActions.id', 'desc')
    .limit(ACTION_PAGE_SIZE)
    .offset((shown - 1) * ACTION_PAGE_SIZE)
    .execute()
  return { actions, total, page: shown, pageCount }
}

/**
 * One action with its visible cases and cited sources; undefined when the viewer may not see it. The
 * linked document's title and kind come only when the viewer may see that document.
 */
export function getActionForUser(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  return db
    .selectFrom('advocacyActions')
    .leftJoin('actors as actor', 'actor.id', 'advocacyActions.actorId')
    .leftJoin('actors as target', 'target.id', 'advocacyActions.targetId')
    .leftJoin('documents', (join) =>
      join.onRef('documents.id', '=', 'advocacyActions.documentId').on(documentVisibleTo(viewer)),
    )
    .leftJoin('users as editor', 'editor.id', 'advocacyActions.updatedBy')
    .selectAll('advocacyActions')
    .select([
      'actor.name as actorName',
      'target.name as targetName',
      'documents.title as documentTitle',
      'documents.kind as documentKind',
      'editor.name as updatedByName',
    ])
    .select((eb) => [
      visibleCasesOf(eb, viewer).as('cases'),
      jsonArrayFrom(
        eb
          .selectFrom('citations')
          .innerJoin('sources', 'sources.id', 'citations.sourceId')
          .select([
            'sources.id',
            'sources.title',
            'sources.publisher',
            'sources.publishedOn',
            'sources.publishedPrecision',
            'sources.url',
          ])
          .whereRef('citations.advocacyActionId', '=', 'advocacyActions.id')
          .orderBy('citations.id'),
      ).as('sources'),
    ])
    .where('advocacyActions.id', '=', id)
    .where(actionVisibleTo(viewer))
    .executeTakeFirst()
}
export type ActionRecord = NonNullable<Awaited<ReturnType<typeof getActionForUser>>>

/** What the form offers: the actors, cases and documents this viewer may see. */
export async function getActionFormOptions(db: Db, { viewer }: { viewer: Viewer }) {
  const [actors, cases, documents] = await Promise.all([
    db
      .selectFrom('actors')
      .select(['id', 'name', 'kind'])
      .where(actorVisibleTo(viewer))
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('cases')
      .select(['id', 'slug', 'fullName', 'country'])
      .where(caseVisibleTo(viewer))
      .orderBy('fullName')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('documents')
      .select(['id', 'title', 'kind', 'documentDate', 'datePrecision'])
      .where(documentVisibleTo(viewer))
      .orderBy('documentDate', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute(),
  ])
  return { actors, cases, documents }
}
export type ActionFormOptions = Awaited<ReturnType<typeof getActionFormOptions>>

/**
 * Checks that the actors, document, cases and sources a form names exist and may be seen by this
 * viewer. A hand-made form naming a hidden one gets the same answer as one naming none that exists;
 * a new source's URL held by a source hidden from the viewer is refused without naming that source.
 */
export async function checkActionReferences(
  db: Db,
  {
    viewer,
    fields,
    caseIds,
    sourceIds = [],
    newSourceUrl = null,
  }: {
    viewer: Viewer
    fields: Pick<ActionFields, 'actorId' | 'targetId' | 'documentId'>
    caseIds: number[]
    sourceIds?: number[]
    newSourceUrl?: string | null
  },
): Promise<Record<string, string[]>> {
  const actorIds = [fields.actorId, fields.targetId].filter((id): id is number => id !== null)
  const [actors, documents, cases, sources, urlHidden] = await Promise.all([
    actorIds.length
      ? db
          .selectFrom('actors')
          .select('id')
          .where('id', 'in', actorIds)
          .where(actorVisibleTo(viewer))
          .execute()
      : [],
    fields.documentId
      ? db
          .selectFrom('documents')
          .select('id')
          .where('id', '=', fields.documentId)
          .where(documentVisibleTo(viewer))
          .execute()
      : [],
    caseIds.length ? visibleCaseIds(db, { viewer, caseIds }) : [],
    existingSourceIds(db, sourceIds, viewer),
    newSourceUrl ? urlHeldByHiddenSource(db, { url: newSourceUrl, viewer }) : false,
  ])
  const found = new Set(actors.map((a) => a.id))
  const errors: Record<string, string[]> = {}
  if (fields.actorId && !found.has(fields.actorId))
    errors.actorId = ['Choose who acted from the list']
  if (fields.targetId && !found.has(fields.targetId))
    errors.targetId = ['Choose who was addressed from the list']
  if (fields.documentId && documents.length === 0)
    errors.documentId = ['Choose a document from the list']
  if (cases.length !== caseIds.length) errors.caseIds = ['Choose the cases from the list']
  if (sources.length !== new Set(sourceIds).size)
    errors.sourceIds = ['Choose the sources from the library search']
  if (urlHidden)
    errors.newSourceUrl = [
      'A source with this URL is already in the library, linked to a record you cannot open: ask an admin.',
    ]
  return errors
}

export async function visibleCaseIds(
  db: Db,
  { viewer, caseIds }: { viewer: Viewer; caseIds: number[] },
): Promise<number[]> {
  if (caseIds.length === 0) return []
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('id', 'in', caseIds)
    .where(caseVisibleTo(viewer))
    .execute()
  return rows.map((r) => r.id)
}
