// Pure rules of following cases, shared by the navigation, the inbox and the digest.

/** The navigation's count: nothing at 0, the number up to 99, then "99+". */
export function updatesCountLabel(count: number): string | null {
  if (count <= 0) return null
  return count > 99 ? '99+' : String(count)
}

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number]

export const DIGEST_LABELS: Record<DigestFrequency, string> = {
  off: 'No e-mail',
  daily: 'Daily digest',
  weekly: 'Weekly digest',
}

/** How long after the last digest the next one is due. */
export const DIGEST_INTERVAL_MS: Record<Exclude<DigestFrequency, 'off'>, number> = {
  daily: 24 * 60 * 60 * 1000,
  weekly: 7 * 24 * 60 * 60 * 1000,
}

const visitTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
})

/** When a visit was, as the case page says it: "1 Dec 2026, 00:37 UTC". */
export function formatVisitTime(at: Date): string {
  return `${visitTime.format(at)} UTC`
}

/** What the case page says about the reader's previous visit; the news is marked below it. */
export function visitSummary({
  seenLabel,
  newCount,
  caseChanged,
}: {
  seenLabel: string | null
  newCount: number
  caseChanged: boolean
}): { news: string | null; rest: string } {
  if (!seenLabel) return { news: null, rest: 'Your first visit to this case.' }
  if (newCount === 0 && !caseChanged)
    return { news: null, rest: `Nothing new since your last visit (${seenLabel}).` }
  return {
    news:
      newCount > 0
        ? `${newCount} ${newCount === 1 ? 'entry' : 'entries'} new or changed`
        : 'The case record changed',
    rest: ` since your last visit (${seenLabel}), marked below.`,
  }
}
