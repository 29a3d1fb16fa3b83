// The app's one Kysely instance. Opened on first use; a failed open is not cached, so the next
// request tries again instead of failing forever.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { noteDatabaseUnavailable } from './database-errors.server'
import { openConfiguredDatabase, type DatabaseHandle } from './open-database.server'
import { getEnv } from './env.server'

/** A request's statement running this long is cancelled: a page waits a minute at most. */
const STATEMENT_TIMEOUT_MS = 60_000

declare global {
  var __caseTrackerDb: Promise<DatabaseHandle> | undefined
}

export async function getDb(): Promise<Kysely<Database>> {
  if (!globalThis.__caseTrackerDb) {
    const opening = openConfiguredDatabase(getEnv(), {
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
      onConnectionLost: noteDatabaseUnavailable,
    })
    globalThis.__caseTrackerDb = opening
    opening.catch(() => {
      if (globalThis.__caseTrackerDb === opening) globalThis.__caseTrackerDb = undefined
    })
  }
  return (await globalThis.__caseTrackerDb).db
}

export async function closeDb(): Promise<void> {
  const opening = globalThis.__caseTrackerDb
  globalThis.__caseTrackerDb = undefined
  if (opening) await (await opening).close()
}
