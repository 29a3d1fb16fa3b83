// Press release, in the shape of the one that started the product: headline, date line, who the
// person is and what happened, the current situation and risk, the MEPs' quotes, numbered
// footnotes, press contacts.
import type { LanguagePack } from '../lang/types'
import {
  callArgs,
  eventSentences,
  identitySentences,
  isDeprived,
  situationSentences,
  unstatedNotice,
  upcomingSentences,
} from '../shared-sentences'
import type { Block, Sentence, StatementDraft, StatementFacts } from '../types'

export function pressRelease(pack: LanguagePack, facts: StatementFacts): StatementDraft {
  // The story turns when the current detention (or the current state) began: what came before is
  // who the person is, what came after is what happened.
  const turning = facts.detentionEvent ?? facts.stateEvent
  const turnIndex = turning ? facts.events.findIndex((e) => e.id === turning.id) : -1
  const before = turnIndex > 0 ? facts.events.slice(0, turnIndex) : []
  const after = turnIndex > 0 ? facts.events.slice(turnIndex) : facts.events
  const background = eventSentences(pack, facts, before)
  const story = eventSentences(pack, facts, after)

  const now: Sentence[] = [
    ...situationSentences(pack, facts, facts.events),
    ...upcomingSentences(pack, facts),
    { text: pack.risk(facts.name, facts.riskLevel), sourceIds: [] },
    { text: pack.call(callArgs(facts)), sourceIds: [] },
  ]
  if (isDeprived(facts)) now.push({ text: pack.careRequest(facts.name), sourceIds: [] })

  const paragraphs = [
    [...identitySentences(pack, facts), ...background.sentences],
    story.sentences,
    now,
  ].filter((sentences) => sentences.length > 0)
  const withQuotes = facts.meps.filter((m) => m.quote !== '')
  const blocks: Block[] = [
    ...paragraphs.map((sentences) => ({ type: 'paragraph' as const, sentences })),
    ...withQuotes.map(({ actor, quote }, index) => ({
      type: 'quote' as const,
      actorId: actor.id,
      speaker: pack.pressRelease.speaker(
        actor,
        withQuotes.length > 1 && index === withQuotes.length - 1,
      ),
      text: quote,
    })),
  ]
  return {
    template: 'press_release',
    language: pack.code,
    before: [pack.pressRelease.kicker],
    headline: pack.pressRelease.headline({
      name: facts.name,
      issuer: facts.issuer,
      target: facts.target,
      custodyState: facts.custodyState,
    }),
    dateline: pack.dateline(facts.place, { date: facts.date, precision: 'day' }),
    blocks,
    contacts:
      facts.contacts.length > 0
        ? {
            heading: pack.pressRelease.contactsHeading,
            lines: facts.contacts.map(pack.pressRelease.contactLine),
          }
        : null,
    signature: null,
    markers: true,
    limit: null,
    notices: unstatedNotice(pack, [...background.unstated, ...story.unstated]),
  }
}
