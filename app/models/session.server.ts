// Server-side sessions: the cookie holds a random id, the database holds only its SHA-256, so a copy
// of the database cannot be used to sign in. Sign-out, disabling a user and timeouts end them at once.
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

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

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', hashSessionId(sessionId)).execute()
}

export async function deleteExpiredSessions(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<', now).execute()
}
