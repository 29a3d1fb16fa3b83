// Parliamentary question for written answer: at most 200 words (the European Parliament's limit),
// to the Commission or the VP/HR. Too long, it is shortened by dropping the least important
// sentences first (and says so); if even the essential part is too long, it is refused.
import type { LanguagePack } from '../lang/types'
import {
  callArgs,
  eventSentences,
  identitySentences,
  situationSentences,
  unstatedNotice,
} from '../shared-sentences'
import { countWords, shortenToFit } from '../text-checks'
import type { Sentence, StatementFacts, TemplateOutcome } from '../types'

export const QUESTION_WORD_LIMIT = 200
const QUESTION_EVENTS = 3

export function writtenQuestion(pack: LanguagePack, facts: StatementFacts): TemplateOutcome {
  const args = callArgs(facts)
  const subject = pack.question.subject(facts.name, args.deprived)
  const events = facts.events.slice(-QUESTION_EVENTS)
  // The latest event matters most: priority 2, then 3, 4 for older ones (dropped first).
  const stated = eventSentences(pack, facts, events, (i) => 2 + (events.length - 1 - i))
  const body: Sentence[] = [
    ...identitySentences(pack, facts),
    ...stated.sentences,
    ...situationSentences(pack, facts, events),
  ]
  const questions: Sentence[] = pack.question
    .questions({ ...args, addressee: facts.questionAddressee })
    .map((text) => ({ text, sourceIds: [], priority: 0 }))
  const words = (kept: readonly Sentence[]) =>
    countWords(
      [subject, ...kept.map((s) => s.text), ...questions.map((q) => q.text)]
        .map(pack.polish)
        .join(' '),
    )
  const fit = shortenToFit(body, (kept) => words(kept) <= QUESTION_WORD_LIMIT)
  if (!fit) {
    const essential = body.filter((s) => (s.priority ?? 0) === 0)
    return {
      ok: false,
      message: `This written question would have ${words(essential)} words even with only its essential sentences, and the European Parliament accepts at most ${QUESTION_WORD_LIMIT}. It is not generated: write it by hand, or shorten the names it uses.`,
    }
  }
  const count = words(fit.kept)
  const notices = unstatedNotice(pack, stated.unstated)
  if (fit.dropped.length > 0)
    notices.push(
      `Shortened to fit the ${QUESTION_WORD_LIMIT}-word limit: ${fit.dropped.length} sentence${fit.dropped.length === 1 ? '' : 's'} left out (the least important first).`,
    )
  notices.push(
    `${count} of ${QUESTION_WORD_LIMIT} words (subject, text and questions; the header and footnotes are not counted).`,
  )
  if (facts.meps.length === 0) notices.push('Choose the MEPs who table the question.')
  return {
    ok: true,
    draft: {
      template: 'written_question',
      language: pack.code,
      before: [
        pack.question.addressedTo(facts.questionAddressee),
        ...(facts.meps.length > 0 ? [pack.question.authors(facts.meps.map((m) => m.actor))] : []),
      ],
      headline: subject,
      dateline: null,
      blocks: [
        ...(fit.kept.length > 0 ? [{ type: 'paragraph' as const, sentences: fit.kept }] : []),
        { type: 'questions', items: questions },
      ],
      contacts: null,
      signature: null,
      markers: true,
      limit: {
        unit: 'words',
        max: QUESTION_WORD_LIMIT,
        count,
        dropped: fit.dropped.map((s) => pack.polish(s.text)),
      },
      notices,
    },
  }
}
