// Over 300 lines: every write to a staff account, each one transaction with its audit row, kept beside the others.
// Managing staff accounts: the admin's list, creating an account, role changes, disabling and
// password resets, and the user's own password change. Every change runs in one transaction with
// its audit row; a password or its hash never reaches an audit row (only a sensitive marker).
import { randomBytes } from 'node:crypto'
import { verify } from '@node-rs/argon2'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { Role } from '../domain/vocabularies'
import { writeAudit, type Actor } from './audit.server'
import { hashPassword } from './user.server'

export const USER_PAGE_SIZE = 50

const PASSWORD_CHANGED = [{ field: 'password', sensitive: true as const }]

/**
 * A one-time password an admin hands over: 24 characters from base64url (144 random bits), well
 * inside the password rule. It is returned once and only its hash is kept.
 */
export function generateOneTimePassword(): string {
  return randomBytes(18).toString('base64url')
}

/** Ends every session of a user: they are signed out everywhere at once. */
export async function endUserSessions(
  db: Kysely<Database> | Transaction<Database>,
  userId: number,
): Promise<number> {
  const result = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * One page of users by name. "Last sign-in" is the latest of a live session's start and a recorded
 * sign-in, so it is known only while either exists.
 */
export async function listUsersPage(db: Kysely<Database>, { page }: { page: number }) {
  const [users, total] = await Promise.all([
    db
      .selectFrom('users')
      .select((eb) => [
        'users.id',
        'users.name',
        'users.email',
        'users.role',
        'users.disabledAt',
        eb
          .selectFrom('sessions')
          .select((s) => s.fn.max('sessions.createdAt').as('at'))
          .whereRef('sessions.userId', '=', 'users.id')
          .as('lastSessionAt'),
        eb
          .selectFrom('auditEvents')
          .select('auditEvents.occurredAt')
          .whereRef('auditEvents.userId', '=', 'users.id')
          .where('auditEvents.action', '=', 'sign_in')
          .orderBy('auditEvents.occurredAt', 'desc')
          .limit(1)
          .as('lastSignInEventAt'),
      ])
      .orderBy(sql`lower(users.name)`)
      .orderBy('users.id')
      .limit(USER_PAGE_SIZE)
      .offset((page - 1) * USER_PAGE_SIZE)
      .execute(),
    db
      .selectFrom('users')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    users: users.map(({ lastSessionAt, lastSignInEventAt, ...user }) => ({
      ...user,
      lastSignInAt: latest(lastSessionAt, lastSignInEventAt),
    })),
    total: total.count,
    page,
    pageCount: Math.max(1, Math.ceil(total.count / USER_PAGE_SIZE)),
  }
}

function latest(...values: (Date | string | null | undefined)[]): Date | null {
  const times = values.filter((v) => v != null).map((v) => new Date(v as Date | string).getTime())
  return times.length ? new Date(Math.max(...times)) : null
}

export async function getUserForAdmin(db: Kysely<Database>, userId: number) {
  const user = await db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'users.disabledAt',
      'users.createdAt',
      'users.version',
      eb
        .selectFrom('sessions')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('sessions.userId', '=', 'users.id')
        .as('sessionCount'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst()
  return user ? { ...user, sessionCount: Number(user.sessionCount ?? 0) } : undefined
}

export type NewUserFields = { name: string; email: string; role: Role }

/** Creates an account with a one-time password, returned here once and never stored in clear. */
export async function createUserWithOneTimePassword(
  db: Kysely<Database>,
  { actor, fields }: { actor: Actor; fields: NewUserFields },
) {
  const password = generateOneTimePassword()
  const passwordHash = await hashPassword(password)
  const email = fields.email.trim()
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst()
    if (taken) return { ok: false as const, reason: 'email_taken' as const }
    const user = await trx
      .insertInto('users')
      .values({
        email,
        name: fields.name.trim(),
        role: fields.role,
        passwordHash,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning(['id', 'name', 'email', 'role'])
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor,
      entity: 'user',
      entityId: user.id,
      action: 'create',
      changes: [
        { field: 'email', new: user.email },
        { field: 'name', new: user.name },
        { field: 'role', new: user.role },
        ...PASSWORD_CHANGED,
      ],
    })
    return { ok: true as const, user, password }
  })
}

type ChangeRefused = { ok: false; reason: 'not_found' | 'self' | 'stale' | 'unchanged' }
type ChangeResult = { ok: true } | ChangeRefused

/** A new role, naming the version the admin read; an admin cannot demote themselves. */
export async function changeUserRole(
  db: Kysely<Database>,
  { actor, userId, role, version }: { actor: Actor; userId: number; role: Role; version: number },
): Promise<ChangeResult> {
  if (actor.userId === userId) return { ok: false, reason: 'self' }
  return db.transaction().execute(async (trx): Promise<ChangeResult> => {
    const before = await trx
      .selectFrom('users')
      .select(['role', 'version'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return { ok: false, reason: 'not_found' }
    if (before.version !== version) return { ok: false, reason: 'stale' }
    if (before.role === role) return { ok: false, reason: 'unchanged' }
    await trx
      .updateTable('users')
      .set({
        role,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`version + 1`,
      })
      .where('id', '=', userId)
      .execute()
    await writeAudit(trx, {
      actor,
      entity: 'user',
      entityId: userId,
      action: 'update',
      changes: [{ field: 'role', old: before.role, new: role }],
    })
    return { ok: true }
  })
}

/** Disabling ends the user's sessions in the same transaction: they are out at once. */
export async function setUserDisabled(
  db: Kysely<Database>,
  { actor, userId, disabled }: { actor: Actor; userId: number; disabled: boolean },
): Promise<ChangeResult> {
  if (disabled && actor.userId === userId) return { ok: false, reason: 'self' }
  return db.transaction().execute(async (trx): Promise<ChangeResult> => {
    const before = await trx
      .selectFrom('users')
      .select(['disabledAt'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return { ok: false, reason: 'not_found' }
    if ((before.disabledAt !== null) === disabled) return { ok: false, reason: 'unchanged' }
    await trx
      .updateTable('users')
      .set({
        disabledAt: disabled ? new Date() : null,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`version + 1`,
      })
      .where('id', '=', userId)
      .execute()
    if (disabled) await endUserSessions(trx, userId)
    await writeAudit(trx, {
      actor,
      entity: 'user',
      entityId: userId,
      action: 'update',
      changes: [{ field: 'disabled', old: !disabled, new: disabled }],
    })
    return { ok: true }
  })
}

/** An admin's reset: a new one-time password (returned once), and the user's sessions end. */
export async function resetUserPassword(
  db: Kysely<Database>,
  { actor, userId }: { actor: Actor; userId: number },
) {
  if (actor.userId === userId) return { ok: false as const, reason: 'self' as const }
  const password = generateOneTimePassword()
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({
        passwordHash,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`version + 1`,
      })
      .where('id', '=', userId)
      .returning('id')
      .executeTakeFirst()
    if (!updated) return { ok: false as const, reason: 'not_found' as const }
    await endUserSessions(trx, userId)
    await writeAudit(trx, {
      actor,
      entity: 'user',
      entityId: userId,
      action: 'password_change',
      changes: PASSWORD_CHANGED,
    })
    return { ok: true as const, password }
  })
}

/**
 * The user's own change: the current password must match. All the user's sessions end; the caller
 * signs the current browser in again with a fresh session.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  {
    actor,
    userId,
    currentPassword,
    newPassword,
  }: { actor: Actor; userId: number; currentPassword: string; newPassword: string },
) {
  const row = await db
    .selectFrom('users')
    .select(['passwordHash'])
    .where('id', '=', userId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst()
  if (!row || !(await verify(row.passwordHash, currentPassword)))
    return { ok: false as const, reason: 'wrong_current' as const }
  const passwordHash = await hashPassword(newPassword)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        passwordHash,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`version + 1`,
      })
      .where('id', '=', userId)
      .execute()
    await endUserSessions(trx, userId)
    await writeAudit(trx, {
      actor,
      entity: 'user',
      entityId: userId,
      action: 'password_change',
      changes: PASSWORD_CHANGED,
    })
  })
  return { ok: true as const }
}
