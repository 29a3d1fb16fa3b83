// MEP statement: short, in the first person, one or two paragraphs, for one named MEP.
import type { LanguagePack } from '../lang/types'
import {
  callArgs,
  eventSentences,
  isDeprived,
  situationSentences,
  unstatedNotice,
} from '../shared-sentences'
import type { Sentence, StatementFacts, TemplateOutcome } from '../types'

export function mepStatement(pack: LanguagePack, facts: StatementFacts): TemplateOutcome {
  const [speaker, ...others] = facts.meps
  if (!speaker)
    return {
      ok: false,
      message: 'Choose the MEP who makes this statement (the first MEP chosen speaks).',
    }
  const key = facts.detentionEvent ?? facts.events[facts.events.length - 1]
  const event = eventSentences(pack, facts, key ? [key] : [])
  const first: Sentence[] = [
    { text: pack.mepStatement.concern(facts.name), sourceIds: [] },
    ...event.sentences,
    ...situationSentences(pack, facts, key ? [key] : []),
  ]
  const second: Sentence[] = [{ text: pack.call(callArgs(facts, 'i')), sourceIds: [] }]
  if (isDeprived(facts)) second.push({ text: pack.careRequest(facts.name), sourceIds: [] })
  if (speaker.quote) second.push({ text: speaker.quote, sourceIds: [], typed: true })
  const notices = unstatedNotice(pack, event.unstated)
  if (others.length > 0)
    notices.push(
      `An MEP statement has one speaker: ${speaker.actor.name}. ${others.map((m) => m.actor.name).join(', ')} ${others.length === 1 ? 'is' : 'are'} left out.`,
    )
  return {
    ok: true,
    draft: {
      template: 'mep_statement',
      language: pack.code,
      before: [],
      headline: pack.mepStatement.headline(speaker.actor, facts.name),
      dateline: pack.dateline(facts.place, { date: facts.date, precision: 'day' }),
      blocks: [
        { type: 'paragraph', sentences: first },
        { type: 'paragraph', sentences: second },
      ],
      contacts:
        facts.contacts.length > 0
          ? {
              heading: pack.pressRelease.contactsHeading,
              lines: facts.contacts.map(pack.pressRelease.contactLine),
            }
          : null,
      signature: [pack.mepLabel(speaker.actor)],
      markers: true,
      limit: null,
      notices,
    },
  }
}
