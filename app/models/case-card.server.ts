// The one-page case card (issue 13 §1): what an MEP needs walking into a meeting, read in a few
// statements for a case the reader may see — the name (or the pseudonym without consent), the state
// and since when, days in detention (never overstated), the three latest events with their
// footnotes, the latest action and its response, the next date, the sponsors and the key sources.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { PartialDate } from '../domain/dates'
import { numberFootnotes } from '../domain/footnotes'
import { compareEvents, daysInDetention, isUpcoming } from '../domain/status'
import { mentionsSensitiveTerm, replaceNames, splitSentences } from '../statements/text'
import { getCaseForUser } from './case.server'
import { listCaseSponsors } from './case-sponsor.server'
import type { Viewer } from './case-visibility.server'
import { actionVisibleTo } from './record-visibility.server'
import { getTimeline } from './status-event.server'

/** Enough text for one A4 page: an event's description or an action's notes is cut at a sentence. */
const MAX_TEXT = 280
const EVENTS_SHOWN = 3
const KEY_SOURCES_SHOWN = 4
const SOURCES_PER_EVENT = 3
const SPONSORS_SHOWN = 6
const MAX_SOURCE_TITLE = 140

function shorten(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if ([...flat].length <= max) return flat
  const cut = [...flat].slice(0, max).join('')
  const lastStop = cut.lastIndexOf('. ')
  return `${lastStop > max / 2 ? cut.slice(0, lastStop + 1) : cut.replace(/\s+\S*$/, '')} …`
}

export async function getCaseCard(
  db: Kysely<Database>,
  { slug, viewer, today }: { slug: string; viewer: Viewer; today: string },
) {
  const record = await getCaseForUser(db, { slug, viewer })
  if (!record) return null
  const [timeline, keySources, latestAction, sponsors] = await Promise.all([
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
        'sources.urlMissing',
      ])
      .where('citations.caseId', '=', record.id)
      .orderBy('citations.id')
      .limit(KEY_SOURCES_SHOWN)
      .execute(),
    db
      .selectFrom('advocacyActions')
      .innerJoin('actionCases', 'actionCases.actionId', 'advocacyActions.id')
      .leftJoin('actors as actor', 'actor.id', 'advocacyActions.actorId')
      .leftJoin('actors as target', 'target.id', 'advocacyActions.targetId')
      .select([
        'advocacyActions.kind',
        'advocacyActions.title',
        'advocacyActions.actionDate',
        'advocacyActions.datePrecision',
        'advocacyActions.response',
        'advocacyActions.outcomeNotes',
        'actor.name as actorName',
        'target.name as targetName',
      ])
      .where('actionCases.caseId', '=', record.id)
      .where(actionVisibleTo(viewer))
      .orderBy('advocacyActions.actionDate', 'desc')
      .orderBy('advocacyActions.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    listCaseSponsors(db, { caseId: record.id }),
  ])

  // Without consent the card names the person by their pseudonym, and leaves out sentences that
  // mention sexual orientation or gender identity, as a generated statement does.
  const consented = record.consent === 'given'
  const pseudonym = consented ? null : record.displayName?.trim() || null
  const name = consented ? record.fullName : (pseudonym ?? 'Name withheld (no consent)')
  const names = [record.fullName, ...record.aliases].filter(Boolean)
  const clean = (text: string) => {
    if (consented) return shorten(text)
    const kept = splitSentences(text).filter((s) => !mentionsSensitiveTerm(s))
    return shorten(replaceNames(kept.join(' '), names, pseudonym ?? 'the person'))
  }

  const past = timeline.filter((e) => !isUpcoming(e, today)).sort(compareEvents)
  const upcoming = timeline.filter((e) => isUpcoming(e, today)).sort(compareEvents)
  const latest = past.slice(-EVENTS_SHOWN).reverse()
  const cited = (sources: typeof keySources) => sources.slice(0, SOURCES_PER_EVENT)
  const numbered = numberFootnotes([...latest.flatMap((e) => cited(e.sources)), ...keySources])
  const { numberOf } = numbered
  const footnotes = numbered.footnotes.map((f) => ({
    ...f,
    title: shorten(f.title, MAX_SOURCE_TITLE),
  }))
  // Since when the current value holds: the first event of the latest run with that value.
  const sinceOf = (key: 'custodyState' | 'legalStage'): PartialDate | null => {
    let since: PartialDate | null = null
    let current: string | null = null
    for (const event of past) {
      const value = event[key]
      if (value === null || value === current) continue
      current = value
      since = { date: event.eventDate, precision: event.datePrecision }
    }
    return since
  }
  const next = upcoming[0]
  const detainedSince =
    record.detainedSince && record.detainedSincePrecision
      ? { date: record.detainedSince, precision: record.detainedSincePrecision }
      : null

  return {
    slug: record.slug,
    name,
    pseudonymous: !consented,
    country: record.country,
    // "Internal — do not forward" unless the case is public and the person consented.
    internal: !(record.visibility === 'public' && consented),
    custody: { state: record.currentCustodyState, since: sinceOf('custodyState') },
    stage: { stage: record.currentLegalStage, since: sinceOf('legalStage') },
    detention: daysInDetention(detainedSince, today),
    events: latest.map((e) => ({
      id: e.id,
      date: { date: e.eventDate, precision: e.datePrecision },
      custodyState: e.custodyState,
      legalStage: e.legalStage,
      certainty: e.certainty,
      description: clean(e.description),
      footnoteNumbers: cited(e.sources).map((s) => numberOf(s.id) ?? 0),
    })),
    latestAction: latestAction
      ? {
          ...latestAction,
          title: clean(latestAction.title),
          outcomeNotes: clean(latestAction.outcomeNotes),
        }
      : null,
    next: next
      ? {
          date: { date: next.eventDate, precision: next.datePrecision },
          legalStage: next.legalStage,
          description: clean(next.description),
        }
      : null,
    sponsors: sponsors.slice(0, SPONSORS_SHOWN).map((s) => ({ ...s, note: clean(s.note) })),
    moreSponsors: Math.max(0, sponsors.length - SPONSORS_SHOWN),
    keySourceNumbers: keySources.map((s) => numberOf(s.id) ?? 0),
    footnotes,
  }
}

export type CaseCard = NonNullable<Awaited<ReturnType<typeof getCaseCard>>>
