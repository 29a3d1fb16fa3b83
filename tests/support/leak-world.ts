// Over 300 lines: one world built in the order its records depend on each other (users, cases,
// sources, events, actors, documents, quotes, actions, imports), read best top to bottom.
// A small world built through the model functions (so every write leaves its audit rows): a public
// case A, an internal case C, and a restricted case B whose every trace carries a marker string that
// must never reach a user without a grant on B. Used by the leak crawler and the access matrix.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ActionFields } from '../../app/domain/action-schema'
import type { Role } from '../../app/domain/vocabularies'
import type { StatusEventFields } from '../../app/models/status-event.server'
import { createAction } from '../../app/models/action-write.server'
import { createActor } from '../../app/models/actor.server'
import { grantCaseAccess } from '../../app/models/case-access.server'
import { createCase } from '../../app/models/case.server'
import { createCaseImport } from '../../app/models/case-import.server'
import { addCaseSponsor } from '../../app/models/case-sponsor.server'
import { startDryRun, waitForCaseImport } from '../../app/models/case-import-run.server'
import { citeSources, linkCase } from '../../app/models/document-parts.server'
import { addQuote } from '../../app/models/document-quotes.server'
import { createDocument } from '../../app/models/document-write.server'
import { createSource } from '../../app/models/source-write.server'
import { saveStatementDraft } from '../../app/models/statement.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { createUser } from '../../app/models/user.server'
import {
  actionFields,
  actorFields,
  caseFields,
  documentFields,
  eventFields,
  sourceFields,
} from './fixtures'

/** Appears in every B-only name, title and text; nothing else contains it. */
export const MARKER = 'Qzvmarker'
export const WORLD_PASSWORD = 'world-password-1234'

export type WorldUser = { id: number; email: string; role: Role }

export type World = {
  users: {
    admin: WorldUser
    editor: WorldUser
    viewer: WorldUser
    /** An editor granted access to B: the only non-admin who may see it. */
    granted: WorldUser
  }
  cases: { a: Case; b: Case; c: Case }
  events: { a: number; b1: number; b2: number; c: number }
  sources: { a: number; b1: number; b2: number }
  actors: { ordinary: number; bOnly: number }
  documents: { aOnly: number; shared: number; bDraft: number }
  quotes: { aOnly: number; shared: number; bDraft: number }
  actions: { aOnly: number; shared: number; bOnly: number }
  /** CSV imports: the editor's own (dry run done), and one by the granted editor naming B. */
  imports: { editorOwn: number; grantedB: number }
  /** B's texts that must not reach a reader without a grant (each contains MARKER). */
  bOnlyTexts: string[]
}

type Case = { id: number; slug: string; fullName: string }

const B = {
  fullName: `${MARKER} Bexample`,
  aliases: [`${MARKER} Aliasone`, `${MARKER} Aliastwo`],
  summary: `${MARKER} summary: detained after a protest.`,
  internalNotes: `${MARKER} internal note: the family asked for no publicity.`,
  sourceTitles: [`${MARKER} Source One`, `${MARKER} Source Two`],
  eventDescriptions: [`${MARKER} arrested at home`, `${MARKER} moved to a pretrial centre`],
  sharedDocumentTitle: `${MARKER} Joint Appeal`,
  sharedQuote: `${MARKER} must be released at once.`,
  draftTitle: `${MARKER} Draft Statement`,
  draftQuote: `${MARKER} speaker quote in the draft.`,
  actorName: `${MARKER} Speaker`,
  sharedActionNotes: `${MARKER} outcome: the prosecutor answered.`,
  bActionTitle: `${MARKER} Solo Letter`,
  sponsorNote: `${MARKER} godmother since the trial`,
}

function ok<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`could not create ${what}: ${JSON.stringify(result)}`)
  return result as Extract<T, { ok: true }>
}

export async function buildWorld(db: Kysely<Database>, tag = 'world'): Promise<World> {
  const user = async (role: Role, name: string): Promise<WorldUser> => {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${tag}@example.org`
    const made = await createUser(db, { email, name, role, password: WORLD_PASSWORD })
    return { id: made.id, email, role }
  }
  const users = {
    admin: await user('admin', 'Ada Admin'),
    editor: await user('editor', 'Eddie Editor'),
    viewer: await user('viewer', 'Vera Viewer'),
    granted: await user('editor', 'Greta Granted'),
  }
  const actor = { userId: users.admin.id, requestId: 'leak-world' }
  const viewer = { id: users.admin.id, role: 'admin' as const }

  const makeCase = async (fields: Parameters<typeof caseFields>[0]) => {
    const made = await createCase(db, { actor, fields: caseFields(fields) })
    return { id: made.id, slug: made.slug, fullName: fields?.fullName ?? '' }
  }
  const a = await makeCase({
    fullName: 'Alma Publicperson',
    visibility: 'public',
    consent: 'given',
    summary: 'Alma was detained for her journalism.',
  })
  const c = await makeCase({ fullName: 'Carl Internalperson', visibility: 'internal' })
  const b = await makeCase({
    fullName: B.fullName,
    aliases: B.aliases,
    summary: B.summary,
    internalNotes: B.internalNotes,
    visibility: 'restricted',
    country: 'Belarus',
  })
  ok(await grantCaseAccess(db, { actor, caseId: b.id, userId: users.granted.id }), 'grant')

  const source = async (title: string) =>
    ok(await createSource(db, { actor, fields: sourceFields({ title }) }), 'source').id
  const sources = {
    a: await source('Report on Alma Publicperson'),
    b1: await source(B.sourceTitles[0]!),
    b2: await source(B.sourceTitles[1]!),
  }

  const event = async (caseId: number, fields: Partial<StatusEventFields>, sourceIds: number[]) =>
    (await recordStatusEvent(db, { actor, caseId, fields: eventFields(fields), sourceIds })).id
  const events = {
    a: await event(a.id, { description: 'Alma detained in Minsk.' }, [sources.a]),
    c: await event(c.id, { description: 'Carl reported at risk.', custodyState: 'at_risk' }, []),
    b1: await event(b.id, { description: B.eventDescriptions[0]! }, [sources.b1]),
    b2: await event(
      b.id,
      {
        description: B.eventDescriptions[1]!,
        eventDate: '2024-02-20',
        custodyState: 'pretrial_detention',
      },
      [sources.b2],
    ),
  }

  const actors = {
    ordinary: (await createActor(db, { actor, fields: actorFields({ name: 'Olivia Ordinary' }) }))
      .id,
    bOnly: (await createActor(db, { actor, fields: actorFields({ name: B.actorName }) })).id,
  }

  const document = async (title: string) =>
    ok(await createDocument(db, { actor, fields: documentFields({ title }) }), 'document').id
  const documents = {
    aOnly: await document('Alma press release'),
    shared: await document(B.sharedDocumentTitle),
    bDraft: 0,
  }
  await linkCase(db, { actor, documentId: documents.aOnly, caseId: a.id })
  await linkCase(db, { actor, documentId: documents.shared, caseId: a.id })
  await linkCase(db, { actor, documentId: documents.shared, caseId: b.id })
  await citeSources(db, {
    actor,
    documentId: documents.shared,
    quoteId: null,
    sourceIds: [sources.b1],
    locator: null,
  })
  documents.bDraft = (
    await saveStatementDraft(db, {
      actor,
      input: {
        caseId: b.id,
        caseVersion: 1,
        template: 'press_release',
        language: 'en',
        title: B.draftTitle,
        body: `${MARKER} draft body.`,
        place: 'Brussels',
        date: '2024-03-10',
        issuerId: null,
        sourceIds: [sources.b2],
      },
    })
  ).id

  const versionOf = async (id: number) =>
    (
      await db
        .selectFrom('documents')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).version
  const quote = async (documentId: number, actorId: number, body: string) =>
    ok(
      await addQuote(db, {
        actor,
        documentId,
        version: await versionOf(documentId),
        fields: { actorId, speakerLabel: '', body },
      }),
      'quote',
    ).id!
  const quotes = {
    aOnly: await quote(documents.aOnly, actors.ordinary, 'Alma must be freed.'),
    shared: await quote(documents.shared, actors.ordinary, B.sharedQuote),
    bDraft: await quote(documents.bDraft, actors.bOnly, B.draftQuote),
  }

  const action = async (caseIds: number[], fields: Partial<ActionFields>) =>
    (
      await createAction(db, {
        actor,
        viewer,
        fields: actionFields(fields),
        caseIds,
        sourceIds: [],
      })
    ).id
  const actions = {
    aOnly: await action([a.id], {
      title: 'Letter for Alma',
      actorId: actors.ordinary,
      documentId: documents.aOnly,
    }),
    shared: await action([a.id, b.id], {
      title: 'Joint letter to the prosecutor',
      documentId: documents.shared,
      outcomeNotes: B.sharedActionNotes,
    }),
    bOnly: await action([b.id], { title: B.bActionTitle, actorId: actors.bOnly }),
  }

  // Olivia sponsors A and B: her actor page, the card and the "sponsored by" filter show only A.
  for (const [caseId, note] of [
    [a.id, 'Sponsor of Alma'],
    [b.id, B.sponsorNote],
  ] as const)
    await addCaseSponsor(db, {
      actor,
      viewer,
      caseId,
      actorId: actors.ordinary,
      since: { date: '2024-01-01', precision: 'month' },
      note,
    })

  const csvImport = async (user: WorldUser, name: string) => {
    const mapping = {
      columns: [{ kind: 'field' as const, field: 'fullName' as const }],
      constants: {},
    }
    const content = `Name\n${name}\n`
    const id = await createCaseImport(db, {
      userId: user.id,
      fileName: `${tag}.csv`,
      content,
      headers: ['Name'],
      rowCount: 1,
      mapping,
    })
    await startDryRun(db, { id, viewer: user, mapping })
    await waitForCaseImport(id)
    return id
  }
  const imports = {
    editorOwn: await csvImport(users.editor, 'Imported Person'),
    grantedB: await csvImport(users.granted, B.fullName),
  }

  // The viewer and the editor follow A and B since long ago, as if B's grant had been revoked since:
  // B's changes are news they must never see (the updates inbox, its count, the list's marks).
  for (const follower of [users.viewer, users.editor])
    await db
      .insertInto('caseFollows')
      .values([a, b].map((c) => ({ userId: follower.id, caseId: c.id, createdAt: '2000-01-01' })))
      .execute()

  return {
    users,
    imports,
    cases: { a, b, c },
    events,
    sources,
    actors,
    documents,
    quotes,
    actions,
    bOnlyTexts: [
      B.fullName,
      ...B.aliases,
      B.summary,
      B.internalNotes,
      ...B.sourceTitles,
      ...B.eventDescriptions,
      B.sharedDocumentTitle,
      B.sharedQuote,
      B.draftTitle,
      B.draftQuote,
      B.actorName,
      B.sharedActionNotes,
      B.bActionTitle,
      B.sponsorNote,
    ],
  }
}
