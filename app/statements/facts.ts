// Over 300 lines: the safety rules for what a statement may state read best together, in one place.
// From a case and the user's choices to the facts a statement may state. This is where the safety
// rules live (DESIGN.md, rules of the domain): who may be named, what sensitive content is left
// out, which facts must be written as reported. Pure and deterministic: `today` is passed in.
import {
  compareEvents,
  daysInDetention,
  deriveCaseState,
  isDeprivedOfLiberty,
} from '~/domain/status'
import type {
  Certainty,
  Consent,
  CustodyState,
  DatePrecision,
  Ground,
  LegalStage,
  ReleaseReason,
  RiskLevel,
  Visibility,
} from '~/domain/vocabularies'
import { MAX_QUOTE_LENGTH } from './form-options'
import type { LanguageCode } from './lang'
import {
  mentionsAnyToken,
  mentionsSensitiveTerm,
  nameTokens,
  replaceNames,
  splitSentences,
} from './text-checks'
import type {
  FactEvent,
  QuestionAddressee,
  StatementActor,
  StatementFacts,
  StatementSource,
  TemplateId,
} from './types'

export const MAX_EVENTS = 8
// A quote travels in the preview's URL (a GET form): 2,000 characters keep the address well within
// what browsers and Node accept, and are longer than any quote in a press release.
export { MAX_QUOTE_LENGTH }

export type CaseEventForStatement = {
  id: number
  eventDate: string
  datePrecision: DatePrecision
  createdAt: Date | string
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  releaseReason: ReleaseReason | null
  location: string | null
  description: string
  certainty: Certainty
  sourceIds: number[]
}

export type CaseForStatement = {
  id: number
  version: number
  fullName: string
  aliases: string[]
  displayName: string | null
  nationality: string | null
  country: string | null
  grounds: Ground[]
  riskLevel: RiskLevel
  consent: Consent
  visibility: Visibility
  caseSourceIds: number[]
  events: CaseEventForStatement[]
  sources: StatementSource[]
}

export type StatementChoices = {
  template: TemplateId
  language: LanguageCode
  issuer: StatementActor | null
  target: StatementActor | null
  meps: { actor: StatementActor; quote: string }[]
  contacts: StatementActor[]
  place: string
  date: string
  questionAddressee: QuestionAddressee
  link: string | null
}

export type FactsResult =
  { ok: true; facts: StatementFacts; notices: string[] } | { ok: false; message: string }

/** Why the person may not be named in public, or null when they may. */
export function namingRestriction(record: Pick<CaseForStatement, 'consent' | 'visibility'>) {
  if (record.consent === 'refused') return 'the person has refused consent to publicity'
  if (record.visibility === 'restricted') return 'the case is restricted'
  return null
}

type CleanCounts = { sensitive: number; naming: number }

/**
 * Splits a description into publishable sentences: none that mentions sexual orientation or gender
 * identity without consent, none that names the person when a pseudonym is used.
 */
function sentenceCleaner(
  record: CaseForStatement,
  pseudonym: string | null,
  statedNames: readonly string[],
) {
  const names = [record.fullName, ...record.aliases]
  // An actor the statement already names ("According to the LGBTI Intergroup" when it is the
  // issuer) reveals nothing more by being named again: only the rest of the sentence is checked.
  const sensitive = (sentence: string) =>
    mentionsSensitiveTerm(replaceNames(sentence, statedNames, ''))
  const kept = new Set(nameTokens(pseudonym ? [pseudonym] : []).map((t) => t.toLowerCase()))
  const tokens = nameTokens(names).filter((t) => !kept.has(t.toLowerCase()))
  const counts: CleanCounts = { sensitive: 0, naming: 0 }
  const clean = (text: string) =>
    splitSentences(text).flatMap((sentence) => {
      if (record.consent !== 'given' && sensitive(sentence)) {
        counts.sensitive++
        return []
      }
      if (!pseudonym) return [sentence]
      const replaced = replaceNames(sentence, names, pseudonym)
      if (mentionsAnyToken(replaced, tokens)) {
        counts.naming++
        return []
      }
      return [replaced]
    })
  return { clean, counts }
}

function cleanerNotices({ sensitive, naming }: CleanCounts): string[] {
  const notices: string[] = []
  const plural = (n: number) => (n === 1 ? ' sentence' : ' sentences')
  if (sensitive > 0)
    notices.push(
      `${sensitive}${plural(sensitive)} of the timeline left out: ${sensitive === 1 ? 'it mentions' : 'they mention'} sexual orientation or gender identity, and the case’s consent to publicity is not “given”.`,
    )
  if (naming > 0)
    notices.push(
      `${naming}${plural(naming)} of the timeline left out: ${naming === 1 ? 'it' : 'they'} would name the person.`,
    )
  return notices
}

function turningEvents(events: readonly CaseEventForStatement[], asOf: string) {
  let state: CaseEventForStatement | null = null
  let stage: CaseEventForStatement | null = null
  let runStart: CaseEventForStatement | null = null
  for (const event of [...events].sort(compareEvents)) {
    if (event.eventDate > asOf) continue
    if (event.legalStage) stage = event
    if (!event.custodyState) continue
    const wasDeprived = isDeprivedOfLiberty(state?.custodyState ?? null)
    state = event
    if (!isDeprivedOfLiberty(event.custodyState)) runStart = null
    else if (!wasDeprived) runStart = event
  }
  return { state, stage, runStart }
}

function quotesFor(choices: StatementChoices, record: CaseForStatement, pseudonym: string | null) {
  const notices: string[] = []
  const tokens = nameTokens([record.fullName, ...record.aliases])
  // Only a press release quotes every MEP chosen; an MEP statement quotes its one speaker.
  const quoting = (index: number) =>
    choices.template === 'press_release' || (choices.template === 'mep_statement' && index === 0)
  const meps = choices.meps.flatMap(({ actor, quote }, index) => {
    const text = quoting(index) ? quote.trim() : ''
    if (!quoting(index)) return [{ actor, quote: '' }]
    if (text === '') {
      notices.push(`No quote text for ${actor.name}: type one to quote them.`)
      return [{ actor, quote: '' }]
    }
    if ([...text].length > MAX_QUOTE_LENGTH) {
      notices.push(
        `The quote of ${actor.name} is left out: it is longer than ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters.`,
      )
      return [{ actor, quote: '' }]
    }
    if (pseudonym && mentionsAnyToken(text, tokens)) {
      notices.push(`The quote of ${actor.name} is left out: it names the person.`)
      return [{ actor, quote: '' }]
    }
    if (record.consent !== 'given' && mentionsSensitiveTerm(text))
      notices.push(
        `Check the quote of ${actor.name} before publishing: it mentions sexual orientation or gender identity, and the case’s consent to publicity is not “given”.`,
      )
    return [{ actor, quote: text }]
  })
  return { meps, notices }
}

export function buildStatementFacts(
  record: CaseForStatement,
  choices: StatementChoices,
  today: string,
): FactsResult {
  const restriction = namingRestriction(record)
  const pseudonym = restriction ? record.displayName?.trim() || null : null
  if (restriction && !pseudonym)
    return {
      ok: false,
      message: `No public statement can be generated: ${restriction}, so the person may not be named, and the case has no public display name (pseudonym). Set one on the case to generate a pseudonymous statement.`,
    }
  if (record.events.length === 0)
    return {
      ok: false,
      message:
        'This case has no events in its timeline yet, so there are no facts to state. Record at least one sourced event first.',
    }
  const notices: string[] = []
  if (restriction)
    notices.push(
      `This statement uses the pseudonym “${pseudonym}”: ${restriction}, so a public statement may not name the person.`,
    )
  const asOf = choices.date < today ? choices.date : today
  const statedNames = [choices.issuer, choices.target, ...choices.meps.map((m) => m.actor)]
    .filter((a): a is StatementActor => a !== null)
    .map((a) => a.name)
  const cleaner = sentenceCleaner(record, pseudonym, statedNames)
  const toFact = (event: CaseEventForStatement): FactEvent => ({
    id: event.id,
    date: { date: event.eventDate, precision: event.datePrecision },
    custodyState: event.custodyState,
    legalStage: event.legalStage,
    releaseReason: event.releaseReason,
    location: event.location,
    sentences: cleaner.clean(event.description),
    certainty: event.certainty,
    sourceIds: event.sourceIds,
  })
  const sorted = [...record.events].sort(compareEvents)
  const past = sorted.filter((e) => e.eventDate <= asOf)
  // Only a date still ahead today is "scheduled"; events between the statement date and today are left out.
  const upcoming = sorted.filter((e) => e.eventDate > today).slice(0, 1)
  if (past.length > MAX_EVENTS)
    notices.push(
      `The ${past.length - MAX_EVENTS} oldest events are left out; the latest ${MAX_EVENTS} are used.`,
    )
  const derived = deriveCaseState(record.events, asOf)
  const turning = turningEvents(record.events, asOf)
  const events = past.slice(-MAX_EVENTS).map(toFact)
  const upcomingFacts = upcoming.map(toFact)
  const keyEvent = (event: CaseEventForStatement | null) =>
    event ? (events.find((e) => e.id === event.id) ?? toFact(event)) : null
  const stateEvent = keyEvent(turning.state)
  const stageEvent = keyEvent(turning.stage)
  const detentionEvent = keyEvent(turning.runStart)
  notices.push(...cleanerNotices(cleaner.counts))

  const unsourced = past.filter((e) => e.certainty === 'confirmed' && e.sourceIds.length === 0)
  if (past.every((e) => e.sourceIds.length === 0))
    notices.push(
      'No event cites a source: every fact is written as reported, and there are no footnotes.',
    )
  else if (unsourced.length > 0)
    notices.push(
      `${unsourced.length} confirmed event${unsourced.length === 1 ? '' : 's'} cite${unsourced.length === 1 ? 's' : ''} no source, so ${unsourced.length === 1 ? 'it is' : 'they are'} written as reported.`,
    )
  if (past.length > 0 && past.every((e) => e.certainty === 'alleged'))
    notices.push('Every event of this case is alleged: the whole statement is written as reported.')

  const sourced = record.caseSourceIds.length > 0
  const groundsAllowed = record.consent === 'given' && sourced
  if (record.grounds.length > 0 && !groundsAllowed)
    notices.push(
      record.consent === 'given'
        ? 'The grounds of persecution are not stated: no source is cited for the case itself.'
        : 'The grounds of persecution are not stated: they are sensitive, and the case’s consent to publicity is not “given”.',
    )
  const quotes = quotesFor(choices, record, pseudonym)
  notices.push(...quotes.notices)

  const facts: StatementFacts = {
    caseId: record.id,
    caseVersion: record.version,
    name: pseudonym ?? record.fullName,
    pseudonymous: pseudonym !== null,
    nationality: sourced && !pseudonym ? record.nationality : null,
    country: record.country,
    grounds: groundsAllowed ? record.grounds : [],
    caseSourceIds: record.caseSourceIds,
    custodyState: derived.currentCustodyState,
    legalStage: derived.currentLegalStage,
    since: derived.detainedSince,
    detention: daysInDetention(derived.detainedSince, asOf),
    stateEvent,
    stageEvent,
    detentionEvent,
    riskLevel: record.riskLevel,
    events,
    upcoming: upcomingFacts,
    sources: record.sources,
    issuer: choices.issuer,
    target: choices.target,
    meps: quotes.meps,
    contacts: choices.contacts,
    place: choices.place,
    date: choices.date,
    asOf,
    questionAddressee: choices.questionAddressee,
    link: choices.link,
  }
  return { ok: true, facts, notices }
}
