// What a language must provide for every template. Adding a language is one new file implementing
// this, listed in ./index.ts. Pure: no dates from the clock, no I/O.
import type { PartialDate } from '~/domain/dates'
import type { DetentionSummary } from '~/domain/status'
import type { CustodyState, LegalStage, RiskLevel } from '~/domain/vocabularies'
import type { FactEvent, QuestionAddressee, StatementActor, StatementSource } from '../types'

/** How to state one fact: with whose report it rests on when it must be written as reported. */
export type Attribution = { reported: boolean; reportedBy: string[] }

export type SituationArgs = Attribution & {
  name: string
  custodyState: CustodyState
  country: string | null
  detention: DetentionSummary | null
  stateDate: PartialDate | null
}

export type CallArgs = {
  name: string
  target: StatementActor | null
  deprived: boolean
  /** "We call on …" for an organisation, "I call on …" for an MEP speaking alone. */
  voice: 'we' | 'i'
}

export type HeadlineArgs = {
  name: string
  issuer: StatementActor | null
  target: StatementActor | null
  custodyState: CustodyState | null
}

export type LanguagePack = {
  code: string
  /** The language's own name (for the language menu) and its English name (for notices). */
  label: string
  englishName: string
  /** Whether recorded descriptions (written in English) can be used as they are. */
  usesRecordedDescriptions: boolean
  formatDate(date: PartialDate): string
  formatNumber(value: number): string
  quote(text: string): string
  /** The language's typography: quotation marks, apostrophes, spaces before punctuation. */
  polish(text: string): string
  dateline(place: string, date: PartialDate): string
  footnote(source: StatementSource): string
  footnotesHeading: string
  listAnd: string

  /** One event as a sentence, or null when this language cannot state it from the data. */
  eventSentence(event: FactEvent, name: string, attribution: Attribution): string | null
  upcomingSentence(event: FactEvent): string
  situation(args: SituationArgs): string
  legalStage(name: string, stage: LegalStage, attribution: Attribution): string
  nationality(name: string, nationality: string): string
  grounds(name: string, grounds: string[]): string
  groundLabel(ground: string): string
  risk(name: string, level: RiskLevel): string
  /** The call on the target: release when deprived of liberty, safety otherwise. */
  call(args: CallArgs): string
  careRequest(name: string): string
  mepLabel(actor: StatementActor): string

  pressRelease: {
    kicker: string
    headline(args: HeadlineArgs): string
    speaker(mep: StatementActor, last: boolean): string
    contactsHeading: string
    contactLine(contact: StatementActor): string
  }
  mepStatement: {
    headline(mep: StatementActor, name: string): string
    concern(name: string): string
  }
  letter: {
    subject(name: string): string
    salutation: string
    opening(name: string): string
    request(args: CallArgs): string
    closing: string
  }
  question: {
    addressedTo(addressee: QuestionAddressee): string
    authors(meps: StatementActor[]): string
    subject(name: string, deprived: boolean): string
    questions(args: CallArgs & { addressee: QuestionAddressee }): string[]
  }
  social: {
    headline(name: string): string
    situation(args: SituationArgs): string
    call(args: CallArgs): string
    sourcesHeading: string
  }
}
