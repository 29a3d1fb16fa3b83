// The e-mail digest's text. E-mail leaves the app, so it carries counts and links only: a case is
// named (and linked by its address, which spells the name) only when it is public with consent
// given; any other case is "a followed case" and the link goes to the updates inbox.
import type { DigestFrequency } from './follow'

export type DigestCase = {
  /** The name to print, only for a public case with consent given; null otherwise. */
  publicName: string | null
  /** The case page's path, only for a public case with consent given. */
  path: string | null
  counts: { case: number; event: number; document: number; action: number }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

function countsLine(counts: DigestCase['counts']): string {
  const parts = [
    counts.event > 0 ? plural(counts.event, 'event', 'events') : null,
    counts.document > 0 ? plural(counts.document, 'document', 'documents') : null,
    counts.action > 0 ? plural(counts.action, 'action', 'actions') : null,
    counts.case > 0 ? 'case record updated' : null,
  ].filter((p): p is string => p !== null)
  return parts.length > 0 ? parts.join(', ') : 'changed'
}

export function composeDigest({
  appUrl,
  frequency,
  cases,
  total,
}: {
  appUrl: string
  frequency: Exclude<DigestFrequency, 'off'>
  cases: DigestCase[]
  /** All followed cases with news (the list may show fewer). */
  total: number
}): { subject: string; text: string } {
  const base = appUrl.replace(/\/+$/, '')
  const subject = `Case tracker: ${plural(total, 'followed case has', 'followed cases have')} news`
  const lines = cases.map((c) =>
    c.publicName && c.path
      ? `- ${c.publicName}: ${countsLine(c.counts)} — ${base}${c.path}`
      : `- A followed case: ${countsLine(c.counts)}`,
  )
  const rest = total - cases.length
  const text = [
    `Your ${frequency} digest from the case tracker.`,
    '',
    `${plural(total, 'case', 'cases')} you follow changed since you last opened ${total === 1 ? 'it' : 'them'}:`,
    ...lines,
    ...(rest > 0 ? [`- and ${plural(rest, 'more case', 'more cases')}`] : []),
    '',
    `Read the changes (sign-in needed): ${base}/updates`,
    '',
    'Cases that are not public are not named in e-mail. Change or stop this digest on your account page:',
    `${base}/account`,
  ].join('\n')
  return { subject, text }
}
