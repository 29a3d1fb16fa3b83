// A case as JSON (/cases/:slug/export.json): the case, its timeline, the citations of both with their
// sources, and the documents and actions linked to it — exactly what the case page lets this reader
// see (getCasePage's visibility: documents and actions tied to a case hidden from them are left out).
// The shape is versioned and documented in docs/exports.md.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { todayIso } from '../domain/dates'
import { getCasePage } from './case-page.server'
import type { Viewer } from './case-visibility.server'
import { isoPartialDate } from './case-export.server'

export const CASE_JSON_FORMAT = 'case-tracker/case'
export const CASE_JSON_VERSION = 1

/** The citations of a case's facts and of its events, each with its source. */
function caseCitations(db: Kysely<Database>, caseId: number) {
  return db
    .selectFrom('citations')
    .innerJoin('sources', 'sources.id', 'citations.sourceId')
    .select([
      'citations.id',
      'citations.caseId',
      'citations.statusEventId',
      'citations.locator',
      'citations.quotedText',
      'sources.id as sourceId',
      'sources.title',
      'sources.publisher',
      'sources.publishedOn',
      'sources.publishedPrecision',
      'sources.url',
      'sources.archivedUrl',
      'sources.accessedOn',
      'sources.kind',
      'sources.reliability',
    ])
    .where((eb) =>
      eb.or([
        eb('citations.caseId', '=', caseId),
        eb(
          'citations.statusEventId',
          'in',
          eb
            .selectFrom('statusEvents')
            .select('statusEvents.id')
            .where('statusEvents.caseId', '=', caseId),
        ),
      ]),
    )
    .orderBy('citations.id')
    .execute()
}

type Citation = Awaited<ReturnType<typeof caseCitations>>[number]

const citationOf = (c: Citation) => ({
  source: c.sourceId,
  locator: c.locator,
  quotedText: c.quotedText,
})

/**
 * The case as a JSON-ready object, or null when the reader may not see it (or it does not exist).
 * `withNotes` adds the internal notes (for readers who may edit); `origin` makes the absolute URLs.
 */
export async function getCaseExport(
  db: Kysely<Database>,
  {
    slug,
    viewer,
    withNotes,
    origin,
    now = new Date(),
  }: { slug: string; viewer: Viewer; withNotes: boolean; origin: string; now?: Date },
) {
  const page = await getCasePage(db, { slug, viewer, today: todayIso(now) })
  if (!page) return null
  const { record } = page
  const citations = await caseCitations(db, record.id)
  const sources = new Map<number, Citation>()
  for (const c of citations) if (!sources.has(c.sourceId)) sources.set(c.sourceId, c)
  const eventCitations = (eventId: number) =>
    citations.filter((c) => c.statusEventId === eventId).map(citationOf)
  const timeline = [...page.timeline, ...page.upcoming].map((event) => ({
    id: event.id,
    date: isoPartialDate(event.eventDate, event.datePrecision),
    upcoming: page.upcoming.includes(event),
    custodyState: event.custodyState,
    legalStage: event.legalStage,
    releaseReason: event.releaseReason,
    location: event.location,
    description: event.description,
    certainty: event.certainty,
    citations: eventCitations(event.id),
  }))
  return {
    format: CASE_JSON_FORMAT,
    formatVersion: CASE_JSON_VERSION,
    exportedAt: now.toISOString(),
    url: `${origin}/cases/${encodeURIComponent(record.slug)}`,
    case: {
      id: record.id,
      slug: record.slug,
      fullName: record.fullName,
      aliases: record.aliases,
      displayName: record.displayName,
      country: record.country,
      region: record.region,
      nationality: record.nationality,
      gender: record.gender,
      dateOfBirth: isoPartialDate(record.dateOfBirth, record.dateOfBirthPrecision) || null,
      grounds: record.grounds,
      riskLevel: record.riskLevel,
      visibility: record.visibility,
      consent: record.consent,
      summary: record.summary,
      ...(withNotes ? { internalNotes: record.internalNotes } : {}),
      owner: record.ownerName,
      currentCustodyState: record.currentCustodyState,
      currentLegalStage: record.currentLegalStage,
      detainedSince: isoPartialDate(record.detainedSince, record.detainedSincePrecision) || null,
      createdAt: new Date(record.createdAt).toISOString(),
      updatedAt: new Date(record.updatedAt).toISOString(),
      version: record.version,
      citations: citations.filter((c) => c.caseId === record.id).map(citationOf),
    },
    timeline,
    sources: [...sources.values()].map((s) => ({
      id: s.sourceId,
      title: s.title,
      publisher: s.publisher,
      publishedOn: isoPartialDate(s.publishedOn, s.publishedPrecision) || null,
      url: s.url,
      archivedUrl: s.archivedUrl,
      accessedOn: s.accessedOn,
      kind: s.kind,
      reliability: s.reliability,
      appUrl: `${origin}/sources/${s.sourceId}`,
    })),
    documents: page.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      date: isoPartialDate(d.documentDate, d.datePrecision) || null,
      status: d.status,
      url: `${origin}/documents/${d.id}`,
    })),
    actions: page.actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      date: isoPartialDate(a.actionDate, a.datePrecision),
      actor: a.actorName,
      target: a.targetName,
      response: a.response,
      url: `${origin}/actions/${a.id}`,
    })),
  }
}

export type CaseExport = NonNullable<Awaited<ReturnType<typeof getCaseExport>>>
