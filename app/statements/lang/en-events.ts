// English sentences for timeline events. A recorded description is used as written (descriptions
// are recorded in English), given a date and, when it starts with a bare verb ("Fled …",
// "Arrested …"), the person's name; an event with no description is stated from its fields.
import type { PartialDate } from '~/domain/dates'
import type { CustodyState, LegalStage, ReleaseReason } from '~/domain/vocabularies'
import type { FactEvent } from '../types'
import { endSentence, isAttributed, joinList, startsWithHedge } from '../text-checks'
import type { Attribution } from './types'

/** Verbs a description may start with, the person being the subject: "Fled …" -> "NAME fled …". */
const ACTIVE = new Set(
  'fled left escaped travelled traveled returned went moved sought applied asked received disappeared joined attended protested wrote published spoke died began started lost faces faced remains remained refused filed appealed won took'.split(
    ' ',
  ),
)
/** Participles that need "was": "Arrested …" -> "NAME was arrested …". */
const PASSIVE = new Set(
  'arrested detained charged sentenced released convicted transferred summoned abducted beaten tortured fined accused deported extradited questioned held taken placed granted denied sent acquitted pardoned expelled interrogated kidnapped threatened searched prosecuted indicted jailed imprisoned banned barred forced stopped seized hospitalised hospitalized put kept injured attacked harassed targeted labelled designated listed'.split(
    ' ',
  ),
)
/** First words that are not names, so they can be lower-cased after a date: "In 2023, his father …". */
const COMMON = new Set(
  'a an the his her their its it there this that these those several some according after before during on in since when while following two three many one he she they we civil local'.split(
    ' ',
  ),
)

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function firstWord(sentence: string): string {
  return (/^[\p{L}’']+/u.exec(sentence)?.[0] ?? '').toLowerCase()
}

/** Lower-cases a sentence's first word when it is a common word, never a name. */
export function lowerIfCommon(sentence: string): string {
  return COMMON.has(firstWord(sentence)) ? lowerFirst(sentence) : sentence
}

/** Gives a description's first sentence its subject: the person's name where the verb needs one. */
export function withSubject(sentence: string, name: string): string {
  const word = firstWord(sentence)
  if (ACTIVE.has(word)) return `${name} ${lowerFirst(sentence)}`
  if (PASSIVE.has(word)) return `${name} was ${lowerFirst(sentence)}`
  return lowerIfCommon(sentence)
}

export function datePhraseEn(date: PartialDate, formatted: string): string {
  return date.precision === 'day' ? `On ${formatted}` : `In ${formatted}`
}

export function hedgeEn({ reportedBy }: Attribution): string {
  return reportedBy.length > 0 ? `According to ${joinList(reportedBy, 'and')}, ` : 'Reportedly, '
}

const RELEASE_REASON: Record<ReleaseReason, string> = {
  sentence_served: ' after serving the sentence',
  acquitted: ' after being acquitted',
  charges_dropped: ' after the charges were dropped',
  pardon_or_amnesty: ' under a pardon or amnesty',
  bail: ' on bail',
  exchange: ' in an exchange',
  other: '',
}

const CUSTODY_PAST: Record<CustodyState, string | null> = {
  detained: 'was detained',
  pretrial_detention: 'was placed in pre-trial detention',
  house_arrest: 'was placed under house arrest',
  imprisoned: 'was imprisoned',
  disappeared: 'disappeared',
  released: 'was released',
  deceased: 'died',
  at_risk: 'was at risk',
  in_exile: 'went into exile',
  unknown: null,
}

const STAGE_PAST: Record<LegalStage, string> = {
  not_charged: 'had not been charged',
  under_investigation: 'was placed under investigation',
  charged: 'was charged',
  on_trial: 'went on trial',
  sentenced: 'was sentenced',
  on_appeal: 'appealed the verdict',
  acquitted: 'was acquitted',
  charges_dropped: 'had the charges dropped',
}

function structuredClause(event: FactEvent, name: string): string | null {
  const custody = event.custodyState ? CUSTODY_PAST[event.custodyState] : null
  const parts = [
    custody && event.custodyState === 'released' && event.releaseReason
      ? `${custody}${RELEASE_REASON[event.releaseReason]}`
      : custody,
    event.legalStage ? STAGE_PAST[event.legalStage] : null,
  ].filter((part): part is string => Boolean(part))
  if (parts.length === 0) return null
  return `${name} ${joinList(parts, 'and')}${event.location ? ` (${event.location})` : ''}`
}

export function eventSentenceEn(
  event: FactEvent,
  name: string,
  attribution: Attribution,
  formattedDate: string,
): string | null {
  const when = datePhraseEn(event.date, formattedDate)
  const [first, ...rest] = event.sentences
  const clause = first ? withSubject(first, name) : structuredClause(event, name)
  if (!clause) return null
  const hedged = attribution.reported && !(first && startsWithHedge(first))
  const lead = hedged
    ? `${hedgeEn(attribution)}${lowerFirst(when)}, ${clause}`
    : `${when}, ${clause}`
  const more = rest.map((sentence) =>
    attribution.reported && !isAttributed(sentence)
      ? `It is also reported that ${lowerIfCommon(sentence)}`
      : sentence,
  )
  return [lead, ...more].map(endSentence).join(' ')
}
