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
import type { NewSourceInput } from '../domain/event-schema'
import { diffFields, writeAudit, type Actor } from './audit.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import {
  existingSourceIds,
  findOrCreateSource,
  getSourcesByIds,
  searchSources,
} from './source.server'

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

/**
 * An action is seen by whoever may see every case it is linked to, as documents are: its title and
 * notes may name a restricted person. One linked restricted case the viewer may not see hides it; an
 * action for no case is seen by everyone signed in.
 */
export function actionVisibleTo(viewer: Viewer) {
  return (eb: ActionsEb) => {
    if (viewer.role === 'admin') return sql<boolean>`true`
    return eb.not(
      eb.exists(
        eb
          .selectFrom('actionCases')
          .innerJoin('cases', 'cases.id', 'actionCases.caseId')
          .select('actionCases.caseId')
          .whereRef('actionCases.actionId', '=', 'advocacyActions.id')
          .where((inner) => inner.not(caseVisibleTo(viewer)(inner))),
      ),
    )
  }
}

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

function matchesFilters(filters: ActionListFilters) {
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

/** One action with its visible cases and cited sources; undefined when the viewer may not see it. */
export function getActionForUser(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  return db
    .selectFrom('advocacyActions')
    .leftJoin('actors as actor', 'actor.id', 'advocacyActions.actorId')
    .leftJoin('actors as target', 'target.id', 'advocacyActions.targetId')
    .leftJoin('documents as document', 'document.id', 'advocacyActions.documentId')
    .leftJoin('users as editor', 'editor.id', 'advocacyActions.updatedBy')
    .selectAll('advocacyActions')
    .select([
      'actor.name as actorName',
      'target.name as targetName',
      'document.title as documentTitle',
      'document.kind as documentKind',
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

/** What the form offers: every actor, and the cases and documents this viewer may see. */
export async function getActionFormOptions(db: Db, { viewer }: { viewer: Viewer }) {
  const [actors, cases, documents] = await Promise.all([
    db.selectFrom('actors').select(['id', 'name', 'kind']).orderBy('name').orderBy('id').execute(),
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

/** A document is seen like an action: only if the viewer may see every case it is linked to. */
function documentVisibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'documents'>) => {
    if (viewer.role === 'admin') return sql<boolean>`true`
    return eb.not(
      eb.exists(
        eb
          .selectFrom('documentCases')
          .innerJoin('cases', 'cases.id', 'documentCases.caseId')
          .select('documentCases.caseId')
          .whereRef('documentCases.documentId', '=', 'documents.id')
          .where((inner) => inner.not(caseVisibleTo(viewer)(inner))),
      ),
    )
  }
}

/**
 * Checks that the actors, document and cases a form names exist and may be seen by this viewer. A
 * hand-made form naming a hidden case gets the same answer as one naming a case that does not exist.
 */
export async function checkActionReferences(
  db: Db,
  {
    viewer,
    fields,
    caseIds,
  }: {
    viewer: Viewer
    fields: Pick<ActionFields, 'actorId' | 'targetId' | 'documentId'>
    caseIds: number[]
  },
): Promise<Record<string, string[]>> {
  const actorIds = [fields.actorId, fields.targetId].filter((id): id is number => id !== null)
  const [actors, documents, cases] = await Promise.all([
    actorIds.length
      ? db.selectFrom('actors').select('id').where('id', 'in', actorIds).execute()
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

export type ActionInput = {
  fields: ActionFields
  caseIds: number[]
  sourceIds: number[]
  newSource?: NewSourceInput | null
}

/** The sources an action will cite: the picked ones that exist, plus the inline one (reused by URL). */
export async function resolveActionSources(
  trx: Transaction<Database>,
  actor: Actor,
  input: Pick<ActionInput, 'sourceIds' | 'newSource'>,
) {
  const ids = await existingSourceIds(trx, input.sourceIds)
  let reusedSource = false
  if (input.newSource) {
    const source = await findOrCreateSource(trx, { actor, input: input.newSource })
    reusedSource = source.reused
    if (!ids.includes(source.id)) ids.push(source.id)
  }
  return { ids, reusedSource }
}

async function audit(
  trx: Transaction<Database>,
  actor: Actor,
  row: Omit<Parameters<typeof writeAudit>[1], 'actor'>,
) {
  await writeAudit(trx, { actor, ...row })
}

/** Links and unlinks cases, one audit row each, so every case's history shows the action. */
async function relinkCases(
  trx: Transaction<Database>,
  { actor, actionId, from, to }: { actor: Actor; actionId: number; from: number[]; to: number[] },
) {
  const removed = from.filter((id) => !to.includes(id))
  const added = to.filter((id) => !from.includes(id))
  if (removed.length)
    await trx
      .deleteFrom('actionCases')
      .where('actionId', '=', actionId)
      .where('caseId', 'in', removed)
      .execute()
  if (added.length)
    await trx
      .insertInto('actionCases')
      .values(added.map((caseId) => ({ actionId, caseId })))
      .execute()
  for (const [caseIds, action, key] of [
    [removed, 'delete', 'old'],
    [added, 'create', 'new'],
  ] as const)
    for (const caseId of caseIds)
      await audit(trx, actor, {
        entity: 'action_case',
        entityId: `${actionId}:${caseId}`,
        action,
        caseId,
        changes: [
          { field: 'actionId', [key]: actionId },
          { field: 'caseId', [key]: caseId },
        ],
      })
  const touched = [...removed, ...added, ...to]
  if (touched.length)
    await trx
      .updateTable('cases')
      .set({ lastActivityAt: new Date() })
      .where('id', 'in', [...new Set(touched)])
      .execute()
}

/** Citations become exactly `sourceIds`; each added or removed one leaves an audit row. */
async function recite(
  trx: Transaction<Database>,
  {
    actor,
    actionId,
    caseId,
    sourceIds,
  }: { actor: Actor; actionId: number; caseId: number | null; sourceIds: number[] },
) {
  const current = await trx
    .selectFrom('citations')
    .select(['id', 'sourceId'])
    .where('advocacyActionId', '=', actionId)
    .execute()
  for (const citation of current.filter((c) => !sourceIds.includes(c.sourceId))) {
    await trx.deleteFrom('citations').where('id', '=', citation.id).execute()
    await audit(trx, actor, {
      entity: 'citation',
      entityId: citation.id,
      action: 'delete',
      caseId,
      changes: [
        { field: 'sourceId', old: citation.sourceId },
        { field: 'advocacyActionId', old: actionId },
      ],
    })
  }
  const already = new Set(current.map((c) => c.sourceId))
  for (const sourceId of sourceIds.filter((id) => !already.has(id))) {
    const citation = await trx
      .insertInto('citations')
      .values({
        sourceId,
        advocacyActionId: actionId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      entity: 'citation',
      entityId: citation.id,
      action: 'create',
      caseId,
      changes: [
        { field: 'sourceId', new: sourceId },
        { field: 'advocacyActionId', new: actionId },
      ],
    })
  }
}

const firstCase = (caseIds: number[]) => [...caseIds].sort((a, b) => a - b)[0] ?? null

export async function createAction(
  db: Kysely<Database>,
  { actor, viewer, ...input }: { actor: Actor; viewer: Viewer } & ActionInput,
) {
  return db.transaction().execute(async (trx) => {
    const caseIds = (await visibleCaseIds(trx, { viewer, caseIds: input.caseIds })).sort(
      (a, b) => a - b,
    )
    const { ids, reusedSource } = await resolveActionSources(trx, actor, input)
    const { id } = await trx
      .insertInto('advocacyActions')
      .values({ ...input.fields, createdBy: actor.userId, updatedBy: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      entity: 'advocacy_action',
      entityId: id,
      action: 'create',
      caseId: firstCase(caseIds),
      changes: [
        ...diffFields(null, input.fields, { fields: ACTION_FIELDS }),
        ...(caseIds.length ? [{ field: 'caseIds', new: caseIds }] : []),
      ],
    })
    await relinkCases(trx, { actor, actionId: id, from: [], to: caseIds })
    await recite(trx, { actor, actionId: id, caseId: firstCase(caseIds), sourceIds: ids })
    return { id, reusedSource }
  })
}

async function linkedCaseIds(trx: Transaction<Database>, actionId: number) {
  const rows = await trx
    .selectFrom('actionCases')
    .select('caseId')
    .where('actionId', '=', actionId)
    .orderBy('caseId')
    .execute()
  return rows.map((r) => r.caseId)
}

/** Stale: someone saved first (`current` is what is saved now, null if it was deleted meanwhile). */
export type ActionStale = { ok: false; current: ActionRecord | null }

/**
 * Saves an action if it is still at `version`. Its cases become the ones picked, plus any linked
 * restricted case this editor cannot see (they cannot unlink what they are not shown).
 */
export async function updateAction(
  db: Kysely<Database>,
  {
    actor,
    viewer,
    id,
    version,
    ...input
  }: { actor: Actor; viewer: Viewer; id: number; version: number } & ActionInput,
): Promise<{ ok: true; reusedSource: boolean } | ActionStale> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('advocacyActions')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    const stale = async (): Promise<ActionStale> => ({
      ok: false,
      current: (await getActionForUser(trx, { id, viewer })) ?? null,
    })
    if (!before || before.version !== version) return stale()
    const oldCaseIds = await linkedCaseIds(trx, id)
    const seen = await visibleCaseIds(trx, { viewer, caseIds: [...oldCaseIds, ...input.caseIds] })
    const hidden = oldCaseIds.filter((caseId) => !seen.includes(caseId))
    const caseIds = [
      ...new Set([...input.caseIds.filter((c) => seen.includes(c)), ...hidden]),
    ].sort((a, b) => a - b)
    const { ids, reusedSource } = await resolveActionSources(trx, actor, input)
    const updated = await trx
      .updateTable('advocacyActions')
      .set({
        ...input.fields,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst()
    if (!updated) return stale()
    const casesChanged = oldCaseIds.join() !== caseIds.join()
    await audit(trx, actor, {
      entity: 'advocacy_action',
      entityId: id,
      action: 'update',
      caseId: firstCase(caseIds) ?? firstCase(oldCaseIds),
      changes: [
        ...diffFields(before, input.fields, { fields: ACTION_FIELDS }),
        ...(casesChanged ? [{ field: 'caseIds', old: oldCaseIds, new: caseIds }] : []),
      ],
    })
    await relinkCases(trx, { actor, actionId: id, from: oldCaseIds, to: caseIds })
    await recite(trx, { actor, actionId: id, caseId: firstCase(caseIds), sourceIds: ids })
    return { ok: true as const, reusedSource }
  })
}

/** Deletes an action with its case links and citations, each leaving an audit row. */
export async function deleteAction(
  db: Kysely<Database>,
  { actor, id }: { actor: Actor; id: number },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('advocacyActions')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return false
    const caseIds = await linkedCaseIds(trx, id)
    await recite(trx, { actor, actionId: id, caseId: firstCase(caseIds), sourceIds: [] })
    await relinkCases(trx, { actor, actionId: id, from: caseIds, to: [] })
    await trx.deleteFrom('advocacyActions').where('id', '=', id).execute()
    await audit(trx, actor, {
      entity: 'advocacy_action',
      entityId: id,
      action: 'delete',
      caseId: firstCase(caseIds),
      changes: [
        ...diffFields(before, null, { fields: ACTION_FIELDS }),
        ...(caseIds.length ? [{ field: 'caseIds', old: caseIds }] : []),
      ],
    })
    return true
  })
}

/** The sources to show again in the form: the ones ticked, and matches for a library search. */
export async function loadFormSources(
  db: Db,
  {
    pickedSourceIds,
    sourceQuery,
    search,
  }: { pickedSourceIds: number[]; sourceQuery: string; search: boolean },
) {
  const [selectedSources, foundSources] = await Promise.all([
    getSourcesByIds(db, pickedSourceIds),
    search && sourceQuery ? searchSources(db, { query: sourceQuery }) : search ? [] : null,
  ])
  return { selectedSources, foundSources }
}
