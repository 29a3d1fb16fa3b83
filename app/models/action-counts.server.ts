// Advocacy actions counted from `action_day_counts` (migration 0010, kept by triggers in the same
// transaction as every write), so the dashboard never reads a million actions. Admins sum every row.
// Other readers sum the rows of actions linked to no restricted case, the rows of actions whose one
// restricted case was granted to them (reached from their own grants), and count live, with the full
// rule, the few actions linked to several restricted cases.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { DateRange } from '../charts/chart'
import { actionVisibleTo } from './record-visibility.server'
import type { Viewer } from './case-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/** `restricted_case` of an action linked to several restricted cases. */
const SEVERAL = -1

/** Rows of day, precision, kind and `n` actions this reader may see, for the days in the range. */
export function visibleActionDays(db: Db, viewer: Viewer, range: DateRange) {
  const days = db
    .selectFrom('actionDayCounts')
    .select([
      'actionDayCounts.actionDate',
      'actionDayCounts.datePrecision',
      'actionDayCounts.kind',
      'actionDayCounts.n',
    ])
    .where('actionDayCounts.actionDate', '>=', range.from)
    .where('actionDayCounts.actionDate', '<=', range.to)
    // A day whose actions all moved away keeps its row at zero.
    .where('actionDayCounts.n', '<>', 0)
  if (viewer.role === 'admin') return days
  const granted = days
    .innerJoin('caseAccess', 'caseAccess.caseId', 'actionDayCounts.restrictedCase')
    .where('caseAccess.userId', '=', viewer.id)
  const several = db
    .selectFrom('advocacyActions')
    .select([
      'advocacyActions.actionDate',
      'advocacyActions.datePrecision',
      'advocacyActions.kind',
      sql<number>`1`.as('n'),
    ])
    .where('advocacyActions.restrictedCase', '=', SEVERAL)
    .where('advocacyActions.actionDate', '>=', range.from)
    .where('advocacyActions.actionDate', '<=', range.to)
    .where(actionVisibleTo(viewer))
  return days.where('actionDayCounts.restrictedCase', '=', 0).unionAll(granted).unionAll(several)
}

/**
 * The visible actions in the range grouped by `bucket` (an expression over the columns
 * `advocacy_actions.action_date` and `.date_precision`) and kind.
 */
export function countVisibleActionDays(
  db: Db,
  viewer: Viewer,
  range: DateRange,
  bucket: RawBuilder<string | null>,
) {
  return db
    .selectFrom(visibleActionDays(db, viewer, range).as('advocacy_actions'))
    .select([bucket.as('bucket'), 'kind', sql<number>`sum(n)::int`.as('count')])
    .groupBy([bucket, 'kind'])
    .execute()
}
