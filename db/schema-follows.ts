// The tables of following cases, visits and the e-mail digest (migration 0012), kept beside
// schema.ts so that file stays readable; schema.ts lists them in `Database`.
import type { ColumnType } from 'kysely'

type CreatedTimestamp = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export type DigestFrequency = 'off' | 'daily' | 'weekly'

/** A user follows a case; the follow's time is where "changed since" starts for an unopened case. */
export type CaseFollowsTable = {
  userId: number
  caseId: number
  createdAt: CreatedTimestamp
  /** Kept by triggers (migration 0014): the latest change by someone else that may be news, or null. */
  newsAt: ColumnType<Date | null, never, never>
}

/** When a user last marked a case as seen (a POST from the case page, never a GET). */
export type CaseVisitsTable = { userId: number; caseId: number; seenAt: Timestamp }

/** A user's e-mail digest: off (no row, or 'off'), daily or weekly, and when the last one went. */
export type DigestSettingsTable = {
  userId: number
  frequency: ColumnType<DigestFrequency, DigestFrequency | undefined, DigestFrequency>
  lastDigestAt: Date | null
  updatedAt: Timestamp
}
