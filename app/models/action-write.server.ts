// Over 300 lines: create, update and delete of an action share its links, citations and audit rows.
// Writing advocacy actions: the action, its case links, its citations and the audit rows change in one
// transaction, with optimistic locking on the action's version.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { ActionFields } from '../domain/action-schema'
import type { NewSourceInput } from '../domain/event-schema'
import { diffFields, writeAudit, type Actor } from './audit.server'
import type { Viewer } from './case-visibility.server'
import {
  existingSourceIds,
  findOrCreateSource,
  getSourcesByIds,
  searchSources,
} from './source.server'

import { ACTION_FIELDS, getActionForUser, visibleCaseIds, type ActionRecord } from './action.server'

type Db = Kysely<Database> | Transaction<Database>

export type ActionInput = {
  fields: ActionFields
  caseIds: number[]
  sourceIds: number[]
  newSource?: NewSourceInput | null
}

/**
 * The sources an action will cite: the picked ones that exist and the viewer may see, plus the inline
 * one (reused by URL; checkActionReferences refuses a URL held by a source hidden from the viewer).
 */
export async function resolveActionSources(
  trx: Transaction<Database>,
  actor: Actor,
  viewer: Viewer,
  input: Pick<ActionInput, 'sourceIds' | 'newSource'>,
) {
  const ids = await existingSourceIds(trx, input.sourceIds, viewer)
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
    const { ids, reusedSource } = await resolveActionSources(trx, actor, viewer, input)
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
    const { ids, reusedSource } = await resolveActionSources(trx, actor, viewer, input)
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

/**
 * The sources to show again in the form: the ones ticked, and matches for a library search, among
 * those the viewer may see.
 */
export async function loadFormSources(
  db: Db,
  {
    pickedSourceIds,
    sourceQuery,
    search,
    viewer,
  }: { pickedSourceIds: number[]; sourceQuery: string; search: boolean; viewer: Viewer },
) {
  const [selectedSources, foundSources] = await Promise.all([
    getSourcesByIds(db, pickedSourceIds, viewer),
    search && sourceQuery ? searchSources(db, { query: sourceQuery, viewer }) : search ? [] : null,
  ])
  return { selectedSources, foundSources }
}
