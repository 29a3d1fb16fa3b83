// Everything the case page shows, in a handful of statements: the case, its timeline with sources,
// and the documents and actions linked to it. Footnotes are numbered here, by first use on the page.
// The page shows a window of a long timeline (the latest events, then all on request): a case of a
// hundred events rendered whole made the page four times heavier than one of twenty.
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
import { getTimeline, getTimelineWindow } from './status-event.server'

/** The past events the case page shows at first (the latest), and at most when asked for all. */
export const CASE_PAGE_LATEST_EVENTS = 25
export const CASE_PAGE_MAX_EVENTS = 1000

export async function getCasePage(
  db: Kysely<Database>,
  {
    slug,
    viewer,
    today = todayIso(),
    attentionDays,
    latestEvents,
  }: {
    slug: string
    viewer: Viewer
    today?: string
    attentionDays?: number
    /** At most this many past events (the latest) and upcoming ones; the whole timeline if unset. */
    latestEvents?: number
  },
) {
  const record = await getCaseForUser(db, { slug, viewer })
  if (!record) return null
  const readTimeline = async () => {
    if (latestEvents !== undefined)
      return getTimelineWindow(db, {
        caseId: record.id,
        today,
        past: latestEvents,
        upcoming: latestEvents,
      })
    const all = await getTimeline(db, record.id)
    const past = all.filter((event) => !isUpcoming(event, today))
    const upcoming = all.filter((event) => isUpcoming(event, today))
    return { past, upcoming, pastTotal: past.length, upcomingTotal: upcoming.length }
  }
  const [window, documents, actions] = await Promise.all([
    readTimeline(),
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
  const { past, upcoming } = window
  const { numberOf, footnotes } = numberFootnotes(
    [...past, ...upcoming].flatMap((event) => event.sources),
  )
  const withNumbers = (events: typeof past) =>
    events.map(({ sources, ...event }) => ({
      ...event,
      footnoteNumbers: sources.map((s) => numberOf(s.id) ?? 0),
    }))
  const detainedSince =
    record.detainedSince && record.detainedSincePrecision
      ? { date: record.detainedSince, precision: record.detainedSincePrecision }
      : null
  const lastActivityDate = latestDate(
    [...past, ...upcoming].map((e) => e.eventDate).concat(actions.map((a) => a.actionDate)),
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
    eventCounts: { past: window.pastTotal, upcoming: window.upcomingTotal },
    footnotes,
    detention: daysInDetention(detainedSince, today),
    documents,
    actions,
  }
}
