// Four records of one editor's — a case, a status event, a document, an advocacy action — each with
// its edit route, the form an editor posts to it, and how to read back what was saved: the
// concurrency test posts the same edit of each from several editors at once.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { action as editAction } from '../../app/routes/actions.$actionId_.edit'
import { action as editCase } from '../../app/routes/cases.$slug_.edit'
import { action as editEvent } from '../../app/routes/cases.$slug_.events.$eventId.edit'
import { action as editDocument } from '../../app/routes/documents.$documentId_.edit'
import { createAction } from '../../app/models/action-write.server'
import { createDocument } from '../../app/models/document-write.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { makeCase } from './fixtures'
import { runAction, type ActionResult } from './routes'

export type EditTarget = {
  /** The form editor n posts: the version everyone read, and values of their own. */
  form: (version: number, n: number) => Record<string, string>
  post: (request: Request) => Promise<ActionResult>
  path: string
  /** The saved record's version and the fields the forms vary. */
  saved: () => Promise<{ version: number } & Record<string, unknown>>
  entity: string
  entityId: number
  /** Editor n's values as the saved record holds them if that editor won. */
  expected: (n: number) => Record<string, unknown>
}

export type EditKind = 'case' | 'event' | 'document' | 'action'

/** Creates the four records as `editor` and describes how to edit each. */
export async function buildEditTargets(
  db: Kysely<Database>,
  editor: { id: number },
): Promise<Record<EditKind, EditTarget>> {
  const edits = {} as Record<EditKind, EditTarget>
  const actor = { userId: editor.id }
  const record = await makeCase(db, { fullName: 'Zhang Wei 张伟', summary: 'First summary.' })
  const event = await recordStatusEvent(db, {
    actor,
    caseId: record.id,
    fields: {
      eventDate: '2024-02-01',
      datePrecision: 'day',
      custodyState: 'detained',
      legalStage: null,
      releaseReason: null,
      location: 'Grozny',
      description: 'Detained at home.',
      certainty: 'alleged',
    },
  })
  const document = await createDocument(db, {
    actor,
    fields: {
      kind: 'statement',
      title: 'A statement',
      place: 'Brussels',
      documentDate: '2024-03-01',
      datePrecision: 'day',
      issuerId: null,
      language: 'en',
      body: 'Body.',
      url: null,
      status: 'draft',
    },
  })
  if (!document.ok) throw new Error('could not create the document')
  const advocacy = await createAction(db, {
    actor,
    viewer: { id: editor.id, role: 'editor' as const },
    fields: {
      kind: 'letter_to_authorities',
      title: 'Letter',
      actionDate: '2024-03-02',
      datePrecision: 'day',
      actorId: null,
      targetId: null,
      documentId: null,
      response: 'none',
      outcomeNotes: '',
    },
    caseIds: [record.id],
    sourceIds: [],
  })

  const caseForm = (version: number, n: number) => ({
    fullName: `Zhang Wei 张伟 ${n}`,
    riskLevel: 'high',
    visibility: 'internal',
    consent: 'unknown',
    grounds: 'journalism',
    country: 'Russia',
    aliases: '',
    summary: `Summary written by editor ${n}.`,
    version: String(version),
  })
  edits.case = {
    form: caseForm,
    post: (request) => runAction(editCase, request, { slug: record.slug }),
    path: `/cases/${record.slug}/edit`,
    saved: () =>
      db
        .selectFrom('cases')
        .select(['version', 'fullName', 'summary'])
        .where('id', '=', record.id)
        .executeTakeFirstOrThrow(),
    entity: 'case',
    entityId: record.id,
    expected: (n) => ({
      fullName: `Zhang Wei 张伟 ${n}`,
      summary: `Summary written by editor ${n}.`,
    }),
  }
  edits.event = {
    form: (version, n) => ({
      eventDate: '2024-02-01',
      datePrecision: 'day',
      custodyState: 'detained',
      certainty: 'alleged',
      location: `Cell ${n}`,
      description: `Description by editor ${n}.`,
      intent: 'save',
      version: String(version),
    }),
    post: (request) =>
      runAction(editEvent, request, { slug: record.slug, eventId: String(event.id) }),
    path: `/cases/${record.slug}/events/${event.id}/edit`,
    saved: () =>
      db
        .selectFrom('statusEvents')
        .select(['version', 'location', 'description'])
        .where('id', '=', event.id)
        .executeTakeFirstOrThrow(),
    entity: 'status_event',
    entityId: event.id,
    expected: (n) => ({ location: `Cell ${n}`, description: `Description by editor ${n}.` }),
  }
  edits.document = {
    form: (version, n) => ({
      kind: 'statement',
      title: `Statement by editor ${n}`,
      place: 'Brussels',
      documentDate: '2024-03-01',
      datePrecision: 'day',
      language: 'en',
      body: `Body by editor ${n}.`,
      status: 'draft',
      version: String(version),
    }),
    post: (request) => runAction(editDocument, request, { documentId: String(document.id) }),
    path: `/documents/${document.id}/edit`,
    saved: () =>
      db
        .selectFrom('documents')
        .select(['version', 'title', 'body'])
        .where('id', '=', document.id)
        .executeTakeFirstOrThrow(),
    entity: 'document',
    entityId: document.id,
    expected: (n) => ({ title: `Statement by editor ${n}`, body: `Body by editor ${n}.` }),
  }
  edits.action = {
    form: (version, n) => ({
      kind: 'letter_to_authorities',
      title: `Letter by editor ${n}`,
      actionDate: '2024-03-02',
      datePrecision: 'day',
      response: 'none',
      outcomeNotes: `Notes by editor ${n}.`,
      caseIds: String(record.id),
      intent: 'save',
      version: String(version),
    }),
    post: (request) => runAction(editAction, request, { actionId: String(advocacy.id) }),
    path: `/actions/${advocacy.id}/edit`,
    saved: () =>
      db
        .selectFrom('advocacyActions')
        .select(['version', 'title', 'outcomeNotes'])
        .where('id', '=', advocacy.id)
        .executeTakeFirstOrThrow(),
    entity: 'advocacy_action',
    entityId: advocacy.id,
    expected: (n) => ({ title: `Letter by editor ${n}`, outcomeNotes: `Notes by editor ${n}.` }),
  }
  return edits
}
