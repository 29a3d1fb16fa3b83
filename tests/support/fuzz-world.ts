// The fuzzed-forms test's world beyond the leak crawler's: a valid form for each route whose deeper
// checks are worth reaching, records of its own for the delete routes to delete, and what links to
// restricted case B (which the editor may not see, so must not change).
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { createAction } from '../../app/models/action-write.server'
import { createSource } from '../../app/models/source-write.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { action as login } from '../../app/routes/login'
import { WORLD_PASSWORD, type World } from './leak-world'

/** The world's records as route parameters: what the fuzzed routes are called with. */
export function worldParams(w: World): Record<string, string> {
  return {
    slug: w.cases.a.slug,
    eventId: String(w.events.a),
    documentId: String(w.documents.aOnly),
    quoteId: String(w.quotes.aOnly),
    actionId: String(w.actions.aOnly),
    actorId: String(w.actors.ordinary),
    sourceId: String(w.sources.a),
    userId: String(w.users.viewer.id),
    importId: String(w.imports.editorOwn),
  }
}

/** Ids of records only restricted case B reaches, which the editor may not see. */
export function hiddenIdsOf(w: World): number[] {
  return [
    w.cases.b.id,
    w.events.b1,
    w.sources.b1,
    w.actors.bOnly,
    w.documents.bDraft,
    w.quotes.bDraft,
    w.actions.bOnly,
    w.imports.grantedB,
  ]
}

/** Signs a world user in through the login action; the session cookie. */
export async function signInAs(email: string): Promise<string> {
  const body = new URLSearchParams({ email, password: WORLD_PASSWORD })
  const request = new Request('http://localhost/login', { method: 'POST', body })
  const response = (await login({ request, params: {}, context: {} })) as Response
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

export /** Valid forms for the routes whose deeper checks (references, versions, models) are worth reaching. */
function validForms(w: World): Record<string, Record<string, string>> {
  const kase = {
    fullName: 'Идрис Fuzz',
    riskLevel: 'high',
    visibility: 'internal',
    consent: 'unknown',
    grounds: 'journalism',
    summary: 'Summary.',
  }
  const event = {
    eventDate: '2024-02-14',
    datePrecision: 'day',
    custodyState: 'detained',
    certainty: 'alleged',
    description: 'Held.',
    sourceIds: String(w.sources.a),
    intent: 'save',
  }
  const action = {
    kind: 'meeting',
    title: 'Meeting',
    actionDate: '2024-01-01',
    datePrecision: 'day',
    response: 'none',
    caseIds: String(w.cases.c.id),
    sourceIds: String(w.sources.a),
    intent: 'save',
  }
  const document = { kind: 'statement', title: 'T', status: 'draft', language: 'en', body: 'B' }
  const source = { title: 'S', kind: 'news', reliability: 'medium', publishedPrecision: 'day' }
  const actor = { kind: 'mep', name: 'Ana Actor' }
  const quote = {
    body: 'Free them.',
    speakerLabel: 'A speaker',
    actorId: String(w.actors.ordinary),
  }
  const version = { version: '1' }
  return {
    'cases.new.tsx': kase,
    'cases.$slug_.edit.tsx': { ...kase, ...version },
    'cases.$slug_.events.new.tsx': event,
    'cases.$slug_.events.$eventId.edit.tsx': { ...event, ...version },
    'cases.$slug_.sponsors.tsx': { intent: 'add', actorId: String(w.actors.ordinary) },
    'cases.$slug_.access.tsx': { intent: 'grant', userId: String(w.users.viewer.id) },
    'actions.new.tsx': action,
    'actions.$actionId_.edit.tsx': { ...action, ...version },
    'documents.new.tsx': document,
    'documents.$documentId_.edit.tsx': { ...document, ...version },
    'documents.$documentId_.quotes.new.tsx': quote,
    'documents.$documentId_.quotes.$quoteId.tsx': { ...quote, ...version },
    'documents.$documentId_.citations.tsx': { target: 'document', sourceIds: String(w.sources.a) },
    'documents.$documentId_.cases.tsx': { caseId: String(w.cases.c.id) },
    'sources.new.tsx': source,
    'sources.$sourceId_.edit.tsx': { ...source, ...version },
    'actors.new.tsx': actor,
    'actors.$actorId_.edit.tsx': { ...actor, ...version },
    'actors.$actorId_.merge.tsx': {
      duplicateId: String(w.actors.bOnly),
      keptVersion: '1',
      duplicateVersion: '1',
    },
  }
}

/** Records for the delete routes, so a delete that succeeds does not take one the other routes use. */
export async function disposableRecords(db: Kysely<Database>, world: World) {
  const actor = { userId: world.users.admin.id }
  const event = await recordStatusEvent(db, {
    actor,
    caseId: world.cases.a.id,
    fields: {
      eventDate: '2023-01-01',
      datePrecision: 'year',
      custodyState: null,
      legalStage: null,
      releaseReason: null,
      location: null,
      description: 'To be deleted.',
      certainty: 'alleged',
    },
  })
  const action = await createAction(db, {
    actor,
    viewer: { id: world.users.admin.id, role: 'admin' },
    fields: {
      kind: 'meeting',
      title: 'To be deleted',
      actionDate: '2024-01-01',
      datePrecision: 'day',
      actorId: null,
      targetId: null,
      documentId: null,
      response: 'none',
      outcomeNotes: '',
    },
    caseIds: [world.cases.a.id],
    sourceIds: [],
  })
  const source = await createSource(db, {
    actor,
    fields: {
      title: 'To be deleted',
      publisher: null,
      publishedOn: null,
      publishedPrecision: null,
      url: null,
      archivedUrl: null,
      accessedOn: null,
      kind: 'news',
      reliability: 'unverified',
    },
  })
  if (!source.ok) throw new Error('could not create a source')
  return {
    eventId: String(event.id),
    actionId: String(action.id),
    sourceId: String(source.id),
  }
}

/** What links to restricted case B: the editor, who may not see B, must not change any of it. */
export async function tracesOfB(db: Kysely<Database>, world: World) {
  const b = world.cases.b.id
  const bSources = [world.sources.b1, world.sources.b2]
  const rows = async (query: { execute: () => Promise<unknown[]> }) =>
    (await query.execute()).length
  return {
    actionCases: await rows(
      db.selectFrom('actionCases').select('actionId').where('caseId', '=', b),
    ),
    documentCases: await rows(
      db.selectFrom('documentCases').select('documentId').where('caseId', '=', b),
    ),
    citations: await rows(
      db.selectFrom('citations').select('id').where('sourceId', 'in', bSources),
    ),
    events: await rows(db.selectFrom('statusEvents').select('id').where('caseId', '=', b)),
    sponsors: await rows(db.selectFrom('caseSponsors').select('actorId').where('caseId', '=', b)),
    follows: await rows(db.selectFrom('caseFollows').select('userId').where('caseId', '=', b)),
    auditByOthers: await rows(
      db
        .selectFrom('auditEvents')
        .select('id')
        .where('caseId', '=', b)
        .where('userId', 'in', [world.users.editor.id, world.users.viewer.id]),
    ),
  }
}
