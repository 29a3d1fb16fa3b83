// The one-page case card (issue 13 §1): what an MEP needs walking into a meeting, read in a few
// statements for a case the reader may see — the name (or the pseudonym without consent), the state
// and since when, days in detention (never overstated), the three latest events with their
// footnotes, the latest action and its response, the next date, the sponsors and the key sources.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { CARD_LIMITS, shortenForCard as shorten } from '../domain/case-card'
import type { PartialDate } from '../domain/dates'
import { numberFootnotes } from '../domain/footnotes'
import { compareEvents, daysInDetention, isUpcoming } from '../domain/status'
import { mentionsSensitiveTerm, replaceNames, splitSentences } from '../statements/text-checks'
import { getCaseForUser } from './case.server'
import { listCaseSponsors } from './case-sponsor.server'
import type { Viewer } from './case-visibility.server'
import { actionVisibleTo } from './record-visibility.server'
import { getTimeline } from './status-event.server'

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
      .limit(CARD_LIMITS.keySources)
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
  const clean = (text: string, max: number = CARD_LIMITS.text) => {
    if (consented) return shorten(text, max)
    const kept = splitSentences(text).filter((s) => !mentionsSensitiveTerm(s))
    return shorten(replaceNames(kept.join(' '), names, pseudonym ?? 'the person'), max)
  }

  const past = timeline.filter((e) => !isUpcoming(e, today)).sort(compareEvents)
  const upcoming = timeline.filter((e) => isUpcoming(e, today)).sort(compareEvents)
  const latest = past.slice(-CARD_LIMITS.events).reverse()
  const cited = (sources: typeof keySources) => sources.slice(0, CARD_LIMITS.sourcesPerEvent)
  const numbered = numberFootnotes([...latest.flatMap((e) => cited(e.sources)), ...keySources])
  const { numberOf } = numbered
  // A source's title often names the person or a ground: without consent it is cleaned too.
  const footnotes = numbered.footnotes.map((f) => ({
    ...f,
    title: consented
      ? shorten(f.title, CARD_LIMITS.sourceTitle)
      : mentionsSensitiveTerm(f.title)
        ? 'Title withheld: it names a sensitive ground and there is no consent'
        : shorten(replaceNames(f.title, names, pseudonym ?? 'the person'), CARD_LIMITS.sourceTitle),
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
          title: clean(latestAction.title, CARD_LIMITS.actionTitle),
          outcomeNotes: clean(latestAction.outcomeNotes),
        }
      : null,
    next: next
      ? {
          date: { date: next.eventDate, precision: next.datePrecision },
          legalStage: next.legalStage,
          description: clean(next.description, CARD_LIMITS.nextText),
        }
      : null,
    sponsors: sponsors
      .slice(0, CARD_LIMITS.sponsors)
      .map((s) => ({ ...s, note: clean(s.note, CARD_LIMITS.note) })),
    moreSponsors: Math.max(0, sponsors.length - CARD_LIMITS.sponsors),
    keySourceNumbers: keySources.map((s) => numberOf(s.id) ?? 0),
    footnotes,
  }
}

export type CaseCard = NonNullable<Awaited<ReturnType<typeof getCaseCard>>>
