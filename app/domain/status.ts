// Derivation of a case's current state from its timeline. Pure: the models store its result in the
// same transaction that changes the timeline, and the property test checks it against brute force.
import { daysBetween, formatPartialDate, lastPossibleDay, type PartialDate } from './dates'
import {
  DEPRIVED_OF_LIBERTY,
  type CustodyState,
  type DatePrecision,
  type LegalStage,
} from './vocabularies'

export type TimelineEvent = {
  id: number | string
  eventDate: string
  datePrecision: DatePrecision
  createdAt: Date | string
  custodyState: CustodyState | null
  legalStage: LegalStage | null
}

export type DerivedState = {
  currentCustodyState: CustodyState | null
  currentLegalStage: LegalStage | null
  /** Start of the current unbroken run of deprivation of liberty, when the person is deprived now. */
  detainedSince: PartialDate | null
  /** The earliest event still in the future: when it arrives, the state must be derived again. */
  nextEventDate: string | null
}

function createdTime(value: Date | string): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime()
}

/** Timeline order: by stored day, then by creation time, then by id for a total order. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.eventDate !== b.eventDate) return a.eventDate < b.eventDate ? -1 : 1
  const byCreation = createdTime(a.createdAt) - createdTime(b.createdAt)
  if (byCreation !== 0) return byCreation
  return String(a.id).localeCompare(String(b.id), 'en', { numeric: true })
}

export function isDeprivedOfLiberty(state: CustodyState | null): boolean {
  return state !== null && DEPRIVED_OF_LIBERTY.includes(state)
}

export function isUpcoming(event: Pick<TimelineEvent, 'eventDate'>, today: string): boolean {
  return event.eventDate > today
}

export function deriveCaseState(events: readonly TimelineEvent[], today: string): DerivedState {
  const sorted = [...events].sort(compareEvents)
  let currentCustodyState: CustodyState | null = null
  let currentLegalStage: LegalStage | null = null
  let runStart: PartialDate | null = null
  let nextEventDate: string | null = null
  for (const event of sorted) {
    if (isUpcoming(event, today)) {
      if (nextEventDate === null || event.eventDate < nextEventDate) nextEventDate = event.eventDate
      continue
    }
    if (event.legalStage) currentLegalStage = event.legalStage
    if (!event.custodyState) continue
    const wasDeprived = isDeprivedOfLiberty(currentCustodyState)
    currentCustodyState = event.custodyState
    if (isDeprivedOfLiberty(event.custodyState)) {
      if (!wasDeprived) runStart = { date: event.eventDate, precision: event.datePrecision }
    } else {
      runStart = null
    }
  }
  return { currentCustodyState, currentLegalStage, detainedSince: runStart, nextEventDate }
}

export type DetentionSummary = {
  days: number
  /** True when the start is known only to the month or year: the count is a minimum. */
  atLeast: boolean
  since: PartialDate
}

/**
 * Days in detention so far. With month or year precision the count starts at the last possible day
 * of that period, so it never overstates.
 */
export function daysInDetention(
  detainedSince: PartialDate | null,
  today: string,
): DetentionSummary | null {
  if (!detainedSince) return null
  const start =
    detainedSince.precision === 'day' ? detainedSince.date : lastPossibleDay(detainedSince)
  return {
    days: Math.max(0, daysBetween(start, today)),
    atLeast: detainedSince.precision !== 'day',
    since: detainedSince,
  }
}

/** "in detention for 648 days (since 14 February 2023)" or "… at least 630 days (since February 2023)". */
export function describeDetention(summary: DetentionSummary): string {
  const unit = summary.days === 1 ? 'day' : 'days'
  const count = summary.atLeast ? `at least ${summary.days} ${unit}` : `${summary.days} ${unit}`
  return `${count} (since ${formatPartialDate(summary.since)})`
}
