// The shapes statement generation works with. Pure data: case facts go in (StatementFacts, built by
// facts.ts from the case and the user's choices), a structured statement comes out (Statement), and
// the renderers turn that into Markdown, HTML or .docx.
import type { PartialDate } from '~/domain/dates'
import type { DetentionSummary } from '~/domain/status'
import type {
  Certainty,
  CustodyState,
  Ground,
  LegalStage,
  ReleaseReason,
  RiskLevel,
} from '~/domain/vocabularies'

export const TEMPLATE_IDS = [
  'press_release',
  'mep_statement',
  'letter',
  'written_question',
  'social_post',
] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export const TEMPLATE_LABELS: Record<TemplateId, string> = {
  press_release: 'Press release',
  mep_statement: 'MEP statement',
  letter: 'Letter to the authorities',
  written_question: 'Parliamentary written question',
  social_post: 'Social media post',
}

export const QUESTION_ADDRESSEES = ['vp_hr', 'commission'] as const
export type QuestionAddressee = (typeof QUESTION_ADDRESSEES)[number]

export type StatementActor = {
  id: number
  name: string
  kind: string
  politicalGroup: string | null
  roles: string[]
  organisation: string | null
  office: string | null
  email: string | null
  phone: string | null
  country: string | null
}

export type StatementSource = {
  id: number
  publisher: string | null
  title: string
  date: PartialDate | null
  url: string | null
}

/** One timeline event as a statement may state it: its text already cleared of sensitive content. */
export type FactEvent = {
  id: number
  date: PartialDate
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  releaseReason: ReleaseReason | null
  location: string | null
  /** The description's sentences that may be published (see facts.ts). */
  sentences: string[]
  certainty: Certainty
  sourceIds: number[]
}

export type StatementFacts = {
  caseId: number
  caseVersion: number
  /** The name the statement uses: the full name, or the pseudonym when naming is not allowed. */
  name: string
  pseudonymous: boolean
  /** Only when a source cited for the case itself backs it. */
  nationality: string | null
  country: string | null
  /** Only when consent is `given` and a source cited for the case backs it. */
  grounds: Ground[]
  caseSourceIds: number[]
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  since: PartialDate | null
  detention: DetentionSummary | null
  /** The events that set the current custody state, legal stage and detention start. */
  stateEvent: FactEvent | null
  stageEvent: FactEvent | null
  detentionEvent: FactEvent | null
  riskLevel: RiskLevel
  /** Past events, oldest first (at most the latest few). */
  events: FactEvent[]
  upcoming: FactEvent[]
  sources: StatementSource[]
  issuer: StatementActor | null
  target: StatementActor | null
  meps: { actor: StatementActor; quote: string }[]
  contacts: StatementActor[]
  place: string
  /** The statement's date (YYYY-MM-DD). */
  date: string
  /** Days are counted up to here: the statement's date, or today if that is earlier. */
  asOf: string
  questionAddressee: QuestionAddressee
  link: string | null
}

/** One sentence and the sources of the facts it states; lower priority is dropped first. */
export type Sentence = {
  text: string
  sourceIds: number[]
  priority?: number
  /** Words the user typed (an MEP's own quote), not generated from the data. */
  typed?: boolean
}

export type Block =
  | { type: 'paragraph'; sentences: Sentence[] }
  | { type: 'quote'; speaker: string; text: string; actorId: number }
  | { type: 'questions'; items: Sentence[] }
  | { type: 'lines'; lines: string[] }

export type LimitReport = {
  unit: 'words' | 'characters'
  max: number
  count: number
  /** Sentences left out to fit the limit. */
  dropped: string[]
}

export type StatementDraft = {
  template: TemplateId
  language: string
  headline: string
  /** Lines above the headline: "Press release", a letter's addressee and date, a question's header. */
  before: string[]
  dateline: string | null
  blocks: Block[]
  contacts: { heading: string; lines: string[] } | null
  signature: string[] | null
  /** Footnote markers in the text (a social post lists its sources apart instead). */
  markers: boolean
  limit: LimitReport | null
  notices: string[]
}

export type Footnote = { number: number; sourceId: number; text: string; url: string | null }

export type NumberedSentence = Sentence & { refs: number[] }
export type NumberedBlock =
  | { type: 'paragraph'; sentences: NumberedSentence[] }
  | { type: 'quote'; speaker: string; text: string; actorId: number }
  | { type: 'questions'; items: NumberedSentence[] }
  | { type: 'lines'; lines: string[] }

export type Statement = Omit<StatementDraft, 'blocks'> & {
  blocks: NumberedBlock[]
  footnotes: Footnote[]
  footnotesHeading: string
}

export type GenerateResult = { ok: true; statement: Statement } | { ok: false; message: string }

/** What a template gives back: a draft, or a clear reason it cannot write one from these facts. */
export type TemplateOutcome = { ok: true; draft: StatementDraft } | { ok: false; message: string }
