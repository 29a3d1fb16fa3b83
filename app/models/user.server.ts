import { hash, verify } from '@node-rs/argon2'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Role } from '../domain/vocabularies'

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// Verifying against this keeps an unknown email as slow as a wrong password, so timing tells nothing.
let dummyHash: Promise<string> | undefined

export async function verifyLogin(
  db: Kysely<Database>,
  { email, password }: { email: string; password: string },
) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'passwordHash', 'disabledAt'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst()
  if (!user) {
    dummyHash ??= hashPassword('not a real password')
    await verify(await dummyHash, password)
    return null
  }
  const ok = await verify(user.passwordHash, password)
  if (!ok || user.disabledAt) return null
  return { id: user.id }
}

export async function createUser(
  db: Kysely<Database>,
  {
    email,
    name,
    role,
    password,
    createdBy = null,
  }: { email: string; name: string; role: Role; password: string; createdBy?: number | null },
) {
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        email: email.trim(),
        name: name.trim(),
        role,
        passwordHash,
        createdBy,
        updatedBy: createdBy,
      })
      .returning(['id', 'email', 'name', 'role'])
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('auditEvents')
      .values({
        userId: createdBy,
        entity: 'user',
        entityId: String(user.id),
        action: 'create',
        changes: JSON.stringify([
          { field: 'email', new: user.email },
          { field: 'name', new: user.name },
          { field: 'role', new: user.role },
        ]),
      })
      .execute()
    return user
  })
}

export async function setUserPassword(
  db: Kysely<Database>,
  { userId, password }: { userId: number; password: string },
) {
  const passwordHash = await hashPassword(password)
  await db
    .updateTable('users')
    .set({ passwordHash, updatedAt: new Date() })
    .where('id', '=', userId)
    .execute()
}

export function getUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'disabledAt'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst()
}

/** Disabling a user ends their sessions in the same transaction: they are out at once. */
export async function disableUser(
  db: Kysely<Database>,
  { userId, by }: { userId: number; by: number | null },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabledAt: new Date(), updatedAt: new Date(), updatedBy: by })
      .where('id', '=', userId)
      .execute()
    await trx.deleteFrom('sessions').where('userId', '=', userId).execute()
    await trx
      .insertInto('auditEvents')
      .values({
        userId: by,
        entity: 'user',
        entityId: String(userId),
        action: 'update',
        changes: JSON.stringify([{ field: 'disabled', old: false, new: true }]),
      })
      .execute()
  })
}

export function listUsers(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'disabledAt'])
    .orderBy('name')
    .execute()
}
