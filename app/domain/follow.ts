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
