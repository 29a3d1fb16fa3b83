// Advocacy actions counted from `action_day_counts` (migration 0010, kept by triggers in the same
// transaction as every write), so the dashboard never reads a million actions: admins sum every row;
// other readers sum the rows of actions linked to no restricted case, plus, counted live, the
// restricted actions they may see. Those are reached from the reader's own grants (an action linked
// to a restricted case is seen only when each such case is granted, so it is linked to a granted
// one) and then checked with the full rule.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { DateRange } from '../domain/chart'
import { actionVisibleTo } from './record-visibility.server'
import type { Viewer } from './case-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/** One row per day, precision and kind in the range: `n` actions this reader may see. */
export function visibleActionDays(db: Db, viewer: Viewer, range: DateRange) {
  const summary = db
    .selectFrom('actionDayCounts')
    .select(['actionDate', 'datePrecision', 'kind', 'n'])
    .where('actionDate', '>=', range.from)
    .where('actionDate', '<=', range.to)
    // A day whose actions all moved away keeps its row at zero.
    .where('n', '<>', 0)
  if (viewer.role === 'admin') return summary
  const granted = db
    .selectFrom('advocacyActions')
    .select([
      'advocacyActions.actionDate',
      'advocacyActions.datePrecision',
      'advocacyActions.kind',
      sql<number>`1`.as('n'),
    ])
    .where('advocacyActions.inRestricted', '=', true)
    .where('advocacyActions.actionDate', '>=', range.from)
    .where('advocacyActions.actionDate', '<=', range.to)
    .where('advocacyActions.id', 'in', (eb) =>
      eb
        .selectFrom('caseAccess')
        .innerJoin('actionCases', 'actionCases.caseId', 'caseAccess.caseId')
        .select('actionCases.actionId')
        .where('caseAccess.userId', '=', viewer.id),
    )
    .where(actionVisibleTo(viewer))
  return summary.where('restricted', '=', false).unionAll(granted)
}

/**
 * The visible actions in the range grouped by `bucket` (an expression over the columns `action_date`
 * and `date_precision` of the rows) and kind.
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
