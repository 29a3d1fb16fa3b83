// How much the one-page case card (issue 13 §1) shows, so that the longest card still prints on one
// A4 page (tests/e2e/case-card.spec.ts prints one made to every limit here), and how texts are cut.

export const CARD_LIMITS = {
  events: 3,
  /** An event's description, the next date's, an action's notes: cut at a sentence when possible. */
  text: 160,
  actionTitle: 120,
  /** The next date's description, in the facts box. */
  nextText: 100,
  sourcesPerEvent: 2,
  keySources: 3,
  sourceTitle: 80,
  sponsors: 2,
  note: 100,
} as const

/** The text on one line, cut to `max` characters — at the end of a sentence when one ends late enough. */
export function shortenForCard(text: string, max: number = CARD_LIMITS.text): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if ([...flat].length <= max) return flat
  const cut = [...flat].slice(0, max).join('')
  const lastStop = cut.lastIndexOf('. ')
  return `${lastStop > max / 2 ? cut.slice(0, lastStop + 1) : cut.replace(/\s+\S*$/, '')} …`
}
