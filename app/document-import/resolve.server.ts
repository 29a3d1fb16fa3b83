// The parts of an import's transaction that look things up before writing: ids the confirmation
// names that do not exist, actors and sources created once or reused, and one audited citation.
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { FieldErrors } from '../utils/forms'
import type { ActorRef, ImportInput, NewActor, NewSource } from './schema'
import { foldName } from './press-release'
import { writeAudit, type Actor } from '../models/audit.server'
import { caseVisibleTo, type Viewer } from '../models/case-visibility.server'
import { matchSources } from './preview.server'
import { actorVisibleTo, sourceVisibleTo } from '../models/record-visibility.server'

type Trx = Transaction<Database>

/** The ids a confirmation names that do not exist or that the viewer may not see. */
export async function refusedIds(
  trx: Trx,
  viewer: Viewer,
  input: ImportInput,
): Promise<FieldErrors> {
  const actorIds = [
    input.issuer,
    input.target,
    ...input.quotes.map((q) => q.speaker),
    ...input.contacts,
  ].flatMap((ref) => (ref && 'id' in ref ? [ref.id] : []))
  const sourceIds = input.footnotes.flatMap((f) => ('id' in f.source ? [f.source.id] : []))
  const [actors, sources, cases] = await Promise.all([
    actorIds.length
      ? trx
          .selectFrom('actors')
          .select('id')
          .where('id', 'in', actorIds)
          .where(actorVisibleTo(viewer))
          .execute()
      : [],
    sourceIds.length
      ? trx
          .selectFrom('sources')
          .select('id')
          .where('id', 'in', sourceIds)
          .where(sourceVisibleTo(trx, viewer))
          .execute()
      : [],
    input.caseIds.length
      ? trx
          .selectFrom('cases')
          .select('cases.id')
          .where('cases.id', 'in', input.caseIds)
          .where(caseVisibleTo(viewer))
          .execute()
      : [],
  ])
  const errors: FieldErrors = {}
  if (new Set(actors.map((a) => a.id)).size !== new Set(actorIds).size)
    errors.actors = [
      'An actor chosen in the preview no longer exists: check the speakers and the issuer.',
    ]
  if (new Set(sources.map((s) => s.id)).size !== new Set(sourceIds).size)
    errors.sources = ['A source chosen in the preview no longer exists: check the footnotes.']
  if (cases.length !== input.caseIds.length) errors.caseIds = ['Choose cases from the list.']
  return errors
}

/**
 * Creates actors once per name and kind, reusing an existing actor of the very same name that the
 * viewer may see: one they may not see is, for them, not there (a second actor of that name is made).
 */
export function actorResolver(trx: Trx, actor: Actor, viewer: Viewer) {
  const made = new Map<string, number>()
  return async (ref: ActorRef): Promise<number | null> => {
    if (ref === null) return null
    if ('id' in ref) return ref.id
    const fields: NewActor = ref.create
    const key = `${fields.kind}:${foldName(fields.name)}`
    if (made.has(key)) return made.get(key)!
    const same = await trx
      .selectFrom('actors')
      .select(['id', 'name'])
      .where((eb) => eb(eb.fn('lower', ['name']), '=', fields.name.toLowerCase()))
      .where('kind', '=', fields.kind)
      .where(actorVisibleTo(viewer))
      .orderBy('id')
      .executeTakeFirst()
    let id = same?.id
    if (id === undefined) {
      const created = await trx
        .insertInto('actors')
        .values({ ...fields, createdBy: actor.userId, updatedBy: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow()
      id = created.id
      await writeAudit(trx, {
        actor,
        entity: 'actor',
        entityId: id,
        action: 'create',
        changes: [
          { field: 'kind', new: fields.kind },
          { field: 'name', new: fields.name },
        ],
      })
    }
    made.set(key, id)
    return id
  }
}

/**
 * A new source, unless the library already has it (same URL, or same title and publisher) among the
 * sources the viewer may see. A URL is unique in the library: when a source the viewer may not see has
 * it, that source is reused silently (its title is never shown; the footnote's text came from them).
 */
export async function resolveSource(
  trx: Trx,
  actor: Actor,
  viewer: Viewer,
  source: { id: number } | { create: NewSource },
) {
  if ('id' in source) return source.id
  const fields = source.create
  const [match] = await matchSources(trx, viewer, [fields])
  if (match) return match.id
  if (fields.url) {
    const sameUrl = await trx
      .selectFrom('sources')
      .select('id')
      .where('url', '=', fields.url)
      .executeTakeFirst()
    if (sameUrl) return sameUrl.id
  }
  const created = await trx
    .insertInto('sources')
    .values({
      title: fields.title,
      publisher: fields.publisher,
      publishedOn: fields.published?.date ?? null,
      publishedPrecision: fields.published?.precision ?? null,
      url: fields.url,
      urlMissing: fields.urlMissing,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeAudit(trx, {
    actor,
    entity: 'source',
    entityId: created.id,
    action: 'create',
    changes: [
      { field: 'title', new: fields.title },
      { field: 'url', new: fields.url },
    ],
  })
  return created.id
}

export async function cite(
  trx: Trx,
  actor: Actor,
  sourceId: number,
  target: { documentId: number } | { documentQuoteId: number },
) {
  const citation = await trx
    .insertInto('citations')
    .values({ sourceId, ...target, createdBy: actor.userId, updatedBy: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow()
  const [field, value] = Object.entries(target)[0]!
  await writeAudit(trx, {
    actor,
    entity: 'citation',
    entityId: citation.id,
    action: 'create',
    changes: [
      { field: 'sourceId', new: sourceId },
      { field, new: value },
    ],
  })
}
