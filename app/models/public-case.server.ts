// The public face of a case (DESIGN.md, "Outward faces"): only cases whose visibility is `public`
// AND whose consent is `given`; only confirmed events; only published documents and sources that no
// other case hides behind them. Every statement lists its columns by name, apart from the signed-in
// queries, so a column added to `cases` (a sensitive one: grounds, gender, date of birth, internal
// notes, event locations) never reaches a public page or feed by accident.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import { todayIso } from '../domain/dates'
import type { PublicFeedEntry } from '../public-feed/atom'
import { numberFootnotes } from '../domain/footnotes'
import { daysInDetention, deriveCaseState, isUpcoming } from '../domain/status'
import { containsPattern, SEARCH_FOLD, searchTerms } from '../domain/text'

type Db = Kysely<Database>

export const PUBLIC_PAGE_SIZE = 24
export const PUBLIC_FEED_LIMIT = 50
/** Longer than any slug the app makes: such an address is not looked up. */
const MAX_SLUG_LENGTH = 200

/** `alias` (a `cases` row) is a case the public may not see: not public, or public without consent. */
function hiddenCase(alias: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.visibility`)} <> 'public' or ${sql.ref(`${alias}.consent`)} <> 'given')`
}

function publicCase(eb: ExpressionBuilder<Database, 'cases'>) {
  return eb.and([eb('cases.visibility', '=', 'public'), eb('cases.consent', '=', 'given')])
}

/** A document linked to a hidden case is hidden: its title may name that case. */
function documentLinkedToHiddenCase(eb: ExpressionBuilder<Database, 'documents'>) {
  return eb.exists(
    eb
      .selectFrom('documentCases as hiddenLink')
      .innerJoin('cases as hidden', 'hidden.id', 'hiddenLink.caseId')
      .select('hiddenLink.caseId')
      .whereRef('hiddenLink.documentId', '=', 'documents.id')
      .where(hiddenCase('hidden')),
  )
}

/**
 * A source cited anywhere for a hidden case — its facts, an event, a document or quote linked to
 * it, an action for it — is left out: a news article on two people names both.
 */
function sourceCitedForHiddenCase(eb: ExpressionBuilder<Database, 'sources'>) {
  const hiddenCaseExists = (idColumn: string) =>
    sql<SqlBool>`exists (select 1 from cases as hidden where hidden.id = ${sql.ref(idColumn)} and ${hiddenCase('hidden')})`
  return eb.exists(
    eb
      .selectFrom('citations as other')
      .select('other.id')
      .whereRef('other.sourceId', '=', 'sources.id')
      .where((inner) =>
        inner.or([
          hiddenCaseExists('other.caseId'),
          inner.exists(
            inner
              .selectFrom('statusEvents as otherEvent')
              .select('otherEvent.id')
              .whereRef('otherEvent.id', '=', 'other.statusEventId')
              .where(hiddenCaseExists('otherEvent.caseId')),
          ),
          inner.exists(
            inner
              .selectFrom('documentCases as otherDoc')
              .leftJoin(
                'documentQuotes as otherQuote',
                'otherQuote.documentId',
                'otherDoc.documentId',
              )
              .select('otherDoc.caseId')
              .where((w) =>
                w.or([
                  w('otherDoc.documentId', '=', w.ref('other.documentId')),
                  w('otherQuote.id', '=', w.ref('other.documentQuoteId')),
                ]),
              )
              .where(hiddenCaseExists('otherDoc.caseId')),
          ),
          inner.exists(
            inner
              .selectFrom('actionCases as otherAction')
              .select('otherAction.caseId')
              .whereRef('otherAction.actionId', '=', 'other.advocacyActionId')
              .where(hiddenCaseExists('otherAction.caseId')),
          ),
        ]),
      ),
  )
}

/** The name the public sees: the display name when one is set (then no alias either). */
function publicNames(row: { fullName: string; displayName: string | null; aliases: string[] }) {
  const displayName = row.displayName?.trim()
  return displayName
    ? { name: displayName, aliases: [] }
    : { name: row.fullName, aliases: row.aliases }
}

/** The text a public search looks in: the public name (and aliases) and the summary, folded. */
const publicSearchText = sql<string>`translate(lower(concat_ws(' ',
  coalesce(nullif(btrim(${sql.ref('cases.displayName')}), ''),
    ${sql.ref('cases.fullName')} || ' ' || array_to_string(${sql.ref('cases.aliases')}, ' ')),
  ${sql.ref('cases.summary')})), ${SEARCH_FOLD.from}, ${SEARCH_FOLD.to})`

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
  for (const term of searchTerms(q))
    query = query.where(sql<SqlBool>`${publicSearchText} like ${containsPattern(term)}`)
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

const namedBy = (row: { fullName: string; displayName: string | null }) =>
  publicNames({ ...row, aliases: [] }).name

/**
 * The newest confirmed events and published documents of public cases (of one case when `slug` is
 * given), newest change first, at most `limit` in all. A document on several public cases appears
 * once, under the first of them.
 */
export async function listPublicFeedEntries(
  db: Db,
  { slug = null, limit = PUBLIC_FEED_LIMIT }: { slug?: string | null; limit?: number },
): Promise<PublicFeedEntry[]> {
  const [events, documents] = await Promise.all([
    db
      .selectFrom('statusEvents')
      .innerJoin('cases', 'cases.id', 'statusEvents.caseId')
      .select([
        'statusEvents.id',
        'statusEvents.eventDate',
        'statusEvents.datePrecision',
        'statusEvents.custodyState',
        'statusEvents.legalStage',
        'statusEvents.description',
        'statusEvents.updatedAt',
        'cases.slug',
        'cases.fullName',
        'cases.displayName',
      ])
      .where(publicCase)
      .where('statusEvents.certainty', '=', 'confirmed')
      .$if(slug !== null, (q) => q.where('cases.slug', '=', slug!))
      .orderBy('statusEvents.updatedAt', 'desc')
      .orderBy('statusEvents.id', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('documents')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('documentCases')
            .innerJoin('cases', 'cases.id', 'documentCases.caseId')
            .where(publicCase)
            .$if(slug !== null, (q) => q.where('cases.slug', '=', slug!))
            .select((inner) => ['documentCases.documentId', inner.fn.min('cases.slug').as('slug')])
            .groupBy('documentCases.documentId')
            .as('link'),
        (join) => join.onRef('link.documentId', '=', 'documents.id'),
      )
      .innerJoin('cases', 'cases.slug', 'link.slug')
      .select([
        'documents.id',
        'documents.title',
        'documents.kind',
        'documents.url',
        'documents.updatedAt',
        'cases.slug',
        'cases.fullName',
        'cases.displayName',
      ])
      .where('documents.status', '=', 'published')
      .where((eb) => eb.not(documentLinkedToHiddenCase(eb)))
      .orderBy('documents.updatedAt', 'desc')
      .orderBy('documents.id', 'desc')
      .limit(limit)
      .execute(),
  ])
  const entries: PublicFeedEntry[] = [
    ...events.map(({ fullName, displayName, ...row }) => ({
      ...row,
      kind: 'event' as const,
      name: namedBy({ fullName, displayName }),
    })),
    ...documents.map(({ fullName, displayName, kind, ...row }) => ({
      ...row,
      kind: 'document' as const,
      documentKind: kind,
      name: namedBy({ fullName, displayName }),
    })),
  ]
  return entries
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id)
    .slice(0, limit)
}

/** The public name of the public case `slug`; null for any other slug (a feed then answers 404). */
export async function getPublicCaseName(db: Db, slug: string): Promise<string | null> {
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) return null
  const row = await db
    .selectFrom('cases')
    .select(['cases.fullName', 'cases.displayName'])
    .where('cases.slug', '=', slug)
    .where(publicCase)
    .executeTakeFirst()
  return row ? namedBy(row) : null
}
