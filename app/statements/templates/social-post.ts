// Social media post: at most 280 characters, the link included. Too long, the least important
// sentences go first (and the post says so); if the essential part does not fit, it is refused.
// The post has no room for footnote markers: its sources are listed apart, outside the post.
import type { LanguagePack } from '../lang/types'
import { attributionOf, callArgs, eventSentences, situationSentences } from '../shared-sentences'
import { countCharacters, shortenToFit } from '../text-checks'
import type { Sentence, StatementFacts, TemplateOutcome } from '../types'

export const SOCIAL_CHARACTER_LIMIT = 280

export function socialPost(pack: LanguagePack, facts: StatementFacts): TemplateOutcome {
  const args = callArgs(facts)
  const state = facts.stateEvent
  const latest = facts.events[facts.events.length - 1]
  const core: Sentence[] =
    facts.custodyState && state
      ? [
          {
            text: pack.social.situation({
              name: facts.name,
              custodyState: facts.custodyState,
              country: facts.country,
              detention: facts.detention,
              stateDate: state.date,
              ...attributionOf(facts, facts.detentionEvent ?? state),
            }),
            sourceIds: [...(facts.detentionEvent?.sourceIds ?? []), ...state.sourceIds],
            priority: 0,
          },
          ...situationSentences(pack, facts).filter((s) => (s.priority ?? 0) > 0),
        ]
      : eventSentences(pack, facts, latest ? [latest] : [], () => 0).sentences
  if (core.length === 0)
    return {
      ok: false,
      message: 'There is no current situation to state in a post: record the custody state first.',
    }
  const sentences: Sentence[] = [
    ...core,
    { text: pack.social.call(args), sourceIds: [], priority: 0 },
  ]
  const link = facts.link ? ` ${facts.link}` : ''
  const characters = (kept: readonly Sentence[]) =>
    countCharacters(pack.polish(kept.map((s) => s.text).join(' ')) + link)
  const fit = shortenToFit(sentences, (kept) => characters(kept) <= SOCIAL_CHARACTER_LIMIT)
  if (!fit) {
    const essential = sentences.filter((s) => (s.priority ?? 0) === 0)
    return {
      ok: false,
      message: `This post would have ${characters(essential)} characters even with only its essential sentences${link ? ' and the link' : ''}, over the limit of ${SOCIAL_CHARACTER_LIMIT}. It is not generated: write it by hand${link ? ' or use a shorter link' : ''}.`,
    }
  }
  const count = characters(fit.kept)
  const notices: string[] = []
  if (fit.dropped.length > 0)
    notices.push(
      `Shortened to fit ${SOCIAL_CHARACTER_LIMIT} characters: ${fit.dropped.length} sentence${fit.dropped.length === 1 ? '' : 's'} left out.`,
    )
  notices.push(`${count} of ${SOCIAL_CHARACTER_LIMIT} characters, the link included.`)
  if (!facts.link) notices.push('No link: add one (a source or a campaign page) in the form.')
  return {
    ok: true,
    draft: {
      template: 'social_post',
      language: pack.code,
      before: [],
      headline: pack.social.headline(facts.name),
      dateline: null,
      blocks: [
        { type: 'paragraph', sentences: fit.kept },
        ...(facts.link ? [{ type: 'lines' as const, lines: [facts.link] }] : []),
      ],
      contacts: null,
      signature: null,
      markers: false,
      limit: {
        unit: 'characters',
        max: SOCIAL_CHARACTER_LIMIT,
        count,
        dropped: fit.dropped.map((s) => pack.polish(s.text)),
      },
      notices,
    },
  }
}
