// Which cases a user may see, as one SQL condition every case query shares: admins see all; others
// see public and internal cases and the restricted ones they were granted.
import { sql, type ExpressionBuilder } from 'kysely'
import type { Database } from '../../db/schema'
import type { Role } from '../domain/vocabularies'

export type Viewer = { id: number; role: Role }

export function caseVisibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    if (viewer.role === 'admin') return sql<boolean>`true`
    return eb.or([
      eb('cases.visibility', '!=', 'restricted'),
      eb.exists(
        eb
          .selectFrom('caseAccess')
          .select('caseAccess.caseId')
          .whereRef('caseAccess.caseId', '=', 'cases.id')
          .where('caseAccess.userId', '=', viewer.id),
      ),
    ])
  }
}
