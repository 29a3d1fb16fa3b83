// What the statement generator reads: the case, its timeline and sources, the form's defaults (from
// earlier documents, actions and sponsors), and only the actors the choices name or the defaults
// need — never every actor. The issuer, the target and the MEPs to quote are picked in search boxes
// (searchStatementActors answers them), so the page and its SQL stay small at any number of actors.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { containsPattern, searchWords } from '../domain/source-schema'
import { labelOf } from '../domain/vocabularies'
import { caseForStatement, choiceDefaults } from '../statements/case-for-statement'
import type { StatementActor } from '../statements/types'
import { isRecordId } from '../utils/record-id'
import { actionVisibleTo } from './action.server'
import { getCaseForUser } from './case.server'
import type { Viewer } from './case-visibility.server'
import { documentVisibleTo } from './document.server'
import { actorVisibleTo, folded } from './record-visibility.server'
import { getTimeline } from './status-event.server'

/** At most this many actors named by one query string are looked up (the form allows 10 MEPs). */
export const MAX_NAMED_ACTORS = 40
/** The press contacts of the offices of the people named, offered as boxes to tick. */
export const OFFICE_CONTACT_LIMIT = 20
/** Matches a search box offers at a time. */
export const ACTOR_MATCH_LIMIT = 10

const ACTOR_COLUMNS = [
  'actors.id',
  'actors.kind',
  'actors.name',
  'actors.politicalGroup',
  'actors.roles',
  'actors.organisation',
  'actors.office',
  'actors.email',
  'actors.phone',
  'actors.country',
] as const

/** The actor ids a generator query string names: issuer, target, MEPs and press contacts. */
export function namedActorIds(params: URLSearchParams): number[] {
  const named = [params.get('issuer'), params.get('target'), ...params.getAll('mep')]
  return [...new Set([...named, ...params.getAll('contact')].map(Number))]
    .filter(isRecordId)
    .slice(0, MAX_NAMED_ACTORS)
}

/** The case, its timeline and sources, the actors the choices and defaults name, and defaults. */
export async function getStatementSetup(
  db: Kysely<Database>,
  {
    slug,
    viewer,
    today,
    params = new URLSearchParams(),
  }: { slug: string; viewer: Viewer; today: string; params?: URLSearchParams },
) {
  const record = await getCaseForUser(db, { slug, viewer })
  if (!record) return null
  const [timeline, caseSources, quotes, latestDocument, latestAction, sponsors] = await Promise.all(
    [
      getTimeline(db, record.id),
      db
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
        .where('citations.caseId', '=', record.id)
        .orderBy('citations.id')
        .execute(),
      db
        .selectFrom('documentQuotes')
        .innerJoin('documentCases', 'documentCases.documentId', 'documentQuotes.documentId')
        .innerJoin('documents', 'documents.id', 'documentQuotes.documentId')
        .select(['documentQuotes.actorId', 'documentQuotes.body'])
        .where('documentCases.caseId', '=', record.id)
        .where(documentVisibleTo(viewer))
        .where('documentQuotes.actorId', 'is not', null)
        .orderBy('documents.documentDate', 'desc')
        .orderBy('documents.id', 'desc')
        .orderBy('documentQuotes.position')
        .limit(200)
        .execute(),
      db
        .selectFrom('documentCases')
        .innerJoin('documents', 'documents.id', 'documentCases.documentId')
        .select('documents.issuerId')
        .where('documentCases.caseId', '=', record.id)
        .where(documentVisibleTo(viewer))
        .where('documents.issuerId', 'is not', null)
        .orderBy('documents.documentDate', 'desc')
        .orderBy('documents.id', 'desc')
        .executeTakeFirst(),
      db
        .selectFrom('actionCases')
        .innerJoin('advocacyActions', 'advocacyActions.id', 'actionCases.actionId')
        .select('advocacyActions.targetId')
        .where('actionCases.caseId', '=', record.id)
        .where(actionVisibleTo(viewer))
        .where('advocacyActions.targetId', 'is not', null)
        .orderBy('advocacyActions.actionDate', 'desc')
        .orderBy('advocacyActions.id', 'desc')
        .executeTakeFirst(),
      // The sponsoring MEPs are offered first for the quote (issue 13 §4), longest-standing first.
      db
        .selectFrom('caseSponsors')
        .select('actorId')
        .where('caseId', '=', record.id)
        .orderBy(sql`since asc nulls last`)
        .orderBy('id')
        .limit(50)
        .execute(),
    ],
  )
  const ids = new Set([
    ...namedActorIds(params),
    ...sponsors.map((s) => s.actorId),
    ...quotes.flatMap((q) => (q.actorId === null ? [] : [q.actorId])),
    ...[latestDocument?.issuerId, latestAction?.targetId].filter(isRecordId),
  ])
  const named = ids.size
    ? await db
        .selectFrom('actors')
        .select(ACTOR_COLUMNS)
        .where('actors.id', 'in', [...ids])
        .where(actorVisibleTo(viewer))
        .execute()
    : []
  // The press contacts of the offices of those people (the form's default contacts); others are
  // found in the contacts' search box. Listing every press contact made PostgreSQL hash every
  // visible document to check them (400 ms at the large caseload).
  const names = named.filter((a) => a.kind !== 'press_contact').map((a) => a.name)
  const contacts = names.length
    ? await db
        .selectFrom('actors')
        .select(ACTOR_COLUMNS)
        .where('actors.kind', '=', 'press_contact')
        .where((eb) =>
          eb.or(names.map((name) => eb(sql`strpos(${sql.ref('actors.office')}, ${name})`, '>', 0))),
        )
        .where(actorVisibleTo(viewer))
        .orderBy(sql`lower(${sql.ref('actors.name')})`)
        .orderBy('actors.id')
        .limit(OFFICE_CONTACT_LIMIT)
        .execute()
    : []
  const byId = new Map([...named, ...contacts].map((a) => [a.id, a as StatementActor]))
  const actors = [...byId.values()].sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id,
  )
  const caseData = caseForStatement(record, timeline, caseSources)
  const defaults = choiceDefaults({
    actors,
    quotes,
    latestIssuerId: latestDocument?.issuerId ?? null,
    latestTargetId: latestAction?.targetId ?? null,
    today,
    sponsorIds: sponsors.map((s) => s.actorId),
  })
  return { record, caseData, actors, defaults }
}

export type StatementSetup = NonNullable<Awaited<ReturnType<typeof getStatementSetup>>>

/** Who a search box looks for: MEPs to quote, press contacts, or an issuer or target (anyone else). */
export type ActorSearchRole = 'mep' | 'contact' | 'party'

export type ActorChoice = { id: number; label: string }

/** "Malin Björk (MEP)": the name and kind, as a search box shows a match and then its text. */
export const actorChoiceLabel = (actor: { name: string; kind: string }) =>
  `${actor.name} (${labelOf(actor.kind)})`

/** At most ten actors of that role the viewer may see whose names contain every word typed. */
export async function searchStatementActors(
  db: Kysely<Database>,
  { viewer, q, role }: { viewer: Viewer; q: string; role: ActorSearchRole },
): Promise<ActorChoice[]> {
  // The text of a match chosen earlier ends with its kind: "(MEP)" is not part of the name.
  const words = searchWords(q.replace(/\s*\([^()]*\)\s*$/, ''))
  if (!words.length) return []
  let query = db.selectFrom('actors').select(['actors.id', 'actors.name', 'actors.kind'])
  query =
    role === 'party'
      ? query.where('actors.kind', '!=', 'press_contact')
      : query.where('actors.kind', '=', role === 'mep' ? 'mep' : 'press_contact')
  for (const word of words)
    query = query.where(folded('actors.name'), 'like', containsPattern(word))
  const rows = await query
    .where(actorVisibleTo(viewer))
    .orderBy(sql`lower(${sql.ref('actors.name')})`)
    .orderBy('actors.id')
    .limit(ACTOR_MATCH_LIMIT)
    .execute()
  return rows.map((r) => ({ id: r.id, label: actorChoiceLabel(r) }))
}

const SEARCHED = [
  { param: 'issuer', role: 'party' },
  { param: 'target', role: 'party' },
  { param: 'mep', role: 'mep' },
  { param: 'contact', role: 'contact' },
] as const

type Searched = (typeof SEARCHED)[number]['param']

export type TypedActorSearches = {
  /** The words typed in each search box, as sent. */
  typed: Partial<Record<Searched, string>>
  /** The matches of words that did not name one actor, to choose from. */
  found: Partial<Record<Searched, ActorChoice[]>>
}

/**
 * The search boxes send the words typed (`issuerQ`, `targetQ`, `mepQ`, `contactQ`) beside the chosen ids. Words
 * that are not the chosen actor's text (typed without JavaScript) are searched: one match is
 * chosen (an MEP or press contact is added to those chosen), several or none are answered in `found`; emptied words
 * clear an issuer or target. Returns the choices without the words, ready for the generator.
 */
export async function resolveTypedActors(
  db: Kysely<Database>,
  { viewer, params }: { viewer: Viewer; params: URLSearchParams },
): Promise<TypedActorSearches & { params: URLSearchParams }> {
  const out = new URLSearchParams(params)
  const typed: TypedActorSearches['typed'] = {}
  const found: TypedActorSearches['found'] = {}
  const texts = SEARCHED.map(({ param }) => out.get(`${param}Q`)?.trim().slice(0, 200))
  for (const { param } of SEARCHED) out.delete(`${param}Q`)
  if (texts.every((t) => t === undefined)) return { params: out, typed, found }
  const chosenIds = [out.get('issuer'), out.get('target')].map(Number).filter(isRecordId)
  const chosen = chosenIds.length
    ? await db
        .selectFrom('actors')
        .select(['actors.id', 'actors.name', 'actors.kind'])
        .where('actors.id', 'in', chosenIds)
        .where(actorVisibleTo(viewer))
        .execute()
    : []
  for (const [i, { param, role }] of SEARCHED.entries()) {
    const text = texts[i]
    if (text === undefined) continue
    typed[param] = text
    const adds = param === 'mep' || param === 'contact'
    if (!adds) {
      const current = chosen.find((a) => String(a.id) === out.get(param))
      if (current && text === actorChoiceLabel(current)) continue
      out.set(param, '')
    }
    if (!text) continue
    const matches = await searchStatementActors(db, { viewer, q: text, role })
    const only = matches.length === 1 ? String(matches[0]!.id) : null
    if (only && adds) {
      if (!out.getAll(param).includes(only)) out.append(param, only)
      delete typed[param]
    } else if (only) out.set(param, only)
    else found[param] = matches
  }
  return { params: out, typed, found }
}
