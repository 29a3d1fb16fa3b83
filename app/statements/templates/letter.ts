// Letter to the authorities: formal, addressed to the chosen target, the facts, the request for
// immediate and unconditional release and for access to lawyers, family and medical care, and a
// signature block.
import type { LanguagePack } from '../lang/types'
import {
  callArgs,
  eventSentences,
  situationSentences,
  unstatedNotice,
  upcomingSentences,
} from '../shared-sentences'
import type { StatementFacts, TemplateOutcome } from '../types'

const LETTER_EVENTS = 4

export function letter(pack: LanguagePack, facts: StatementFacts): TemplateOutcome {
  const target = facts.target
  if (!target)
    return {
      ok: false,
      message: 'Choose the authority the letter is addressed to (the target).',
    }
  const events = facts.events.slice(-LETTER_EVENTS)
  const stated = eventSentences(pack, facts, events)
  const signature = facts.issuer
    ? [facts.issuer.name, facts.issuer.organisation].filter((line): line is string => Boolean(line))
    : facts.meps.map((m) => pack.mepLabel(m.actor))
  const notices = unstatedNotice(pack, stated.unstated)
  if (signature.length === 0)
    notices.push('Choose an issuer (or MEPs) to sign the letter: the signature block is empty.')
  return {
    ok: true,
    draft: {
      template: 'letter',
      language: pack.code,
      before: [
        ...[target.name, target.organisation, target.country].filter((l): l is string =>
          Boolean(l),
        ),
        pack.dateline(facts.place, { date: facts.date, precision: 'day' }),
      ],
      headline: pack.letter.subject(facts.name),
      dateline: null,
      blocks: [
        { type: 'lines', lines: [pack.letter.salutation] },
        {
          type: 'paragraph',
          sentences: [
            { text: pack.letter.opening(facts.name), sourceIds: [] },
            ...situationSentences(pack, facts, events),
          ],
        },
        ...(stated.sentences.length > 0
          ? [{ type: 'paragraph' as const, sentences: stated.sentences }]
          : []),
        ...(facts.upcoming.length > 0
          ? [{ type: 'paragraph' as const, sentences: upcomingSentences(pack, facts) }]
          : []),
        {
          type: 'paragraph',
          sentences: [{ text: pack.letter.request(callArgs(facts)), sourceIds: [] }],
        },
        { type: 'lines', lines: [pack.letter.closing] },
      ],
      contacts: null,
      signature: signature.length > 0 ? signature : null,
      markers: true,
      limit: null,
      notices,
    },
  }
}
