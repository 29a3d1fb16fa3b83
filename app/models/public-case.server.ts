// The public face of a case (DESIGN.md, "Outward faces"): only cases whose visibility is `public`
// AND whose consent is `given`; only confirmed events; only published documents and sources that no
// other case hides behind them. Every statement lists its columns by name, apart from the signed-in
// queries, so a column added to `cases` (a sensitive one: grounds, gender, date of birth, internal
// notes, event locations) never reaches a public page or feed by accident.
import { type ExpressionBuilder, type Kysely, sql, type SqlBool } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import { todayIso } from '../domain/dates'
import { numberFootnotes } from '../domain/footnotes'
import { daysInDetention, deriveCaseState, isUpcoming } from '../domain/status'
import { containsPattern, SEARCH_FOLD, searchTerms } from '../domain/text'
import {
  documentLinkedToHiddenCase,
  MAX_SLUG_LENGTH,
  publicCase,
  publicNameOf,
  publicNames,
  sourceCitedForHiddenCase,
} from './public-visibility.server'

type Db = Kysely<Database>

export const PUBLIC_PAGE_SIZE = 24

/**
 * One search term matches a case's folded names, aliases and summary (`search_text`, folded in
 * TypeScript so every script folds alike). A case shown under a display name is matched on that
 * name and its summary only, so a search never ties the display name to the full name.
 */
function publicTermMatches(eb: ExpressionBuilder<Database, 'cases'>, term: string) {
  const pattern = containsPattern(term)
  const displayName = sql<string>`nullif(btrim(${sql.ref('cases.displayName')}), '')`
  return eb.or([
    eb.and([sql<SqlBool>`${displayName} is null`, eb('cases.searchText', 'like', pattern)]),
    eb.and([
      sql<SqlBool>`${displayName} is not null`,
      sql<SqlBool>`translate(lower(${displayName} || ' ' || ${sql.ref('cases.summary')}), ${SEARCH_FOLD.from}, ${SEARCH_FOLD.to}) like ${pattern}`,
    ]),
  ])
}

/**
 * One page of public cases in slug order, after the slug `after` (keyset: the page costs the same
 * however deep). A search matches parts of the public name or the summary; the public cases are a
 * small share of all, found through the visibility index.
 */
export async function listPublicCases(
  db: Db,
  {
    q = '',
    after = null,
    today = todayIso(),
  }: { q?: string; after?: string | null; today?: string },
) {
  let query = db
    .selectFrom('cases')
    .select([
      'cases.slug',
      'cases.fullName',
      'cases.displayName',
      'cases.aliases',
      'cases.country',
      'cases.summary',
    ])
    .select((eb) =>
      eb
        .selectFrom('statusEvents')
        .select('statusEvents.custodyState')
        .whereRef('statusEvents.caseId', '=', 'cases.id')
        .where('statusEvents.certainty', '=', 'confirmed')
        .where('statusEvents.custodyState', 'is not', null)
        .where('statusEvents.eventDate', '<=', today)
        .orderBy('statusEvents.eventDate', 'desc')
        .orderBy('statusEvents.createdAt', 'desc')
        .orderBy('statusEvents.id', 'desc')
        .limit(1)
        .as('custodyState'),
    )
    .where(publicCase)
  for (const term of searchTerms(q)) query = query.where((eb) => publicTermMatches(eb, term))
  if (after) query = query.where('cases.slug', '>', after)
  const rows = await query
    .orderBy('cases.slug')
    .limit(PUBLIC_PAGE_SIZE + 1)
    .execute()
  const cases = rows
    .slice(0, PUBLIC_PAGE_SIZE)
    .map(({ fullName, displayName, aliases, ...row }) => ({
      ...row,
      ...publicNames({ fullName, displayName, aliases }),
    }))
  return {
    cases,
    nextAfter: rows.length > PUBLIC_PAGE_SIZE ? (cases.at(-1)?.slug ?? null) : null,
  }
}
export type PublicCaseListItem = Awaited<ReturnType<typeof listPublicCases>>['cases'][number]

const SOURCE_COLUMNS = [
  'sources.id',
  'sources.title',
  'sources.publisher',
  'sources.publishedOn',
  'sources.publishedPrecision',
  'sources.url',
  'sources.urlMissing',
] as const

/** The public case page: the case, its confirmed timeline with sources, its published documents. */
export async function getPublicCase(
  db: Db,
  { slug, today = todayIso() }: { slug: string; today?: string },
) {
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) return null
  const record = await db
    .selectFrom('cases')
    .select([
      'cases.id',
      'cases.slug',
      'cases.fullName',
      'cases.displayName',
      'cases.aliases',
      'cases.country',
      'cases.region',
      'cases.summary',
    ])
    .where('cases.slug', '=', slug)
    .where(publicCase)
    .executeTakeFirst()
  if (!record) return null
  const [events, caseSources, documents] = await Promise.all([
    db
      .selectFrom('statusEvents')
      .select([
        'statusEvents.id',
        'statusEvents.eventDate',
        'statusEvents.datePrecision',
        'statusEvents.custodyState',
        'statusEvents.legalStage',
        'statusEvents.releaseReason',
        'statusEvents.description',
        'statusEvents.createdAt',
      ])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('citations')
            .innerJoin('sources', 'sources.id', 'citations.sourceId')
            .select(SOURCE_COLUMNS)
            .whereRef('citations.statusEventId', '=', 'statusEvents.id')
            .where((inner) => inner.not(sourceCitedForHiddenCase(inner)))
            .orderBy('citations.id'),
        ).as('sources'),
      )
      .where('statusEvents.caseId', '=', record.id)
      .where('statusEvents.certainty', '=', 'confirmed')
      .orderBy('statusEvents.eventDate')
      .orderBy('statusEvents.createdAt')
      .orderBy('statusEvents.id')
      .execute(),
    db
      .selectFrom('citations')
      .innerJoin('sources', 'sources.id', 'citations.sourceId')
      .select(SOURCE_COLUMNS)
      .where('citations.caseId', '=', record.id)
      .where((eb) => eb.not(sourceCitedForHiddenCase(eb)))
      .orderBy('citations.id')
      .execute(),
    db
      .selectFrom('documentCases')
      .innerJoin('documents', 'documents.id', 'documentCases.documentId')
      .select([
        'documents.id',
        'documents.kind',
        'documents.title',
        'documents.place',
        'documents.documentDate',
        'documents.datePrecision',
        'documents.url',
      ])
      .where('documentCases.caseId', '=', record.id)
      .where('documents.status', '=', 'published')
      .where((eb) => eb.not(documentLinkedToHiddenCase(eb)))
      .orderBy('documents.documentDate', 'desc')
      .orderBy('documents.id', 'desc')
      .execute(),
  ])
  const derived = deriveCaseState(events, today)
  const past = events.filter((event) => !isUpcoming(event, today))
  const upcoming = events.filter((event) => isUpcoming(event, today))
  const { numberOf, footnotes } = numberFootnotes([
    ...[...past, ...upcoming].flatMap((event) => event.sources),
    ...caseSources,
  ])
  const withNumbers = (list: typeof events) =>
    list.map(({ sources, createdAt: _createdAt, ...event }) => ({
      ...event,
      footnoteNumbers: sources.map((s) => numberOf(s.id) ?? 0),
    }))
  const { fullName, displayName, aliases, id: _id, ...rest } = record
  return {
    case: { ...rest, ...publicNames({ fullName, displayName, aliases }) },
    currentCustodyState: derived.currentCustodyState,
    currentLegalStage: derived.currentLegalStage,
    detention: daysInDetention(derived.detainedSince, today),
    timeline: withNumbers(past).reverse(),
    upcoming: withNumbers(upcoming),
    footnotes,
    documents,
  }
}
export type PublicCase = NonNullable<Awaited<ReturnType<typeof getPublicCase>>>

/** The public name of the public case `slug`; null for any other slug (a feed then answers 404). */
export async function getPublicCaseName(db: Db, slug: string): Promise<string | null> {
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) return null
  const row = await db
    .selectFrom('cases')
    .select(['cases.fullName', 'cases.displayName'])
    .where('cases.slug', '=', slug)
    .where(publicCase)
    .executeTakeFirst()
  return row ? publicNameOf(row) : null
}
