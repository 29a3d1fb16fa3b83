// Server-side sessions: the cookie holds a random id, the database holds only its SHA-256, so a copy
// of the database cannot be used to sign in. Sign-out, disabling a user and timeouts end them at once.
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { writeAudit } from './audit.server'

export type SessionLimits = { idleMinutes: number; maxHours: number }

function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex')
}

export async function createSession(
  db: Kysely<Database>,
  { userId, limits, now = new Date() }: { userId: number; limits: SessionLimits; now?: Date },
): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url')
  await db
    .insertInto('sessions')
    .values({
      idHash: hashSessionId(sessionId),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + limits.maxHours * 3_600_000),
    })
    .execute()
  return sessionId
}

/**
 * The signed-in user of a session id, or null when the session is unknown, idle too long, past its
 * absolute lifetime, or its user is disabled. A live session's idle clock restarts.
 */
export async function getSessionUser(
  db: Kysely<Database>,
  { sessionId, limits, now = new Date() }: { sessionId: string; limits: SessionLimits; now?: Date },
) {
  const idHash = hashSessionId(sessionId)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabledAt',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
    ])
    .where('sessions.idHash', '=', idHash)
    .executeTakeFirst()
  if (!row) return null
  const idleDeadline = new Date(row.lastSeenAt).getTime() + limits.idleMinutes * 60_000
  if (
    row.disabledAt ||
    now.getTime() > idleDeadline ||
    now.getTime() > new Date(row.expiresAt).getTime()
  ) {
    await db.deleteFrom('sessions').where('idHash', '=', idHash).execute()
    return null
  }
  // Touch at most once a minute: a page load must not always write.
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db.updateTable('sessions').set({ lastSeenAt: now }).where('idHash', '=', idHash).execute()
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role }
}

/** Ends a session; returns whose it was, or null when there was none. */
export async function deleteSession(
  db: Kysely<Database> | Transaction<Database>,
  sessionId: string,
): Promise<number | null> {
  const row = await db
    .deleteFrom('sessions')
    .where('idHash', '=', hashSessionId(sessionId))
    .returning('userId')
    .executeTakeFirst()
  return row?.userId ?? null
}

/** Sign-out: ends the session and leaves an audit row for its user, in one transaction. */
export async function endSession(
  db: Kysely<Database>,
  { sessionId, requestId = null }: { sessionId: string; requestId?: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const userId = await deleteSession(trx, sessionId)
    if (userId === null) return
    await writeAudit(trx, {
      actor: { userId, requestId },
      entity: 'user',
      entityId: userId,
      action: 'sign_out',
    })
  })
}

/**
 * Deletes the sessions past their absolute lifetime or idle for too long. getSessionUser already
 * refuses them; this only keeps the table small. Both conditions are indexed (migration 0002).
 */
export async function purgeExpiredSessions(
  db: Kysely<Database>,
  { limits, now = new Date() }: { limits: SessionLimits; now?: Date },
): Promise<number> {
  const idleSince = new Date(now.getTime() - limits.idleMinutes * 60_000)
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<', now), eb('lastSeenAt', '<', idleSince)]))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
