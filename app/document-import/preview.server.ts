// The import preview: the parsed press release matched against what the tracker already holds —
// the same release imported before, actors (also without diacritics), sources (same URL, or same
// title and publisher) and the cases it names. Nothing is written here.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { partialDateInputValue, type PartialDate } from '../domain/dates'
import { guessActorKind, issuerFromTitle, paragraphsToMarkdown, targetFromTitle } from './plan'
import type { ImportValues } from './schema'
import { findMentionedCases, foldName, matchActor, type ParsedPressRelease } from './press-release'
import { caseVisibleTo, type Viewer } from '../models/case-visibility.server'
import { documentVisibleTo, listActorOptions, type ActorOption } from '../models/document.server'
import { sourceVisibleTo } from '../models/record-visibility.server'
import { isRecordId } from '../utils/record-id'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The document a release was already imported as. One linked to a case the user may not see is only
 * acknowledged: neither its id nor its title nor its date is sent.
 */
export type AlreadyImported =
  | {
      visible: true
      id: number
      title: string
      documentDate: string | null
      datePrecision: PartialDate['precision'] | null
    }
  | { visible: false }

/**
 * The document this release was already imported as: the same text (content hash), or a document
 * with the same title and date (documents entered by hand or seeded carry no hash) whose issuer is
 * the same or unknown.
 */
export async function findAlreadyImported(
  db: Db,
  {
    viewer,
    contentHash,
    title,
    date,
    issuerId,
  }: {
    viewer: Viewer
    contentHash: string
    title: string
    date: string | null
    issuerId: number | null
  },
): Promise<AlreadyImported | null> {
  const columns = ['id', 'title', 'documentDate', 'datePrecision', 'issuerId'] as const
  let found = await db
    .selectFrom('documents')
    .select(columns)
    .where('contentHash', '=', contentHash)
    .executeTakeFirst()
  if (!found && date && title.trim()) {
    const sameDay = await db
      .selectFrom('documents')
      .select(columns)
      .where('documentDate', '=', date)
      .orderBy('id')
      .execute()
    found = sameDay.find(
      (d) =>
        foldName(d.title) === foldName(title) &&
        (d.issuerId === null || issuerId === null || d.issuerId === issuerId),
    )
  }
  if (!found) return null
  const visible = await db
    .selectFrom('documents')
    .select('id')
    .where('documents.id', '=', found.id)
    .where(documentVisibleTo(viewer))
    .executeTakeFirst()
  if (!visible) return { visible: false }
  const { issuerId: _issuer, ...existing } = found
  return { visible: true, ...existing }
}

const SOURCE_COLUMNS = [
  'id',
  'title',
  'publisher',
  'publishedOn',
  'publishedPrecision',
  'url',
  'urlMissing',
] as const

export type SourceMatch = {
  id: number
  title: string
  publisher: string | null
  url: string | null
}

/**
 * The library source a footnote is: the same URL, else the same title and publisher. Only sources
 * the viewer may see are matched: a hidden one is, for the preview, not in the library.
 */
export async function matchSources(
  db: Db,
  viewer: Viewer,
  footnotes: readonly { title: string | null; publisher: string | null; url: string | null }[],
): Promise<(SourceMatch | null)[]> {
  const urls = footnotes.flatMap((f) => (f.url ? [f.url] : []))
  const titles = footnotes.flatMap((f) => (f.title ? [f.title.toLowerCase()] : []))
  if (urls.length === 0 && titles.length === 0) return footnotes.map(() => null)
  const candidates = await db
    .selectFrom('sources')
    .select(['id', 'title', 'publisher', 'url'])
    .where((eb) =>
      eb.or([
        ...(urls.length ? [eb('url', 'in', urls)] : []),
        ...(titles.length ? [eb(eb.fn('lower', ['title']), 'in', titles)] : []),
      ]),
    )
    .where(sourceVisibleTo(db, viewer))
    .orderBy('id')
    .execute()
  const same = (a: string | null, b: string | null) =>
    a === null || b === null || foldName(a) === foldName(b)
  return footnotes.map(
    (f) =>
      (f.url ? candidates.find((s) => s.url === f.url) : undefined) ??
      (f.title
        ? candidates.find(
            (s) => foldName(s.title) === foldName(f.title!) && same(s.publisher, f.publisher),
          )
        : undefined) ??
      null,
  )
}

/** The cases the text names, among those the viewer may see, in order of first mention. */
async function mentionedCases(db: Db, viewer: Viewer, text: string): Promise<number[]> {
  const cases = await db
    .selectFrom('cases')
    .select(['cases.id', 'cases.fullName', 'cases.aliases', 'cases.displayName'])
    .where(caseVisibleTo(viewer))
    .execute()
  return findMentionedCases(text, cases).slice(0, 20)
}

const dateValue = (date: PartialDate | null) => (date ? partialDateInputValue(date) : '')

/** The preview values for a parsed release, or the document it was already imported as. */
export async function buildImportPreview(
  db: Kysely<Database>,
  { viewer, text, parsed }: { viewer: Viewer; text: string; parsed: ParsedPressRelease },
): Promise<
  { kind: 'duplicate'; existing: AlreadyImported } | { kind: 'preview'; values: ImportValues }
> {
  const actors = await listActorOptions(db, { viewer })
  const title = parsed.title ?? ''
  const issuerName = issuerFromTitle(title)
  const issuerId = issuerName ? matchActor(issuerName, actors) : null
  const existing = await findAlreadyImported(db, {
    viewer,
    contentHash: parsed.contentHash,
    title,
    date: parsed.dateLine?.date ?? null,
    issuerId,
  })
  if (existing) return { kind: 'duplicate', existing }

  const targetName = targetFromTitle(title)
  const targetId = targetName ? matchActor(targetName, actors) : null
  const sources = await matchSources(db, viewer, parsed.footnotes)
  const caseIds = (await mentionedCases(db, viewer, text)).map(String)
  const choice = (id: number | null, name: string | null) => (id ? String(id) : name ? 'new' : '')
  const warnings = parsed.warnings.map((w) => w.message)
  if (!issuerName) warnings.push('The issuer could not be read from the title: choose or name it.')
  return {
    kind: 'preview',
    values: {
      contentHash: parsed.contentHash,
      title,
      place: parsed.dateLine?.place ?? '',
      documentDate: dateValue(parsed.dateLine),
      datePrecision: parsed.dateLine?.precision ?? 'day',
      language: parsed.language ?? 'en',
      issuer: choice(issuerId, issuerName),
      issuerName: issuerName ?? '',
      issuerKind: guessActorKind(issuerName ?? ''),
      target: choice(targetId, targetName),
      targetName: targetName ?? '',
      targetKind: guessActorKind(targetName ?? '', 'authority'),
      body: paragraphsToMarkdown(parsed.body),
      quotes: parsed.quotes.map((quote) => ({
        speakerLabel: quote.speaker.rawLine,
        actor: choice(matchActor(quote.speaker.name, actors), quote.speaker.name || null),
        name: quote.speaker.name,
        kind: quote.speaker.isMep ? 'mep' : 'person',
        politicalGroup: quote.speaker.politicalGroup ?? '',
        roles: quote.speaker.roles.join('\n'),
        body: paragraphsToMarkdown(quote.paragraphs),
      })),
      footnotes: parsed.footnotes.map((footnote, index) => {
        const match = sources[index]
        return {
          number: String(footnote.number),
          source: match ? String(match.id) : 'new',
          matchId: match ? String(match.id) : '',
          title: footnote.title ?? footnote.raw.replace(/^\[\d+\]\s*/, ''),
          publisher: footnote.publisher ?? '',
          date: dateValue(footnote.date),
          url: footnote.url ?? '',
          urlMissing: footnote.urlMissing ? 'true' : '',
        }
      }),
      contacts: parsed.pressContacts.map((contact) => ({
        actor: choice(contact.name ? matchActor(contact.name, actors) : null, contact.name),
        name: contact.name ?? '',
        office: contact.office ?? '',
        email: contact.email ?? '',
        phone: contact.phone ?? '',
      })),
      caseOptions: caseIds,
      caseIds,
      warnings,
    },
  }
}

export type ImportOptions = {
  actors: ActorOption[]
  cases: { id: number; slug: string; fullName: string }[]
  sources: { id: number; title: string; publisher: string | null; url: string | null }[]
}

/** What the preview form's selects and checkboxes offer, for these values. */
export async function loadImportOptions(
  db: Kysely<Database>,
  { viewer, values }: { viewer: Viewer; values: ImportValues },
): Promise<ImportOptions> {
  const ids = (list: string[]) => [...new Set(list.map(Number))].filter(isRecordId)
  const caseIds = ids([...values.caseOptions, ...values.caseIds])
  const sourceIds = ids(values.footnotes.flatMap((f) => [f.matchId, f.source]))
  const [actors, cases, sources] = await Promise.all([
    listActorOptions(db, { viewer }),
    caseIds.length
      ? db
          .selectFrom('cases')
          .select(['cases.id', 'cases.slug', 'cases.fullName'])
          .where('cases.id', 'in', caseIds)
          .where(caseVisibleTo(viewer))
          .execute()
      : [],
    sourceIds.length
      ? db
          .selectFrom('sources')
          .select(SOURCE_COLUMNS)
          .where('id', 'in', sourceIds)
          .where(sourceVisibleTo(db, viewer))
          .execute()
      : [],
  ])
  return { actors, cases, sources }
}
