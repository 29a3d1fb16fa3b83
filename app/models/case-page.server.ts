// Everything the case page shows, in a handful of statements: the case, its timeline with sources,
// and the documents and actions linked to it. Footnotes are numbered here, by first use on the page.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { latestDate, needsAttention } from '../domain/attention'
import { todayIso } from '../domain/dates'
import { numberFootnotes } from '../domain/footnotes'
import { daysInDetention, isUpcoming } from '../domain/status'
import { actionVisibleTo } from './action.server'
import { getCaseForUser } from './case.server'
import type { Viewer } from './case-visibility.server'
import { documentVisibleTo } from './document.server'
import { getTimeline } from './status-event.server'

export async function getCasePage(
  db: Kysely<Database>,
  {
    slug,
    viewer,
    today = todayIso(),
    attentionDays,
  }: { slug: string; viewer: Viewer; today?: string; attentionDays?: number },
) {
  const record = await getCaseForUser(db, { slug, viewer })
  if (!record) return null
  const [timeline, documents, actions] = await Promise.all([
    getTimeline(db, record.id),
    db
      .selectFrom('documentCases')
      .innerJoin('documents', 'documents.id', 'documentCases.documentId')
      .select([
        'documents.id',
        'documents.kind',
        'documents.title',
        'documents.documentDate',
        'documents.datePrecision',
        'documents.status',
      ])
      .where('documentCases.caseId', '=', record.id)
      // A document also linked to a case hidden from this reader is hidden, as actions are.
      .where(documentVisibleTo(viewer))
      .orderBy('documents.documentDate', 'desc')
      .execute(),
    db
      .selectFrom('advocacyActions')
      .innerJoin('actionCases', 'actionCases.actionId', 'advocacyActions.id')
      .leftJoin('actors as actor', 'actor.id', 'advocacyActions.actorId')
      .leftJoin('actors as target', 'target.id', 'advocacyActions.targetId')
      .select([
        'advocacyActions.id',
        'advocacyActions.kind',
        'advocacyActions.title',
        'advocacyActions.actionDate',
        'advocacyActions.datePrecision',
        'advocacyActions.response',
        'actor.name as actorName',
        'target.name as targetName',
      ])
      .where('actionCases.caseId', '=', record.id)
      // An action also linked to a case hidden from this reader is hidden, as on the actions pages.
      .where(actionVisibleTo(viewer))
      .orderBy('advocacyActions.actionDate', 'desc')
      .execute(),
  ])
  const past = timeline.filter((event) => !isUpcoming(event, today))
  const upcoming = timeline.filter((event) => isUpcoming(event, today))
  const { numberOf, footnotes } = numberFootnotes(
    [...past, ...upcoming].flatMap((event) => event.sources),
  )
  const withNumbers = (events: typeof timeline) =>
    events.map(({ sources, ...event }) => ({
      ...event,
      footnoteNumbers: sources.map((s) => numberOf(s.id) ?? 0),
    }))
  const detainedSince =
    record.detainedSince && record.detainedSincePrecision
      ? { date: record.detainedSince, precision: record.detainedSincePrecision }
      : null
  const lastActivityDate = latestDate(
    [...timeline.map((e) => e.eventDate), ...actions.map((a) => a.actionDate)],
    today,
  )
  return {
    record,
    lastActivityDate,
    attention: needsAttention({
      custodyState: record.currentCustodyState,
      lastActivityDate,
      today,
      days: attentionDays,
    }),
    timeline: withNumbers(past),
    upcoming: withNumbers(upcoming),
    footnotes,
    detention: daysInDetention(detainedSince, today),
    documents,
    actions,
  }
}
