// Failed sign-ins are counted in the database, per account and per client address, so the limit
// holds across several app servers. An attempt is written *before* the password is checked, under a
// per-key lock, so a burst of concurrent requests gets no more password checks than the limit; a
// successful sign-in removes its rows again. Expired rows are pruned by each new attempt.
import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { writeAudit } from './audit.server'

export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 20,
} as const

/** Expired rows deleted by each attempt: more than an attempt adds, so the table cannot grow. */
const PRUNE_BATCH = 100

type KeyKind = 'account' | 'address'

/** An attempt allowed to check its password; pass it to one of the two `record…` functions. */
export type SignInAttempt = {
  email: string
  accountKey: string
  address: string
  addressRowId: number
}

export type SignInAttemptCheck =
  { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfterSeconds: number }

/**
 * The account key is a hash of the lower-cased email: what someone typed in the email box (perhaps
 * their password) is never stored as typed.
 */
function accountKeyOf(email: string): string {
  return createHash('sha256').update(email).digest('hex')
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000)
}

type Db = Kysely<Database> | Transaction<Database>

async function pruneExpiredAttempts(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('signInAttempts')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('signInAttempts')
        .select('id')
        .where('attemptedAt', '<=', windowStart(now))
        .orderBy('attemptedAt')
        .limit(PRUNE_BATCH)
        .forUpdate()
        .skipLocked(),
    )
    .execute()
}

/** Held until the transaction ends: attempts on one key are counted one after another. */
async function lockKey(trx: Transaction<Database>, keyKind: KeyKind, key: string): Promise<void> {
  const name = `sign_in_attempts:${keyKind}:${key}`
  await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx)
}

async function countInWindow(db: Db, keyKind: KeyKind, key: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('signInAttempts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('keyKind', '=', keyKind)
    .where('key', '=', key)
    .where('attemptedAt', '>', windowStart(now))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Seconds until so many of a key's attempts have left the window that one more is allowed. */
async function secondsUntilFree(
  db: Db,
  { keyKind, key, limit, now }: { keyKind: KeyKind; key: string; limit: number; now: Date },
): Promise<number> {
  const row = await db
    .selectFrom('signInAttempts')
    .select('attemptedAt')
    .where('keyKind', '=', keyKind)
    .where('key', '=', key)
    .where('attemptedAt', '>', windowStart(now))
    .orderBy('attemptedAt', 'desc')
    .offset(limit - 1)
    .limit(1)
    .executeTakeFirst()
  if (!row) return 0
  const frees = new Date(row.attemptedAt).getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000
  return Math.ceil((frees - now.getTime()) / 1000)
}

/**
 * Tells whether the account and the client address may try a password now and, when they may,
 * writes the attempt for both. When either is over its limit nothing is written (a refused attempt
 * does not push the window further) and the caller must not check the password.
 */
export async function beginSignInAttempt(
  db: Kysely<Database>,
  { email, address: rawAddress, now = new Date() }: { email: string; address: string; now?: Date },
): Promise<SignInAttemptCheck> {
  const address = rawAddress.slice(0, 320) || 'unknown'
  const normalised = normaliseEmail(email)
  const accountKey = accountKeyOf(normalised)
  return db.transaction().execute(async (trx) => {
    // Always account first, then address: two requests never wait on each other in a circle.
    await lockKey(trx, 'account', accountKey)
    await lockKey(trx, 'address', address)
    await pruneExpiredAttempts(trx, now)
    const keys = [
      { keyKind: 'account', key: accountKey, limit: SIGN_IN_LIMITS.perAccount },
      { keyKind: 'address', key: address, limit: SIGN_IN_LIMITS.perAddress },
    ] as const
    let retryAfterSeconds = 0
    for (const { keyKind, key, limit } of keys) {
      if ((await countInWindow(trx, keyKind, key, now)) < limit) continue
      const wait = await secondsUntilFree(trx, { keyKind, key, limit, now })
      retryAfterSeconds = Math.max(retryAfterSeconds, wait, 1)
    }
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds }
    const rows = await trx
      .insertInto('signInAttempts')
      .values([
        { keyKind: 'account', key: accountKey, attemptedAt: now },
        { keyKind: 'address', key: address, attemptedAt: now },
      ])
      .returning(['id', 'keyKind'])
      .execute()
    const addressRowId = rows.find((row) => row.keyKind === 'address')!.id
    return { allowed: true, attempt: { email: normalised, accountKey, address, addressRowId } }
  })
}

/**
 * A wrong password, an unknown email or a disabled account: the attempt keeps counting, and the
 * audit log records it against the account when there is one. Never the email as typed, never
 * the password.
 */
export async function recordFailedSignIn(
  db: Kysely<Database>,
  { attempt, requestId = null }: { attempt: SignInAttempt; requestId?: string | null },
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', attempt.email))
    .executeTakeFirst()
  await writeAudit(db, {
    actor: { userId: null, requestId },
    entity: user ? 'user' : 'sign_in',
    entityId: user ? user.id : 'unknown-account',
    action: 'sign_in_failed',
    changes: [{ field: 'client_address', new: attempt.address }],
  })
}

/**
 * A successful sign-in clears the account's failures and does not count against the address; the
 * audit row is written in the same transaction.
 */
export async function recordSuccessfulSignIn(
  db: Kysely<Database>,
  {
    attempt,
    userId,
    requestId = null,
  }: { attempt: SignInAttempt; userId: number; requestId?: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('signInAttempts')
      .where((eb) =>
        eb.or([
          eb.and([eb('keyKind', '=', 'account'), eb('key', '=', attempt.accountKey)]),
          eb('id', '=', attempt.addressRowId),
        ]),
      )
      .execute()
    await writeAudit(trx, {
      actor: { userId, requestId },
      entity: 'user',
      entityId: userId,
      action: 'sign_in',
      changes: [{ field: 'client_address', new: attempt.address }],
    })
  })
}
