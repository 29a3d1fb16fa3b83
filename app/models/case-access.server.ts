// Who may see a restricted case besides admins: grants per user, each change written in one
// transaction with its audit row. Admins see every case, so only editors and viewers are granted.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { writeAudit, type Actor } from './audit.server'

type Db = Kysely<Database> | Transaction<Database>

const GRANTABLE_ROLES = ['editor', 'viewer'] as const

export type AccessChangeResult =
  | { ok: true; status: 'granted' | 'already_granted' | 'revoked' | 'not_granted'; name: string }
  | { ok: false; reason: 'unknown_user' }

/** The users granted access to a case, with who granted it and when, by name. */
export function listCaseAccess(db: Db, { caseId }: { caseId: number }) {
  return db
    .selectFrom('caseAccess')
    .innerJoin('users', 'users.id', 'caseAccess.userId')
    .leftJoin('users as granter', 'granter.id', 'caseAccess.grantedBy')
    .select([
      'users.id as userId',
      'users.name',
      'users.email',
      'users.role',
      'users.disabledAt',
      'granter.name as grantedByName',
      'caseAccess.createdAt as grantedAt',
    ])
    .where('caseAccess.caseId', '=', caseId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute()
}

/** Active editors and viewers who have no grant on the case yet: the choices of the grant form. */
export function listGrantableUsers(db: Db, { caseId }: { caseId: number }) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name', 'users.email', 'users.role'])
    .where('users.disabledAt', 'is', null)
    .where('users.role', 'in', GRANTABLE_ROLES)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('caseAccess')
            .select('caseAccess.userId')
            .whereRef('caseAccess.userId', '=', 'users.id')
            .where('caseAccess.caseId', '=', caseId),
        ),
      ),
    )
    .orderBy('users.name')
    .orderBy('users.id')
    .execute()
}

/** How the audit row and the page name a user: "Jane Doe (jane@example.org)". */
function accessLabel(user: { name: string; email: string }): string {
  return `${user.name} (${user.email})`
}

export async function grantCaseAccess(
  db: Kysely<Database>,
  { actor, caseId, userId }: { actor: Actor; caseId: number; userId: number },
): Promise<AccessChangeResult> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', '=', userId)
      .where('disabledAt', 'is', null)
      .where('role', 'in', GRANTABLE_ROLES)
      .executeTakeFirst()
    if (!user) return { ok: false as const, reason: 'unknown_user' as const }
    const name = accessLabel(user)
    // Two admins granting at once: the primary key keeps one row and only its writer audits it.
    const inserted = await trx
      .insertInto('caseAccess')
      .values({ caseId, userId, grantedBy: actor.userId })
      .onConflict((oc) => oc.columns(['caseId', 'userId']).doNothing())
      .returning('userId')
      .executeTakeFirst()
    if (!inserted) return { ok: true as const, status: 'already_granted' as const, name }
    await writeAudit(trx, {
      actor,
      entity: 'case',
      entityId: caseId,
      action: 'grant',
      caseId,
      changes: [{ field: 'access', new: name }],
    })
    return { ok: true as const, status: 'granted' as const, name }
  })
}

export async function revokeCaseAccess(
  db: Kysely<Database>,
  { actor, caseId, userId }: { actor: Actor; caseId: number; userId: number },
): Promise<AccessChangeResult> {
  return db.transaction().execute(async (trx) => {
    // A disabled user's grant can still be revoked, so the lookup does not filter on disabledAt.
    const user = await trx
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user) return { ok: false as const, reason: 'unknown_user' as const }
    const name = accessLabel(user)
    const deleted = await trx
      .deleteFrom('caseAccess')
      .where('caseId', '=', caseId)
      .where('userId', '=', userId)
      .returning('userId')
      .executeTakeFirst()
    if (!deleted) return { ok: true as const, status: 'not_granted' as const, name }
    await writeAudit(trx, {
      actor,
      entity: 'case',
      entityId: caseId,
      action: 'revoke',
      caseId,
      // The access the user had: recorded as the old value, since they no longer have it.
      changes: [{ field: 'access', old: name }],
    })
    return { ok: true as const, status: 'revoked' as const, name }
  })
}
