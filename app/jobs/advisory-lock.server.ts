// Every app server schedules the same background jobs. On one database, a job runs under a
// PostgreSQL advisory lock held by the connection doing the work: one server does a round, the
// others skip it, and a server that dies mid-run releases the lock with its connection.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** One key per job, in a namespace of our own (the first of the two lock integers). */
const NAMESPACE = 0x43540001
export const JOB_LOCKS = { dueCaseRefresh: 1, sessionPurge: 2, digest: 3 } as const

/** Runs `work` on one connection holding the job's lock, or returns 'skipped' when another holds it. */
export async function onOneServerAtATime<T>(
  db: Kysely<Database>,
  job: number,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<T | 'skipped'> {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{
      locked: boolean
    }>`select pg_try_advisory_lock(${NAMESPACE}::int, ${job}::int) as locked`.execute(connection)
    if (!rows[0]?.locked) return 'skipped'
    try {
      return await work(connection)
    } finally {
      await sql`select pg_advisory_unlock(${NAMESPACE}::int, ${job}::int)`
        .execute(connection)
        .catch(() => {})
    }
  })
}
