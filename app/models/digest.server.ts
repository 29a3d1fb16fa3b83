// Each user's e-mail digest setting and who is due one. No row means "off" (the default).
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { DIGEST_INTERVAL_MS, type DigestFrequency } from '../domain/follow'
import type { Role } from '../domain/vocabularies'

type Db = Kysely<Database>

export async function getDigestFrequency(db: Db, userId: number): Promise<DigestFrequency> {
  const row = await db
    .selectFrom('digestSettings')
    .select('frequency')
    .where('userId', '=', userId)
    .executeTakeFirst()
  return row?.frequency ?? 'off'
}

export async function setDigestFrequency(
  db: Db,
  { userId, frequency }: { userId: number; frequency: DigestFrequency },
) {
  await db
    .insertInto('digestSettings')
    .values({ userId, frequency })
    .onConflict((oc) =>
      oc.column('userId').doUpdateSet({ frequency, updatedAt: sql`now()` as never }),
    )
    .execute()
}

export type DigestRecipient = {
  id: number
  email: string
  role: Role
  frequency: Exclude<DigestFrequency, 'off'>
}

/** Active users whose daily or weekly digest is due at `now`, a bounded batch per run. */
export async function listDueDigests(
  db: Db,
  { now = new Date(), limit = 200 }: { now?: Date; limit?: number } = {},
): Promise<DigestRecipient[]> {
  const dueBefore = (frequency: 'daily' | 'weekly') =>
    new Date(now.getTime() - DIGEST_INTERVAL_MS[frequency] + 60_000)
  const rows = await db
    .selectFrom('digestSettings as d')
    .innerJoin('users', 'users.id', 'd.userId')
    .select(['users.id', 'users.email', 'users.role', 'd.frequency'])
    .where('users.disabledAt', 'is', null)
    .where((eb) =>
      eb.or(
        (['daily', 'weekly'] as const).map((frequency) =>
          eb.and([
            eb('d.frequency', '=', frequency),
            eb.or([
              eb('d.lastDigestAt', 'is', null),
              eb('d.lastDigestAt', '<=', dueBefore(frequency)),
            ]),
          ]),
        ),
      ),
    )
    .orderBy('users.id')
    .limit(limit)
    .execute()
  return rows as DigestRecipient[]
}

export async function markDigestSent(db: Db, { userId, at }: { userId: number; at: Date }) {
  await db
    .updateTable('digestSettings')
    .set({ lastDigestAt: at })
    .where('userId', '=', userId)
    .execute()
}
