// "Needs attention": a person deprived of liberty about whom nothing has happened or been done for a
// while — no event and no advocacy action for N days (30 by default).
import { daysBetween } from './dates'
import { isDeprivedOfLiberty } from './status'
import type { CustodyState } from './vocabularies'

export const DEFAULT_ATTENTION_DAYS = 30

export function latestDate(
  dates: readonly (string | null | undefined)[],
  today: string,
): string | null {
  let latest: string | null = null
  for (const date of dates)
    if (date && date <= today && (latest === null || date > latest)) latest = date
  return latest
}

export function needsAttention({
  custodyState,
  lastActivityDate,
  today,
  days = DEFAULT_ATTENTION_DAYS,
}: {
  custodyState: CustodyState | null
  lastActivityDate: string | null
  today: string
  days?: number
}): boolean {
  if (!isDeprivedOfLiberty(custodyState)) return false
  return lastActivityDate === null || daysBetween(lastActivityDate, today) >= days
}

/** "today", "yesterday", "12 days ago". */
export function daysAgo(date: string, today: string): string {
  const n = daysBetween(date, today)
  if (n <= 0) return 'today'
  if (n === 1) return 'yesterday'
  return `${n} days ago`
}
