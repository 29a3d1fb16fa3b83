// Confirming an import: ONE transaction creates or reuses the actors and sources, then writes the
// document (press release, published, with its content hash), its quotes, its citations, its case
// links and the advocacy action it was — each with its audit row. Nothing is written when any part
// is refused, and the same release is never imported twice.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { FieldErrors } from '../utils/forms'
import { planImportCitations } from './plan'
import type { ImportInput } from './schema'
import { writeAudit, type Actor } from '../models/audit.server'
import type { Viewer } from '../models/case-visibility.server'
import { findAlreadyImported, type AlreadyImported } from './preview.server'
import { actorResolver, cite, refusedIds, resolveSource } from './resolve.server'

type Trx = Transaction<Database>

export type ImportResult =
  | { ok: true; documentId: number }
  | { ok: false; reason: 'duplicate'; existing: AlreadyImported }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }

async function writeImport(
  trx: Trx,
  actor: Actor,
  viewer: Viewer,
  input: ImportInput,
): Promise<ImportResult> {
  const { title, date } = input.document
  // Checked before anything is written: a duplicate leaves the database as it was.
  const existing = await findAlreadyImported(trx, {
    viewer,
    contentHash: input.contentHash,
    title,
    date: date.date,
    issuerId: input.issuer && 'id' in input.issuer ? input.issuer.id : null,
  })
  if (existing) return { ok: false, reason: 'duplicate', existing }
  const resolveActor = actorResolver(trx, actor, viewer)
  const issuerId = await resolveActor(input.issuer)
  const targetId = await resolveActor(input.target)
  for (const contact of input.contacts) await resolveActor(contact)
  const speakerIds: (number | null)[] = []
  for (const quote of input.quotes) speakerIds.push(await resolveActor(quote.speaker))
  const sourceOf = new Map<number, number>()
  for (const footnote of input.footnotes)
    sourceOf.set(footnote.number, await resolveSource(trx, actor, viewer, footnote.source))

  const plan = planImportCitations({
    body: input.document.body,
    quoteBodies: input.quotes.map((q) => q.body),
    footnoteNumbers: input.footnotes.map((f) => f.number),
  })
  const firstCase = input.caseIds[0] ?? null
  const document = await trx
    .insertInto('documents')
    .values({
      kind: 'press_release',
      title,
      place: input.document.place,
      documentDate: date.date,
      datePrecision: date.precision,
      issuerId,
      language: input.document.language,
      body: plan.body,
      status: 'published',
      contentHash: input.contentHash,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const documentId = document.id
  await writeAudit(trx, {
    actor,
    entity: 'document',
    entityId: documentId,
    action: 'create',
    caseId: firstCase,
    changes: [
      { field: 'kind', new: 'press_release' },
      { field: 'title', new: title },
      { field: 'contentHash', new: input.contentHash },
    ],
  })
  for (const n of plan.documentFootnotes) await cite(trx, actor, sourceOf.get(n)!, { documentId })
  for (const [position, quote] of input.quotes.entries()) {
    const row = await trx
      .insertInto('documentQuotes')
      .values({
        documentId,
        actorId: speakerIds[position]!,
        speakerLabel: quote.speakerLabel,
        body: plan.quoteBodies[position]!,
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor,
      entity: 'document_quote',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'documentId', new: documentId },
        { field: 'actorId', new: speakerIds[position] },
      ],
    })
    for (const n of plan.quoteFootnotes[position]!)
      await cite(trx, actor, sourceOf.get(n)!, { documentQuoteId: row.id })
  }
  for (const caseId of input.caseIds) {
    await trx.insertInto('documentCases').values({ documentId, caseId }).execute()
    await writeAudit(trx, {
      actor,
      entity: 'document_case',
      entityId: `${documentId}:${caseId}`,
      action: 'create',
      caseId,
      changes: [
        { field: 'documentId', new: documentId },
        { field: 'caseId', new: caseId },
      ],
    })
  }
  const action = await trx
    .insertInto('advocacyActions')
    .values({
      kind: 'press_release',
      title: `Press release: ${title}`.slice(0, 500),
      actionDate: date.date,
      datePrecision: date.precision,
      actorId: issuerId,
      targetId,
      documentId,
      response: 'none',
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (input.caseIds.length > 0)
    await trx
      .insertInto('actionCases')
      .values(input.caseIds.map((caseId) => ({ actionId: action.id, caseId })))
      .execute()
  await writeAudit(trx, {
    actor,
    entity: 'advocacy_action',
    entityId: action.id,
    action: 'create',
    caseId: firstCase,
    changes: [
      { field: 'kind', new: 'press_release' },
      { field: 'documentId', new: documentId },
      { field: 'caseIds', new: input.caseIds },
    ],
  })
  return { ok: true, documentId }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  )
}

/** Imports a confirmed preview; see the top of this file. */
export async function importPressRelease(
  db: Kysely<Database>,
  { actor, viewer, input }: { actor: Actor; viewer: Viewer; input: ImportInput },
): Promise<ImportResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const errors = await refusedIds(trx, viewer, input)
      if (Object.keys(errors).length > 0)
        return { ok: false as const, reason: 'invalid' as const, errors }
      return writeImport(trx, actor, viewer, input)
    })
  } catch (error) {
    // Two confirmations of the same text at once: the second meets the unique content hash.
    if (!isUniqueViolation(error)) throw error
    const existing = await findAlreadyImported(db, {
      viewer,
      contentHash: input.contentHash,
      title: input.document.title,
      date: input.document.date.date,
      issuerId: null,
    })
    if (!existing) throw error
    return { ok: false, reason: 'duplicate', existing }
  }
}
