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

/** Whether a user has this id: a case's owner must be one (perhaps since disabled, kept on an edit). */
export async function isKnownUser(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()
  return row !== undefined
}
