// Pieces every template shares: a fact's attribution, sentences for events and the current
// situation (each citing the sources of the events it states), and the last step that numbers the
// footnotes by first use and applies the language's typography. Pure.
import { numberFootnotes } from '~/domain/footnotes'
import { isDeprivedOfLiberty } from '~/domain/status'
import type { Attribution, LanguagePack } from './lang/types'
import type {
  FactEvent,
  NumberedSentence,
  Sentence,
  Statement,
  StatementDraft,
  StatementFacts,
} from './types'

/** An event is written as reported when it is alleged, or when it cites no source. */
export function attributionOf(facts: StatementFacts, event: FactEvent): Attribution {
  const reported = event.certainty === 'alleged' || event.sourceIds.length === 0
  const publishers = event.sourceIds
    .map((id) => facts.sources.find((s) => s.id === id)?.publisher)
    .filter((p): p is string => Boolean(p))
  return { reported, reportedBy: reported ? [...new Set(publishers)] : [] }
}

export function isDeprived(facts: StatementFacts): boolean {
  return isDeprivedOfLiberty(facts.custodyState)
}

/** Sentences for events, and the events this language could not state from the data. */
export function eventSentences(
  pack: LanguagePack,
  facts: StatementFacts,
  events: readonly FactEvent[],
  priorityOf: (index: number) => number = () => 1,
): { sentences: Sentence[]; unstated: FactEvent[] } {
  const sentences: Sentence[] = []
  const unstated: FactEvent[] = []
  events.forEach((event, index) => {
    const text = pack.eventSentence(event, facts.name, attributionOf(facts, event))
    if (text) sentences.push({ text, sourceIds: event.sourceIds, priority: priorityOf(index) })
    else if (event.sentences.length > 0 || event.custodyState || event.legalStage)
      unstated.push(event)
  })
  return { sentences, unstated }
}

export function unstatedNotice(pack: LanguagePack, unstated: readonly FactEvent[]): string[] {
  if (unstated.length === 0) return []
  const list = unstated
    .map((e) => `${pack.formatDate(e.date)}: ${e.sentences.join(' ') || '(no description)'}`)
    .join(' · ')
  return [
    `Left out of the ${pack.englishName} text because ${unstated.length === 1 ? 'it is' : 'they are'} recorded only as a description in English (translate and add when editing): ${list}`,
  ]
}

/** The current custody situation (with days in detention) and the legal stage, each cited. */
export function situationSentences(
  pack: LanguagePack,
  facts: StatementFacts,
  stated: readonly FactEvent[] = [],
): Sentence[] {
  const sentences: Sentence[] = []
  const state = facts.stateEvent
  if (facts.custodyState && state) {
    const detention = facts.detentionEvent
    const sourceIds = [...new Set([...(detention?.sourceIds ?? []), ...state.sourceIds])]
    const attribution = attributionOf(facts, detention && isDeprived(facts) ? detention : state)
    sentences.push({
      text: pack.situation({
        name: facts.name,
        custodyState: facts.custodyState,
        country: facts.country,
        detention: facts.detention,
        stateDate: state.date,
        ...attribution,
      }),
      sourceIds,
      priority: 0,
    })
  }
  const stage = facts.stageEvent
  if (facts.legalStage && stage && !stated.some((e) => e.id === stage.id))
    sentences.push({
      text: pack.legalStage(facts.name, facts.legalStage, attributionOf(facts, stage)),
      sourceIds: stage.sourceIds,
      priority: 1,
    })
  return sentences
}

/** Who the person is, from fields backed by a source cited for the case itself. */
export function identitySentences(pack: LanguagePack, facts: StatementFacts): Sentence[] {
  const sentences: Sentence[] = []
  if (facts.nationality)
    sentences.push({
      text: pack.nationality(facts.name, facts.nationality),
      sourceIds: facts.caseSourceIds,
      priority: 3,
    })
  const grounds = facts.grounds.filter((g) => g !== 'other').map(pack.groundLabel)
  if (grounds.length > 0)
    sentences.push({
      text: pack.grounds(facts.name, grounds),
      sourceIds: facts.caseSourceIds,
      priority: 3,
    })
  return sentences
}

export function upcomingSentences(pack: LanguagePack, facts: StatementFacts): Sentence[] {
  return facts.upcoming.map((event) => ({
    text: pack.upcomingSentence(event),
    sourceIds: event.sourceIds,
    priority: 2,
  }))
}

export function callArgs(facts: StatementFacts, voice: 'we' | 'i' = 'we') {
  return { name: facts.name, target: facts.target, deprived: isDeprived(facts), voice }
}

/** Numbers footnotes by first use, applies typography, and writes each footnote. */
export function finalize(
  draft: StatementDraft,
  pack: LanguagePack,
  facts: StatementFacts,
): Statement {
  const cited = draft.blocks.flatMap((block) =>
    block.type === 'paragraph'
      ? block.sentences.flatMap((s) => s.sourceIds)
      : block.type === 'questions'
        ? block.items.flatMap((s) => s.sourceIds)
        : [],
  )
  const known = cited
    .map((id) => facts.sources.find((source) => source.id === id))
    .filter((source) => source !== undefined)
  const { numberOf, footnotes } = numberFootnotes(known)
  const number = (s: Sentence): NumberedSentence => ({
    ...s,
    text: pack.polish(s.text),
    refs: [...new Set(s.sourceIds.map(numberOf).filter((n): n is number => n !== undefined))],
  })
  const polishAll = (lines: string[] | null) => lines?.map(pack.polish) ?? null
  return {
    ...draft,
    headline: pack.polish(draft.headline),
    before: draft.before.map(pack.polish),
    dateline: draft.dateline ? pack.polish(draft.dateline) : null,
    blocks: draft.blocks.map((block) => {
      if (block.type === 'paragraph') return { ...block, sentences: block.sentences.map(number) }
      if (block.type === 'questions') return { ...block, items: block.items.map(number) }
      if (block.type === 'quote')
        return { ...block, speaker: pack.polish(block.speaker), text: pack.polish(block.text) }
      return {
        ...block,
        lines: block.lines.map((l) => (/^https?:\/\//.test(l) ? l : pack.polish(l))),
      }
    }),
    contacts: draft.contacts
      ? {
          heading: pack.polish(draft.contacts.heading),
          lines: draft.contacts.lines.map(pack.polish),
        }
      : null,
    signature: polishAll(draft.signature),
    footnotes: footnotes.map((source) => ({
      number: source.number,
      sourceId: source.id,
      text: pack.footnote(source),
      url: source.url,
    })),
    footnotesHeading: pack.footnotesHeading,
  }
}
