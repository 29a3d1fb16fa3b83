// Helpers for the backup tests: a database seeded so every table a backup holds has rows (names in
// four scripts, partial dates), a backup as text, and a text as a stream of bytes.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { backupChunks } from '../../app/backup/write.server'
import { createSession } from '../../app/models/session.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { makeCase } from './fixtures'
import { buildWorld } from './leak-world'

export async function backupText(db: Kysely<any>): Promise<string> {
  let text = ''
  for await (const chunk of backupChunks(db)) text += chunk
  return text
}

/** The text as a stream of small byte chunks, cutting through lines and multi-byte characters. */
export async function* bytesOf(text: string, size = 777): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8')
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size)
}

export const NAMES = ['刘晓波', 'Арсамиков Идрис', 'علاء عبد الفتاح', 'ნიკა მელია']

/** Every table a backup holds gets rows: the world, cases named in four scripts, partial dates. */
export async function seedEverything(db: Kysely<Database>) {
  const world = await buildWorld(db, 'backup')
  for (const [index, fullName] of NAMES.entries()) {
    const made = await makeCase(db, {
      fullName,
      aliases: [fullName.split(' ')[0]!],
      country: ['China', 'Россия', 'مصر', 'საქართველო'][index]!,
      summary: `${fullName}: "quoted", back\\slash, a tab\there and\na new line.`,
      visibility: index === 3 ? 'restricted' : 'internal',
    })
    for (const [eventDate, datePrecision] of [
      ['2019-01-01', 'year'],
      ['2019-07-01', 'month'],
      ['2020-02-29', 'day'],
    ] as const)
      await recordStatusEvent(db, {
        actor: { userId: world.users.admin.id },
        caseId: made.id,
        fields: {
          eventDate,
          datePrecision,
          custodyState: 'detained',
          legalStage: null,
          releaseReason: null,
          location: 'Грозный',
          description: `${fullName} — ${datePrecision}`,
          certainty: 'alleged',
        },
      })
  }
  // Following (the world's follows), visits and the digest setting are user data, backed up too.
  const follower = { userId: world.users.viewer.id, caseId: world.cases.a.id }
  await db.insertInto('caseVisits').values({ ...follower, seenAt: new Date() }).execute()
  await db
    .insertInto('digestSettings')
    .values({ userId: follower.userId, frequency: 'weekly', lastDigestAt: new Date() })
    .execute()
  // A removed case leaves a gap the restored sequence must keep, so its id is never handed out again.
  const gone = await db
    .insertInto('cases')
    .values({ slug: 'removed-person', fullName: 'Removed Person' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.deleteFrom('cases').where('id', '=', gone.id).execute()
  // Left out of backups: a session and a sign-in attempt.
  await createSession(db, {
    userId: world.users.admin.id,
    limits: { idleMinutes: 60, maxHours: 8 },
  })
  await db
    .insertInto('signInAttempts')
    .values({ keyKind: 'account', key: 'x@example.org' })
    .execute()
  return world
}
