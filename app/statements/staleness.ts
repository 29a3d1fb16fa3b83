// Whether a saved draft still says what the case says, in words the document page can show:
// "The case changed after this draft: released on 3 March 2024." Pure.
import { formatPartialDate, type PartialDate } from '~/domain/dates'
import type { CustodyState, LegalStage } from '~/domain/vocabularies'

export type TimelineChange =
  | {
      kind: 'added' | 'edited'
      date: PartialDate
      custodyState: CustodyState | null
      legalStage: LegalStage | null
    }
  | { kind: 'removed' }
  | { kind: 'case_edited' }

const CUSTODY: Record<CustodyState, string> = {
  detained: 'detained',
  pretrial_detention: 'placed in pre-trial detention',
  house_arrest: 'placed under house arrest',
  imprisoned: 'imprisoned',
  disappeared: 'disappeared',
  released: 'released',
  deceased: 'died',
  at_risk: 'at risk',
  in_exile: 'in exile',
  unknown: 'situation unknown',
}

const STAGE: Record<LegalStage, string> = {
  not_charged: 'not charged',
  under_investigation: 'under investigation',
  charged: 'charged',
  on_trial: 'on trial',
  sentenced: 'sentenced',
  on_appeal: 'on appeal',
  acquitted: 'acquitted',
  charges_dropped: 'charges dropped',
}

function onDate(date: PartialDate): string {
  return `${date.precision === 'day' ? 'on' : 'in'} ${formatPartialDate(date)}`
}

export function describeChange(change: TimelineChange): string {
  if (change.kind === 'removed') return 'an event was removed from the timeline'
  if (change.kind === 'case_edited') return 'the case details were edited'
  const what = [
    change.custodyState ? CUSTODY[change.custodyState] : null,
    change.legalStage ? STAGE[change.legalStage] : null,
  ]
    .filter(Boolean)
    .join(' and ')
  if (change.kind === 'edited') return `the event of ${formatPartialDate(change.date)} was edited`
  return what ? `${what} ${onDate(change.date)}` : `a new event ${onDate(change.date)}`
}

export type Staleness = { stale: boolean; message: string | null; changes: string[] }

export function describeStaleness({
  generatedFromVersion,
  caseVersion,
  changes,
}: {
  generatedFromVersion: number
  caseVersion: number
  changes: readonly TimelineChange[]
}): Staleness {
  if (caseVersion === generatedFromVersion) return { stale: false, message: null, changes: [] }
  const described = [...new Set(changes.map(describeChange))]
  return {
    stale: true,
    changes: described,
    message:
      described.length > 0
        ? `The case changed after this draft: ${described.join('; ')}.`
        : 'The case changed after this draft was generated.',
  }
}
