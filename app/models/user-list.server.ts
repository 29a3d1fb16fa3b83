import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** Staff who can own a case: active editors and admins, by name. */
export function listPossibleOwners(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('disabledAt', 'is', null)
    .where('role', 'in', ['editor', 'admin'])
    .orderBy('name')
    .execute()
}
