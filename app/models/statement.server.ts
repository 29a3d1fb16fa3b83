// Statements generated from a case: the two writes — saving a draft as a document (linked to the
// case, its footnotes as citations) and publishing it (which records the matching advocacy action),
// each in one transaction with audit rows — and the publish form's reads. What the generator reads
// is in statement-setup.server.ts.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { labelOf } from '../domain/vocabularies'
import { ACTION_KIND_OF, DOCUMENT_KIND_OF } from '../statements/kinds'
import type { ExtractedQuote } from '../statements/render-markdown'
import { TEMPLATE_IDS, type TemplateId } from '../statements/types'
import { writeAudit, type Actor } from './audit.server'
import { documentVisibleTo } from './document.server'
import { actorVisibleTo } from './record-visibility.server'
import type { Viewer } from './case-visibility.server'

export { getStatementSetup, type StatementSetup } from './statement-setup.server'

export type StatementDraftInput = {
  caseId: number
  caseVersion: number
  template: TemplateId
  language: string
  title: string
  body: string
  place: string
  date: string
  issuerId: number | null
  /** The sources of the footnotes, in footnote order: marker [n] is the n-th. */
  sourceIds: number[]
  /** Quotes kept as generated, recorded as the document's quotes of their MEPs. */
  quotes?: ExtractedQuote[]
}

/** Saves a generated statement as a draft document linked to its case, with its citations. */
export async function saveStatementDraft(
  db: Kysely<Database>,
  { actor, input }: { actor: Actor; input: StatementDraftInput },
) {
  return db.transaction().execute(async (trx) => {
    const document = await trx
      .insertInto('documents')
      .values({
        kind: DOCUMENT_KIND_OF[input.template],
        title: input.title.slice(0, 500),
        place: input.place.slice(0, 200),
        documentDate: input.date,
        datePrecision: 'day',
        issuerId: input.issuerId,
        language: input.language,
        body: input.body,
        status: 'draft',
        template: input.template,
        generatedFromCaseId: input.caseId,
        generatedFromCaseVersion: input.caseVersion,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor,
      entity: 'document',
      entityId: document.id,
      action: 'create',
      caseId: input.caseId,
      changes: [
        { field: 'title', new: input.title },
        { field: 'template', new: input.template },
        { field: 'generatedFromCaseVersion', new: input.caseVersion },
        { field: 'body', new: `${input.body.length.toLocaleString('en')} characters` },
      ],
    })
    await trx
      .insertInto('documentCases')
      .values({ documentId: document.id, caseId: input.caseId })
      .execute()
    await writeAudit(trx, {
      actor,
      entity: 'document_case',
      entityId: `${document.id}:${input.caseId}`,
      action: 'create',
      caseId: input.caseId,
      changes: [{ field: 'documentId', new: document.id }],
    })
    for (const [position, quote] of (input.quotes ?? []).entries()) {
      const row = await trx
        .insertInto('documentQuotes')
        .values({
          documentId: document.id,
          actorId: quote.actorId,
          speakerLabel: quote.speakerLabel.slice(0, 1000),
          body: quote.body,
          position,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await writeAudit(trx, {
        actor,
        entity: 'document_quote',
        entityId: row.id,
        action: 'create',
        caseId: input.caseId,
        changes: [
          { field: 'documentId', new: document.id },
          { field: 'actorId', new: quote.actorId },
        ],
      })
    }
    for (const sourceId of input.sourceIds) {
      const citation = await trx
        .insertInto('citations')
        .values({
          sourceId,
          documentId: document.id,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await writeAudit(trx, {
        actor,
        entity: 'citation',
        entityId: citation.id,
        action: 'create',
        caseId: input.caseId,
        changes: [
          { field: 'sourceId', new: sourceId },
          { field: 'documentId', new: document.id },
        ],
      })
    }
    return { id: document.id }
  })
}

export type PublishResult =
  | { ok: true; actionId: number }
  | { ok: false; reason: 'not_found' | 'not_generated' | 'already_published' | 'unknown_target' }

/**
 * Publishes a generated draft of this case and records what it was: the matching advocacy action
 * (a press release, a letter to the authorities, …) linked to the case and the document.
 */
export async function publishStatement(
  db: Kysely<Database>,
  {
    actor,
    viewer,
    caseId,
    documentId,
    targetId,
    actionDate,
  }: {
    actor: Actor
    viewer: Viewer
    caseId: number
    documentId: number
    targetId: number | null
    actionDate: string
  },
): Promise<PublishResult> {
  return db.transaction().execute(async (trx) => {
    const linked = await trx
      .selectFrom('documentCases')
      .select('documentId')
      .where('documentId', '=', documentId)
      .where('caseId', '=', caseId)
      .executeTakeFirst()
    if (!linked) return { ok: false, reason: 'not_found' }
    const document = await trx
      .selectFrom('documents')
      .select(['id', 'title', 'status', 'template', 'issuerId', 'version'])
      .where('id', '=', documentId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const template = TEMPLATE_IDS.find((t) => t === document.template)
    if (!template) return { ok: false, reason: 'not_generated' }
    if (document.status === 'published') return { ok: false, reason: 'already_published' }
    if (targetId !== null) {
      const target = await trx
        .selectFrom('actors')
        .select('id')
        .where('actors.id', '=', targetId)
        .where(actorVisibleTo(viewer))
        .executeTakeFirst()
      if (!target) return { ok: false, reason: 'unknown_target' }
    }
    await trx
      .updateTable('documents')
      .set({
        status: 'published',
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`version + 1`,
      })
      .where('id', '=', documentId)
      .execute()
    await writeAudit(trx, {
      actor,
      entity: 'document',
      entityId: documentId,
      action: 'update',
      caseId,
      changes: [{ field: 'status', old: 'draft', new: 'published' }],
    })
    const kind = ACTION_KIND_OF[template]
    const action = await trx
      .insertInto('advocacyActions')
      .values({
        kind,
        title: `${labelOf(kind)}: ${document.title}`.slice(0, 500),
        actionDate,
        datePrecision: 'day',
        actorId: document.issuerId,
        targetId,
        documentId,
        response: 'none',
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx.insertInto('actionCases').values({ actionId: action.id, caseId }).execute()
    await writeAudit(trx, {
      actor,
      entity: 'advocacy_action',
      entityId: action.id,
      action: 'create',
      caseId,
      changes: [
        { field: 'kind', new: kind },
        { field: 'actionDate', new: actionDate },
        { field: 'documentId', new: documentId },
        { field: 'targetId', new: targetId },
        { field: 'caseIds', new: [caseId] },
      ],
    })
    return { ok: true, actionId: action.id }
  })
}

/**
 * A draft of this case that can be published, for the publish form; undefined, as if it did not
 * exist, when it is also linked to a case the viewer may not see.
 */
export function getPublishableDraft(
  db: Kysely<Database>,
  { caseId, documentId, viewer }: { caseId: number; documentId: number; viewer: Viewer },
) {
  return db
    .selectFrom('documents')
    .innerJoin('documentCases', 'documentCases.documentId', 'documents.id')
    .select([
      'documents.id',
      'documents.title',
      'documents.status',
      'documents.template',
      'documents.documentDate',
    ])
    .where('documents.id', '=', documentId)
    .where('documentCases.caseId', '=', caseId)
    .where('documents.template', 'is not', null)
    .where(documentVisibleTo(viewer))
    .executeTakeFirst()
}

/** Whom a published statement can be recorded as addressed to: the actors the viewer may see. */
export function listPublishTargets(db: Kysely<Database>, { viewer }: { viewer: Viewer }) {
  return db
    .selectFrom('actors')
    .select(['id', 'name', 'kind'])
    .where('kind', '!=', 'press_contact')
    .where(actorVisibleTo(viewer))
    .orderBy('name')
    .execute()
}
